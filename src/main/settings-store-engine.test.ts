/**
 * The engine on the settings file, as both shells wire them: what is on disk is restored, and
 * what changes reaches the disk.
 */
import { lstatSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { defaultListenerSettings } from '../shared/listener-defaults'
import { DEFAULT_SETTINGS, type AppSettings } from '../shared/settings'
import { recordingEngine, waitFor, type TestEngine } from './engine/engine-test-kit'
import { makeFifo, NO_FIFOS, type TestFifo } from './fifo-test-kit'
import { createSettingsStore } from './settings-store'

let t: TestEngine | null
let dir: string
let file: string
let fifo: TestFifo | null
/** What the store printed for the terminal. */
let lines: string[]

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'socket-lab-engine-settings-'))
  file = join(dir, 'settings.json')
  t = null
  fifo = null
  lines = []
})

afterEach(async () => {
  await t?.engine.shutdown()
  vi.restoreAllMocks()
  fifo?.close()
  rmSync(dir, { recursive: true, force: true })
})

function onDisk(): AppSettings | null {
  try {
    return JSON.parse(readFileSync(file, 'utf8')) as AppSettings
  } catch {
    return null
  }
}

function engineOnFile(path: string = file): TestEngine {
  t = recordingEngine({
    settingsStorage: createSettingsStore(path, { log: (line) => lines.push(line) }),
  })
  return t
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
    const t = engineOnFile()
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
    const t = engineOnFile()
    const snapshot = await t.value('engine:snapshot', {})
    expect(snapshot.listeners[0]?.settings).toEqual({
      ...defaultListenerSettings(),
      port: 0,
      captureLimitPerConnection: 9,
    })
    expect((await t.value('settings:get', {})).problem).toBeNull()
  })

  it('writes listener changes (soon), settings:set (at once) and a pending save on shutdown', async () => {
    const t = engineOnFile()
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
    const t = engineOnFile()
    const loaded = await t.value('settings:get', {})
    expect(loaded).toMatchObject({ settings: DEFAULT_SETTINGS, problem: { kind: 'corrupt' } })
    expect((await t.value('engine:snapshot', {})).listeners).toEqual([])
    expect(onDisk()).toEqual(DEFAULT_SETTINGS)
  })

  it('a FIFO as settings.json: the engine starts at once with defaults, says which file was ignored and never saves over it', async (ctx) => {
    ctx.skip(process.platform === 'win32', NO_FIFOS)
    vi.spyOn(console, 'error').mockImplementation(() => undefined)
    fifo = makeFifo(file)
    const t = engineOnFile()
    const loaded = await t.value('settings:get', {})
    expect(loaded).toMatchObject({
      settings: DEFAULT_SETTINGS,
      problem: { kind: 'not-a-file', file, found: 'fifo' },
      saveError: null,
    })
    expect(lines).toEqual([expect.stringContaining(file)])
    const refused = await t.error('settings:set', { theme: 'dark' })
    expect(refused).toMatchObject({ code: 'FILE_FAILED' })
    expect(refused.message).toContain(`${file} is a FIFO (named pipe), not a regular file`)
    expect((await t.value('settings:get', {})).settings.theme).toBe('dark')
    expect(lstatSync(file).isFIFO()).toBe(true)
  })

  it('a save that fails (a directory named settings.json) is FILE_FAILED, reported until a save works', async () => {
    vi.spyOn(console, 'error').mockImplementation(() => undefined)
    const t = engineOnFile()
    mkdirSync(file)
    const refused = await t.error('settings:set', { theme: 'dark' })
    expect(refused.code).toBe('FILE_FAILED')
    expect(refused.message).toMatch(/could not save the settings: .*is a directory/)
    expect((await t.value('settings:get', {})).saveError).toBe(refused.message)
    rmSync(file, { recursive: true })
    expect(await t.value('settings:set', { theme: 'light' })).toMatchObject({ theme: 'light' })
    expect((await t.value('settings:get', {})).saveError).toBeNull()
    expect(onDisk()?.theme).toBe('light')
  })

  it('a listener change that cannot be saved (the folder is a file) is reported by settings:get', async () => {
    vi.spyOn(console, 'error').mockImplementation(() => undefined)
    writeFileSync(join(dir, 'blocked'), 'a file, not a folder')
    const t = engineOnFile(join(dir, 'blocked', 'settings.json'))
    await t.value('listener:add', { port: 0 })
    await waitFor(
      async () => (await t.value('settings:get', {})).saveError != null,
      'the failed save reported',
    )
    const refused = await t.error('settings:set', { theme: 'dark' })
    expect(refused.code).toBe('FILE_FAILED')
    expect(refused.message).toMatch(/EEXIST|ENOTDIR/)
  })

  it('40 listeners in the file: the first 32 restored in order, the 8 others counted', async () => {
    const many = Array.from({ length: 40 }, (_, i) => ({
      ...defaultListenerSettings(),
      port: 9000 + i,
    }))
    writeFileSync(file, JSON.stringify({ ...saved, listeners: many }))
    const t = engineOnFile()
    const snapshot = await t.value('engine:snapshot', {})
    expect(snapshot.listeners.map((l) => l.settings.port)).toEqual(
      many.slice(0, 32).map((l) => l.port),
    )
    expect((await t.value('settings:get', {})).problem).toMatchObject({
      kind: 'listeners-capped',
      file,
      ignored: 8,
    })
  })
})
