import { mkdtempSync } from 'node:fs'
import { createRequire } from 'node:module'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { _electron, expect, test as base, type Locator, type Page } from '@playwright/test'
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
}

export const test = base.extend<{ app: App }>({
  app: async ({ page }, use, testInfo) => {
    if (testInfo.project.name === 'electron') {
      const executablePath = electronBinaryPath()
      testInfo.skip(
        !executablePath,
        'No Electron binary on this machine (it cannot be downloaded here); the browser project runs these specs',
      )
      const electronApp = await _electron.launch({
        executablePath: executablePath!,
        args: [join(root, 'out', 'main', 'index.js')],
        env: { ...process.env, SOCKETLAB_DATA_DIR: mkdtempSync(join(tmpdir(), 'socket-lab-e2e-')) },
      })
      const window = await electronApp.firstWindow()
      await use({ kind: 'electron', page: window, web: null })
      await electronApp.close()
      return
    }
    const web = await startWebServer()
    await page.goto(web.url)
    await use({ kind: 'browser', page, web })
    expect(await web.stop(), `browser mode exits 0 on SIGTERM\n${web.output()}`).toBe(0)
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
