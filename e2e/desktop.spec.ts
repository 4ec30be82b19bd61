/**
 * What only the desktop app does: the sandboxed page on app://, native dialogs (stubbed at
 * Electron's dialog module, as a user's clicks cannot reach them), the menu and title, one
 * instance per data folder, and the error dialog when the page cannot show.
 *
 * Runs in the electron project wherever the Electron binary exists; skipped elsewhere.
 */
import { spawn } from 'node:child_process'
import { readFile } from 'node:fs/promises'
import { createServer, type Socket } from 'node:net'
import { join } from 'node:path'
import type { ElectronApplication, TestInfo } from '@playwright/test'
import { RUST_BOOK_CHAPTER_URL } from '../src/shared/external-links'
import { openClient, send } from './clients'
import {
  desktopLog,
  expect,
  hasElectronBinary,
  launchDesktop,
  listenerCard,
  NO_ELECTRON_REASON,
  startListening,
  test,
  type App,
} from './fixtures'
import { root } from './web-server'

const DESKTOP_ONLY = 'Desktop app only: browser mode has no main process, menu or native dialogs'

function skipUnlessDesktop(testInfo: TestInfo): void {
  test.skip(testInfo.project.name !== 'electron', DESKTOP_ONLY)
}

function desktopOf(app: App): ElectronApplication {
  if (!app.electron) throw new Error(DESKTOP_ONLY)
  return app.electron
}

/** Globals the stubs below keep in the main process. */
type MainGlobals = Record<string, unknown>

/**
 * Replaces dialog.showMessageBox: each call is recorded (with whether the window was visible) and
 * answered only when the test calls `answer(buttonIndex)`.
 */
async function holdMessageBoxes(electron: ElectronApplication): Promise<{
  shown: () => Promise<
    { message: string; detail: string; buttons: string[]; isWindowVisible: boolean }[]
  >
  answer: (button: number) => Promise<void>
}> {
  await electron.evaluate(({ dialog, BrowserWindow }) => {
    const state = globalThis as unknown as MainGlobals
    const shown: unknown[] = []
    const waiting: ((button: number) => void)[] = []
    state['shownBoxes'] = shown
    state['answerBox'] = (button: number) => waiting.shift()?.(button)
    Object.assign(dialog, {
      showMessageBox: (...args: unknown[]) => {
        const options = args.at(-1) as { message: string; detail: string; buttons: string[] }
        shown.push({
          message: options.message,
          detail: options.detail,
          buttons: options.buttons,
          isWindowVisible: BrowserWindow.getAllWindows().some((w) => w.isVisible()),
        })
        return new Promise((resolve) =>
          waiting.push((response) => resolve({ response, checkboxChecked: false })),
        )
      },
    })
  })
  return {
    shown: () =>
      electron.evaluate(
        () =>
          (globalThis as unknown as MainGlobals)['shownBoxes'] as {
            message: string
            detail: string
            buttons: string[]
            isWindowVisible: boolean
          }[],
      ),
    answer: (button) =>
      electron.evaluate((_electron, index) => {
        ;((globalThis as unknown as MainGlobals)['answerBox'] as (b: number) => void)(index)
      }, button),
  }
}

function exitOf(electron: ElectronApplication): Promise<number | null> {
  const child = electron.process()
  if (child.exitCode !== null) return Promise.resolve(child.exitCode)
  return new Promise((resolve) => child.once('exit', (code) => resolve(code)))
}

test('the page runs sandboxed on app://: no Node, no permissions, only documentation opens outside', async ({
  app,
}, testInfo) => {
  skipUnlessDesktop(testInfo)
  const electron = desktopOf(app)
  const { page } = app
  await expect(listenerCard(page, 1)).toBeVisible()
  expect(page.url()).toMatch(/^app:\/\/socket-lab\/index\.html/)
  expect(await page.evaluate(() => typeof (globalThis as MainGlobals)['require'])).toBe('undefined')
  expect(await page.evaluate(() => typeof (globalThis as MainGlobals)['process'])).toBe('undefined')
  expect(
    await page.evaluate(
      "navigator.clipboard.writeText('x').then(() => 'written', () => 'refused')",
    ),
  ).toBe('refused')
  // No warning: the sandbox is on.
  await expect(page.getByText(/The sandbox is off/)).toHaveCount(0)

  await electron.evaluate(({ shell }) => {
    const opened: string[] = []
    ;(globalThis as unknown as MainGlobals)['opened'] = opened
    Object.assign(shell, { openExternal: async (url: string) => void opened.push(url) })
  })
  await page.evaluate("window.open('https://example.com/')")
  await page.getByRole('link', { name: /The chapter in the Rust book/ }).click()
  await expect
    .poll(() => electron.evaluate(() => (globalThis as unknown as MainGlobals)['opened']))
    .toEqual([RUST_BOOK_CHAPTER_URL])
  expect(await electron.evaluate(({ BrowserWindow }) => BrowserWindow.getAllWindows().length)).toBe(
    1,
  )
  expect(page.url()).toMatch(/^app:\/\/socket-lab\//)
})

test('Save session and Open session go through the native dialogs', async ({ app }, testInfo) => {
  skipUnlessDesktop(testInfo)
  const electron = desktopOf(app)
  const { page } = app
  const file = testInfo.outputPath('lab session.json')
  await electron.evaluate(({ dialog }, path) => {
    const calls: { kind: string; title?: string; defaultPath?: string }[] = []
    ;(globalThis as unknown as MainGlobals)['dialogCalls'] = calls
    Object.assign(dialog, {
      showSaveDialog: async (
        _window: unknown,
        options: { title?: string; defaultPath?: string },
      ) => {
        calls.push({ kind: 'save', title: options.title, defaultPath: options.defaultPath })
        return { canceled: false, filePath: path }
      },
      showOpenDialog: async (_window: unknown, options: { title?: string }) => {
        calls.push({ kind: 'open', title: options.title })
        return { canceled: false, filePaths: [path] }
      },
    })
  }, file)

  const port = await startListening(listenerCard(page, 1), 0)
  const c = await openClient(port)
  await send(c, 'desktop bytes')
  await expect(page.getByRole('table').getByText(String(c.localPort))).toBeVisible()

  await page.getByRole('button', { name: 'Save session' }).click()
  await expect(page.getByText(`Saved ${file}.`)).toBeVisible()
  const saved = JSON.parse(await readFile(file, 'utf8')) as { format: string }
  expect(saved.format).toBe('socket-lab-session')

  await page.getByRole('button', { name: 'Open session' }).click()
  await expect(page.getByText(/Viewing a saved session: lab session\.json/)).toBeVisible()
  const calls = (await electron.evaluate(
    () => (globalThis as unknown as MainGlobals)['dialogCalls'],
  )) as { kind: string; title?: string; defaultPath?: string }[]
  expect(calls.map((call) => [call.kind, call.title])).toEqual([
    ['save', 'Save the session'],
    ['open', 'Open a saved session'],
  ])
  expect(calls[0]?.defaultPath).toMatch(/socket-lab-session-[\d-]+\.json$/)
  c.socket.destroy()
})

test('the menu and the window title', async ({ app }, testInfo) => {
  skipUnlessDesktop(testInfo)
  const electron = desktopOf(app)
  const labels = await electron.evaluate(
    ({ Menu }) => Menu.getApplicationMenu()?.items.map((item) => item.label) ?? [],
  )
  expect(labels).toEqual(expect.arrayContaining(['File', 'Edit', 'View', 'Window', 'Help']))
  const title = () =>
    electron.evaluate(({ BrowserWindow }) => BrowserWindow.getAllWindows()[0]?.getTitle())
  await expect.poll(title).toBe('Socket Lab — stopped')
  await startListening(listenerCard(app.page, 1), 0)
  await expect.poll(title).toBe('Socket Lab — 1 listening')
})

// Playwright requires the fixtures argument to be destructured, even when none is used.
// eslint-disable-next-line no-empty-pattern
test('a second launch with the same data folder shows the first window; another folder runs beside it', async ({}, testInfo) => {
  skipUnlessDesktop(testInfo)
  test.skip(!hasElectronBinary(), NO_ELECTRON_REASON)
  const first = await launchDesktop()
  const other = await launchDesktop()
  try {
    const page = await first.electron.firstWindow()
    await expect(listenerCard(page, 1)).toBeVisible()
    await expect(listenerCard(await other.electron.firstWindow(), 1)).toBeVisible()

    const second = spawn(first.electron.process().spawnfile, [root], {
      cwd: root,
      env: { ...process.env, SOCKETLAB_DATA_DIR: first.dataDir },
      stdio: 'ignore',
    })
    const code = await new Promise<number | null>((resolve) => second.once('exit', resolve))
    expect(code).toBe(0)
    await expect
      .poll(() => desktopLog(first.dataDir))
      .toContain('another launch with this data folder; focusing this window instead')
    expect(
      await first.electron.evaluate(({ BrowserWindow }) =>
        BrowserWindow.getAllWindows().map((w) => w.isVisible()),
      ),
    ).toEqual([true])
    // The lock is per data folder: the other instance never heard of it.
    expect(desktopLog(other.dataDir)).not.toContain('another launch')
  } finally {
    await first.electron.close().catch(() => undefined)
    await other.electron.close().catch(() => undefined)
  }
})

// eslint-disable-next-line no-empty-pattern
test('a page that cannot load: the window shows and a native dialog names the reason and the log file', async ({}, testInfo) => {
  skipUnlessDesktop(testInfo)
  test.skip(!hasElectronBinary(), NO_ELECTRON_REASON)
  // A "development server" that holds the page's request until the dialog is stubbed, then resets.
  const held: Socket[] = []
  const server = createServer((socket) => {
    socket.on('error', () => undefined)
    held.push(socket)
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as { port: number }
  const launch = await launchDesktop({
    env: { ELECTRON_RENDERER_URL: `http://127.0.0.1:${port}/` },
  })
  try {
    const boxes = await holdMessageBoxes(launch.electron)
    await expect.poll(() => held.length).toBeGreaterThan(0)
    for (const socket of held) socket.resetAndDestroy()
    server.close()
    await expect.poll(async () => (await boxes.shown()).length).toBe(1)
    const [box] = await boxes.shown()
    expect(box?.message).toBe('The window could not load its page.')
    expect(box?.detail).toContain(join(launch.dataDir, 'socket-lab.log'))
    expect(box?.buttons).toEqual(['Reload', 'Quit'])
    expect(box?.isWindowVisible).toBe(true)
    const exited = exitOf(launch.electron)
    await boxes.answer(1)
    expect(await exited).toBe(1)
    expect(desktopLog(launch.dataDir)).toContain('the page did not load')
  } finally {
    server.close()
    await launch.electron.close().catch(() => undefined)
  }
})

test('a crashed page: the dialog offers Reload, and Reload brings the app back', async ({
  app,
}, testInfo) => {
  skipUnlessDesktop(testInfo)
  const electron = desktopOf(app)
  const boxes = await holdMessageBoxes(electron)
  await expect(listenerCard(app.page, 1)).toBeVisible()
  await electron.evaluate(({ BrowserWindow }) =>
    BrowserWindow.getAllWindows()[0]?.webContents.forcefullyCrashRenderer(),
  )
  await expect.poll(async () => (await boxes.shown()).length).toBe(1)
  const [box] = await boxes.shown()
  expect(box?.message).toBe('The window’s page stopped unexpectedly.')
  expect(box?.buttons).toEqual(['Reload', 'Quit'])
  await boxes.answer(0)
  await expect(listenerCard(app.page, 1)).toBeVisible()
  expect(desktopLog(app.dataDir)).toContain("the page's process ended")
})
