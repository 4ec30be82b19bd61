/**
 * One file a teacher opens in the class view: a progress export or a saved session, read and
 * checked into a student's name and lesson progress, or a problem to list beside its file name.
 *
 * Pure and synchronous except for {@link readClassFile}: the class view runs it in a Web Worker
 * (parse-worker.ts), tests call it directly.
 */
import { jsonItems } from '../../../shared/json-limits'
import type { LessonProgress } from '../../../shared/lesson-progress'
import {
  MAX_PROGRESS_FILE_BYTES,
  PROGRESS_FORMAT,
  parseProgressFile,
  type ProgressFileProblem,
} from '../lessons/progress-file'
import { type Result, assertNever, err, ok } from '../../../shared/result'
import {
  SESSION_FORMAT,
  parseSessionFile,
  type SessionFileProblem,
} from '../../../shared/session-file'

/** Larger files are refused unread: a class's sessions are far smaller, and 200 are read in turn. */
export const MAX_CLASS_FILE_BYTES = 64 * 1024 * 1024
/**
 * Most arrays, objects and list items (see jsonItems) a class file may hold, counted before
 * JSON.parse: a session with lesson progress from a class exercise holds a few hundred thousand;
 * 64 MiB of `{},` would be over twenty million objects, enough to take the worker and the tab down.
 */
export const MAX_CLASS_FILE_ITEMS = 4 * 1024 * 1024
/** How many files the class view holds at once. */
export const MAX_CLASS_FILES = 200

/** Why a file could not be used; the view words each through the catalogs. */
export type ClassFileProblem =
  | { kind: 'too-large'; bytes: number; limit: number }
  | { kind: 'too-deep' }
  | { kind: 'not-json' }
  | { kind: 'unknown-format' }
  | { kind: 'newer-version'; version: number }
  | { kind: 'damaged'; where: string }
  | { kind: 'no-progress' }
  | { kind: 'unreadable' }
  | { kind: 'too-many-values'; limit: number }

export type ClassFileKind = 'progress' | 'session'

/** A file read into a student's progress. */
export interface ClassStudentFile {
  /** The file's name as the teacher's system gave it. */
  file: string
  kind: ClassFileKind
  /** The name the student typed, or null (the view then lists the file name). */
  student: string | null
  progress: LessonProgress
  /** When it was exported or saved (wall-clock ms). */
  savedAt: number
}

/** A file that could not be used, and why. */
export interface ClassFileFailure {
  file: string
  problem: ClassFileProblem
}

/** A student's file, or why it could not be used. */
export type ClassFileResult = Result<ClassStudentFile, ClassFileFailure>

/** The file a result is about, whether it was used or not. */
export function fileOf(result: ClassFileResult): string {
  return result.ok ? result.value.file : result.error.file
}

function failure(file: string, problem: ClassFileProblem): ClassFileResult {
  return err({ file, problem })
}

/** What the file says it is, from its first bytes (both writers put `format` first). */
function sniff(text: string): ClassFileKind | null {
  const head = text.slice(0, 2048)
  const says = (format: string): boolean => new RegExp(`"format"\\s*:\\s*"${format}"`).test(head)
  if (says(SESSION_FORMAT)) return 'session'
  if (says(PROGRESS_FORMAT)) return 'progress'
  return null
}

function fromProgressProblem(file: string, problem: ProgressFileProblem): ClassFileResult {
  switch (problem.kind) {
    case 'too-large':
      return failure(file, {
        kind: 'too-large',
        bytes: problem.bytes,
        limit: MAX_PROGRESS_FILE_BYTES,
      })
    case 'not-progress':
      return failure(file, { kind: 'unknown-format' })
    case 'damaged':
      return failure(file, { kind: 'damaged', where: problem.reason })
    case 'too-deep':
    case 'not-json':
    case 'newer-version':
      return failure(file, problem)
    default:
      return assertNever(problem)
  }
}

function fromSessionProblem(file: string, problem: SessionFileProblem): ClassFileResult {
  switch (problem.kind) {
    case 'too-large':
      return failure(file, { kind: 'too-large', bytes: problem.bytes, limit: MAX_CLASS_FILE_BYTES })
    case 'not-a-session':
      return failure(file, { kind: 'unknown-format' })
    case 'too-deep':
    case 'not-json':
    case 'newer-version':
    case 'damaged':
      return failure(file, problem)
    default:
      return assertNever(problem)
  }
}

function asProgress(file: string, text: string): ClassFileResult {
  const parsed = parseProgressFile(text)
  if (!parsed.ok) return fromProgressProblem(file, parsed.error)
  const { student, progress, exportedAt } = parsed.value
  return ok({ file, kind: 'progress', student, progress, savedAt: exportedAt })
}

function asSession(file: string, text: string): ClassFileResult {
  // The session parser checks the depth before JSON.parse; its own size limit is far larger.
  if (text.length > MAX_CLASS_FILE_BYTES)
    return failure(file, { kind: 'too-large', bytes: text.length, limit: MAX_CLASS_FILE_BYTES })
  if (jsonItems(text, MAX_CLASS_FILE_ITEMS + 1) > MAX_CLASS_FILE_ITEMS)
    return failure(file, { kind: 'too-many-values', limit: MAX_CLASS_FILE_ITEMS })
  const parsed = parseSessionFile(text)
  if (!parsed.ok) return fromSessionProblem(file, parsed.error)
  const session = parsed.value
  if (!session.progress) return failure(file, { kind: 'no-progress' })
  return ok({
    file,
    kind: 'session',
    student: session.student ?? null,
    progress: session.progress,
    savedAt: session.savedAt,
  })
}

/**
 * Checks one file's text: a progress export (within the progress parser's limits) or a saved
 * session (at most {@link MAX_CLASS_FILE_BYTES}) that carries progress. Never throws.
 */
export function parseClassFile(file: string, text: string): ClassFileResult {
  const kind = sniff(text)
  switch (kind) {
    case 'session':
      return asSession(file, text)
    case 'progress':
      return asProgress(file, text)
    case null: {
      // Edited by hand, `format` may come later: the small parser first, then the large one.
      if (text.length > MAX_PROGRESS_FILE_BYTES) return asSession(file, text)
      const progress = asProgress(file, text)
      if (progress.ok || progress.error.problem.kind !== 'unknown-format') return progress
      return asSession(file, text)
    }
    default:
      return assertNever(kind)
  }
}

/** A file as the worker gets it: a File, or any Blob with a name. */
export interface NamedBlob {
  readonly name: string
  readonly size: number
  text(): Promise<string>
}

/** Reads and checks one file; a file over the limit is refused before a byte of it is read. */
export async function readClassFile(blob: NamedBlob): Promise<ClassFileResult> {
  if (blob.size > MAX_CLASS_FILE_BYTES)
    return failure(blob.name, { kind: 'too-large', bytes: blob.size, limit: MAX_CLASS_FILE_BYTES })
  let text: string
  try {
    text = await blob.text()
  } catch {
    return failure(blob.name, { kind: 'unreadable' })
  }
  try {
    return parseClassFile(blob.name, text)
  } catch {
    // A file the engine cannot even hold as parsed JSON (out of memory): it must not stop the others.
    return failure(blob.name, { kind: 'unreadable' })
  }
}

/**
 * Reads `blobs` one after another (one file's text in memory at a time), reporting each result
 * in order as soon as it is known.
 */
export async function readClassFiles(
  blobs: readonly NamedBlob[],
  onResult: (result: ClassFileResult, index: number) => void,
): Promise<void> {
  for (const [index, blob] of blobs.entries()) onResult(await readClassFile(blob), index)
}

/**
 * Which of the `incoming` files to read, given the names already shown: a name already shown is
 * read again and replaces its row; new names are taken in order while fewer than `max` files are
 * held; a name given twice is read once. `skipped` counts the files left out by the cap.
 */
export function admitFiles<T extends { readonly name: string }>(
  shown: ReadonlySet<string>,
  incoming: readonly T[],
  max: number = MAX_CLASS_FILES,
): { admitted: T[]; skipped: number } {
  const admitted: T[] = []
  const names = new Set<string>()
  let held = shown.size
  let skipped = 0
  for (const file of incoming) {
    if (names.has(file.name)) continue
    if (!shown.has(file.name)) {
      if (held >= max) {
        skipped++
        continue
      }
      held++
    }
    names.add(file.name)
    admitted.push(file)
  }
  return { admitted, skipped }
}
