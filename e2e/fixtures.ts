import { mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { createRequire } from 'node:module'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import {
  _electron,
  expect,
  test as base,
  type Browser,
  type ElectronApplication,
  type Locator,
  type Page,
  type TestInfo,
} from '@playwright/test'
import { root, startWebServer, type WebServer } from './web-server'

const require = createRequire(__filename)
const { electronBinaryPath } = require('../scripts/electron-binary.cjs') as {
  electronBinaryPath: () => string | null
}

export type AppKind = 'browser' | 'electron'

/** The GUI under test, whichever shell runs it. */
export interface App {
  kind: AppKind
  page: Page
  /** Browser mode's server (null under Electron). */
  web: WebServer | null
  /** The desktop app (null in browser mode). */
  electron: ElectronApplication | null
  /** The data folder this app was given (settings, log file, single-instance lock). */
  dataDir: string
}

/** Why the electron project skips where there is no binary; counted in `npm test`'s line. */
export const NO_ELECTRON_REASON =
  'No Electron binary on this machine (it is downloaded from GitHub at npm install, which this machine cannot reach); the browser project runs these specs, and the Desktop workflow runs them on Windows, macOS and Linux'

/** Whether this machine has the Electron binary (never downloads it). */
export function hasElectronBinary(): boolean {
  return electronBinaryPath() !== null
}

/** A desktop app started for a test, with what it printed. */
export interface DesktopLaunch {
  electron: ElectronApplication
  dataDir: string
  /** The main process's stdout, stderr and console, so far. */
  output(): string
}

/**
 * Starts the built desktop app as `npm start` would (`electron <project>`), with a fresh data
 * folder set before its single-instance lock, downloads accepted and Chromium's sandbox on.
 */
export async function launchDesktop(
  options: { env?: Record<string, string>; dataDir?: string } = {},
): Promise<DesktopLaunch> {
  const executablePath = electronBinaryPath()
  if (!executablePath) throw new Error(NO_ELECTRON_REASON)
  const dataDir = options.dataDir ?? mkdtempSync(join(tmpdir(), 'socket-lab-e2e-desktop-'))
  const env: Record<string, string> = {}
  for (const [key, value] of Object.entries(process.env))
    if (value !== undefined && key !== 'ELECTRON_RUN_AS_NODE') env[key] = value
  const electron = await _electron.launch({
    executablePath,
    args: [root],
    cwd: root,
    env: { ...env, SOCKETLAB_DATA_DIR: dataDir, ...options.env },
    acceptDownloads: true,
    // Playwright turns the sandbox off by default; the app must run as students run it.
    chromiumSandbox: true,
  })
  let output = ''
  electron.process().stdout?.on('data', (data: Buffer) => (output += data.toString()))
  electron.process().stderr?.on('data', (data: Buffer) => (output += data.toString()))
  electron.on('console', (message) => (output += `[console.${message.type()}] ${message.text()}\n`))
  return { electron, dataDir, output: () => output }
}

/** The desktop app's log file in its data folder ('' while it has none). */
export function desktopLog(dataDir: string): string {
  try {
    return readFileSync(join(dataDir, 'socket-lab.log'), 'utf8')
  } catch {
    return ''
  }
}

/** On failure, attaches what the main process printed and its log file. */
async function attachOnFailure(testInfo: TestInfo, launch: DesktopLaunch): Promise<void> {
  if (testInfo.status === testInfo.expectedStatus) return
  await testInfo.attach('main-process-output.txt', { body: launch.output() })
  await testInfo.attach('socket-lab.log', { body: desktopLog(launch.dataDir) })
}

export const test = base.extend<{ app: App }, { lazyBrowser: () => Promise<Browser> }>({
  // Launched on first use only: the electron project never starts a Chromium beside the app.
  // Playwright applies the project's launch options to it, and its context options, tracing and
  // screenshots to the contexts made from it.
  lazyBrowser: [
    async ({ playwright }, use) => {
      const held: { browser: Promise<Browser> | null } = { browser: null }
      await use(() => (held.browser ??= playwright.chromium.launch()))
      if (held.browser) await (await held.browser).close()
    },
    { scope: 'worker' },
  ],

  app: async ({ lazyBrowser }, use, testInfo) => {
    if (testInfo.project.name === 'electron') {
      testInfo.skip(!hasElectronBinary(), NO_ELECTRON_REASON)
      const launch = await launchDesktop()
      try {
        const page = await launch.electron.firstWindow()
        await page.waitForLoadState('domcontentloaded')
        await use({
          kind: 'electron',
          page,
          web: null,
          electron: launch.electron,
          dataDir: launch.dataDir,
        })
      } finally {
        await attachOnFailure(testInfo, launch)
        await launch.electron.close().catch(() => undefined)
        rmSync(launch.dataDir, { recursive: true, force: true })
      }
      return
    }
    const web = await startWebServer()
    const browser = await lazyBrowser()
    const context = await browser.newContext()
    try {
      const page = await context.newPage()
      await page.goto(web.url)
      await use({ kind: 'browser', page, web, electron: null, dataDir: web.dataDir })
    } finally {
      await context.close()
    }
    expect(await web.stop(), `browser mode exits 0 on SIGTERM\n${web.output()}`).toBe(0)
  },

  // Specs that take `page` get the app's page in either mode.
  page: async ({ app }, use) => {
    await use(app.page)
  },
})

export { expect }

/** The card of listener N. */
export function listenerCard(page: Page, n: number): Locator {
  return page.getByRole('region', { name: `Listener ${n}` })
}

/** Sets host and port in a stopped card and starts it; returns the port it listens on. */
export async function startListening(
  card: Locator,
  port: number | string = 0,
  host = '127.0.0.1',
): Promise<number> {
  await card.getByLabel('Host', { exact: true }).fill(host)
  await card.getByLabel('Port', { exact: true }).fill(String(port))
  await card.getByRole('button', { name: 'Start listening' }).click()
  const status = card.getByRole('status')
  await expect(status).toHaveText(/Listening on \S+:\d+/)
  const match = /:(\d+)\s*$/.exec((await status.textContent()) ?? '')
  return Number(match?.[1])
}

/** What a test sets in a card's stage settings; absent fields stay as they are. */
export interface StageChoice {
  responder?: string
  handling?: string
  workers?: number
  sleepSeconds?: number
}

/** Picks the responder and handling by their labels and types the numbers (Enter commits). */
export async function setStage(card: Locator, choice: StageChoice): Promise<void> {
  if (choice.responder !== undefined)
    await card
      .getByRole('combobox', { name: 'Responder' })
      .selectOption({ label: choice.responder })
  if (choice.handling !== undefined)
    await card.getByRole('combobox', { name: 'Handling' }).selectOption({ label: choice.handling })
  const numbers: [string, number | undefined][] = [
    ['Workers', choice.workers],
    ['Sleep seconds', choice.sleepSeconds],
  ]
  for (const [name, value] of numbers) {
    if (value === undefined) continue
    const field = card.getByRole('spinbutton', { name })
    await field.fill(String(value))
    await field.press('Enter')
    await expect(field).toHaveValue(String(value))
  }
}
