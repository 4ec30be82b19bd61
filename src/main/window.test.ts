import { EventEmitter } from 'node:events'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'

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

interface FakeWindow extends EventEmitter {
  options: Record<string, unknown>
  webContents: FakeContents
  loaded: string[]
  visible: boolean
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

vi.mock('electron', async () => {
  const { EventEmitter: Emitter } = await import('node:events')
  class BrowserWindow extends Emitter {
    options: Record<string, unknown>
    webContents = fakeContents()
    loaded: string[] = []
    visible = false
    constructor(options: Record<string, unknown>) {
      super()
      this.options = options
      electron.created.push(this as unknown as FakeWindow)
    }
    isDestroyed(): boolean {
      return false
    }
    isVisible(): boolean {
      return this.visible
    }
    show(): void {
      this.visible = true
      this.emit('show')
    }
    loadURL(target: string): Promise<void> {
      this.loaded.push(target)
      return Promise.resolve()
    }
  }
  return {
    BrowserWindow,
    shell: { openExternal: electron.openExternal },
    protocol: { registerSchemesAsPrivileged: vi.fn(), handle: vi.fn() },
  }
})

const { createMainWindow, isAppUrl, rendererUrl, SHOW_FALLBACK_MS } = await import('./window')
const { APP_INDEX_URL } = await import('./app-protocol')

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
const BOOK = 'https://doc.rust-lang.org/book/ch21-00-final-project-a-web-server.html'

function lastWindow(): FakeWindow {
  const win = electron.created.at(-1)
  if (!win) throw new Error('no window created')
  return win
}

describe('isAppUrl', () => {
  it('accepts only the app:// host for the built app', () => {
    expect(APP_INDEX_URL).toBe('app://socket-lab/index.html')
    expect(isAppUrl('app://socket-lab/index.html#/x', APP_INDEX_URL)).toBe(true)
    expect(isAppUrl('app://socket-lab/assets/index.js', APP_INDEX_URL)).toBe(true)
    expect(isAppUrl('app://other/index.html', APP_INDEX_URL)).toBe(false)
    expect(isAppUrl('file:///opt/socket%20lab/out/renderer/index.html', APP_INDEX_URL)).toBe(false)
    expect(isAppUrl('https://socket-lab/index.html', APP_INDEX_URL)).toBe(false)
    expect(isAppUrl('not a url', APP_INDEX_URL)).toBe(false)
  })

  it('accepts the dev server origin only', () => {
    const dev = 'http://localhost:5173/'
    expect(isAppUrl('http://localhost:5173/index.html?x=1', dev)).toBe(true)
    expect(isAppUrl('http://localhost:5174/', dev)).toBe(false)
    expect(isAppUrl('https://localhost:5173/', dev)).toBe(false)
    expect(isAppUrl('http://localhost.evil.example:5173/', dev)).toBe(false)
  })

  it('builds the app URL from the dev server or the app:// origin', () => {
    expect(rendererUrl('http://localhost:5173/')).toBe('http://localhost:5173/')
    expect(rendererUrl(undefined)).toBe(APP_INDEX_URL)
    expect(rendererUrl('')).toBe(APP_INDEX_URL)
  })
})

describe('createMainWindow', () => {
  beforeEach(() => {
    electron.openExternal.mockClear()
  })
  afterEach(() => {
    vi.useRealTimers()
  })

  it('applies the security baseline, the preload beside out/main, and loads app://', () => {
    const { appUrl } = createMainWindow({ mainDir, isDevelopment: false, log: () => {} })
    const prefs = lastWindow().options['webPreferences'] as Record<string, unknown>
    expect(prefs).toMatchObject({
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      spellcheck: false,
      webviewTag: false,
      devTools: false,
      preload: join(mainDir, '../preload/index.js'),
    })
    expect(lastWindow().options['show']).toBe(false)
    expect(appUrl).toBe(APP_INDEX_URL)
    expect(lastWindow().loaded).toEqual([APP_INDEX_URL])
  })

  it('has DevTools only in development, and loads the dev server there', () => {
    const { appUrl } = createMainWindow({
      mainDir,
      devUrl: 'http://localhost:5173/',
      isDevelopment: true,
      log: () => {},
    })
    const prefs = lastWindow().options['webPreferences'] as Record<string, unknown>
    expect(prefs['devTools']).toBe(true)
    expect(appUrl).toBe('http://localhost:5173/')
    expect(lastWindow().loaded).toEqual(['http://localhost:5173/'])
  })

  it('blocks navigation and redirects away from the app; only documentation opens outside', () => {
    const log = vi.fn()
    createMainWindow({ mainDir, isDevelopment: false, log })
    const emitter = lastWindow().webContents.emitter
    for (const name of ['will-navigate', 'will-redirect']) {
      const away = navEvent('file:///etc/passwd')
      emitter.emit(name, away)
      expect(away.defaultPrevented).toBe(true)
      const home = navEvent(`${APP_INDEX_URL}#top`)
      emitter.emit(name, home)
      expect(home.defaultPrevented).toBe(false)
    }
    expect(log).toHaveBeenCalledWith(expect.stringContaining('file:///etc/passwd'))
    // A followed documentation link leaves the window alone and opens in the system browser.
    const link = navEvent(BOOK)
    emitter.emit('will-navigate', link)
    expect(link.defaultPrevented).toBe(true)
    expect(electron.openExternal).toHaveBeenCalledExactlyOnceWith(BOOK)
    // Any other web address is refused, not opened: a page must not launch arbitrary sites.
    electron.openExternal.mockClear()
    for (const url of [
      'https://example.com/',
      'http://127.0.0.1:7878/',
      'http://doc.rust-lang.org/book/',
    ]) {
      const other = navEvent(url)
      emitter.emit('will-navigate', other)
      expect(other.defaultPrevented).toBe(true)
      expect(log).toHaveBeenCalledWith(`Socket Lab: blocked navigation to ${url}`)
    }
    expect(electron.openExternal).not.toHaveBeenCalled()
    const webview = navEvent('')
    emitter.emit('will-attach-webview', webview)
    expect(webview.defaultPrevented).toBe(true)
  })

  it('denies every new window and opens only documentation links externally', () => {
    createMainWindow({ mainDir, isDevelopment: false, log: () => {} })
    const handler = lastWindow().webContents.windowOpenHandler
    expect(handler).not.toBeNull()
    expect(handler?.({ url: BOOK })).toEqual({ action: 'deny' })
    expect(electron.openExternal).toHaveBeenCalledWith(BOOK)
    electron.openExternal.mockClear()
    for (const url of [
      'file:///etc/passwd',
      'javascript:alert(1)',
      'about:blank',
      'https://x.y/',
    ]) {
      expect(handler?.({ url })).toEqual({ action: 'deny' })
    }
    expect(electron.openExternal).not.toHaveBeenCalled()
  })

  it('refuses every permission request and check, the clipboard included', () => {
    createMainWindow({ mainDir, isDevelopment: false, log: () => {} })
    const session = lastWindow().webContents.session
    const granted: boolean[] = []
    for (const permission of [
      'media',
      'notifications',
      'clipboard-read',
      'clipboard-sanitized-write',
    ])
      session.requestHandler?.({}, permission, (g) => granted.push(g))
    expect(granted).toEqual([false, false, false, false])
    expect(session.checkHandler?.({}, 'geolocation')).toBe(false)
    expect(session.checkHandler?.({}, 'clipboard-sanitized-write')).toBe(false)
  })

  it('shows once painted and says so once', () => {
    const onShown = vi.fn()
    createMainWindow({ mainDir, isDevelopment: false, log: () => {}, onShown })
    const win = lastWindow()
    expect(win.visible).toBe(false)
    win.emit('ready-to-show')
    win.webContents.emitter.emit('did-finish-load')
    expect(win.visible).toBe(true)
    expect(onShown).toHaveBeenCalledOnce()
  })

  it('a page that fails to load: the window shows and the failure is reported', () => {
    const onFailure = vi.fn()
    const log = vi.fn()
    createMainWindow({ mainDir, isDevelopment: false, log, onFailure })
    const win = lastWindow()
    const contents = win.webContents.emitter
    // An aborted load (a newer one replaced it) and a failing subframe are not failures.
    contents.emit('did-fail-load', {}, -3, 'ERR_ABORTED', APP_INDEX_URL, true)
    contents.emit('did-fail-load', {}, -6, 'ERR_FILE_NOT_FOUND', 'app://socket-lab/x.html', false)
    expect(onFailure).not.toHaveBeenCalled()
    expect(win.visible).toBe(false)
    contents.emit('did-fail-load', {}, -6, 'ERR_FILE_NOT_FOUND', APP_INDEX_URL, true)
    expect(win.visible).toBe(true)
    expect(onFailure).toHaveBeenCalledExactlyOnceWith({
      kind: 'load',
      code: -6,
      reason: 'ERR_FILE_NOT_FOUND',
      url: APP_INDEX_URL,
    })
    expect(log).toHaveBeenCalledWith(expect.stringContaining('ERR_FILE_NOT_FOUND (-6)'))
  })

  it("a crashed page's process is reported with its reason and exit code", () => {
    const onFailure = vi.fn()
    createMainWindow({ mainDir, isDevelopment: false, log: () => {}, onFailure })
    lastWindow().webContents.emitter.emit(
      'render-process-gone',
      {},
      { reason: 'crashed', exitCode: 11 },
    )
    expect(onFailure).toHaveBeenCalledExactlyOnceWith({
      kind: 'crash',
      reason: 'crashed',
      exitCode: 11,
    })
  })

  it('shows the window anyway when nothing painted in time, and logs why', () => {
    vi.useFakeTimers()
    const log = vi.fn()
    const onShown = vi.fn()
    createMainWindow({ mainDir, isDevelopment: false, log, onShown })
    vi.advanceTimersByTime(SHOW_FALLBACK_MS - 1)
    expect(lastWindow().visible).toBe(false)
    vi.advanceTimersByTime(1)
    expect(lastWindow().visible).toBe(true)
    expect(onShown).toHaveBeenCalledOnce()
    expect(log).toHaveBeenCalledWith(expect.stringContaining('nothing painted after 15 s'))
  })
})
