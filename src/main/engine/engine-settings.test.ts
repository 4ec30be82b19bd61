import { afterEach, describe, expect, it, vi } from 'vitest'
import { defaultListenerSettings } from '../../shared/listener-defaults'
import { DEFAULT_SETTINGS, type AppSettings } from '../../shared/settings'
import {
  memorySettings,
  recordingEngine,
  waitFor,
  type MemorySettings,
  type TestEngine,
} from './engine-test-kit'

let t: TestEngine

afterEach(async () => {
  vi.restoreAllMocks()
  await t.engine.shutdown()
})

const saved: AppSettings = {
  ...DEFAULT_SETTINGS,
  version: 1,
  language: 'en',
  theme: 'light',
  listeners: [
    {
      ...defaultListenerSettings(),
      host: '127.0.0.1',
      port: 0,
      maxConnections: 3,
      captureLimitPerConnection: 100,
      responder: 'http-slow-route',
      handling: 'single-thread',
      workers: 2,
      sleepSeconds: 1,
      stopAfter: 2,
      helloHtml: '<p>hi</p>',
      notFoundHtml: '<p>no</p>',
    },
    {
      ...defaultListenerSettings(),
      host: '::1',
      port: 8123,
      maxConnections: null,
      captureLimitPerConnection: 0,
    },
  ],
}

/** An engine on settings storage in memory that loads `settings`. */
function engineOn(settings: AppSettings = DEFAULT_SETTINGS): MemorySettings {
  const storage = memorySettings({ settings, problem: null })
  t = recordingEngine({ settingsStorage: storage })
  return storage
}

describe('engine settings', () => {
  it('restores the saved listeners stopped, in order, and reports the settings', async () => {
    const storage = engineOn(saved)
    const snapshot = await t.value('engine:snapshot', {})
    expect(snapshot.listeners.map((l) => [l.id, l.state, l.settings])).toEqual([
      ['L1', 'stopped', saved.listeners[0]],
      ['L2', 'stopped', saved.listeners[1]],
    ])
    expect(await t.value('settings:get', {})).toEqual({
      settings: saved,
      problem: null,
      saveError: null,
    })
    const started = await t.value('listener:start', { listenerId: 'L1' })
    expect(started.state).toBe('listening')
    // Restored and started, not added or changed by anyone: nothing is saved back.
    await t.engine.shutdown()
    expect(storage.saves).toEqual([])
  })

  it('saves the listeners on add, update and remove', async () => {
    const storage = engineOn()
    const a = await t.value('listener:add', { port: 0 })
    await t.value('listener:add', { host: '127.0.0.2', port: '9000', maxConnections: 2 })
    await waitFor(() => storage.last()?.listeners.length === 2, 'two saved listeners')
    expect(storage.last()?.listeners).toEqual([
      { ...defaultListenerSettings(), port: 0 },
      { ...defaultListenerSettings(), host: '127.0.0.2', port: 9000, maxConnections: 2 },
    ])
    await t.value('listener:update', {
      listenerId: a.id,
      port: 7000,
      captureLimitPerConnection: 5,
      responder: 'echo',
      workers: 3,
      stopAfter: 7,
    })
    await waitFor(() => storage.last()?.listeners[0]?.port === 7000, 'the update saved')
    expect(storage.last()?.listeners[0]).toMatchObject({
      captureLimitPerConnection: 5,
      responder: 'echo',
      workers: 3,
      stopAfter: 7,
    })
    await t.value('listener:remove', { listenerId: a.id })
    await waitFor(() => storage.last()?.listeners.length === 1, 'the removal saved')
    expect(storage.last()?.listeners[0]?.host).toBe('127.0.0.2')
  })

  it('gathers a burst of listener changes into one save', async () => {
    const storage = engineOn()
    await Promise.all([1, 2, 3].map((port) => t.value('listener:add', { port })))
    await waitFor(() => storage.saves.length > 0, 'a save')
    await t.engine.shutdown()
    expect(storage.saves.map((s) => s.listeners.map((l) => l.port))).toEqual([[1, 2, 3]])
  })

  it('flushes a pending save on shutdown', async () => {
    const storage = engineOn()
    await t.value('listener:add', { port: 4321 })
    await t.engine.shutdown()
    expect(storage.last()?.listeners.map((l) => l.port)).toEqual([4321])
  })

  it('settings:set saves language and theme at once; listeners are refused', async () => {
    const storage = engineOn()
    await t.value('listener:add', { port: 0 })
    const after = await t.value('settings:set', { language: 'ru', theme: 'dark' })
    expect(after).toMatchObject({ version: 1, language: 'ru', theme: 'dark' })
    expect(after.listeners).toHaveLength(1)
    expect(storage.last()).toEqual(after)
    expect(await t.value('settings:set', { language: null })).toMatchObject({ language: null })
    expect(storage.last()?.language).toBeNull()
    const refused = await t.error('settings:set', { listeners: [] })
    expect(refused.code).toBe('INVALID_REQUEST')
    for (const bad of [{ theme: 'pink' }, { language: 'de' }, { volume: 11 }])
      expect((await t.error('settings:set', bad)).code).toBe('INVALID_REQUEST')
    expect((await t.value('settings:get', {})).settings.language).toBeNull()
  })

  it('reports the problem load found for the whole run, and starts with what load gave', async () => {
    const problem = { kind: 'corrupt', message: 'Unexpected token' } as const
    t = recordingEngine({
      settingsStorage: memorySettings({ settings: DEFAULT_SETTINGS, problem }),
    })
    expect(await t.value('settings:get', {})).toEqual({
      settings: DEFAULT_SETTINGS,
      problem,
      saveError: null,
    })
    expect((await t.value('engine:snapshot', {})).listeners).toEqual([])
    await t.value('settings:set', { theme: 'dark' })
    expect((await t.value('settings:get', {})).problem).toEqual(problem)
  })

  it('a save that fails is FILE_FAILED and logged, kept in memory, and reported until one works', async () => {
    const errors = vi.spyOn(console, 'error').mockImplementation(() => undefined)
    let isFull = true
    const saves: AppSettings[] = []
    t = recordingEngine({
      settingsStorage: {
        load: () => ({ settings: structuredClone(DEFAULT_SETTINGS), problem: null }),
        save: (settings) => {
          if (isFull) throw new Error('ENOSPC: no space left on device, write')
          saves.push(settings)
        },
      },
    })
    const refused = await t.error('settings:set', { theme: 'dark' })
    expect(refused).toEqual({
      code: 'FILE_FAILED',
      message: 'could not save the settings: ENOSPC: no space left on device, write',
    })
    expect(errors).toHaveBeenCalledWith('[engine] could not save the settings:', expect.any(Error))
    expect(await t.value('settings:get', {})).toMatchObject({
      settings: { theme: 'dark' },
      saveError: refused.message,
    })
    // A listener change that cannot be saved is reported the same way.
    isFull = false
    await t.value('settings:set', { theme: 'light' })
    expect((await t.value('settings:get', {})).saveError).toBeNull()
    isFull = true
    await t.value('listener:add', { port: 0 })
    await waitFor(
      async () => (await t.value('settings:get', {})).saveError === refused.message,
      'the failed listener save reported',
    )
    isFull = false
    await t.engine.shutdown()
    expect(saves.map((s) => [s.theme, s.listeners.length])).toEqual([
      ['light', 0],
      ['light', 1],
    ])
  })

  it('without settings storage it starts from defaults and keeps changes in memory', async () => {
    t = recordingEngine()
    expect(await t.value('settings:get', {})).toEqual({
      settings: DEFAULT_SETTINGS,
      problem: null,
      saveError: null,
    })
    await t.value('listener:add', { port: 0 })
    expect(await t.value('settings:set', { theme: 'dark' })).toMatchObject({ theme: 'dark' })
    expect(await t.value('settings:get', {})).toMatchObject({ problem: null })
  })
})
