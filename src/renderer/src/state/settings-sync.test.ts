import { afterEach, describe, expect, it, vi } from 'vitest'
import { fail, ok } from '../../../shared/result'
import { DEFAULT_SETTINGS } from '../../../shared/settings'
import { fakeApi } from '../test-utils'
import { loadSettings, saveSettings } from './settings-sync'
import { createStore } from './store'

afterEach(() => {
  vi.restoreAllMocks()
})

const diskFull = 'could not save the settings: ENOSPC: no space left on device, write'

describe('saveSettings', () => {
  it('a save the engine refuses is kept in the state, with why, until a save works', async () => {
    vi.spyOn(console, 'warn').mockImplementation(() => undefined)
    const api = fakeApi()
    const store = createStore()
    api.setSettings.mockResolvedValueOnce(fail({ code: 'FILE_FAILED', message: diskFull }))
    await saveSettings(api, store, { theme: 'dark' })
    expect(store.getState().settings.theme).toBe('dark')
    expect(store.getState().settingsSaveError).toBe(diskFull)
    await saveSettings(api, store, { theme: 'light' })
    expect(store.getState().settingsSaveError).toBeNull()
  })

  it('an engine that cannot answer is a failed save too', async () => {
    vi.spyOn(console, 'warn').mockImplementation(() => undefined)
    const api = fakeApi()
    const store = createStore()
    api.setSettings.mockRejectedValueOnce(new Error('IPC handler missing'))
    await saveSettings(api, store, { language: 'ru' })
    expect(store.getState().settingsSaveError).toBe('IPC handler missing')
  })
})

describe('loadSettings', () => {
  it('takes the failed save the engine reports (a listener change it could not save)', async () => {
    const api = fakeApi()
    api.getSettings.mockResolvedValueOnce(
      ok({ settings: DEFAULT_SETTINGS, problem: null, saveError: diskFull }),
    )
    const store = createStore()
    await loadSettings(api, store)
    expect(store.getState().settingsSaveError).toBe(diskFull)
    store.dispatch({ type: 'settings-problem-dismissed' })
    expect(store.getState().settingsSaveError).toBeNull()
  })
})
