/**
 * The engine's side of the settings file: what load found, and saving the listeners (debounced,
 * flushed on shutdown) and the GUI's choices.
 *
 * A save that fails (a read-only or full disk, a directory or FIFO where the file should be) keeps
 * the settings in memory for the session: settings:set answers FILE_FAILED, and settings:get
 * reports the failure until a save works.
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
  /** Why the last save failed, or null. */
  private saveError: string | null = null

  /** `storage` null: defaults, kept in memory only. */
  constructor(private readonly storage: SettingsStorage | null) {
    this.loaded = storage?.load() ?? { settings: structuredClone(DEFAULT_SETTINGS), problem: null }
    this.current = this.loaded.settings
  }

  /** The listeners saved last time, in card order. */
  get savedListeners(): SavedListener[] {
    return this.loaded.settings.listeners
  }

  /**
   * What load found (the problem stays reported for the whole run), with the settings now and
   * whether the last save failed.
   */
  get(): LoadedSettings {
    return {
      settings: structuredClone(this.current),
      problem: this.loaded.problem,
      saveError: this.saveError,
    }
  }

  /**
   * Applies language and theme and saves at once. Listeners are refused: they are saved from the
   * live listeners (listener:add/update/remove), never replaced from the GUI. A failed save is
   * FILE_FAILED; the patch still applies for this session.
   */
  set(patch: SettingsPatch): Result<AppSettings> {
    if (patch.listeners !== undefined)
      return fail({
        code: 'INVALID_REQUEST',
        message: 'listeners are saved from the live listeners; use listener:add/update/remove',
      })
    this.takePendingListeners()
    this.current = { ...this.current, ...patch }
    this.write()
    if (this.saveError !== null) return fail({ code: 'FILE_FAILED', message: this.saveError })
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

  /** Writes a pending save now, or tries again one that failed (on shutdown, say). */
  flush(): void {
    if (this.takePendingListeners() || this.saveError !== null) this.write()
  }

  /** Puts the pending listeners into the settings; whether there were any. */
  private takePendingListeners(): boolean {
    if (this.timer !== null) clearTimeout(this.timer)
    this.timer = null
    const collect = this.pendingListeners
    this.pendingListeners = null
    if (collect === null) return false
    this.current = { ...this.current, listeners: collect().slice(0, MAX_SAVED_LISTENERS) }
    return true
  }

  private write(): void {
    if (this.storage === null) return
    try {
      this.storage.save(this.current)
      this.saveError = null
    } catch (error) {
      // Settings are a convenience: the session goes on with them in memory.
      console.error('[engine] could not save the settings:', error)
      const reason = error instanceof Error ? error.message : String(error)
      this.saveError = `could not save the settings: ${reason}`
    }
  }
}
