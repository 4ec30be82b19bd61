/**
 * Settings that persist across restarts: in Electron's user data folder, in browser mode in the
 * same kind of per-user folder (see src/main/settings-store.ts).
 *
 * The settings file and a `settings:set` patch are valibot schemas and their types inferred:
 * {@link AppSettings} is what reading a file gives (a missing field takes its default, written
 * here once), {@link SettingsPatch} what a checked patch is.
 */
import * as v from 'valibot'
import type { ListenerSettings } from './contract/domain'
import { MAX_LISTENERS } from './contract/limits'
import { EMPTY_PROGRESS, lessonProgressSchema, MAX_STUDENT_NAME } from './lesson-progress'
import { flag, oneOf } from './schema/fields'
import { savedListenerSchema } from './schema/listener'
import { boundedArray, strictObject } from './schema/object'
import type { Same } from './schema/same'

export const LANGUAGES = ['en', 'ru'] as const
export type Language = (typeof LANGUAGES)[number]

export const THEMES = ['system', 'light', 'dark'] as const
export type ThemeChoice = (typeof THEMES)[number]

/** A listener's settings as saved: all of them but the state. */
export type SavedListener = ListenerSettings

/**
 * Most listeners the settings file keeps (the first ones, in card order): as many as an engine
 * holds. A file with more is used with its first this many, and the notice says how many were left.
 */
export const MAX_SAVED_LISTENERS = MAX_LISTENERS

/**
 * Largest settings file that is read (bytes). The largest Socket Lab writes is about 28 MiB:
 * MAX_SAVED_LISTENERS listeners with both pages and both heads at their limits, every byte a
 * control character that JSON writes as six (`\u0001`). A larger file was not written by Socket
 * Lab, and is not read into memory.
 */
export const MAX_SETTINGS_FILE_BYTES = 32 * 1024 * 1024

export const MIN_FONT_SCALE = 0.8
export const MAX_FONT_SCALE = 2

/**
 * Each splitter's share of its container: the lesson pane's of the window's width, the lesson's
 * of the pane's height (stacked) or width (side by side, in projector mode). Each share's range,
 * and the value it starts with (and a double click puts back).
 */
export const PANE_SHARES = {
  side: { min: 0.18, max: 0.5, initial: 0.24 },
  lesson: { min: 0.2, max: 0.8, initial: 0.52 },
  lessonSideBySide: { min: 0.2, max: 0.8, initial: 0.5 },
} satisfies Record<string, { min: number; max: number; initial: number }>

function share({ min, max }: { min: number; max: number }) {
  const message = `must be a number from ${min} to ${max}`
  return v.pipe(v.number(message), v.minValue(min, message), v.maxValue(max, message))
}

/** The splitters' shares: every one there, each a number within its range. */
export const paneSharesSchema = strictObject({
  side: share(PANE_SHARES.side),
  lesson: share(PANE_SHARES.lesson),
  lessonSideBySide: share(PANE_SHARES.lessonSideBySide),
})
export type PaneShares = v.InferOutput<typeof paneSharesSchema>

const isSamePanes: Same<keyof PaneShares, keyof typeof PANE_SHARES> = true
void isSamePanes

export const DEFAULT_PANES: PaneShares = {
  side: PANE_SHARES.side.initial,
  lesson: PANE_SHARES.lesson.initial,
  lessonSideBySide: PANE_SHARES.lessonSideBySide.initial,
}

/**
 * A student's name as typed: trimmed, at most MAX_STUDENT_NAME characters, no control
 * characters; empty is none (null).
 */
export const studentNameSchema = v.nullable(
  v.pipe(
    v.string('must be a string or null'),
    v.trim(),
    v.maxLength(MAX_STUDENT_NAME, `has more than ${MAX_STUDENT_NAME} characters`),
    // eslint-disable-next-line no-control-regex
    v.check((name) => !/[\u0000-\u001f\u007f]/.test(name), 'has control characters'),
    v.transform((name) => (name === '' ? null : name)),
  ),
)

/** Every setting, with the value it takes when a file does not have it. */
const settingsEntries = {
  /** null: follow the OS language. */
  language: v.optional(v.nullable(oneOf(LANGUAGES)), null),
  theme: v.optional(oneOf(THEMES), 'system'),
  /** The listeners' settings as last left, in card order (restored stopped). */
  listeners: v.optional(boundedArray(savedListenerSchema, MAX_SAVED_LISTENERS, 'listeners'), []),
  /** Text size as a multiple of the default (View's Ctrl +/−): MIN_FONT_SCALE to MAX_FONT_SCALE. */
  fontScale: v.optional(share({ min: MIN_FONT_SCALE, max: MAX_FONT_SCALE }), 1),
  /** Projector mode: large type, high contrast, the lesson and the log side by side. */
  isProjector: v.optional(flag, false),
  /** The first-run steps were dismissed. */
  isFirstRunDismissed: v.optional(flag, false),
  /** The student's name, if given: kept with the progress, in sessions and progress exports. */
  studentName: v.optional(studentNameSchema, null),
  /** Where the student is in the chapter. */
  progress: v.optional(lessonProgressSchema, EMPTY_PROGRESS),
  /** How the window is divided, as the user left its splitters. */
  panes: v.optional(paneSharesSchema, DEFAULT_PANES),
}

/** A settings file's parsed JSON: version 1, no unknown keys; a missing field takes its default. */
export const appSettingsSchema = strictObject({
  version: v.literal(1, 'must be 1'),
  ...settingsEntries,
})
export type AppSettings = v.InferOutput<typeof appSettingsSchema>

/**
 * A `settings:set` patch: each known field checked when present, nothing else.
 *
 * The output type, for the renderer too: both sides apply a patch to AppSettings as it is, and
 * the input type (what the engine also takes: a listener without its stage fields, a name with
 * spaces around it) would not fit them.
 */
export const settingsPatchSchema = strictObject(v.partial(v.object(settingsEntries)).entries)
export type SettingsPatch = v.InferOutput<typeof settingsPatchSchema>

// A patch sets some of the settings, and nothing else.
const isSamePatch: Same<SettingsPatch, Partial<Omit<AppSettings, 'version'>>> = true
void isSamePatch

/** The settings of a new install, and of a file that has nothing but its version. */
export const DEFAULT_SETTINGS: AppSettings = v.parse(appSettingsSchema, { version: 1 })

/** What stands where the settings file should be when it is not a regular file. */
export const NOT_A_FILE_KINDS = ['directory', 'fifo', 'socket', 'device', 'other'] as const
export type NotAFileKind = (typeof NOT_A_FILE_KINDS)[number]

/**
 * What load found wrong with the settings file. `message` is English (the OS's or the parser's
 * words, for the details); `file` is the settings file's path.
 */
export type SettingsProblem =
  /**
   * Not used: damaged, unreadable, or larger than MAX_SETTINGS_FILE_BYTES (not read). It was moved
   * aside to `movedTo` (null: that failed too) and defaults took its place.
   */
  | {
      kind: 'corrupt' | 'unreadable' | 'too-large'
      message: string
      file?: string
      movedTo?: string | null
    }
  /**
   * A directory, FIFO, socket or device: never opened for reading, left as it is. Defaults are
   * used, and saves are refused while it stands there.
   */
  | { kind: 'not-a-file'; message: string; file: string; found: NotAFileKind }
  /** Used, with its first MAX_SAVED_LISTENERS listeners; `ignored` more were left out. */
  | { kind: 'listeners-capped'; message: string; file: string; ignored: number }

export interface LoadedSettings {
  settings: AppSettings
  /** What load found wrong with the file (reported for the whole run), or null. */
  problem: SettingsProblem | null
  /** Why the last save failed (English, naming the file); null or absent: the last one worked. */
  saveError?: string | null
}
