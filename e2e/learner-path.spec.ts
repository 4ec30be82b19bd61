/**
 * A student's first minutes at 1366×768, as issue 10 describes them: the first-run steps to the
 * book's "Connection established!", a stage set up from a running listener on another port,
 * progress that survives a reload and a restart, and a second listener that does not take 7878.
 */
import { createServer } from 'node:net'
import { openClient, type Client } from './clients'
import { expect, listenerCard, startListening, test } from './fixtures'
import { finishSetUp, get, lesson } from './lessons-kit'
import { savedSettings } from './saved-settings'
import { startWebServer } from './web-server'

test.use({ viewport: { width: 1366, height: 768 } })

const clients: Client[] = []
test.afterEach(() => {
  for (const c of clients.splice(0)) c.socket.destroy()
})

/** The lesson stage saved in a data folder's settings file (null while there is none). */
async function savedStage(dataDir: string): Promise<string | null> {
  return (await savedSettings(dataDir))?.progress?.stageId ?? null
}

/** A port nothing listens on right now (the OS's pick, released at once). */
async function freePort(): Promise<number> {
  const server = createServer()
  await new Promise<void>((resolve) => server.listen({ host: '127.0.0.1', port: 0 }, resolve))
  const { port } = server.address() as { port: number }
  await new Promise((resolve) => server.close(resolve))
  return port
}

test('first run: start, open, watch — three connections tick stage 1, as the log shows', async ({
  app,
}) => {
  const { page } = app
  const strip = page.getByRole('region', { name: 'First steps' })
  await expect(strip).toBeVisible()
  await expect(lesson(page).getByRole('combobox', { name: 'Stage' })).toHaveValue('connect')
  const card = listenerCard(page, 1)
  await expect(card.getByRole('combobox', { name: 'Responder' })).toHaveValue('silent')
  // The book's 7878 may be another test's right now: the steps follow whatever port is set.
  const port = await freePort()
  await card.getByLabel('Port', { exact: true }).fill(String(port))
  await card.getByLabel('Port', { exact: true }).blur()
  await strip.getByRole('button', { name: `Start listening on 127.0.0.1:${port}` }).click()
  await expect(strip.getByText(`Listener 1 listens on 127.0.0.1:${port} ✓`)).toBeVisible()
  await expect(strip.getByRole('link', { name: `http://127.0.0.1:${port}` })).toBeVisible()

  for (let i = 0; i < 3; i++) clients.push(await openClient(port))
  const log = page.getByRole('region', { name: 'Event log' })
  await expect(log.getByText('Connection established!')).toHaveCount(3)
  const panel = lesson(page)
  for (const name of [
    'The listener is listening',
    '“Connection established!” printed',
    '3 connections accepted',
  ])
    await expect(panel.getByRole('checkbox', { name })).toBeChecked()

  await strip.getByRole('button', { name: 'Got it' }).click()
  await expect(strip).toHaveCount(0)
  await page.reload()
  await expect(listenerCard(page, 1)).toBeVisible()
  await expect(page.getByRole('region', { name: 'First steps' })).toHaveCount(0)
})

test('Set up this stage from a running listener on another port: the stage’s address answers', async ({
  app,
}) => {
  const { page } = app
  const card = listenerCard(page, 1)
  const before = await startListening(card, 0)
  clients.push(await openClient(before))
  const panel = lesson(page)
  await panel
    .getByRole('combobox', { name: 'Stage' })
    .selectOption({ label: '5. Routes and 404 (20-6…20-9)' })
  await expect(panel.getByText(/^address 127\.0\.0\.1:\d+ → 127\.0\.0\.1:7878$/)).toBeVisible()
  await panel.getByRole('button', { name: 'Set up this stage' }).click()
  // One open connection: it asks before closing it.
  await panel.getByRole('button', { name: 'Close and set up' }).click()
  const port = await finishSetUp(page)
  expect(port).not.toBe(before)
  expect(await get(port, '/')).toBe(200)
  expect(await get(port, '/nope')).toBe(404)
  await expect(panel.getByRole('checkbox', { name: '404 served' })).toBeChecked()
  // The lesson's addresses follow the port the listener got.
  await expect(panel.getByText(`Open http://127.0.0.1:${port}/ and then`)).toBeVisible()
})

test('progress lasts: after a reload and after a restart on the same data folder', async ({
  app,
  lazyBrowser,
}) => {
  const { page, web } = app
  test.skip(web === null, 'Restarts browser mode: the desktop app has its own restart test')
  const card = listenerCard(page, 1)
  const panel = lesson(page)
  const port = await startListening(card, 0)
  for (let i = 0; i < 3; i++) clients.push(await openClient(port))
  const accepted = panel.getByRole('checkbox', { name: '3 connections accepted' })
  await expect(accepted).toBeChecked()
  await panel
    .getByRole('combobox', { name: 'Stage' })
    .selectOption({ label: '5. Routes and 404 (20-6…20-9)' })
  // The choice reaches the settings file before the page goes away.
  await expect.poll(() => savedStage(web!.dataDir)).toBe('routes')

  await page.reload()
  await expect(lesson(page).getByRole('combobox', { name: 'Stage' })).toHaveValue('routes')
  await lesson(page).getByRole('combobox', { name: 'Stage' }).selectOption('connect')
  await expect(lesson(page).getByRole('checkbox', { name: '3 connections accepted' })).toBeChecked()
  await expect.poll(() => savedStage(web!.dataDir)).toBe('connect')

  expect(await web!.stop()).toBe(0)
  const again = await startWebServer({ dataDir: web!.dataDir })
  const context = await (await lazyBrowser()).newContext()
  try {
    const fresh = await context.newPage()
    await fresh.goto(again.url)
    const restarted = lesson(fresh)
    await expect(restarted.getByRole('combobox', { name: 'Stage' })).toHaveValue('connect')
    await expect(restarted.getByRole('checkbox', { name: '3 connections accepted' })).toBeChecked()
    await expect(restarted.getByRole('status').filter({ hasText: 'Done:' })).toHaveText(
      'Done: 3 of 3',
    )
  } finally {
    await context.close()
    expect(await again.stop()).toBe(0)
  }
})

test('Add listener while listener 1 has 7878: the new one gets a free port and says why', async ({
  app,
}) => {
  const { page } = app
  const first = listenerCard(page, 1)
  await first.getByLabel('Port', { exact: true }).fill('7878')
  await first.getByLabel('Port', { exact: true }).blur()
  await page.getByRole('button', { name: 'Add listener' }).click()
  const second = listenerCard(page, 2)
  const port = Number(await second.getByLabel('Port', { exact: true }).inputValue())
  expect(port).toBeGreaterThan(7878)
  await expect(
    second.getByText('7878, the book’s port, is listener 1’s: this one got the next free port.'),
  ).toBeVisible()
  expect(await startListening(second, port)).toBe(port)
})
