/**
 * A student's progress as a small file to hand in ("Export progress"): the name, each stage's
 * checkpoints with the time each ticked, the app's version. The teacher's class view reads these
 * (and saved sessions, which carry the same progress).
 */
import { parseJsonWithin } from '../../../shared/json-limits'
import type { LessonProgress } from '../../../shared/lesson-progress'
import { checkLessonProgress, checkStudentName } from '../../../shared/validate-settings'
import { err, ok, type Result } from '../../../shared/result'

export const PROGRESS_FORMAT = 'socket-lab-progress'
export const PROGRESS_VERSION = 1
/** Larger files are refused before parsing: a real one is a few kilobytes. */
export const MAX_PROGRESS_FILE_BYTES = 256 * 1024
/** Deeper nesting is refused before parsing: a real file nests 4 levels. */
export const MAX_PROGRESS_DEPTH = 16

export interface ProgressFile {
  student: string | null
  progress: LessonProgress
  /** Wall-clock ms of the export. */
  exportedAt: number
  /** The version of Socket Lab that wrote it. */
  appVersion: string
}

export type ProgressFileProblem =
  | { kind: 'too-large'; bytes: number }
  | { kind: 'too-deep' }
  | { kind: 'not-json' }
  | { kind: 'not-progress' }
  | { kind: 'newer-version'; version: number }
  | { kind: 'damaged'; reason: string }

export function serializeProgress(file: ProgressFile): string {
  return `${JSON.stringify(
    {
      format: PROGRESS_FORMAT,
      version: PROGRESS_VERSION,
      appVersion: file.appVersion,
      exportedAt: file.exportedAt,
      student: file.student,
      progress: file.progress,
    },
    null,
    2,
  )}\n`
}

/** Reads a progress file's text; every field is checked, nothing half-read is returned. */
export function parseProgressFile(text: string): Result<ProgressFile, ProgressFileProblem> {
  const parsed = parseJsonWithin(text, {
    maxChars: MAX_PROGRESS_FILE_BYTES,
    maxDepth: MAX_PROGRESS_DEPTH,
  })
  if (!parsed.ok) return parsed
  const data = parsed.value
  if (typeof data !== 'object' || data === null || Array.isArray(data))
    return err({ kind: 'not-progress' })
  const file = data as Record<string, unknown>
  if (file['format'] !== PROGRESS_FORMAT) return err({ kind: 'not-progress' })
  const version = file['version']
  if (typeof version !== 'number' || !Number.isInteger(version) || version < 1)
    return err({ kind: 'damaged', reason: 'version' })
  if (version > PROGRESS_VERSION) return err({ kind: 'newer-version', version })
  const exportedAt = file['exportedAt']
  if (typeof exportedAt !== 'number' || !Number.isFinite(exportedAt) || exportedAt < 0)
    return err({ kind: 'damaged', reason: 'exportedAt' })
  const appVersion = file['appVersion']
  if (typeof appVersion !== 'string' || appVersion.length > 40)
    return err({ kind: 'damaged', reason: 'appVersion' })
  const student = checkStudentName(file['student'] ?? null)
  if (!student.ok) return err({ kind: 'damaged', reason: 'student' })
  const progress = checkLessonProgress(file['progress'])
  if (!progress.ok) return err({ kind: 'damaged', reason: progress.error.message })
  return ok({ student: student.value, progress: progress.value, exportedAt, appVersion })
}
