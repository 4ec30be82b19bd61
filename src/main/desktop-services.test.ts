import { mkdirSync, mkdtempSync, readFileSync, rmSync, truncateSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import fc from 'fast-check'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { DESKTOP_CHANNELS, type DesktopInfo } from '../shared/desktop-contract'
import { RUST_BOOK_CHAPTER_URL } from '../shared/external-links'
import { MAX_SESSION_FILE_BYTES } from '../shared/session-file'
import { desktopTranslator } from './desktop-messages'
import { createDesktopService, type DesktopDeps } from './desktop-services'

let dir: string

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'socket-lab-desktop-'))
})

afterEach(() => {
  rmSync(dir, { recursive: true, force: true })
})

const info: DesktopInfo = {
  isSandboxed: true,
  dataDir: '/data',
  logFile: '/data/socket-lab.log',
  isPackaged: false,
}

/** The services with Electron's dialog, clipboard and shell stood in for, as the e2e specs do. */
function setUp(answers: { save?: string | null; open?: string | null } = {}) {
  const window = { id: 1 }
  const dialog = {
    showSaveDialog: vi.fn(async () =>
      answers.save ? { canceled: false, filePath: answers.save } : { canceled: true },
    ),
    showOpenDialog: vi.fn(async () =>
      answers.open
        ? { canceled: false, filePaths: [answers.open] }
        : { canceled: true, filePaths: [] },
    ),
  }
  const clipboard = { writeText: vi.fn() }
  const shell = { openExternal: vi.fn(async () => {}) }
  const log = vi.fn()
  let language: 'en' | 'ru' = 'en'
  let isOpen = true
  const deps = {
    dialog,
    clipboard,
    shell,
    window: () => (isOpen ? window : null),
    info,
    listeningPorts: async () => new Set([7878]),
    t: () => desktopTranslator(language),
    defaultDir: dir,
    log,
  } as unknown as DesktopDeps
  const service = createDesktopService(deps)
  return {
    service,
    dialog,
    clipboard,
    shell,
    log,
    window,
    setLanguage: (l: 'en' | 'ru') => (language = l),
    closeWindow: () => (isOpen = false),
  }
}

const bytes = (text: string): Uint8Array => new TextEncoder().encode(text)

describe('desktop:save-file', () => {
  it('asks where with a native dialog in the app language, then writes the bytes there', async () => {
    const target = join(dir, 'chosen', 'my session.json')
    mkdirSync(join(dir, 'chosen'))
    const { service, dialog, window, setLanguage } = setUp({ save: target })
    setLanguage('ru')
    const answer = await service.handle('desktop:save-file', {
      kind: 'session',
      suggestedName: 'socket-lab-session.json',
      content: bytes('{"ok":1}'),
    })
    expect(answer).toEqual({ ok: true, value: { path: target } })
    expect(readFileSync(target, 'utf8')).toBe('{"ok":1}')
    expect(dialog.showSaveDialog).toHaveBeenCalledWith(
      window,
      expect.objectContaining({
        title: 'Сохранить сеанс',
        defaultPath: join(dir, 'socket-lab-session.json'),
        filters: [
          { name: 'Сеанс Socket Lab', extensions: ['json'] },
          { name: 'Все файлы', extensions: ['*'] },
        ],
      }),
    )
    // The next dialog opens where the last file went.
    await service.handle('desktop:save-file', {
      kind: 'pcap',
      suggestedName: 'a.pcap',
      content: bytes('x'),
    })
    expect(dialog.showSaveDialog).toHaveBeenLastCalledWith(
      window,
      expect.objectContaining({ defaultPath: join(dir, 'chosen', 'a.pcap') }),
    )
  })

  it('a cancelled dialog writes nothing and answers path null', async () => {
    const { service } = setUp({ save: null })
    const answer = await service.handle('desktop:save-file', {
      kind: 'text',
      suggestedName: 'a.txt',
      content: bytes('x'),
    })
    expect(answer).toEqual({ ok: true, value: { path: null } })
  })

  it('a file the OS will not write is FILE_FAILED with its words, and logged', async () => {
    const { service, log } = setUp({ save: join(dir, 'no such folder', 'a.bin') })
    const answer = await service.handle('desktop:save-file', {
      kind: 'bytes',
      suggestedName: 'a.bin',
      content: bytes('x'),
    })
    expect(answer).toMatchObject({ ok: false, error: { code: 'FILE_FAILED' } })
    if (!answer.ok) expect(answer.error.message).toMatch(/ENOENT/)
    expect(log).toHaveBeenCalledWith(expect.stringContaining('could not save'))
  })

  it('refuses names with folders in them, before any dialog opens', async () => {
    const { service, dialog } = setUp({ save: join(dir, 'x') })
    for (const suggestedName of ['../evil.json', 'a/b.json', 'C:\\x.json', '', '..', 'a\u0000b'])
      expect(
        await service.handle('desktop:save-file', {
          kind: 'session',
          suggestedName,
          content: bytes('x'),
        }),
      ).toMatchObject({ ok: false, error: { code: 'INVALID_REQUEST' } })
    expect(dialog.showSaveDialog).not.toHaveBeenCalled()
  })

  it('answers BAD_STATE once the window is closed', async () => {
    const { service, closeWindow, dialog } = setUp({ save: join(dir, 'x') })
    closeWindow()
    const answer = await service.handle('desktop:save-file', {
      kind: 'session',
      suggestedName: 'a.json',
      content: bytes('x'),
    })
    expect(answer).toMatchObject({ ok: false, error: { code: 'BAD_STATE' } })
    expect(dialog.showSaveDialog).not.toHaveBeenCalled()
  })
})

describe('desktop:open-file', () => {
  it('reads the chosen file whole', async () => {
    const file = join(dir, 'saved session.json')
    writeFileSync(file, '{"format":"socket-lab-session"}')
    const { service } = setUp({ open: file })
    const answer = await service.handle('desktop:open-file', { kind: 'session' })
    expect(answer.ok).toBe(true)
    if (!answer.ok) return
    const opened = (answer.value as { file: { name: string; bytes: number; content: Uint8Array } })
      .file
    expect(opened.name).toBe('saved session.json')
    expect(opened.bytes).toBe(31)
    expect(new TextDecoder().decode(opened.content)).toBe('{"format":"socket-lab-session"}')
  })

  it('does not read a file past the limit: its size comes back, its content null', async () => {
    const file = join(dir, 'huge.json')
    writeFileSync(file, '')
    truncateSync(file, MAX_SESSION_FILE_BYTES + 1) // sparse: no disk is used
    const { service } = setUp({ open: file })
    const answer = await service.handle('desktop:open-file', { kind: 'session' })
    expect(answer).toEqual({
      ok: true,
      value: { file: { name: 'huge.json', bytes: MAX_SESSION_FILE_BYTES + 1, content: null } },
    })
  })

  it('cancel answers file null; a folder is FILE_FAILED', async () => {
    expect(
      await setUp({ open: null }).service.handle('desktop:open-file', { kind: 'session' }),
    ).toEqual({ ok: true, value: { file: null } })
    const folder = await setUp({ open: dir }).service.handle('desktop:open-file', {
      kind: 'session',
    })
    expect(folder).toMatchObject({ ok: false, error: { code: 'FILE_FAILED' } })
  })
})

describe('the clipboard, links and info', () => {
  it('copies text through the main process (the page has no clipboard permission)', async () => {
    const { service, clipboard } = setUp()
    expect(await service.handle('desktop:copy-text', { text: 'GET / HTTP/1.1\r\n' })).toEqual({
      ok: true,
      value: null,
    })
    expect(clipboard.writeText).toHaveBeenCalledWith('GET / HTTP/1.1\r\n')
  })

  it('opens documentation links in the system browser, and nothing else', async () => {
    const { service, shell } = setUp()
    expect(await service.handle('desktop:open-link', { url: RUST_BOOK_CHAPTER_URL })).toEqual({
      ok: true,
      value: null,
    })
    expect(shell.openExternal).toHaveBeenCalledExactlyOnceWith(RUST_BOOK_CHAPTER_URL)
    for (const url of [
      'https://example.com/',
      'file:///etc/passwd',
      'http://doc.rust-lang.org/book/',
      'https://doc.rust-lang.org.evil.example/book/',
      'https://user@doc.rust-lang.org/book/',
    ])
      expect(await service.handle('desktop:open-link', { url })).toMatchObject({
        ok: false,
        error: { code: 'INVALID_REQUEST' },
      })
    expect(shell.openExternal).toHaveBeenCalledTimes(1)
  })

  it('opens a loopback address only where a Socket Lab listener listens', async () => {
    const { service, shell } = setUp()
    for (const url of ['http://127.0.0.1:7878/', 'http://localhost:7878/nope', 'http://[::1]:7878'])
      expect(await service.handle('desktop:open-link', { url }), url).toEqual({
        ok: true,
        value: null,
      })
    for (const url of ['http://127.0.0.1:22/', 'http://127.0.0.1:7879/', 'http://10.0.0.1:7878/'])
      expect((await service.handle('desktop:open-link', { url })).ok, url).toBe(false)
    expect(shell.openExternal).toHaveBeenCalledTimes(3)
  })

  it('answers info with the facts it was given', async () => {
    expect(await setUp().service.handle('desktop:info', {})).toEqual({ ok: true, value: info })
  })

  it('answers any garbage with an error value and never opens a dialog or writes anything', async () => {
    const { service, dialog, clipboard, shell } = setUp({
      save: join(dir, 'x'),
      open: join(dir, 'x'),
    })
    await fc.assert(
      fc.asyncProperty(
        fc.oneof(fc.constantFrom(...DESKTOP_CHANNELS), fc.string()),
        fc.oneof(
          fc.anything(),
          fc.record({ kind: fc.string(), suggestedName: fc.string(), content: fc.anything() }),
          fc.record({ url: fc.webUrl() }),
        ),
        async (channel, payload) => {
          const answer = await service.handle(channel, payload)
          const isValidInfo = channel === 'desktop:info' && JSON.stringify(payload) === '{}'
          if (!isValidInfo) expect(answer.ok).toBe(false)
        },
      ),
      { numRuns: 500 },
    )
    expect(dialog.showSaveDialog).not.toHaveBeenCalled()
    expect(dialog.showOpenDialog).not.toHaveBeenCalled()
    expect(clipboard.writeText).not.toHaveBeenCalled()
    expect(shell.openExternal).not.toHaveBeenCalled()
  })
})
