import { EventEmitter } from 'node:events'
import { join } from 'node:path'
import { pathToFileURL } from 'node:url'
import { beforeEach, describe, expect, it, vi } from 'vitest'

interface FakeSession {
  requestHandler: ((c: unknown, p: string, cb: (granted: boolean) => void) => void) | null
  checkHandler: ((c: unknown, p: string) => boolean) | null
  setPermissionRequestHandler: (h: FakeSession['requestHandler']) => void
  setPermissionCheckHandler: (h: FakeSession['checkHandler']) => void
}

interface FakeContents {
  emitter: EventEmitter
  on: (event: string, listener: (...args: unknown[]) => void) => void
  windowOpenHandler: ((details: { url: string }) => { action: string }) | null
  setWindowOpenHandler: (handler: FakeContents['windowOpenHandler']) => void
  session: FakeSession
}

interface FakeWindow {
  options: Record<string, unknown>
  webContents: FakeContents
  loaded: { kind: 'url' | 'file'; target: string }[]
}

const electron = vi.hoisted(() => ({
  created: [] as FakeWindow[],
  openExternal: vi.fn((_url: string) => Promise.resolve()),
}))

function fakeContents(): FakeContents {
  const emitter = new EventEmitter()
  const session: FakeSession = {
    requestHandler: null,
    checkHandler: null,
    setPermissionRequestHandler(h) {
      session.requestHandler = h
    },
    setPermissionCheckHandler(h) {
      session.checkHandler = h
    },
  }
  const contents: FakeContents = {
    emitter,
    on: (event, listener) => emitter.on(event, listener),
    windowOpenHandler: null,
    setWindowOpenHandler(handler) {
      contents.windowOpenHandler = handler
    },
    session,
  }
  return contents
}

vi.mock('electron', () => {
  class BrowserWindow {
    options: Record<string, unknown>
    webContents = fakeContents()
    loaded: { kind: 'url' | 'file'; target: string }[] = []
    constructor(options: Record<string, unknown>) {
      this.options = options
      electron.created.push(this)
    }
    once(): void {}
    show(): void {}
    loadURL(target: string): Promise<void> {
      this.loaded.push({ kind: 'url', target })
      return Promise.resolve()
    }
    loadFile(target: string): Promise<void> {
      this.loaded.push({ kind: 'file', target })
      return Promise.resolve()
    }
  }
  return { BrowserWindow, shell: { openExternal: electron.openExternal } }
})

const { createMainWindow, isAppUrl, isExternalHttpUrl, rendererUrl } = await import('./window')

interface NavEvent {
  url: string
  preventDefault: () => void
  defaultPrevented: boolean
}

function navEvent(url: string): NavEvent {
  const event = {
    url,
    defaultPrevented: false,
    preventDefault() {
      event.defaultPrevented = true
    },
  }
  return event
}

const mainDir = join('/opt', 'socket lab', 'out', 'main')
const fileAppUrl = pathToFileURL(join(mainDir, '../renderer/index.html')).href

function lastWindow() {
  const win = electron.created.at(-1)
  if (!win) throw new Error('no window created')
  return win
}

describe('isAppUrl', () => {
  it('accepts only the built page for a file:// app', () => {
    expect(isAppUrl(fileAppUrl, fileAppUrl)).toBe(true)
    expect(isAppUrl(`${fileAppUrl}#/x`, fileAppUrl)).toBe(true)
    expect(isAppUrl(pathToFileURL('/etc/passwd').href, fileAppUrl)).toBe(false)
    expect(isAppUrl('https://example.com/', fileAppUrl)).toBe(false)
    expect(isAppUrl('not a url', fileAppUrl)).toBe(false)
  })

  it('accepts the dev server origin only', () => {
    const dev = 'http://localhost:5173/'
    expect(isAppUrl('http://localhost:5173/index.html?x=1', dev)).toBe(true)
    expect(isAppUrl('http://localhost:5174/', dev)).toBe(false)
    expect(isAppUrl('https://localhost:5173/', dev)).toBe(false)
    expect(isAppUrl('http://localhost.evil.example:5173/', dev)).toBe(false)
  })

  it('builds the app URL from the dev server or the built file', () => {
    expect(rendererUrl('http://localhost:5173/', mainDir)).toBe('http://localhost:5173/')
    expect(rendererUrl(undefined, mainDir)).toBe(fileAppUrl)
  })

  it('treats only http(s) as external', () => {
    expect(isExternalHttpUrl('https://doc.rust-lang.org/book/')).toBe(true)
    expect(isExternalHttpUrl('http://127.0.0.1:7878/')).toBe(true)
    for (const url of ['file:///etc/passwd', 'javascript:alert(1)', 'smb://host/share', 'x'])
      expect(isExternalHttpUrl(url)).toBe(false)
  })
})

describe('createMainWindow', () => {
  beforeEach(() => {
    electron.openExternal.mockClear()
  })

  it('applies the security baseline and the preload beside out/main', () => {
    const { appUrl } = createMainWindow({ mainDir, log: () => {} })
    const prefs = lastWindow().options['webPreferences'] as Record<string, unknown>
    expect(prefs).toMatchObject({
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      webSecurity: true,
      spellcheck: false,
      webviewTag: false,
      preload: join(mainDir, '../preload/index.js'),
    })
    expect(appUrl).toBe(fileAppUrl)
    expect(lastWindow().loaded).toEqual([
      { kind: 'file', target: join(mainDir, '../renderer/index.html') },
    ])
  })

  it('loads the dev server when electron-vite gives one', () => {
    const { appUrl } = createMainWindow({
      mainDir,
      devUrl: 'http://localhost:5173/',
      log: () => {},
    })
    expect(appUrl).toBe('http://localhost:5173/')
    expect(lastWindow().loaded).toEqual([{ kind: 'url', target: 'http://localhost:5173/' }])
  })

  it('blocks navigation and redirects away from the app', () => {
    const log = vi.fn()
    createMainWindow({ mainDir, log })
    const emitter = lastWindow().webContents.emitter
    for (const name of ['will-navigate', 'will-redirect']) {
      const away = navEvent('file:///etc/passwd')
      emitter.emit(name, away)
      expect(away.defaultPrevented).toBe(true)
      const home = navEvent(`${fileAppUrl}#top`)
      emitter.emit(name, home)
      expect(home.defaultPrevented).toBe(false)
    }
    expect(log).toHaveBeenCalledWith(expect.stringContaining('file:///etc/passwd'))
    // A followed http(s) link leaves the app window alone and opens in the system browser.
    const link = navEvent('https://doc.rust-lang.org/book/')
    emitter.emit('will-navigate', link)
    expect(link.defaultPrevented).toBe(true)
    expect(electron.openExternal).toHaveBeenCalledWith('https://doc.rust-lang.org/book/')
    const webview = navEvent('')
    emitter.emit('will-attach-webview', webview)
    expect(webview.defaultPrevented).toBe(true)
  })

  it('denies every new window and opens only http(s) links externally', () => {
    createMainWindow({ mainDir, log: () => {} })
    const handler = lastWindow().webContents.windowOpenHandler
    expect(handler).not.toBeNull()
    expect(handler?.({ url: 'https://doc.rust-lang.org/book/' })).toEqual({ action: 'deny' })
    expect(electron.openExternal).toHaveBeenCalledWith('https://doc.rust-lang.org/book/')
    electron.openExternal.mockClear()
    for (const url of ['file:///etc/passwd', 'javascript:alert(1)', 'about:blank']) {
      expect(handler?.({ url })).toEqual({ action: 'deny' })
    }
    expect(electron.openExternal).not.toHaveBeenCalled()
  })

  it('refuses every permission request and check but clipboard writes', () => {
    createMainWindow({ mainDir, log: () => {} })
    const session = lastWindow().webContents.session
    const granted: boolean[] = []
    session.requestHandler?.({}, 'media', (g) => granted.push(g))
    session.requestHandler?.({}, 'notifications', (g) => granted.push(g))
    session.requestHandler?.({}, 'clipboard-read', (g) => granted.push(g))
    session.requestHandler?.({}, 'clipboard-sanitized-write', (g) => granted.push(g))
    expect(granted).toEqual([false, false, false, true])
    expect(session.checkHandler?.({}, 'geolocation')).toBe(false)
    expect(session.checkHandler?.({}, 'clipboard-sanitized-write')).toBe(true)
  })
})
