import {
  chmodSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { DEFAULT_SETTINGS, type AppSettings } from '../shared/settings'
import { defaultListenerSettings } from '../shared/listener-defaults'
import { createSettingsStore, defaultBrowserModeDataDir, defaultDataDir } from './settings-store'

let dir: string
let file: string
const when = new Date('2025-01-02T03:04:05.678Z')
const corruptName = 'settings.json.corrupt-2025-01-02T03-04-05-678Z'

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'socket-lab-settings-'))
  file = join(dir, 'settings.json')
  vi.spyOn(console, 'error').mockImplementation(() => undefined)
})

afterEach(() => {
  vi.restoreAllMocks()
  rmSync(dir, { recursive: true, force: true })
})

const saved: AppSettings = {
  ...DEFAULT_SETTINGS,
  version: 1,
  language: 'ru',
  theme: 'dark',
  listeners: [
    { ...defaultListenerSettings(), captureLimitPerConnection: 1024 },
    {
      ...defaultListenerSettings(),
      host: '::1',
      port: 0,
      maxConnections: 4,
      captureLimitPerConnection: 0,
      responder: 'http-routes',
    },
  ],
}

function expectReplacedByDefaults(): void {
  expect(readdirSync(dir).sort()).toEqual(['settings.json', corruptName])
  expect(JSON.parse(readFileSync(file, 'utf8'))).toEqual(DEFAULT_SETTINGS)
}

describe('createSettingsStore', () => {
  it('a missing file gives defaults and no problem, and writes nothing', () => {
    expect(createSettingsStore(join(dir, 'sub', 'settings.json')).load()).toEqual({
      settings: DEFAULT_SETTINGS,
      problem: null,
    })
    expect(readdirSync(dir)).toEqual([])
  })

  it('saves atomically and loads back what it saved', () => {
    const store = createSettingsStore(join(dir, 'new', 'settings.json'))
    store.save(saved)
    expect(readdirSync(join(dir, 'new'))).toEqual(['settings.json'])
    expect(store.load()).toEqual({ settings: saved, problem: null })
    store.save({ ...saved, theme: 'light' })
    expect(store.load().settings.theme).toBe('light')
    expect(readdirSync(join(dir, 'new'))).toEqual(['settings.json'])
  })

  it('a failed save leaves the old file whole and no temporary file', () => {
    const store = createSettingsStore(file)
    store.save(saved)
    // A directory where the temporary file's rename target is: the rename fails.
    rmSync(file)
    mkdirSync(file)
    writeFileSync(join(file, 'keep'), 'x')
    expect(() => store.save(DEFAULT_SETTINGS)).toThrow()
    expect(readdirSync(dir)).toEqual(['settings.json'])
    expect(readdirSync(file)).toEqual(['keep'])
  })

  it('missing fields take their defaults', () => {
    writeFileSync(file, JSON.stringify({ version: 1, theme: 'light' }))
    expect(createSettingsStore(file).load()).toEqual({
      settings: { ...DEFAULT_SETTINGS, theme: 'light' },
      problem: null,
    })
  })

  it('corrupt JSON: defaults, the problem, the file moved aside and replaced', () => {
    writeFileSync(file, '{"version": 1, "theme": ')
    const loaded = createSettingsStore(file, () => when).load()
    expect(loaded.settings).toEqual(DEFAULT_SETTINGS)
    expect(loaded.problem).toMatchObject({ kind: 'corrupt' })
    expect(loaded.problem?.message).toMatch(/JSON/)
    expectReplacedByDefaults()
    expect(readFileSync(join(dir, corruptName), 'utf8')).toBe('{"version": 1, "theme": ')
  })

  it.each<[string, unknown]>([
    ['a wrong version', { ...saved, version: 2 }],
    ['an unknown theme', { ...saved, theme: 'pink' }],
    ['an unknown key', { ...saved, extra: true }],
    ['a port out of range', { ...saved, listeners: [{ ...saved.listeners[0], port: 70000 }] }],
    ['a port as a string', { ...saved, listeners: [{ ...saved.listeners[0], port: '80' }] }],
    ['a bad host', { ...saved, listeners: [{ ...saved.listeners[0], host: 'a b' }] }],
    ['maxConnections 0', { ...saved, listeners: [{ ...saved.listeners[0], maxConnections: 0 }] }],
    ['an unknown responder', { ...saved, listeners: [{ ...saved.listeners[0], responder: 'x' }] }],
    ['workers 0', { ...saved, listeners: [{ ...saved.listeners[0], workers: 0 }] }],
    ['33 listeners', { ...saved, listeners: Array(33).fill(saved.listeners[0]) }],
    ['an array', [saved]],
    ['null', null],
  ])('invalid values (%s): defaults, corrupt, replaced', (_name, value) => {
    writeFileSync(file, JSON.stringify(value))
    const loaded = createSettingsStore(file, () => when).load()
    expect(loaded).toMatchObject({ settings: DEFAULT_SETTINGS, problem: { kind: 'corrupt' } })
    expectReplacedByDefaults()
  })

  it('unreadable (a directory in place of the file): defaults, unreadable, moved aside', () => {
    mkdirSync(file)
    const loaded = createSettingsStore(file, () => when).load()
    expect(loaded.settings).toEqual(DEFAULT_SETTINGS)
    expect(loaded.problem).toMatchObject({ kind: 'unreadable' })
    expect(loaded.problem?.message).toMatch(/EISDIR/)
    expectReplacedByDefaults()
  })

  it('unreadable (no permission): defaults, never a throw', (ctx) => {
    ctx.skip(
      process.platform === 'win32' || process.getuid?.() === 0,
      'file permissions do not lock out Windows users or root',
    )
    writeFileSync(file, JSON.stringify(saved))
    chmodSync(file, 0o000)
    const loaded = createSettingsStore(file, () => when).load()
    expect(loaded).toMatchObject({ settings: DEFAULT_SETTINGS, problem: { kind: 'unreadable' } })
    expect(existsSync(join(dir, corruptName))).toBe(true)
  })

  it('a folder that cannot exist (a file in its place): defaults, never a throw', () => {
    const blocked = join(dir, 'blocked')
    writeFileSync(blocked, 'a file, not a folder')
    const store = createSettingsStore(join(blocked, 'settings.json'))
    expect(store.load()).toMatchObject({
      settings: DEFAULT_SETTINGS,
      problem: { kind: 'unreadable', message: expect.stringMatching(/ENOTDIR/) },
    })
    expect(readFileSync(blocked, 'utf8')).toBe('a file, not a folder')
    expect(() => store.save(saved)).toThrow()
  })

  it('null persists nothing', () => {
    const store = createSettingsStore(null)
    store.save(saved)
    expect(store.load()).toEqual({ settings: DEFAULT_SETTINGS, problem: null })
  })
})

describe('defaultDataDir', () => {
  it("is Electron's userData folder on each OS, or SOCKETLAB_DATA_DIR", () => {
    expect(defaultDataDir('Socket Lab', {}, 'linux', '/home/u')).toBe('/home/u/.config/Socket Lab')
    expect(defaultDataDir('Socket Lab', { XDG_CONFIG_HOME: '/x' }, 'linux', '/home/u')).toBe(
      '/x/Socket Lab',
    )
    expect(defaultDataDir('Socket Lab', {}, 'darwin', '/Users/u')).toBe(
      '/Users/u/Library/Application Support/Socket Lab',
    )
    expect(
      defaultDataDir(
        'Socket Lab',
        { APPDATA: 'C:\\Users\\u\\AppData\\Roaming' },
        'win32',
        'C:\\Users\\u',
      ),
    ).toBe('C:\\Users\\u\\AppData\\Roaming\\Socket Lab')
    expect(
      defaultDataDir('Socket Lab', { SOCKETLAB_DATA_DIR: '/data' }, 'darwin', '/Users/u'),
    ).toBe('/data')
  })
})

describe('defaultBrowserModeDataDir', () => {
  it("is a folder of its own inside the desktop app's, unless SOCKETLAB_DATA_DIR names one for both", () => {
    expect(defaultBrowserModeDataDir('Socket Lab', {}, 'linux', '/home/u')).toBe(
      '/home/u/.config/Socket Lab/browser-mode',
    )
    expect(
      defaultBrowserModeDataDir(
        'Socket Lab',
        { APPDATA: 'C:\\Users\\u\\AppData\\Roaming' },
        'win32',
        'C:\\Users\\u',
      ),
    ).toBe('C:\\Users\\u\\AppData\\Roaming\\Socket Lab\\browser-mode')
    const shared = { SOCKETLAB_DATA_DIR: '/class/data' }
    expect(defaultBrowserModeDataDir('Socket Lab', shared, 'linux', '/home/u')).toBe('/class/data')
    expect(defaultDataDir('Socket Lab', shared, 'linux', '/home/u')).toBe('/class/data')
  })
})
