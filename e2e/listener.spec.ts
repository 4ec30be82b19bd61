import { request as httpRequest } from 'node:http'
import { createServer, type Server } from 'node:net'
import { openClient, send, type Client } from './clients'
import { expect, listenerCard, startListening, test } from './fixtures'

const clients: Client[] = []
test.afterEach(() => {
  for (const c of clients.splice(0)) c.socket.destroy()
})

async function client(port: number): Promise<Client> {
  const c = await openClient(port)
  clients.push(c)
  return c
}

function connectionRow(page: import('@playwright/test').Page, localPort: number) {
  return page
    .getByRole('table', { name: 'Connections' })
    .getByRole('row')
    .filter({ hasText: `127.0.0.1:${localPort}` })
}

test('starts on a free port and shows each connection and its exact bytes', async ({ app }) => {
  const { page } = app
  const card = listenerCard(page, 1)
  const port = await startListening(card, 0)
  expect(port).toBeGreaterThan(0)

  const raw = await client(port)
  await send(raw, Buffer.concat([Buffer.from('hello\r\n\tworld'), Buffer.from([0x00, 0xff])]))
  await expect(connectionRow(page, raw.localPort)).toBeVisible()

  // A real HTTP client: it waits for an answer the inspector never sends, so we abort it.
  const http = httpRequest({
    host: '127.0.0.1',
    port,
    path: '/hello',
    headers: { 'User-Agent': 'e2e' },
  })
  http.on('error', () => {})
  http.end()
  const httpSocket = await new Promise<import('node:net').Socket>((resolve) =>
    http.on('socket', resolve),
  )
  await new Promise((resolve) => httpSocket.once('connect', resolve))
  const httpRow = connectionRow(page, httpSocket.localPort!)
  await expect(httpRow).toBeVisible()

  const log = page.getByRole('region', { name: 'Event log' })
  await expect(log.getByText('Connection established!')).toHaveCount(2)

  // The raw client's bytes, exactly, in Text and Hex.
  await connectionRow(page, raw.localPort).click()
  const stream = page.getByRole('region', { name: 'Stream' })
  await stream.getByRole('tab', { name: 'Text' }).click()
  const textPanel = stream.getByRole('tabpanel')
  await expect(textPanel).toContainText('hello')
  await expect(textPanel).toContainText('\\r')
  await expect(textPanel).toContainText('\\n')
  await expect(textPanel).toContainText('\\t')
  await expect(textPanel).toContainText('world')
  await expect(textPanel).toContainText('\\x00')
  await expect(textPanel).toContainText('\\xff')
  await stream.getByRole('tab', { name: 'Hex' }).click()
  await expect(stream.getByRole('tabpanel')).toContainText(
    '68 65 6c 6c 6f 0d 0a 09 77 6f 72 6c 64 00 ff',
  )

  // The HTTP client's request line, as sent.
  await httpRow.click()
  await stream.getByRole('tab', { name: 'Text' }).click()
  await expect(stream.getByRole('tabpanel')).toContainText('GET /hello HTTP/1.1')
  http.destroy()
})

test('an occupied port gives an EADDRINUSE alert and nothing else breaks', async ({ app }) => {
  const { page } = app
  const holder: Server = createServer()
  await new Promise<void>((resolve) => holder.listen({ host: '127.0.0.1', port: 0 }, resolve))
  const heldPort = (holder.address() as import('node:net').AddressInfo).port
  try {
    const first = listenerCard(page, 1)
    const firstPort = await startListening(first, 0)

    await page.getByRole('button', { name: 'Add listener' }).click()
    const second = listenerCard(page, 2)
    await second.getByLabel('Port', { exact: true }).fill(String(heldPort))
    await second.getByRole('button', { name: 'Start listening' }).click()
    const alert = second.getByRole('alert')
    await expect(alert).toContainText('EADDRINUSE')
    await expect(second.getByRole('status')).toHaveText('Stopped')

    // The first listener still works.
    await expect(first.getByRole('status')).toHaveText(`Listening on 127.0.0.1:${firstPort}`)
    const c = await client(firstPort)
    await expect(connectionRow(page, c.localPort)).toBeVisible()

    // The one-click fix starts the second listener on a port the OS picks.
    await alert.getByRole('button', { name: 'Use port 0' }).click()
    await expect(second.getByRole('status')).toHaveText(/Listening on 127\.0\.0\.1:\d+/)
    await expect(second.getByRole('alert')).toHaveCount(0)
  } finally {
    holder.close()
  }
})

test('an invalid port is refused inline and never started', async ({ app }) => {
  const card = listenerCard(app.page, 1)
  const port = card.getByLabel('Port', { exact: true })
  const start = card.getByRole('button', { name: 'Start listening' })
  for (const bad of ['8080x', '1.5', '-1', '65536', '']) {
    await port.fill(bad)
    await expect(port).toHaveAttribute('aria-invalid', 'true')
    await expect(start).toBeDisabled()
  }
  await port.fill('0')
  await expect(port).not.toHaveAttribute('aria-invalid', 'true')
  await expect(start).toBeEnabled()
  await expect(card.getByRole('status')).toHaveText('Stopped')
})

test('stop lets live connections finish, then close all ends them', async ({ app }) => {
  const { page } = app
  const card = listenerCard(page, 1)
  const port = await startListening(card, 0)
  const c = await client(port)
  await expect(connectionRow(page, c.localPort)).toBeVisible()

  await card.getByRole('button', { name: 'Stop listening' }).click()
  await expect(card.getByRole('status')).toHaveText(/Stopping/)
  // No new connections, but the live one still works and its bytes still arrive.
  await expect(openClient(port)).rejects.toThrow(/ECONNREFUSED/)
  await send(c, 'still here')
  await connectionRow(page, c.localPort).click()
  await expect(page.getByRole('region', { name: 'Stream' }).getByRole('tabpanel')).toContainText(
    'still here',
  )

  await card.getByRole('button', { name: 'Close all now' }).click()
  await c.closed
  await expect(card.getByRole('status')).toHaveText('Stopped')
  await expect(connectionRow(page, c.localPort)).toContainText(/closed/i)
})

test('a reload while connections are open brings the whole state back', async ({ app }) => {
  const { page } = app
  const card = listenerCard(page, 1)
  const port = await startListening(card, 0)
  const c = await client(port)
  await send(c, 'before reload')
  await expect(connectionRow(page, c.localPort)).toBeVisible()

  await page.reload()
  await expect(listenerCard(page, 1).getByRole('status')).toHaveText(
    `Listening on 127.0.0.1:${port}`,
  )
  await expect(connectionRow(page, c.localPort)).toBeVisible()
  await expect(
    page.getByRole('region', { name: 'Event log' }).getByText('Connection established!'),
  ).toHaveCount(1)
  await connectionRow(page, c.localPort).click()
  const stream = page.getByRole('region', { name: 'Stream' })
  await expect(stream.getByRole('tabpanel')).toContainText('before reload')

  // Still live after the reload: new bytes arrive.
  await send(c, ' and after')
  await expect(stream.getByRole('tabpanel')).toContainText('and after')
})
