/**
 * Loading the saved settings at start and saving the renderer's part (language, theme).
 *
 * An engine that cannot answer (an older one without settings, a broken link) must not stop the
 * app: the defaults stay and a failed load goes to the console only; a failed save is shown.
 */
import type { Api } from '../../../shared/contract'
import type { SettingsPatch } from '../../../shared/settings'
import type { Store } from './store'

/** Asks the engine for the saved settings and puts them (or the failure) in the store. */
export async function loadSettings(api: Api, store: Store): Promise<void> {
  try {
    const result = await api.getSettings({})
    if (result.ok) {
      store.dispatch({ type: 'settings-loaded', loaded: result.value })
      return
    }
    console.warn(`Socket Lab: settings not loaded: ${result.error.code} ${result.error.message}`)
  } catch (error) {
    console.warn('Socket Lab: settings not loaded:', error)
  }
  store.dispatch({ type: 'settings-failed' })
}

/**
 * Applies `patch` at once and saves it. A failed save keeps it for this session and says so in
 * the state (the settings notice shows it) until a save works.
 */
export async function saveSettings(api: Api, store: Store, patch: SettingsPatch): Promise<void> {
  store.dispatch({ type: 'settings-changed', patch })
  let error: string | null = null
  try {
    const result = await api.setSettings(patch)
    if (!result.ok) {
      console.warn(`Socket Lab: settings not saved: ${result.error.code} ${result.error.message}`)
      error = result.error.message
    }
  } catch (thrown) {
    console.warn('Socket Lab: settings not saved:', thrown)
    error = thrown instanceof Error ? thrown.message : String(thrown)
  }
  store.dispatch({ type: 'settings-save-settled', error })
}
