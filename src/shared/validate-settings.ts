/**
 * Validation of the persisted settings: a `settings:set` patch, the whole settings file, and the
 * parts a session or a progress file carries too (the student's name and progress). The schemas
 * are in settings.ts and lesson-progress.ts; here each answers a Result.
 */
import { lessonProgressSchema, type LessonProgress } from './lesson-progress'
import type { Result } from './result'
import { parseWith } from './schema/app-error'
import {
  appSettingsSchema,
  paneSharesSchema,
  settingsPatchSchema,
  studentNameSchema,
  type AppSettings,
  type PaneShares,
  type SettingsPatch,
} from './settings'

/** The splitters' shares: every one there, each a number within its range. */
export function checkPaneShares(value: unknown): Result<PaneShares> {
  return parseWith(paneSharesSchema, value, { name: 'panes' })
}

/** A student's progress: a known open stage, and known stages and checkpoints with times. */
export function checkLessonProgress(value: unknown): Result<LessonProgress> {
  return parseWith(lessonProgressSchema, value, { name: 'progress' })
}

/** A student's name as typed: trimmed, at most MAX_STUDENT_NAME characters, no control characters; empty is none. */
export function checkStudentName(value: unknown): Result<string | null> {
  return parseWith(studentNameSchema, value, { name: 'studentName' })
}

/** A `settings:set` patch: each known field checked when present, nothing else. */
export function checkSettingsPatch(obj: Record<string, unknown>): Result<SettingsPatch> {
  return parseWith(settingsPatchSchema, obj)
}

/**
 * A settings file's parsed JSON: version 1, no unknown keys; a missing field takes its default.
 */
export function parseAppSettings(value: unknown): Result<AppSettings> {
  return parseWith(appSettingsSchema, value, { whole: 'The settings file' })
}
