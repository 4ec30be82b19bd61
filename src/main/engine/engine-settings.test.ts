import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { DEFAULT_SETTINGS, type AppSettings } from '../../shared/settings'
import { recordingEngine, waitFor, type TestEngine } from './engine-test-kit'
import { defaultListenerSettings } from '../../shared/listener-defaults'

let t: TestEngine
let dir: string
let file: string

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'socket-lab-engine-settings-'))
  file = join(dir, 'settings.json')
})

afterEach(async () => {
  vi.restoreAllMocks()
  await t.engine.shutdown()
  rmSync(dir, { recursive: true, force: true })
})

function onDisk(): AppSettings | null {
  try {
    return JSON.parse(readFileSync(file, 'utf8')) as AppSettings
  } catch {
    return null
  }
}

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

describe('engine settings', () => {
  it('restores the saved listeners stopped, in order, and reports the settings', async () => {
    writeFileSync(file, JSON.stringify(saved))
    t = recordingEngine({ settingsFile: file })
    const snapshot = await t.value('engine:snapshot', {})
    expect(snapshot.listeners.map((l) => [l.id, l.state, l.settings])).toEqual([
      ['L1', 'stopped', saved.listeners[0]],
      ['L2', 'stopped', saved.listeners[1]],
    ])
    expect(await t.value('settings:get', {})).toEqual({ settings: saved, problem: null })
    // Restored, not added by anyone: nothing is written back.
    expect(JSON.parse(readFileSync(file, 'utf8'))).toEqual(saved)
    const started = await t.value('listener:start', { listenerId: 'L1' })
    expect(started.state).toBe('listening')
  })

  it('saves the listeners on add, update and remove', async () => {
    t = recordingEngine({ settingsFile: file })
    const a = await t.value('listener:add', { port: 0 })
    await t.value('listener:add', { host: '127.0.0.2', port: '9000', maxConnections: 2 })
    await waitFor(() => onDisk()?.listeners.length === 2, 'two saved listeners')
    expect(onDisk()?.listeners).toEqual([
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
    await waitFor(() => onDisk()?.listeners[0]?.port === 7000, 'the update saved')
    expect(onDisk()?.listeners[0]).toMatchObject({
      captureLimitPerConnection: 5,
      responder: 'echo',
      workers: 3,
      stopAfter: 7,
    })
    await t.value('listener:remove', { listenerId: a.id })
    await waitFor(() => onDisk()?.listeners.length === 1, 'the removal saved')
    expect(onDisk()?.listeners[0]?.host).toBe('127.0.0.2')
  })

  it('restores a file written before the stage fields existed, with their defaults', async () => {
    const old = {
      version: 1,
      language: null,
      theme: 'system',
      listeners: [
        { host: '127.0.0.1', port: 0, maxConnections: null, captureLimitPerConnection: 9 },
      ],
    }
    writeFileSync(file, JSON.stringify(old))
    t = recordingEngine({ settingsFile: file })
    const snapshot = await t.value('engine:snapshot', {})
    expect(snapshot.listeners[0]?.settings).toEqual({
      ...defaultListenerSettings(),
      port: 0,
      captureLimitPerConnection: 9,
    })
    expect((await t.value('settings:get', {})).problem).toBeNull()
  })

  it('flushes a pending save on shutdown', async () => {
    t = recordingEngine({ settingsFile: file })
    await t.value('listener:add', { port: 4321 })
    await t.engine.shutdown()
    expect(onDisk()?.listeners.map((l) => l.port)).toEqual([4321])
  })

  it('settings:set saves language and theme at once; listeners are refused', async () => {
    t = recordingEngine({ settingsFile: file })
    await t.value('listener:add', { port: 0 })
    const after = await t.value('settings:set', { language: 'ru', theme: 'dark' })
    expect(after).toMatchObject({ version: 1, language: 'ru', theme: 'dark' })
    expect(after.listeners).toHaveLength(1)
    expect(onDisk()).toEqual(after)
    expect(await t.value('settings:set', { language: null })).toMatchObject({ language: null })
    expect(onDisk()?.language).toBeNull()
    const refused = await t.error('settings:set', { listeners: [] })
    expect(refused.code).toBe('INVALID_REQUEST')
    for (const bad of [{ theme: 'pink' }, { language: 'de' }, { volume: 11 }])
      expect((await t.error('settings:set', bad)).code).toBe('INVALID_REQUEST')
    expect((await t.value('settings:get', {})).settings.language).toBeNull()
  })

  it('a corrupt file is reported by settings:get, and the engine starts with defaults', async () => {
    vi.spyOn(console, 'error').mockImplementation(() => undefined)
    writeFileSync(file, 'not json')
    t = recordingEngine({ settingsFile: file })
    const loaded = await t.value('settings:get', {})
    expect(loaded).toMatchObject({ settings: DEFAULT_SETTINGS, problem: { kind: 'corrupt' } })
    expect((await t.value('engine:snapshot', {})).listeners).toEqual([])
    expect(onDisk()).toEqual(DEFAULT_SETTINGS)
  })

  it('without a settings file nothing is read or written', async () => {
    t = recordingEngine()
    await t.value('listener:add', { port: 0 })
    expect(await t.value('settings:set', { theme: 'dark' })).toMatchObject({ theme: 'dark' })
    expect(await t.value('settings:get', {})).toMatchObject({ problem: null })
    await t.engine.shutdown()
    expect(onDisk()).toBeNull()
  })
})
