import { createServer } from 'node:net'
import type { Locator } from '@playwright/test'
import { expect, listenerCard, setStage, startListening, test } from './fixtures'

interface Row {
  index: number
  path: string
  status: number
  /** Done, ms since the plan started. */
  doneMs: number
  expected: string | null
}

/** The timeline's rows as a person reads them: `#3 GET / — 200 — 1.01 s (expected 2 s)`. */
async function timelineRows(timeline: Locator): Promise<Row[]> {
  const texts = await timeline.getByRole('listitem').allTextContents()
  return texts.map((text) => {
    const match = /#(\d+) GET (\S+) — (\d{3}) — ([\d.]+) (ms|s)(?: \(expected ([^)]+)\))?/.exec(
      text,
    )
    if (!match) throw new Error(`unreadable timeline row: ${text}`)
    const value = Number(match[4])
    return {
      index: Number(match[1]),
      path: match[2] ?? '',
      status: Number(match[3]),
      doneMs: match[5] === 's' ? value * 1000 : value,
      expected: match[6] ?? null,
    }
  })
}

/** How far apart the two /sleep of the book's plan (its first two rows) were answered. */
function sleepGap([a, b]: Row[]): number {
  if (!a || !b) throw new Error('two /sleep rows')
  return Math.abs(a.doneMs - b.doneMs)
}

async function runBookPlan(client: Locator, run: number): Promise<Row[]> {
  await client.getByRole('button', { name: '2 × /sleep + 1 × / at t=0' }).click()
  await client.getByRole('button', { name: 'Run plan' }).click()
  const timeline = client.getByRole('list', { name: `Timeline of run ${run}` })
  await expect(timeline).toBeVisible()
  await expect(client.getByRole('status').first()).toHaveText(/Finished in/)
  const rows = await timelineRows(timeline)
  expect(rows.map((r) => [r.path, r.status])).toEqual([
    ['/sleep', 200],
    ['/sleep', 200],
    ['/', 200],
  ])
  return rows
}

test('2 × /sleep + 1 × /: single thread makes / wait, a pool answers it at once', async ({
  app,
}) => {
  const { page } = app
  const card = listenerCard(page, 1)
  await setStage(card, { responder: 'HTTP slow route', handling: 'Single thread', sleepSeconds: 1 })
  await expect(card.getByRole('combobox', { name: 'Responder' })).toHaveValue('http-slow-route')
  const port = await startListening(card, 0)

  await page.getByRole('tab', { name: 'Client' }).click()
  const client = page.getByRole('region', { name: 'Client' })
  await expect(client.getByRole('textbox', { name: 'Target' })).toHaveValue(`127.0.0.1:${port}`)

  const single = await runBookPlan(client, 1)
  await expect(client.getByText(/Listener 1: HTTP slow route, Single thread/)).toBeVisible()
  expect(single.map((r) => r.expected)).toEqual(['1 s', '2 s', '2 s'])
  const [a, b, root] = single
  if (!a || !b || !root) throw new Error('three rows')
  // One thread: / waits behind a /sleep.
  expect(root.doneMs).toBeGreaterThan(Math.min(a.doneMs, b.doneMs))

  await card.getByRole('combobox', { name: 'Handling' }).selectOption({ label: 'Thread pool' })
  await expect(card.getByRole('combobox', { name: 'Handling' })).toHaveValue('thread-pool')
  const pool = await runBookPlan(client, 2)
  await expect(client.getByText(/Listener 1: HTTP slow route, Thread pool of 4/)).toBeVisible()
  expect(pool.map((r) => r.expected)).toEqual(['1 s', '1 s', '0 ms'])
  const [c, d, root2] = pool
  if (!c || !d || !root2) throw new Error('three rows')
  // Side by side: / is answered before either /sleep.
  expect(root2.doneMs).toBeLessThan(Math.min(c.doneMs, d.doneMs))
  // The two /sleep ended further apart on the single thread (the second waited for the first)
  // than in the pool (they slept together), and the single thread's plan took longer.
  expect(sleepGap(single)).toBeGreaterThan(sleepGap(pool))
  expect(Math.max(a.doneMs, b.doneMs)).toBeGreaterThan(Math.max(c.doneMs, d.doneMs))

  // The earlier run stays for comparison.
  await client.getByText('Earlier runs').click()
  await expect(client.getByRole('list', { name: 'Timeline of run 1' })).toBeVisible()
  const shots = process.env.SOCKETLAB_SHOTS
  if (shots) {
    await page.screenshot({ path: `${shots}/client.png` })
    await client.locator('.client-body').evaluate((el) => el.scrollTo(0, 0))
    await client.getByText('The same from a terminal').click()
    await page.screenshot({ path: `${shots}/client-top.png` })
  }
})

test('a refused connection is explained', async ({ app }) => {
  const { page } = app
  await page.getByRole('tab', { name: 'Client' }).click()
  const client = page.getByRole('region', { name: 'Client' })
  // A port that was free a moment ago: nothing listens there now.
  const server = createServer()
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const address = server.address()
  if (address === null || typeof address === 'string') throw new Error('no port')
  await new Promise<void>((resolve) => server.close(() => resolve()))
  await client.getByRole('textbox', { name: 'Target' }).fill(`127.0.0.1:${address.port}`)
  await client.getByRole('button', { name: '1 × /', exact: true }).click()
  await client.getByRole('button', { name: 'Run plan' }).click()
  const row = client.getByRole('list', { name: 'Timeline of run 1' }).getByRole('listitem')
  await expect(row).toContainText('#1 GET / — ECONNREFUSED')
  await expect(row).toContainText('nothing listens on that address and port')
})

test('a raw request in 3 chunks: three writes, and the listener reads three chunks', async ({
  app,
}) => {
  const { page } = app
  const card = listenerCard(page, 1)
  await card
    .getByRole('combobox', { name: 'Responder' })
    .selectOption({ label: 'Read request, then close' })
  await expect(card.getByRole('combobox', { name: 'Responder' })).toHaveValue(
    'read-request-then-close',
  )
  await startListening(card, 0)
  await page.getByRole('tab', { name: 'Client' }).click()
  const client = page.getByRole('region', { name: 'Client' })
  await client.getByRole('radio', { name: 'Raw request' }).check()
  await client.getByRole('combobox', { name: 'Send as' }).selectOption({ label: 'In chunks' })
  await client.getByRole('spinbutton', { name: 'Chunks' }).fill('3')
  await client.getByRole('spinbutton', { name: 'Pause (ms)' }).fill('150')
  await client.getByRole('button', { name: 'Run plan' }).click()
  const row = client.getByRole('list', { name: 'Timeline of run 1' }).getByRole('listitem')
  await expect(row).toContainText('#1 raw request — closed without an answer')
  await expect(row).toContainText('in 3 writes')
  await expect(row).toContainText('as Listings 20-1 and 20-2 do')
  const shots = process.env.SOCKETLAB_SHOTS
  if (shots) await page.screenshot({ path: `${shots}/client-raw.png` })
  // The listener read what the client wrote, chunk by chunk.
  await page.getByRole('table', { name: 'Connections' }).getByRole('row').nth(1).click()
  await page.getByRole('region', { name: 'Stream' }).getByRole('tab', { name: 'Chunks' }).click()
  await expect(
    page.getByRole('region', { name: 'Stream' }).getByRole('tabpanel').getByRole('row'),
  ).toHaveCount(4) // the header and three reads
})

test('an idle connection holds a worker of a pool of 2: the two /sleep run one after another', async ({
  app,
}) => {
  const { page } = app
  const card = listenerCard(page, 1)
  await setStage(card, {
    responder: 'HTTP slow route',
    handling: 'Thread pool',
    workers: 2,
    sleepSeconds: 1,
  })
  await startListening(card, 0)

  await page.getByRole('tab', { name: 'Client' }).click()
  const client = page.getByRole('region', { name: 'Client' })
  await client.getByRole('button', { name: '2 × /sleep + 1 × / + 1 idle' }).click()
  await client.getByRole('button', { name: 'Run plan' }).click()
  const timeline = client.getByRole('list', { name: 'Timeline of run 1' })
  await expect(client.getByRole('status').first()).toHaveText(/Finished in/)
  const rows = timeline.getByRole('listitem')
  await expect(rows.nth(0)).toContainText('#1 idle — open, sent nothing')
  await expect(rows.nth(1)).toContainText('(expected 1 s)')
  await expect(rows.nth(2)).toContainText('(expected 2 s)')
  await expect(rows.nth(3)).toContainText('(expected 2 s)')
  const shots = process.env.SOCKETLAB_SHOTS
  if (shots) await page.screenshot({ path: `${shots}/client-idle.png` })
  await client.getByRole('button', { name: 'Close idle connections' }).click()
  await expect(rows.nth(0)).toContainText('#1 idle — closed here')
  await expect(client.getByRole('button', { name: 'Close idle connections' })).toHaveCount(0)
  if (shots) await page.screenshot({ path: `${shots}/client-idle-closed.png` })
})
