import { readFile } from 'node:fs/promises'
import { request as httpRequest } from 'node:http'
import type { Page } from '@playwright/test'
import { openClient, send, type Client } from './clients'
import { expect, listenerCard, startListening, test } from './fixtures'

const clients: Client[] = []
test.afterEach(() => {
  for (const c of clients.splice(0)) c.socket.destroy()
})

async function client(port: number, allowHalfOpen = false): Promise<Client> {
  const c = await openClient(port, '127.0.0.1', { allowHalfOpen })
  clients.push(c)
  return c
}

function row(page: Page, localPort: number) {
  return page
    .getByRole('table', { name: 'Connections' })
    .getByRole('row')
    .filter({ hasText: `127.0.0.1:${localPort}` })
}

const stream = (page: Page) => page.getByRole('region', { name: 'Stream' })

test("a real HTTP client's request shows in the HTTP view with Listing 20-2's lines", async ({
  app,
}) => {
  const { page } = app
  const port = await startListening(listenerCard(page, 1), 0)
  const req = httpRequest({
    host: '127.0.0.1',
    port,
    path: '/sleep',
    headers: { 'User-Agent': 'e2e/1' },
  })
  req.on('error', () => {})
  req.end()
  const socket = await new Promise<import('node:net').Socket>((resolve) =>
    req.on('socket', resolve),
  )
  await new Promise((resolve) => socket.once('connect', resolve))
  await row(page, socket.localPort!).click()
  await stream(page).getByRole('tab', { name: 'HTTP' }).click()
  const panel = stream(page).getByRole('tabpanel')
  await expect(panel).toContainText('GET /sleep HTTP/1.1')
  await expect(panel).toContainText('Request: [')
  await expect(panel).toContainText('"User-Agent: e2e/1"')
  await expect(panel).toContainText(`"Host: 127.0.0.1:${port}"`)
  req.destroy()
})

test('the composer sends bytes that a node:net client reads, and they show as sent', async ({
  app,
}) => {
  const { page } = app
  const port = await startListening(listenerCard(page, 1), 0)
  const c = await client(port)
  await send(c, 'hello server\n')
  await row(page, c.localPort).click()
  await stream(page)
    .getByRole('textbox', { name: 'Message' })
    .fill('HTTP/1.1 200 OK\\r\\n\\r\\nhi\\x00')
  await stream(page).getByRole('button', { name: 'Send', exact: true }).click()
  const expected = Buffer.concat([Buffer.from('HTTP/1.1 200 OK\r\n\r\nhi'), Buffer.from([0])])
  await expect.poll(() => c.received().toString('hex')).toBe(expected.toString('hex'))
  await stream(page).getByRole('tab', { name: 'Hex' }).click()
  await expect(stream(page).getByRole('tabpanel')).toContainText('68 69 00')
})

test('Close is seen by the client as end-of-file, Reset as ECONNRESET', async ({ app }) => {
  const { page } = app
  const port = await startListening(listenerCard(page, 1), 0)

  const polite = await client(port, true)
  const ended = new Promise<void>((resolve) => polite.socket.once('end', resolve))
  await row(page, polite.localPort).click()
  await stream(page).getByRole('button', { name: 'Close', exact: true }).click()
  await ended
  // After our FIN the client may still send, and we still read it.
  await send(polite, 'last words')
  await expect(stream(page).getByRole('tabpanel')).toContainText('last words')
  polite.socket.end()
  await expect(row(page, polite.localPort)).toContainText(/closed/i)

  const rude = await client(port)
  const error = new Promise<NodeJS.ErrnoException>((resolve) => rude.socket.once('error', resolve))
  await row(page, rude.localPort).click()
  await stream(page).getByRole('button', { name: 'Reset', exact: true }).click()
  expect((await error).code).toBe('ECONNRESET')
  await expect(row(page, rude.localPort)).toContainText(/closed/i)
})

test('a saved session reopens read-only with the same bytes', async ({ app }, testInfo) => {
  test.skip(
    app.kind !== 'browser',
    'The desktop app saves and opens through native dialogs: desktop.spec.ts covers it',
  )
  const { page } = app
  const port = await startListening(listenerCard(page, 1), 0)
  const c = await client(port)
  await send(c, Buffer.concat([Buffer.from('saved bytes '), Buffer.from([0xde, 0xad, 0xbe, 0xef])]))
  await row(page, c.localPort).click()
  await expect(stream(page).getByRole('tabpanel')).toContainText('saved bytes')

  const downloading = page.waitForEvent('download')
  await page.getByRole('button', { name: 'Save session' }).click()
  const download = await downloading
  expect(download.suggestedFilename()).toMatch(/^socket-lab-session-.*\.json$/)
  const file = testInfo.outputPath(download.suggestedFilename())
  await download.saveAs(file)
  expect(JSON.parse(await readFile(file, 'utf8'))).toMatchObject({ format: 'socket-lab-session' })

  await page.getByTestId('open-session-file').setInputFiles(file)
  await expect(page.getByText(/Viewing a saved session/)).toBeVisible()
  await row(page, c.localPort).click()
  await stream(page).getByRole('tab', { name: 'Hex' }).click()
  await expect(stream(page).getByRole('tabpanel')).toContainText('de ad be ef')
  await expect(stream(page).getByRole('textbox', { name: 'Message' })).toHaveCount(0)
  await expect(page.getByRole('button', { name: 'Add listener' })).toHaveCount(0)

  await page.getByRole('button', { name: 'Back to live' }).click()
  await expect(listenerCard(page, 1).getByRole('status')).toHaveText(
    `Listening on 127.0.0.1:${port}`,
  )
})

test('bytes are selected with the keyboard in Hex and copied as hex', async ({ app }, testInfo) => {
  const { page } = app
  const port = await startListening(listenerCard(page, 1), 0)
  const c = await client(port)
  await send(c, 'GET / HTTP/1.1\r\nHost: keyboard\r\n\r\n')
  await row(page, c.localPort).click()
  await stream(page).getByRole('tab', { name: 'Hex' }).click()
  await expect(stream(page).getByRole('tabpanel')).toContainText('00000020  0d 0a')
  const bytes = stream(page).getByRole('group', { name: 'Hex bytes' })
  await expect(stream(page)).toContainText('arrows move, Shift+arrows extend, Esc clears')
  await bytes.focus()
  await page.keyboard.press('ArrowRight')
  await page.keyboard.press('ArrowRight')
  await page.keyboard.press('Shift+End')
  await page.keyboard.press('Shift+ArrowDown')
  await expect(stream(page).locator('.selection-summary')).toHaveText(
    'Selected: 31 bytes → client to server at 1–31',
  )
  await expect(bytes.locator('.hex-bytes .cursor-byte')).toHaveText('0a')
  if (process.env.SOCKETLAB_SHOTS)
    await page.screenshot({ path: testInfo.outputPath('hex-keyboard.png') })

  if (app.kind === 'browser')
    await page.context().grantPermissions(['clipboard-read', 'clipboard-write'])
  await stream(page).getByRole('combobox', { name: 'Copy as' }).selectOption('Hex')
  await stream(page).getByRole('button', { name: 'Copy', exact: true }).click()
  await expect(stream(page).getByText('Copied 31 bytes.')).toBeVisible()
  // The desktop page has no clipboard permission: it copies through the main process.
  const copied = app.electron
    ? await app.electron.evaluate(({ clipboard }) => clipboard.readText())
    : String(await page.evaluate('navigator.clipboard.readText()'))
  expect(copied).toBe(
    Buffer.from('ET / HTTP/1.1\r\nHost: keyboard\r\n')
      .toString('hex')
      .replace(/(..)(?!$)/g, '$1 '),
  )

  await bytes.focus()
  await page.keyboard.press('Escape')
  await expect(stream(page).locator('.selection-summary')).toHaveText(/^Click a byte in Hex/)

  // A longer stream: Ctrl+End and PageUp bring the cursor's row into the virtual window.
  await send(c, 'z'.repeat(8000))
  await expect(stream(page)).toContainText(/in: 8\D?034 bytes/)
  // The counter comes from the store's totals; the bytes follow in the capture reader's next
  // fetch, so Ctrl+End is pressed until the end it finds is the stream's new end.
  await expect(async () => {
    await bytes.focus()
    await page.keyboard.press('Control+End')
    await expect(stream(page).locator('.selection-summary')).toHaveText(
      'Selected: 1 byte → client to server at 8033',
      { timeout: 1000 },
    )
  }).toPass()
  await expect(bytes.locator('.hex-bytes .cursor-byte')).toBeInViewport()
  await page.keyboard.press('PageUp')
  await page.keyboard.press('PageUp')
  await expect(bytes.locator('.hex-bytes .cursor-byte')).toBeInViewport()
  await page.keyboard.press('Control+Home')
  await expect(bytes.locator('.hex-bytes .cursor-byte')).toHaveText('47')
  await expect(bytes.locator('.hex-bytes .cursor-byte')).toBeInViewport()
})
