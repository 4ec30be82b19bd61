/**
 * The Electron main process: one instance per data folder, one window, the engine behind IPC.
 *
 * Start-up never fails silently: the window shows, or a native dialog says why and where the log
 * file is. Quitting waits for the engine to close every socket, so no listener outlives the app.
 */
import { realpathSync } from 'node:fs'
import { homedir, tmpdir } from 'node:os'
import { join } from 'node:path'
import { app, BrowserWindow, clipboard, dialog, Menu, shell } from 'electron'
import type { Snapshot } from '../shared/contract'
import type { LoadedSettings } from '../shared/settings'
import { RUST_BOOK_CHAPTER_URL } from '../shared/external-links'
import { handleAppProtocol, registerAppScheme } from './app-protocol'
import { desktopDataDir, probeWritable } from './data-dir'
import { desktopLanguage, desktopTranslator, type DesktopTranslate } from './desktop-messages'
import { createDesktopService } from './desktop-services'
import { createEngine, type Engine } from './engine/engine'
import { describeFailure, failureDialog, type ShellFailure } from './failure-dialog'
import { registerIpc } from './ipc'
import { createLogFile, LOG_FILE_NAME } from './log-file'
import { menuTemplate } from './menu'
import { createSettingsStore } from './settings-store'
import { createMainWindow, rendererDir } from './window'
import { createListenerTally, windowTitle } from './window-title'
import { guardedWriter } from './stdio'

/** Longest wait for the engine's sockets to close before quitting anyway. */
const SHUTDOWN_TIMEOUT_MS = 5000

/**
 * The line `npm start` (scripts/launcher) and the packaged smoke test wait for: the window is
 * visible. Printed on stdout once per run.
 */
const WINDOW_OPEN_LINE = 'Socket Lab: the window is open'

// Everything below runs before the app is ready: the data folder decides the single-instance lock
// (one instance per folder, so tests with folders of their own run side by side).
const dataDir = desktopDataDir(process.env, app.getPath('userData'))
app.setPath('userData', dataDir)
const dataDirProblem = probeWritable(dataDir)
const logFile = createLogFile(
  join(dataDirProblem === null ? dataDir : join(tmpdir(), 'socket-lab'), LOG_FILE_NAME),
)
const log = (line: string): void => logFile.write(line)
/** Off only when the user asked for it (`npm start -- --no-sandbox`); the title and page say so. */
const isSandboxed = !app.commandLine.hasSwitch('no-sandbox')
/** `--smoke-test`: quit with 0 once the window shows, with 1 on any failure; no dialogs. */
const isSmokeTest = app.commandLine.hasSwitch('smoke-test')
const isDevelopment = !app.isPackaged

let exitCode = 0
/** Quits through before-quit (which closes the engine), then exits with the worst code asked. */
function quit(code: number): void {
  exitCode = Math.max(exitCode, code)
  app.quit()
}

function documentsDir(): string {
  try {
    return app.getPath('documents')
  } catch {
    return homedir()
  }
}

function start(): void {
  const mainDir = __dirname
  const devUrl = isDevelopment ? process.env['ELECTRON_RENDERER_URL'] : undefined
  let t: DesktopTranslate = desktopTranslator(desktopLanguage(null, app.getLocale()))
  let window: BrowserWindow | null = null
  let appUrl = ''
  let disposeIpc: (() => void) | null = null
  let engine: Engine | null = null
  let isQuitting = false
  let isEngineClosed = false
  let isDialogOpen = false
  const tally = createListenerTally()

  const updateTitle = (): void => {
    if (window && !window.isDestroyed())
      window.setTitle(windowTitle(tally.listening(), t, isSandboxed))
  }

  const setMenu = (): void => {
    const template = menuTemplate({
      platform: process.platform,
      isDevelopment,
      t,
      openBook: () => void shell.openExternal(RUST_BOOK_CHAPTER_URL),
      showLogFile: () => shell.showItemInFolder(logFile.file),
      showDataDir: () => void shell.openPath(dataDir),
    })
    Menu.setApplicationMenu(Menu.buildFromTemplate(template))
  }

  /** Follows the language chosen in the app (the OS's until one is chosen). */
  const followLanguage = async (): Promise<void> => {
    const loaded = await engine?.handle('settings:get', {})
    if (!loaded?.ok) return
    const chosen = (loaded.value as LoadedSettings).settings.language
    t = desktopTranslator(desktopLanguage(chosen, app.getLocale()))
    setMenu()
    updateTitle()
  }

  /** Logs a failure, shows the dialog (one at a time) and does what the user picked. */
  const reportFailure = async (failure: ShellFailure): Promise<void> => {
    const line = describeFailure(failure)
    log(`Socket Lab: ${line}`)
    if (isSmokeTest) {
      guardedWriter(process.stdout)(`Socket Lab: smoke test failed: ${line}\n`)
      quit(1)
      return
    }
    if (isDialogOpen) return
    isDialogOpen = true
    const text = failureDialog(failure, t, logFile)
    const options = {
      type: 'error' as const,
      title: text.title,
      message: text.message,
      detail: text.detail,
      buttons: text.buttons,
      defaultId: 0,
      cancelId: text.buttons.length - 1,
      noLink: true,
    }
    const parent = window && !window.isDestroyed() ? window : null
    const { response } = await (parent
      ? dialog.showMessageBox(parent, options)
      : dialog.showMessageBox(options))
    isDialogOpen = false
    const action = text.actions[response] ?? 'quit'
    if (action === 'quit') quit(1)
    else if (action === 'reload' && window && !window.isDestroyed())
      window.loadURL(appUrl).catch(() => undefined)
  }

  const openWindow = (running: Engine): void => {
    const created = createMainWindow({
      mainDir,
      devUrl,
      isDevelopment,
      log,
      onShown: () => {
        const line = `${WINDOW_OPEN_LINE} (log file: ${logFile.file})`
        guardedWriter(process.stdout)(`${line}\n`)
        log(line)
        if (isSmokeTest) quit(0)
      },
      onFailure: (failure) => void reportFailure(failure),
    })
    const win = created.window
    window = win
    appUrl = created.appUrl
    // The page's <title> would replace ours on load.
    win.on('page-title-updated', (event) => event.preventDefault())
    updateTitle()
    const desktop = createDesktopService({
      dialog,
      clipboard,
      shell,
      window: () => (win.isDestroyed() ? null : win),
      info: { isSandboxed, dataDir, logFile: logFile.file, isPackaged: app.isPackaged },
      listeningPorts: async () => {
        const snapshot = await running.handle('engine:snapshot', {})
        const ports = new Set<number>()
        if (snapshot.ok)
          for (const l of (snapshot.value as Snapshot).listeners)
            if (l.state === 'listening' && l.bound) ports.add(l.bound.port)
        return ports
      },
      t: () => t,
      defaultDir: documentsDir(),
      log,
    })
    disposeIpc = registerIpc({
      engine: running,
      desktop,
      window: win,
      appUrl: created.appUrl,
      log,
      onSettingsChanged: () => void followLanguage(),
    })
    win.on('closed', () => {
      disposeIpc?.()
      disposeIpc = null
      if (window === win) window = null
    })
  }

  app.on('second-instance', () => {
    log('Socket Lab: another launch with this data folder; focusing this window instead')
    if (!window || window.isDestroyed()) return
    if (window.isMinimized()) window.restore()
    if (!window.isVisible()) window.show()
    window.focus()
  })
  app.on('activate', () => {
    if (BrowserWindow.getAllWindows().length === 0 && !isQuitting && engine) openWindow(engine)
  })

  // Listeners would run on unseen without a window, so closing it quits on every platform.
  app.on('window-all-closed', () => quit(0))

  app.on('before-quit', (event) => {
    if (isEngineClosed) return
    event.preventDefault()
    if (isQuitting) return
    isQuitting = true
    const timeout = new Promise<void>((resolve) => setTimeout(resolve, SHUTDOWN_TIMEOUT_MS).unref())
    Promise.race([engine?.shutdown() ?? Promise.resolve(), timeout])
      .catch((error: unknown) => log(`Socket Lab: engine shutdown failed: ${String(error)}`))
      .finally(() => {
        isEngineClosed = true
        disposeIpc?.()
        app.exit(exitCode)
      })
  })

  setMenu()
  if (!isSandboxed) log('Socket Lab: started with --no-sandbox: the renderer sandbox is off')
  try {
    handleAppProtocol(realpathSync(rendererDir(mainDir)))
    engine = createEngine(
      dataDirProblem === null
        ? { settingsStorage: createSettingsStore(join(dataDir, 'settings.json'), { log }) }
        : {},
    )
  } catch (error) {
    void reportFailure({
      kind: 'engine',
      reason: error instanceof Error ? error.message : String(error),
    })
    return
  }
  const running = engine
  running.subscribe((batch) => {
    if (tally.apply(batch)) updateTitle()
  })
  void followLanguage()
  if (dataDirProblem !== null)
    void reportFailure({ kind: 'data-dir', dir: dataDir, reason: dataDirProblem })
  openWindow(running)
}

process.on('uncaughtException', (error) => {
  // Electron's default is a raw dialog and, often, a dead app; the log keeps the stack instead.
  log(`Socket Lab: unexpected error: ${error.stack ?? String(error)}`)
})

if (!app.requestSingleInstanceLock()) {
  log('Socket Lab: another instance uses this data folder; it has been asked to show its window')
  app.exit(0)
} else {
  registerAppScheme()
  // Every renderer sandboxed, whatever a window's own preferences say.
  app.enableSandbox()
  for (const signal of ['SIGINT', 'SIGTERM'] as const) process.on(signal, () => quit(0))
  app
    .whenReady()
    .then(start)
    .catch((error: unknown) => {
      log(`Socket Lab: could not start: ${String(error)}`)
      app.exit(1)
    })
}
