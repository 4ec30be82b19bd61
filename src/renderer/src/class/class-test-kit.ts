/**
 * Test helpers for the class view: progress files and sessions as students' apps write them.
 */
import {
  STAGE_CHECKPOINTS,
  type LessonProgress,
  type StageId,
} from '../../../shared/lesson-progress'
import { serializeProgress } from '../lessons/progress-file'
import { serializeSession } from '../../../shared/session-file'
import type { ClassStudentFile } from './class-file'

/** 2026-05-14 09:00 local time: the lesson's start. */
export const LESSON_START = new Date(2026, 4, 14, 9, 0).getTime()

/**
 * Progress with every stage before `stuckAt` complete and `extra` checkpoints of `stuckAt`
 * ticked, one checkpoint a minute from {@link LESSON_START}. `stuckAt` null: everything ticked.
 */
export function progressUpTo(stuckAt: StageId | null, extra = 0): LessonProgress {
  const progress: LessonProgress = { stageId: stuckAt ?? 'shutdown', stages: {} }
  let minute = 0
  for (const { stageId, checkpoints } of STAGE_CHECKPOINTS) {
    const count = stageId === stuckAt ? extra : checkpoints.length
    const ticked: Record<string, number> = {}
    for (const id of checkpoints.slice(0, count)) ticked[id] = LESSON_START + ++minute * 60_000
    progress.stages[stageId] = { since: LESSON_START, ticked }
    if (stageId === stuckAt) break
  }
  return progress
}

/** A progress export's text. */
export function progressText(student: string | null, progress: LessonProgress): string {
  return serializeProgress({
    student,
    progress,
    exportedAt: LESSON_START + 3_600_000,
    appVersion: '0.1.0',
  })
}

/** A saved session's text, with the progress when given. */
export function sessionText(student: string | null, progress?: LessonProgress): string {
  return serializeSession({
    savedAt: LESSON_START + 3_600_000,
    platform: 'linux',
    listeners: [],
    connections: [],
    ...(progress ? { student, progress } : {}),
  })
}

/** A file read into a student's progress, as the worker would return it. */
export function studentFile(
  file: string,
  student: string | null,
  progress: LessonProgress,
): ClassStudentFile {
  return { file, kind: 'progress', student, progress, savedAt: LESSON_START }
}
