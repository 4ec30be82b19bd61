import {
  chmodSync,
  existsSync,
  lstatSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { MAX_HEAD_BYTES, MAX_PAGE_BYTES } from '../shared/contract/limits'
import {
  DEFAULT_SETTINGS,
  MAX_SAVED_LISTENERS,
  MAX_SETTINGS_FILE_BYTES,
  type AppSettings,
} from '../shared/settings'
import { defaultListenerSettings } from '../shared/listener-defaults'
import { makeFifo, NO_FIFOS, type TestFifo } from './fifo-test-kit'
import { createSettingsStore, defaultBrowserModeDataDir, defaultDataDir } from './settings-store'

let dir: string
let file: string
let fifo: TestFifo | null = null
/** What the store printed for the terminal. */
let lines: string[]
const when = new Date('2025-01-02T03:04:05.678Z')
const corruptName = 'settings.json.corrupt-2025-01-02T03-04-05-678Z'

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'socket-lab-settings-'))
  file = join(dir, 'settings.json')
  lines = []
  vi.spyOn(console, 'error').mockImplementation(() => undefined)
})

afterEach(() => {
  fifo?.close()
  fifo = null
  vi.restoreAllMocks()
  rmSync(dir, { recursive: true, force: true })
})

/** A store on `path` with the test's clock, printing into `lines`. */
function storeOn(path: string = file) {
  return createSettingsStore(path, { now: () => when, log: (line) => lines.push(line) })
}

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
    const loaded = storeOn().load()
    expect(loaded.settings).toEqual(DEFAULT_SETTINGS)
    expect(loaded.problem).toMatchObject({ kind: 'corrupt', file, movedTo: join(dir, corruptName) })
    expect(loaded.problem?.message).toMatch(/JSON/)
    expect(lines).toEqual([expect.stringContaining(file)])
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
    [
      '33 listeners, one of them bad',
      { ...saved, listeners: [{}, ...Array(32).fill(saved.listeners[0])] },
    ],
    ['an array', [saved]],
    ['null', null],
  ])('invalid values (%s): defaults, corrupt, replaced', (_name, value) => {
    writeFileSync(file, JSON.stringify(value))
    const loaded = storeOn().load()
    expect(loaded).toMatchObject({ settings: DEFAULT_SETTINGS, problem: { kind: 'corrupt' } })
    expectReplacedByDefaults()
  })

  it('a FIFO as settings.json: defaults at once, reported, left as it is, never saved over', (ctx) => {
    ctx.skip(process.platform === 'win32', NO_FIFOS)
    fifo = makeFifo(file)
    const store = storeOn()
    expect(store.load()).toEqual({
      settings: DEFAULT_SETTINGS,
      problem: { kind: 'not-a-file', file, found: 'fifo', message: expect.stringMatching(/FIFO/) },
    })
    expect(lines).toEqual([expect.stringMatching(/FIFO/)])
    expect(lines[0]).toContain(file)
    expect(() => store.save(saved)).toThrow(/FIFO \(named pipe\), not a regular file/)
    expect(lstatSync(file).isFIFO()).toBe(true)
    expect(readdirSync(dir)).toEqual(['settings.json'])
  })

  it('a directory as settings.json: defaults, reported, its contents untouched, never saved over', () => {
    mkdirSync(file)
    writeFileSync(join(file, 'keep'), 'x')
    const store = storeOn()
    expect(store.load()).toEqual({
      settings: DEFAULT_SETTINGS,
      problem: { kind: 'not-a-file', file, found: 'directory', message: expect.any(String) },
    })
    expect(lines).toEqual([expect.stringContaining(`${file} is a directory`)])
    expect(() => store.save(saved)).toThrow(/directory, not a regular file/)
    expect(readdirSync(dir)).toEqual(['settings.json'])
    expect(readdirSync(file)).toEqual(['keep'])
  })

  it('a link to a device (/dev/null) as settings.json: defaults, reported, the link kept', (ctx) => {
    ctx.skip(process.platform === 'win32', 'Windows has no /dev/null to link to')
    symlinkSync('/dev/null', file)
    const store = storeOn()
    expect(store.load()).toMatchObject({
      settings: DEFAULT_SETTINGS,
      problem: { kind: 'not-a-file', file, found: 'device' },
    })
    expect(() => store.save(saved)).toThrow(/device, not a regular file/)
    expect(lstatSync(file).isSymbolicLink()).toBe(true)
    expect(readdirSync(dir)).toEqual(['settings.json'])
  })

  it('a file over MAX_SETTINGS_FILE_BYTES is not read: defaults, too-large, moved aside', () => {
    // Valid settings, padded: read whole, it would load.
    const text = Buffer.alloc(MAX_SETTINGS_FILE_BYTES + 1, ' ')
    text.write(JSON.stringify({ version: 1, theme: 'dark' }))
    writeFileSync(file, text)
    const loaded = storeOn().load()
    expect(loaded).toEqual({
      settings: DEFAULT_SETTINGS,
      problem: {
        kind: 'too-large',
        file,
        movedTo: join(dir, corruptName),
        message: expect.stringContaining(String(MAX_SETTINGS_FILE_BYTES + 1)),
      },
    })
    expect(lines).toEqual([expect.stringContaining(`${file} is larger than 32 MiB`)])
    expectReplacedByDefaults()
    expect(statSync(join(dir, corruptName)).size).toBe(MAX_SETTINGS_FILE_BYTES + 1)
  })

  it('the largest settings Socket Lab writes are under MAX_SETTINGS_FILE_BYTES and load back', () => {
    // Every byte of every page and head a control character: JSON writes each as six.
    const listener = {
      ...defaultListenerSettings(),
      helloHtml: '\u0001'.repeat(MAX_PAGE_BYTES),
      notFoundHtml: '\u0001'.repeat(MAX_PAGE_BYTES),
      helloHead: '\u0001'.repeat(MAX_HEAD_BYTES),
      notFoundHead: '\u0001'.repeat(MAX_HEAD_BYTES),
    }
    const largest = { ...saved, listeners: Array(MAX_SAVED_LISTENERS).fill(listener) }
    const store = storeOn()
    store.save(largest)
    expect(statSync(file).size).toBeLessThan(MAX_SETTINGS_FILE_BYTES)
    expect(store.load()).toEqual({ settings: largest, problem: null })
  })

  it('more listeners than MAX_SAVED_LISTENERS: the first ones kept, the rest counted, the file used', () => {
    const many = Array.from({ length: 40 }, (_, i) => ({
      ...defaultListenerSettings(),
      port: 9000 + i,
    }))
    writeFileSync(file, JSON.stringify({ ...saved, listeners: many }))
    const loaded = storeOn().load()
    expect(loaded.settings).toEqual({ ...saved, listeners: many.slice(0, 32) })
    expect(loaded.problem).toEqual({
      kind: 'listeners-capped',
      file,
      ignored: 8,
      message: expect.stringContaining('40 listeners'),
    })
    expect(lines).toEqual([expect.stringContaining(file)])
    expect(lines[0]).toMatch(/the first 32 .* 8 ignored/)
    // Read, not rewritten: the next save writes the 32.
    expect(readdirSync(dir)).toEqual(['settings.json'])
  })

  it('unreadable (no permission): defaults, never a throw', (ctx) => {
    ctx.skip(
      process.platform === 'win32' || process.getuid?.() === 0,
      'file permissions do not lock out Windows users or root',
    )
    writeFileSync(file, JSON.stringify(saved))
    chmodSync(file, 0o000)
    const loaded = storeOn().load()
    expect(loaded).toMatchObject({ settings: DEFAULT_SETTINGS, problem: { kind: 'unreadable' } })
    expect(existsSync(join(dir, corruptName))).toBe(true)
  })

  it('a folder that cannot exist (a file in its place): defaults, never a throw', () => {
    const blocked = join(dir, 'blocked')
    writeFileSync(blocked, 'a file, not a folder')
    const store = storeOn(join(blocked, 'settings.json'))
    expect(store.load()).toMatchObject({
      settings: DEFAULT_SETTINGS,
      problem: { kind: 'unreadable', message: expect.stringMatching(/ENOTDIR/), movedTo: null },
    })
    expect(readFileSync(blocked, 'utf8')).toBe('a file, not a folder')
    // mkdir says EEXIST, naming the file in the way.
    expect(() => store.save(saved)).toThrow(/EEXIST.*blocked/)
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
