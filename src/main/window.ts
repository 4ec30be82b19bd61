/**
 * The one module that creates windows, and the rules every web contents in the app obeys.
 *
 * The renderer is our own page and nothing else: it may not navigate away, open windows, attach
 * webviews or get permissions. Links to the web open in the system browser.
 */
import { join } from 'node:path'
import { pathToFileURL } from 'node:url'
import { BrowserWindow, shell, type Session, type WebContents } from 'electron'

/** How the window and hardening code report what they refused. */
export type Logger = (line: string) => void

const defaultLog: Logger = (line) => console.warn(line)

/**
 * The URL the renderer is loaded from.
 *
 * In development electron-vite serves it and passes its address in `ELECTRON_RENDERER_URL`;
 * otherwise it is the built `out/renderer/index.html` beside `out/main` (this file's build dir).
 */
export function rendererUrl(devUrl: string | undefined, mainDir: string): string {
  if (devUrl) return devUrl
  return pathToFileURL(rendererIndexPath(mainDir)).href
}

function parseUrl(url: string): URL | null {
  try {
    return new URL(url)
  } catch {
    return null
  }
}

function decodePath(pathname: string): string {
  try {
    return decodeURIComponent(pathname)
  } catch {
    return pathname
  }
}

/** Chromium and Node may encode a path differently; Windows drive paths ignore case. */
function sameFilePath(a: string, b: string): boolean {
  const left = decodePath(a)
  const right = decodePath(b)
  if (/^\/[A-Za-z]:\//.test(right)) return left.toLowerCase() === right.toLowerCase()
  return left === right
}

/**
 * Whether `url` belongs to the app loaded from `appUrl`.
 *
 * For a file:// app only that very file counts (any query or hash); for the development server
 * its origin (scheme, host and port) does. Anything unparseable is foreign.
 */
export function isAppUrl(url: string, appUrl: string): boolean {
  const candidate = parseUrl(url)
  const app = parseUrl(appUrl)
  if (!candidate || !app) return false
  if (app.protocol === 'file:') {
    return (
      candidate.protocol === 'file:' &&
      candidate.host === app.host &&
      sameFilePath(candidate.pathname, app.pathname)
    )
  }
  if (app.protocol !== 'http:' && app.protocol !== 'https:') return false
  return candidate.origin === app.origin
}

/** Whether `url` is an http(s) address the system browser may open. */
export function isExternalHttpUrl(url: string): boolean {
  const parsed = parseUrl(url)
  return parsed !== null && (parsed.protocol === 'http:' || parsed.protocol === 'https:')
}

/**
 * Refuses every permission request and check (camera, notifications, …) but writing text to the
 * clipboard, which the renderer's copy buttons use (navigator.clipboard.writeText).
 */
export function denyAllPermissions(session: Session): void {
  session.setPermissionRequestHandler((_contents, permission, callback) =>
    callback(permission === 'clipboard-sanitized-write'),
  )
  session.setPermissionCheckHandler(
    (_contents, permission) => permission === 'clipboard-sanitized-write',
  )
}

const hardened = new WeakSet<WebContents>()

/**
 * Locks a web contents to the app: no navigation or redirect off `appUrl`, no new windows; http(s)
 * links, followed or opened in a new window, go to the system browser instead, no webviews. Safe to call twice on the same contents.
 */
export function hardenWebContents(
  contents: WebContents,
  appUrl: string,
  log: Logger = defaultLog,
): void {
  if (hardened.has(contents)) return
  hardened.add(contents)
  const openOutside = (url: string, what: string): void => {
    if (!isExternalHttpUrl(url)) {
      log(`Socket Lab: blocked ${what} ${url}`)
      return
    }
    shell.openExternal(url).catch((error: unknown) => {
      log(`Socket Lab: could not open ${url} in the browser: ${String(error)}`)
    })
  }
  contents.on('will-navigate', (event) => {
    if (isAppUrl(event.url, appUrl)) return
    event.preventDefault()
    openOutside(event.url, 'navigation to')
  })
  contents.on('will-redirect', (event) => {
    if (isAppUrl(event.url, appUrl)) return
    event.preventDefault()
    log(`Socket Lab: blocked redirect to ${event.url}`)
  })
  contents.on('will-attach-webview', (event) => {
    event.preventDefault()
    log('Socket Lab: blocked a webview')
  })
  contents.setWindowOpenHandler(({ url }) => {
    openOutside(url, 'a new window for')
    return { action: 'deny' }
  })
}

export interface MainWindowOptions {
  /** The built main process's directory (out/main): the preload and renderer sit beside it. */
  mainDir: string
  /** electron-vite's development server (`ELECTRON_RENDERER_URL`), if any. */
  devUrl?: string
  log?: Logger
}

export interface MainWindow {
  window: BrowserWindow
  /** What {@link isAppUrl} compares senders and navigations with. */
  appUrl: string
}

/**
 * Creates the app's window with Electron's security baseline and loads the renderer.
 *
 * The window shows itself once the page has painted, so there is no white flash.
 */
export function createMainWindow(options: MainWindowOptions): MainWindow {
  const log = options.log ?? defaultLog
  const appUrl = rendererUrl(options.devUrl, options.mainDir)
  const window = new BrowserWindow({
    width: 1280,
    height: 820,
    minWidth: 720,
    minHeight: 480,
    show: false,
    title: 'Socket Lab',
    webPreferences: {
      preload: preloadPath(options.mainDir),
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      webviewTag: false,
      spellcheck: false,
    },
  })
  hardenWebContents(window.webContents, appUrl, log)
  denyAllPermissions(window.webContents.session)
  window.once('ready-to-show', () => window.show())

  const loading = options.devUrl
    ? window.loadURL(options.devUrl)
    : window.loadFile(rendererIndexPath(options.mainDir))
  loading.catch((error: unknown) =>
    log(`Socket Lab: could not load the renderer: ${String(error)}`),
  )
  return { window, appUrl }
}

/** The preload script's path, from the built main process's directory (out/main). */
export function preloadPath(mainDir: string): string {
  return join(mainDir, '../preload/index.js')
}

/** The built renderer page, from the built main process's directory (out/main). */
export function rendererIndexPath(mainDir: string): string {
  return join(mainDir, '../renderer/index.html')
}
