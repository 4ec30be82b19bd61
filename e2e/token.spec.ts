/**
 * Browser mode's access token stays on its own port (issue 13, item 1).
 *
 * Cookies have no port: a token kept in a cookie for 127.0.0.1 went with every request the browser
 * made to any port there, the learner's own listeners included, and so into Socket Lab's captures.
 * The token must reach only the GUI server's WebSocket, leave the address bar after the first load,
 * and a reload must still connect.
 */
import type { Page } from '@playwright/test'
import WebSocket from 'ws'
import type { CapturedBytes, Snapshot } from '../src/shared/contract'
import { expect, listenerCard, startListening, test } from './fixtures'
import type { WebServer } from './web-server'

/** One request to the engine over browser mode's WebSocket, as the page's own client makes it. */
async function ask<T>(web: WebServer, channel: string, request: unknown): Promise<T> {
  const socket = new WebSocket(`ws://127.0.0.1:${web.port}/ws?token=${web.token}`, {
    origin: web.origin,
  })
  try {
    await new Promise((resolve, reject) => {
      socket.once('open', resolve)
      socket.once('error', reject)
    })
    const result = await new Promise<{ ok: boolean; value?: unknown; error?: unknown }>(
      (resolve) => {
        socket.on('message', (data: Buffer) => {
          const message = JSON.parse(data.toString()) as { kind: string; result?: never }
          if (message.kind === 'response' && message.result) resolve(message.result)
        })
        socket.send(JSON.stringify({ kind: 'request', id: 1, channel, request }))
      },
    )
    if (!result.ok) throw new Error(`${channel}: ${JSON.stringify(result.error)}`)
    return result.value as T
  } finally {
    socket.close()
  }
}

/** What each connection of the listener on `port` has received so far, as text. */
async function receivedOn(web: WebServer, port: number): Promise<string[]> {
  const snapshot = await ask<Snapshot>(web, 'engine:snapshot', {})
  const texts: string[] = []
  for (const connection of snapshot.connections) {
    if (connection.local.port !== port) continue
    const bytes = await ask<CapturedBytes>(web, 'connection:read', {
      connectionId: connection.id,
      offset: 0,
      length: 64 * 1024,
    })
    texts.push(Buffer.from(bytes.base64, 'base64').toString('latin1'))
  }
  return texts
}

/** What the page's address bar shows. */
async function addressOf(page: Page): Promise<string> {
  return page.evaluate<string>('window.location.href')
}

test('the token reaches no other port, leaves the address bar, and a reload still connects', async ({
  app,
}) => {
  test.skip(app.kind !== 'browser', 'Only browser mode has an access token')
  const web = app.web!
  const { page } = app
  const card = listenerCard(page, 1)
  // Listener 1 starts Silent: it records what arrives and never answers.
  const port = await startListening(card, 0)

  // The same browser visits the learner's listener, as a learner does in Listing 20-1.
  const visit = await page.context().newPage()
  void visit.goto(`http://127.0.0.1:${port}/`).catch(() => undefined)
  let request = ''
  await expect
    .poll(async () => {
      request = (await receivedOn(web, port)).find((text) => text.includes('\r\n\r\n')) ?? ''
      return request
    })
    .toMatch(/^GET \/ HTTP\/1\.1\r\n/)
  expect(request).toMatch(/\r\nHost: 127\.0\.0\.1:\d+\r\n/i)
  for (const text of await receivedOn(web, port)) {
    expect(text).not.toContain(web.token)
    expect(text).not.toContain('socketlab_token')
  }
  await visit.close()
  expect(await addressOf(page)).toBe(`${web.origin}/`)

  await page.reload()
  await expect(card.getByRole('status')).toHaveText(`Listening on 127.0.0.1:${port}`)
  expect(await addressOf(page)).toBe(`${web.origin}/`)
})

test('without the token the page says to open the printed address; opening it connects', async ({
  app,
}) => {
  test.skip(app.kind !== 'browser', 'Only browser mode has an access token')
  const web = app.web!
  const context = app.page.context()
  const openPrinted = /Open the address Socket Lab printed in the terminal/

  // A new tab on the bare address: no token anywhere, and no request carries one.
  const bare = await context.newPage()
  await bare.goto(`${web.origin}/`)
  await expect(bare.getByRole('alert').filter({ hasText: openPrinted })).toBeVisible()
  // Opening the printed address in that tab changes only the fragment: no reload, yet it connects.
  await bare.goto(web.url)
  await expect(listenerCard(bare, 1)).toBeVisible()
  await expect(bare.getByRole('alert').filter({ hasText: openPrinted })).toHaveCount(0)
  expect(await addressOf(bare)).toBe(`${web.origin}/`)

  // A token the server refuses (left from an earlier run) says the same.
  const stale = await context.newPage()
  await stale.goto(`${web.origin}/#token=from-an-earlier-run`)
  await expect(stale.getByRole('alert').filter({ hasText: openPrinted })).toBeVisible()
  expect(await addressOf(stale)).toBe(`${web.origin}/`)

  // An address printed by an older version (?token=) still works and is cleaned the same way.
  const old = await context.newPage()
  await old.goto(`${web.origin}/?token=${web.token}#keep`)
  await expect(listenerCard(old, 1)).toBeVisible()
  expect(await addressOf(old)).toBe(`${web.origin}/#keep`)
})
