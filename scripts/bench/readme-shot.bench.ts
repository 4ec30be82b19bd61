/**
 * The README's screenshot (docs/screenshot.png), made from the real GUI so it can be made again as
 * the app changes. Off by default (about 20 s):
 * `README_SHOT=1 npx vitest run --config vitest.bench.config.ts scripts/bench/readme-shot.bench.ts`
 *
 * Browser mode on a fresh data folder at 1366×768 in English: the thread-pool stage set up, one
 * /sleep and two / requests on their own connections (as curl makes them), the second connection's
 * request in the stream view's HTTP tab.
 */
import { request } from 'node:http'
import { join } from 'node:path'
import { chromium, type Browser } from '@playwright/test'
import { afterAll, expect, it } from 'vitest'
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../../e2e/chromium'
import { root, startWebServer, type WebServer } from '../../e2e/web-server'

let web: WebServer | null = null
let browser: Browser | null = null
afterAll(async () => {
  await browser?.close()
  await web?.stop()
})

/** One GET on its own connection; resolves with the status. */
function get(port: number, path: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port, path, agent: false }, (res) => {
      res.resume()
      res.on('end', () => resolve(res.statusCode ?? 0))
    })
    req.on('error', reject)
    req.end()
  })
}

it('makes the README screenshot from the real GUI', { timeout: 120_000 }, async (ctx) => {
  ctx.skip(!process.env.README_SHOT, 'set README_SHOT=1 to make docs/screenshot.png')
  web = await startWebServer()
  browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS })
  const page = await browser.newPage({ viewport: { width: 1366, height: 768 }, locale: 'en' })
  await page.goto(web.url)
  // The first-run strip: dismissed, as a student does once they have read it.
  await page.getByRole('button', { name: 'Got it' }).click()

  const lesson = page.getByRole('region', { name: 'Lesson' })
  await lesson
    .getByRole('combobox', { name: 'Stage' })
    .selectOption({ label: '7. Thread pool (20-11…20-22)' })
  await lesson.getByRole('button', { name: 'Set up this stage' }).click()
  const done = lesson
    .getByRole('status')
    .filter({ hasText: /^Listener 1 is set up for this stage/ })
  const offer = lesson.getByRole('button', { name: /^Use port \d+ instead$/ })
  await done.or(offer).first().waitFor()
  if (await offer.isVisible()) await offer.click()
  await done.waitFor()
  const address = (await done.textContent()) ?? ''
  const port = Number(/:(\d+)\.?\s*$/.exec(address)?.[1])
  expect(port).toBeGreaterThan(0)

  // A /sleep, then two quick ones while it sleeps: the stage's three checkpoints.
  const sleeping = get(port, '/sleep')
  await page.getByRole('cell', { name: '1', exact: true }).first().waitFor()
  expect(await get(port, '/')).toBe(200)
  expect(await get(port, '/')).toBe(200)
  expect(await sleeping).toBe(200)
  await expect
    .poll(() => lesson.getByRole('checkbox', { checked: true }).count(), { timeout: 20_000 })
    .toBe(3)

  // The second connection: its # cell says 2.
  await page
    .getByRole('row')
    .filter({ has: page.getByRole('cell', { name: '2', exact: true }) })
    .first()
    .click()
  await page.getByRole('tab', { name: 'HTTP' }).click()
  await page.getByText('Received: requests').waitFor()
  await lesson.getByText('Checkpoints').scrollIntoViewIfNeeded()
  await page.screenshot({ path: join(root, 'docs', 'screenshot.png') })
})
