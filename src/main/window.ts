/**
 * The one module that creates windows, and the rules every web contents in the app obeys.
 *
 * The renderer is our own page and nothing else: it may not navigate away, open windows, attach
 * webviews or get any permission. Only the documentation links in external-links.ts open, in the
 * system browser. A window always ends up visible, or the failure is reported (see
 * {@link WindowFailure}): a window that never shows is the worst way to fail.
 */
import { join } from 'node:path'
import { BrowserWindow, shell, type Session, type WebContents } from 'electron'
import { isAllowedDocUrl } from '../shared/external-links'
import { APP_INDEX_URL, APP_SCHEME } from './app-protocol'

/** How the window and hardening code report what they refused. */
export type Logger = (line: string) => void

const defaultLog: Logger = (line) => console.warn(line)

/** If the page has not painted after this long, the window shows anyway (and says so in the log). */
export const SHOW_FALLBACK_MS = 15_000

/**
 * The URL the renderer is loaded from: electron-vite's development server (its address comes in
 * `ELECTRON_RENDERER_URL`) or the built page on the app:// origin.
 */
export function rendererUrl(devUrl: string | undefined): string {
  return devUrl || APP_INDEX_URL
}

function parseUrl(url: string): URL | null {
  try {
    return new URL(url)
  } catch {
    return null
  }
}

/**
 * Whether `url` belongs to the app loaded from `appUrl`: the same app:// host, or the same
 * development server origin (scheme, host and port). Anything unparseable is foreign.
 */
export function isAppUrl(url: string, appUrl: string): boolean {
  const candidate = parseUrl(url)
  const app = parseUrl(appUrl)
  if (!candidate || !app) return false
  if (app.protocol === `${APP_SCHEME}:`)
    // A custom scheme's URL has the opaque origin "null": compare scheme and host instead.
    return candidate.protocol === app.protocol && candidate.host === app.host
  if (app.protocol !== 'http:' && app.protocol !== 'https:') return false
  return candidate.origin === app.origin
}

/** Refuses every permission request and check: the page needs none (copying goes through IPC). */
export function denyAllPermissions(session: Session): void {
  session.setPermissionRequestHandler((_contents, _permission, callback) => callback(false))
  session.setPermissionCheckHandler(() => false)
}

const hardened = new WeakSet<WebContents>()

/**
 * Locks a web contents to the app: no navigation or redirect off `appUrl`, no new windows, no
 * webviews; a documentation link (followed or opened in a new window) goes to the system browser,
 * anything else is refused and logged. Safe to call twice on the same contents.
 */
export function hardenWebContents(
  contents: WebContents,
  appUrl: string,
  log: Logger = defaultLog,
): void {
  if (hardened.has(contents)) return
  hardened.add(contents)
  const openOutside = (url: string, what: string): void => {
    if (!isAllowedDocUrl(url)) {
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

/** Why the window cannot show the app. */
export type WindowFailure =
  /** The page did not load (did-fail-load): Chromium's error code and text. */
  | { kind: 'load'; code: number; reason: string; url: string }
  /** The renderer process ended (render-process-gone). */
  | { kind: 'crash'; reason: string; exitCode: number }

export interface MainWindowOptions {
  /** The built main process's directory (out/main): the preload sits beside it. */
  mainDir: string
  /** electron-vite's development server (`ELECTRON_RENDERER_URL`), if any. */
  devUrl?: string
  /** DevTools exist only in development. */
  isDevelopment: boolean
  log?: Logger
  /** Once, when the window first becomes visible. */
  onShown?: () => void
  /** Each time the page fails to load or its process ends. */
  onFailure?: (failure: WindowFailure) => void
}

export interface MainWindow {
  window: BrowserWindow
  /** What {@link isAppUrl} compares senders and navigations with. */
  appUrl: string
}

/** Chromium's "aborted" load error: a newer navigation replaced this one, nothing failed. */
const ERR_ABORTED = -3

/**
 * Creates the app's window with Electron's security baseline and loads the renderer.
 *
 * The window shows itself once the page has painted (no white flash), when a load finishes or
 * fails, and at the latest after {@link SHOW_FALLBACK_MS}.
 */
export function createMainWindow(options: MainWindowOptions): MainWindow {
  const log = options.log ?? defaultLog
  const appUrl = rendererUrl(options.devUrl)
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
      devTools: options.isDevelopment,
    },
  })
  const contents = window.webContents
  hardenWebContents(contents, appUrl, log)
  denyAllPermissions(contents.session)

  const show = (why: string): void => {
    if (window.isDestroyed() || window.isVisible()) return
    if (why !== 'painted') log(`Socket Lab: showing the window (${why})`)
    window.show()
  }
  window.once('show', () => options.onShown?.())
  window.once('ready-to-show', () => show('painted'))
  contents.on('did-finish-load', () => show('page loaded'))
  const fallback = setTimeout(
    () => show(`nothing painted after ${SHOW_FALLBACK_MS / 1000} s`),
    SHOW_FALLBACK_MS,
  )
  window.once('closed', () => clearTimeout(fallback))

  contents.on('did-fail-load', (_event, code, reason, url, isMainFrame) => {
    if (!isMainFrame || code === ERR_ABORTED) return
    log(`Socket Lab: could not load ${url}: ${reason} (${code})`)
    show('the page failed to load')
    options.onFailure?.({ kind: 'load', code, reason, url })
  })
  contents.on('render-process-gone', (_event, details) => {
    if (window.isDestroyed()) return
    log(`Socket Lab: the page's process ended: ${details.reason} (exit code ${details.exitCode})`)
    options.onFailure?.({ kind: 'crash', reason: details.reason, exitCode: details.exitCode })
  })

  window.loadURL(appUrl).catch((error: unknown) => {
    // did-fail-load has reported it already; this keeps the rejection from going unhandled.
    log(`Socket Lab: loading ${appUrl} failed: ${String(error)}`)
  })
  return { window, appUrl }
}

/** The preload script's path, from the built main process's directory (out/main). */
export function preloadPath(mainDir: string): string {
  return join(mainDir, '../preload/index.js')
}

/** The built renderer's folder, from the built main process's directory (out/main). */
export function rendererDir(mainDir: string): string {
  return join(mainDir, '../renderer')
}
