/**
 * The Electron main process: one instance, one window, the engine behind IPC.
 *
 * Quitting waits for the engine to close every socket, so no listener outlives the app.
 */
import { join } from 'node:path'
import { app, BrowserWindow, Menu } from 'electron'
import { createEngine } from './engine/engine'
import { registerIpc } from './ipc'
import { menuTemplate } from './menu'
import { createMainWindow, hardenWebContents, rendererUrl } from './window'
import { createListenerTally } from './window-title'

/** Longest wait for the engine's sockets to close before quitting anyway. */
const SHUTDOWN_TIMEOUT_MS = 5000

const log = (line: string): void => console.warn(line)

function start(): void {
  const mainDir = __dirname
  const devUrl = !app.isPackaged ? process.env['ELECTRON_RENDERER_URL'] : undefined
  const appUrl = rendererUrl(devUrl, mainDir)
  // SOCKETLAB_DATA_DIR, as in browser mode (see defaultDataDir): tests get a folder of their own.
  const dataDir = process.env['SOCKETLAB_DATA_DIR'] || app.getPath('userData')
  const engine = createEngine({ settingsFile: join(dataDir, 'settings.json') })
  const tally = createListenerTally()
  let window: BrowserWindow | null = null
  let disposeIpc: (() => void) | null = null
  let quitting = false
  let engineClosed = false

  // Every web contents, ours included, is held to the app's URL; hardening is idempotent.
  app.on('web-contents-created', (_event, contents) => hardenWebContents(contents, appUrl, log))

  const unsubscribeTitle = engine.subscribe((batch) => {
    if (tally.apply(batch) && window && !window.isDestroyed()) window.setTitle(tally.title())
  })

  const openWindow = (): void => {
    const created = createMainWindow({ mainDir, devUrl, log })
    const win = created.window
    window = win
    // The page's <title> would replace ours on load.
    win.on('page-title-updated', (event) => event.preventDefault())
    win.setTitle(tally.title())
    disposeIpc = registerIpc({ engine, window: win, appUrl: created.appUrl, log })
    win.on('closed', () => {
      disposeIpc?.()
      disposeIpc = null
      if (window === win) window = null
    })
  }

  app.on('second-instance', () => {
    if (!window || window.isDestroyed()) return
    if (window.isMinimized()) window.restore()
    window.focus()
  })
  app.on('activate', () => {
    if (BrowserWindow.getAllWindows().length === 0 && !quitting) openWindow()
  })

  // Listeners would run on unseen without a window, so closing it quits on every platform.
  app.on('window-all-closed', () => app.quit())

  app.on('before-quit', (event) => {
    if (engineClosed) return
    event.preventDefault()
    if (quitting) return
    quitting = true
    unsubscribeTitle()
    const timeout = new Promise<void>((resolve) => setTimeout(resolve, SHUTDOWN_TIMEOUT_MS).unref())
    Promise.race([engine.shutdown(), timeout])
      .catch((error: unknown) => log(`Socket Lab: engine shutdown failed: ${String(error)}`))
      .finally(() => {
        engineClosed = true
        disposeIpc?.()
        app.quit()
      })
  })

  Menu.setApplicationMenu(Menu.buildFromTemplate(menuTemplate(process.platform)))
  openWindow()
}

if (!app.requestSingleInstanceLock()) {
  app.quit()
} else {
  // Every renderer sandboxed, whatever a window's own preferences say.
  app.enableSandbox()
  for (const signal of ['SIGINT', 'SIGTERM'] as const) process.on(signal, () => app.quit())
  app
    .whenReady()
    .then(start)
    .catch((error: unknown) => {
      log(`Socket Lab: could not start: ${String(error)}`)
      app.exit(1)
    })
}
