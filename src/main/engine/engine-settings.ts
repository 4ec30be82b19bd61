/**
 * The engine's side of the settings file: what load found, and saving the listeners (debounced,
 * flushed on shutdown) and the GUI's choices.
 */
import { fail, ok, type Result } from '../../shared/result'
import {
  DEFAULT_SETTINGS,
  MAX_SAVED_LISTENERS,
  type AppSettings,
  type LoadedSettings,
  type SavedListener,
  type SettingsPatch,
} from '../../shared/settings'
import type { SettingsStorage } from './engine-api'

/** How long listener changes gather before one save. */
export const SETTINGS_SAVE_DELAY_MS = 100

export class EngineSettings {
  private readonly loaded: LoadedSettings
  private current: AppSettings
  private timer: ReturnType<typeof setTimeout> | null = null
  private pendingListeners: (() => SavedListener[]) | null = null

  /** `storage` null: defaults, kept in memory only. */
  constructor(private readonly storage: SettingsStorage | null) {
    this.loaded = storage?.load() ?? { settings: structuredClone(DEFAULT_SETTINGS), problem: null }
    this.current = this.loaded.settings
  }

  /** The listeners saved last time, in card order. */
  get savedListeners(): SavedListener[] {
    return this.loaded.settings.listeners
  }

  /** What load found (the problem stays reported for the whole run), with the settings now. */
  get(): LoadedSettings {
    return { settings: structuredClone(this.current), problem: this.loaded.problem }
  }

  /**
   * Applies language and theme and saves at once. Listeners are refused: they are saved from the
   * live listeners (listener:add/update/remove), never replaced from the GUI.
   */
  set(patch: SettingsPatch): Result<AppSettings> {
    if (patch.listeners !== undefined)
      return fail({
        code: 'INVALID_REQUEST',
        message: 'listeners are saved from the live listeners; use listener:add/update/remove',
      })
    this.flush()
    this.current = { ...this.current, ...patch }
    this.write()
    return ok(structuredClone(this.current))
  }

  /** Saves the listeners `collect` gives, soon: changes in a burst make one write. */
  listenersChanged(collect: () => SavedListener[]): void {
    if (this.storage === null) return
    this.pendingListeners = collect
    if (this.timer !== null) return
    this.timer = setTimeout(() => this.flush(), SETTINGS_SAVE_DELAY_MS)
    this.timer.unref?.()
  }

  /** Writes a pending save now. */
  flush(): void {
    if (this.timer !== null) clearTimeout(this.timer)
    this.timer = null
    const collect = this.pendingListeners
    this.pendingListeners = null
    if (collect === null) return
    this.current = { ...this.current, listeners: collect().slice(0, MAX_SAVED_LISTENERS) }
    this.write()
  }

  private write(): void {
    if (this.storage === null) return
    try {
      this.storage.save(this.current)
    } catch (error) {
      // Settings are a convenience: the session goes on with them in memory.
      console.error('[engine] could not save the settings:', error)
    }
  }
}
