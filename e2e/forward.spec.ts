import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { expect, listenerCard, startListening, test } from './fixtures'
import { get, setUpStage } from './lessons-kit'

/** The learner's own server, on port 0: answers every request with a small page. */
async function learnerServer(): Promise<{ server: Server; port: number }> {
  const page = '<!DOCTYPE html><html><body><h1>Hello from my server</h1></body></html>'
  const server = createServer((_req, res) => {
    res.writeHead(200, { 'Content-Type': 'text/html', 'Content-Length': Buffer.byteLength(page) })
    res.end(page)
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  return { server, port: (server.address() as AddressInfo).port }
}

test('Forward to my server: a browser through the listener reaches the learner’s server, and the inspector shows both legs', async ({
  app,
}) => {
  const { page } = app
  const { server, port: targetPort } = await learnerServer()
  try {
    const card = listenerCard(page, 1)
    await card
      .getByRole('combobox', { name: 'Responder' })
      .selectOption({ label: 'Forward to my server' })
    await expect(card.getByRole('textbox', { name: 'Target host' })).toHaveValue('127.0.0.1')
    const portField = card.getByRole('textbox', { name: 'Target port' })
    await expect(portField).toHaveValue('7879')
    await portField.fill(String(targetPort))
    await portField.press('Tab')
    await expect(portField).toHaveValue(String(targetPort))
    const port = await startListening(card, 0)

    // A browser, as the learner's would be: a page of its own, pointed at the listener.
    const browserPage = await page.context().newPage()
    try {
      await browserPage.goto(`http://127.0.0.1:${port}/`)
      await expect(browserPage.getByRole('heading', { name: 'Hello from my server' })).toBeVisible()
    } finally {
      await browserPage.close()
    }

    const log = page.getByRole('region', { name: 'Event log' })
    await expect(
      log
        .getByText(new RegExp(`your server at 127\\.0\\.0\\.1:${targetPort}: connected in`))
        .first(),
    ).toBeVisible()
    const rows = page.getByRole('table', { name: 'Connections' }).getByRole('row')
    await rows.nth(1).click()
    // Both legs are folded into one line under the stream's counts until opened.
    await page.getByText(`Client ↔ Socket Lab ↔ your server at 127.0.0.1:${targetPort}`).click()
    await expect(page.getByRole('heading', { name: 'Client ↔ Socket Lab' })).toBeVisible()
    await expect(page.getByRole('heading', { name: 'Socket Lab ↔ target' })).toBeVisible()
    // What the learner's server sent is what the inspector shows as sent to the browser.
    const stream = page.getByRole('region', { name: 'Stream' })
    await stream.getByRole('combobox', { name: 'Show' }).selectOption({ label: 'Sent (out)' })
    await expect(stream.getByRole('tabpanel')).toContainText('HTTP/1.1 200 OK')
  } finally {
    server.closeAllConnections()
    await new Promise<void>((resolve) => server.close(() => resolve()))
  }
})

test('Forward to my server: nothing on the target port, and the log says to start the server', async ({
  app,
}) => {
  const { page } = app
  // A port that was free a moment ago: bound and closed again.
  const { server, port: targetPort } = await learnerServer()
  await new Promise<void>((resolve) => server.close(() => resolve()))
  const card = listenerCard(page, 1)
  await card
    .getByRole('combobox', { name: 'Responder' })
    .selectOption({ label: 'Forward to my server' })
  const portField = card.getByRole('textbox', { name: 'Target port' })
  await portField.fill(String(targetPort))
  await portField.press('Tab')
  await expect(portField).toHaveValue(String(targetPort))
  const port = await startListening(card, 0)
  const browserPage = await page.context().newPage()
  try {
    await browserPage.goto(`http://127.0.0.1:${port}/`).catch(() => undefined)
  } finally {
    await browserPage.close()
  }
  const log = page.getByRole('region', { name: 'Event log' })
  await expect(
    log
      .getByText(new RegExp(`Your server is not running on 127\\.0\\.0\\.1:${targetPort}`))
      .first(),
  ).toBeVisible()
})

test('lesson 9, Inspect your own server: set up, the text follows the target port, the checkpoints tick', async ({
  app,
}) => {
  const { page } = app
  const { server, port: targetPort } = await learnerServer()
  try {
    const { panel, port } = await setUpStage(page, '9. Inspect your own server')
    const card = listenerCard(page, 1)
    await expect(card.getByRole('combobox', { name: 'Responder' })).toHaveValue('forward')
    // The learner's server is on another port than the lesson's 7879: the text follows it.
    const portField = card.getByRole('textbox', { name: 'Target port' })
    await portField.fill(String(targetPort))
    await portField.press('Tab')
    await expect(panel).toContainText(`TcpListener::bind("127.0.0.1:${targetPort}")`)
    expect(await get(port, '/')).toBe(200)
    for (const name of [
      'Your server accepted a forwarded connection',
      'Your server answered',
      'A complete response the linter finds nothing wrong with',
    ])
      await expect(panel.getByRole('checkbox', { name })).toBeChecked()
  } finally {
    server.closeAllConnections()
    await new Promise<void>((resolve) => server.close(() => resolve()))
  }
})
