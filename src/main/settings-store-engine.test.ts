/**
 * The engine on the settings file, as both shells wire them: what is on disk is restored, and
 * what changes reaches the disk.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { defaultListenerSettings } from '../shared/listener-defaults'
import { DEFAULT_SETTINGS, type AppSettings } from '../shared/settings'
import { recordingEngine, waitFor, type TestEngine } from './engine/engine-test-kit'
import { createSettingsStore } from './settings-store'

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

function engineOnFile(): void {
  t = recordingEngine({ settingsStorage: createSettingsStore(file) })
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
      responder: 'http-slow-route',
      handling: 'single-thread',
      sleepSeconds: 1,
    },
    { ...defaultListenerSettings(), host: '::1', port: 8123, captureLimitPerConnection: 0 },
  ],
}

describe('the engine on the settings file', () => {
  it('restores the listeners in the file, stopped, in order, and leaves the file alone', async () => {
    writeFileSync(file, JSON.stringify(saved))
    engineOnFile()
    const snapshot = await t.value('engine:snapshot', {})
    expect(snapshot.listeners.map((l) => [l.id, l.state, l.settings])).toEqual([
      ['L1', 'stopped', saved.listeners[0]],
      ['L2', 'stopped', saved.listeners[1]],
    ])
    expect(await t.value('settings:get', {})).toEqual({ settings: saved, problem: null })
    // Restored, not added by anyone: nothing is written back.
    expect(JSON.parse(readFileSync(file, 'utf8'))).toEqual(saved)
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
    engineOnFile()
    const snapshot = await t.value('engine:snapshot', {})
    expect(snapshot.listeners[0]?.settings).toEqual({
      ...defaultListenerSettings(),
      port: 0,
      captureLimitPerConnection: 9,
    })
    expect((await t.value('settings:get', {})).problem).toBeNull()
  })

  it('writes listener changes (soon), settings:set (at once) and a pending save on shutdown', async () => {
    engineOnFile()
    const a = await t.value('listener:add', { port: 0 })
    await t.value('listener:add', { host: '127.0.0.2', port: '9000', maxConnections: 2 })
    await waitFor(() => onDisk()?.listeners.length === 2, 'two saved listeners')
    expect(onDisk()?.listeners).toEqual([
      { ...defaultListenerSettings(), port: 0 },
      { ...defaultListenerSettings(), host: '127.0.0.2', port: 9000, maxConnections: 2 },
    ])
    await t.value('listener:remove', { listenerId: a.id })
    await waitFor(() => onDisk()?.listeners.length === 1, 'the removal saved')
    const after = await t.value('settings:set', { language: 'ru', theme: 'dark' })
    expect(onDisk()).toEqual(after)
    await t.value('listener:add', { port: 4321 })
    await t.engine.shutdown()
    expect(onDisk()?.listeners.map((l) => l.port)).toEqual([9000, 4321])
  })

  it('a corrupt file is reported by settings:get, and the engine starts with defaults', async () => {
    vi.spyOn(console, 'error').mockImplementation(() => undefined)
    writeFileSync(file, 'not json')
    engineOnFile()
    const loaded = await t.value('settings:get', {})
    expect(loaded).toMatchObject({ settings: DEFAULT_SETTINGS, problem: { kind: 'corrupt' } })
    expect((await t.value('engine:snapshot', {})).listeners).toEqual([])
    expect(onDisk()).toEqual(DEFAULT_SETTINGS)
  })
})
