import { describe, expect, it, vi } from 'vitest'
import type { Api } from '../../shared/contract'
import { fail, ok } from '../../shared/result'
import { DEFAULT_SETTINGS } from '../../shared/settings'
import { boot } from './boot'
import { fakeApi, makeSnapshot } from './test-utils'

describe('boot', () => {
  it('loads the saved settings, with the problem the engine reports', async () => {
    const api = fakeApi()
    const problem = { kind: 'corrupt' as const, message: 'Unexpected end of JSON input' }
    const settings = { ...DEFAULT_SETTINGS, language: 'ru' as const, theme: 'dark' as const }
    api.getSettings.mockResolvedValue(ok({ settings, problem }))
    const { store } = boot(api, null)
    await vi.waitFor(() => expect(store.getState().settingsStatus).toBe('loaded'))
    expect(api.getSettings).toHaveBeenCalledWith({})
    expect(store.getState().settings).toEqual(settings)
    expect(store.getState().settingsProblem).toEqual(problem)
  })

  it('keeps booting with defaults when the engine refuses, throws, or has no settings', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {})
    try {
      const refusing = fakeApi()
      refusing.getSettings.mockResolvedValue(fail({ code: 'INTERNAL', message: 'no' }))
      const throwing = fakeApi()
      throwing.getSettings.mockRejectedValue(new Error('IPC handler missing'))
      // An older preload: the method does not exist at all.
      const { getSettings: _missing, ...older } = fakeApi()
      for (const api of [refusing, throwing, older as unknown as Api]) {
        const { store } = boot(api, null)
        await vi.waitFor(() => expect(store.getState().settingsStatus).toBe('failed'))
        await vi.waitFor(() => expect(store.getState().isLoaded).toBe(true))
        expect(store.getState().settings).toEqual(DEFAULT_SETTINGS)
        expect(store.getState().settingsProblem).toBeNull()
      }
      expect(warn).toHaveBeenCalled()
    } finally {
      warn.mockRestore()
    }
  })

  it('adds Listener 1 only when the engine restored none', async () => {
    const empty = fakeApi(makeSnapshot({ listeners: [] }))
    boot(empty, null)
    await vi.waitFor(() => expect(empty.addListener).toHaveBeenCalledWith({}))
    const restored = fakeApi()
    const { store } = boot(restored, null)
    await vi.waitFor(() => expect(store.getState().isLoaded).toBe(true))
    await Promise.resolve()
    expect(restored.addListener).not.toHaveBeenCalled()
  })
})
