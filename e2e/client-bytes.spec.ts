import { createServer, type Server, type Socket } from 'node:net'
import type { Locator, Page } from '@playwright/test'
import { openClient } from './clients'
import { expect, listenerCard, startListening, test } from './fixtures'

/** A learner's server: answers each request with a bare-\n response, then closes. */
const RESPONSE = 'HTTP/1.1 200 OK\nContent-Length: 5\n\nhello'

let server: Server | null = null
const sockets = new Set<Socket>()

test.afterEach(async () => {
  for (const socket of sockets) socket.destroy()
  sockets.clear()
  const s = server
  server = null
  if (s) await new Promise<void>((resolve) => s.close(() => resolve()))
})

async function bareLfServer(): Promise<number> {
  server = createServer((socket) => {
    sockets.add(socket)
    socket.on('error', () => undefined)
    socket.on('close', () => sockets.delete(socket))
    let head = ''
    socket.on('data', (data) => {
      head += data.toString('latin1')
      if (head.includes('\r\n\r\n')) socket.end(RESPONSE)
    })
  })
  const s = server
  await new Promise<void>((resolve) => s.listen(0, '127.0.0.1', resolve))
  const address = s.address()
  if (address === null || typeof address === 'string') throw new Error('no port')
  return address.port
}

/** Runs the Client tab's "1 × /" plan against 127.0.0.1:port to its end; the Client region. */
async function runOneGet(page: Page, port: number): Promise<Locator> {
  await page.getByRole('tab', { name: 'Client' }).click()
  const client = page.getByRole('region', { name: 'Client' })
  await client.getByRole('textbox', { name: 'Target' }).fill(`127.0.0.1:${port}`)
  await client.getByRole('button', { name: '1 × /', exact: true }).click()
  await client.getByRole('button', { name: 'Run plan' }).click()
  await expect(client.getByRole('status').first()).toHaveText(/Finished in/)
  return client
}

test('the Client tab shows your server’s response bytes and the linter’s finding', async ({
  app,
}) => {
  const { page } = app
  const port = await bareLfServer()
  const client = await runOneGet(page, port)
  const row = client.getByRole('list', { name: 'Timeline of run 1' }).getByRole('listitem')
  await expect(row).toContainText('#1 GET / — 200')
  // Not one of Socket Lab's listeners: nothing is said about Socket Lab's responders.
  await expect(client.getByText(/^Not one of Socket Lab’s listeners/)).toBeVisible()

  const toggle = row.getByRole('button', { name: 'Response #1 — 40 bytes, 1 linter finding' })
  await toggle.click()
  await expect(toggle).toHaveAttribute('aria-expanded', 'true')
  const result = row.getByRole('region', { name: 'Response #1' })
  await expect(result.getByRole('tab', { name: 'Text' })).toHaveAttribute('aria-selected', 'true')
  await expect(result.getByRole('tabpanel')).toHaveText(
    'HTTP/1.1 200 OK\\nContent-Length: 5\\n\\nhello',
  )
  const findings = result.getByRole('list', { name: 'Linter findings for #1' })
  await expect(findings.getByRole('listitem')).toHaveText(
    /^Line 1 of the head ends with a bare \\n instead of \\r\\n\./,
  )
  await findings.getByRole('button', { name: 'byte 15' }).click()
  await expect(result.getByRole('tabpanel').locator('mark')).toHaveText('\\n')
  const shots = process.env.SOCKETLAB_SHOTS
  if (shots) await page.screenshot({ path: `${shots}/client-bytes-text.png` })

  await result.getByRole('tab', { name: 'Hex' }).click()
  // 16 bytes a line, or 8 where the column is too narrow for 16.
  await expect(result.getByRole('tabpanel')).toContainText('0000  48 54 54 50 2f 31 2e 31 ')
  await expect(result.getByRole('tabpanel')).toContainText('|HTTP/1.1')
  await expect(result.getByRole('tabpanel').locator('mark').first()).toHaveText('0a')
  if (shots) await page.screenshot({ path: `${shots}/client-bytes-hex.png` })
})

test('a saved session brings back the event log and the client’s runs', async ({
  app,
}, testInfo) => {
  test.skip(
    app.kind !== 'browser',
    'The desktop app saves and opens through native dialogs: desktop.spec.ts covers it',
  )
  const { page } = app
  const listenerPort = await startListening(listenerCard(page, 1), 0)
  const c = await openClient(listenerPort)
  const log = page.getByRole('region', { name: 'Event log' })
  await expect(log).toContainText('Connection established!')
  c.socket.destroy()

  const port = await bareLfServer()
  const client = await runOneGet(page, port)

  const downloading = page.waitForEvent('download')
  await page.getByRole('button', { name: 'Save session' }).click()
  const file = testInfo.outputPath('with-log-and-runs.json')
  await (await downloading).saveAs(file)
  await page.getByTestId('open-session-file').setInputFiles(file)
  await expect(page.getByText(/Viewing a saved session/)).toBeVisible()

  await expect(log).toContainText(`Listening on 127.0.0.1:${listenerPort}`)
  await expect(log).toContainText('Connection established!')
  await page.getByRole('tab', { name: 'Client' }).click()
  const row = client.getByRole('list', { name: 'Timeline of run 1' }).getByRole('listitem')
  await expect(row).toContainText('#1 GET / — 200')
  await row.getByRole('button', { name: 'Response #1 — 40 bytes, 1 linter finding' }).click()
  await expect(
    row.getByRole('list', { name: 'Linter findings for #1' }).getByRole('listitem'),
  ).toHaveText(/^Line 1 of the head ends with a bare \\n instead of \\r\\n\./)
  // Read-only: the saved run cannot be run again from here.
  await expect(client.getByRole('button', { name: 'Run plan' })).toBeDisabled()
  const shots = process.env.SOCKETLAB_SHOTS
  if (shots) await page.screenshot({ path: `${shots}/session-client-run.png` })
})

test('at a larger text size a new run’s timeline is scrolled to the top of the panel', async ({
  app,
}) => {
  const { page } = app
  await page.setViewportSize({ width: 1366, height: 768 })
  const port = await bareLfServer()
  for (let i = 0; i < 3; i++) await page.getByRole('button', { name: /Larger text/ }).click()
  await expect(page.getByRole('button', { name: /^Text size 1[3-9]\d%/ })).toBeVisible()
  const client = await runOneGet(page, port)
  const runs = client.getByRole('region', { name: 'Runs' })
  await expect
    .poll(() =>
      runs.evaluate((el) => {
        const body = el.parentElement!
        // Where the runs start in the panel's scrolled body, in CSS pixels as drawn.
        return Math.abs(
          Math.round(el.getBoundingClientRect().top - body.getBoundingClientRect().top),
        )
      }),
    )
    .toBeLessThanOrEqual(1)
})
