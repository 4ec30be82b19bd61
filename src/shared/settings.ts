/**
 * Settings that persist across restarts: in Electron's user data folder, in browser mode in the
 * same kind of per-user folder (see src/main/settings-store.ts).
 */
import type { ListenerSettings } from './contract'

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
}

export type SettingsPatch = Partial<Omit<AppSettings, 'version'>>

export interface LoadedSettings {
  settings: AppSettings
  /** Why the saved file was not used (it was then replaced by defaults), or null. */
  problem: null | { kind: 'corrupt' | 'unreadable'; message: string }
}

/** Most listeners the settings file keeps (the first ones, in card order). */
export const MAX_SAVED_LISTENERS = 32

export const DEFAULT_SETTINGS: AppSettings = {
  version: 1,
  language: null,
  theme: 'system',
  listeners: [],
}
