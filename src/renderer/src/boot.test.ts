import { describe, expect, it, vi } from 'vitest'
import type { Api } from '../../shared/contract'
import { fail, ok } from '../../shared/result'
import { DEFAULT_SETTINGS } from '../../shared/settings'
import { boot } from './boot'
import type { LinkState, TransportLink } from './transport/ws-client'
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

  it('a page let in only later (no token, then the printed address) loads everything once open', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {})
    try {
      const api = fakeApi(makeSnapshot({ listeners: [] }))
      const refused = fail({ code: 'INTERNAL' as const, message: 'Disconnected' })
      api.snapshot.mockResolvedValueOnce(refused)
      api.getSettings.mockResolvedValueOnce(refused)
      let state: LinkState = 'refused'
      const listeners = new Set<(state: LinkState) => void>()
      const link: TransportLink = {
        get state() {
          return state
        },
        onStateChange: (listener) => {
          listeners.add(listener)
          return () => listeners.delete(listener)
        },
        reconnect: () => undefined,
      }
      const { store } = boot(api, link)
      await vi.waitFor(() => expect(store.getState().settingsStatus).toBe('failed'))
      expect(store.getState().link).toBe('refused')
      expect(store.getState().isLoaded).toBe(false)
      for (const next of ['connecting', 'open'] as const) {
        state = next
        for (const listener of listeners) listener(next)
      }
      await vi.waitFor(() => expect(store.getState().isLoaded).toBe(true))
      await vi.waitFor(() => expect(store.getState().settingsStatus).toBe('loaded'))
      await vi.waitFor(() => expect(api.addListener).toHaveBeenCalledWith({}))
    } finally {
      warn.mockRestore()
    }
  })
})
