/**
 * Settings that persist across restarts: in Electron's user data folder, in browser mode in the
 * same kind of per-user folder (see src/main/settings-store.ts).
 */
import type { ListenerSettings } from './contract/domain'
import { EMPTY_PROGRESS, type LessonProgress } from './lesson-progress'

export type Language = 'en' | 'ru'
export type ThemeChoice = 'system' | 'light' | 'dark'

/** A listener's settings as saved: all of them but the state. */
export type SavedListener = ListenerSettings

export interface AppSettings {
  version: 1
  /** null: follow the OS language. */
  language: Language | null
  theme: ThemeChoice
  /** The listeners' settings as last left, in card order (restored stopped). */
  listeners: SavedListener[]
  /** Text size as a multiple of the default (View's Ctrl +/−): MIN_FONT_SCALE to MAX_FONT_SCALE. */
  fontScale: number
  /** Projector mode: large type, high contrast, the lesson and the log side by side. */
  isProjector: boolean
  /** The first-run steps were dismissed. */
  isFirstRunDismissed: boolean
  /** The student's name, if given: kept with the progress, in sessions and progress exports. */
  studentName: string | null
  /** Where the student is in the chapter. */
  progress: LessonProgress
  /** How the window is divided, as the user left its splitters. */
  panes: PaneShares
}

/**
 * Each splitter's share of its container: the lesson pane's of the window's width, the lesson's
 * of the pane's height (stacked) or width (side by side, in projector mode).
 */
export interface PaneShares {
  side: number
  lesson: number
  lessonSideBySide: number
}

/** Each share's range and the value it starts with (and a double click puts back). */
export const PANE_SHARES: Record<keyof PaneShares, { min: number; max: number; initial: number }> =
  {
    side: { min: 0.18, max: 0.5, initial: 0.24 },
    lesson: { min: 0.2, max: 0.8, initial: 0.52 },
    lessonSideBySide: { min: 0.2, max: 0.8, initial: 0.5 },
  }

export const DEFAULT_PANES: PaneShares = {
  side: PANE_SHARES.side.initial,
  lesson: PANE_SHARES.lesson.initial,
  lessonSideBySide: PANE_SHARES.lessonSideBySide.initial,
}

export type SettingsPatch = Partial<Omit<AppSettings, 'version'>>

export interface LoadedSettings {
  settings: AppSettings
  /** Why the saved file was not used (it was then replaced by defaults), or null. */
  problem: null | { kind: 'corrupt' | 'unreadable'; message: string }
}

/** Most listeners the settings file keeps (the first ones, in card order). */
export const MAX_SAVED_LISTENERS = 32

export const MIN_FONT_SCALE = 0.8
export const MAX_FONT_SCALE = 2

export const DEFAULT_SETTINGS: AppSettings = {
  version: 1,
  language: null,
  theme: 'system',
  listeners: [],
  fontScale: 1,
  isProjector: false,
  isFirstRunDismissed: false,
  studentName: null,
  progress: EMPTY_PROGRESS,
  panes: DEFAULT_PANES,
}
