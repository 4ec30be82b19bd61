import { request } from 'node:http'
import WebSocket from 'ws'
import { openClient } from './clients'
import { expect, test } from './fixtures'
import { startWebServer } from './web-server'

function get(port: number, path: string, headers: Record<string, string> = {}): Promise<number> {
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port, path, headers }, (res) => {
      res.resume()
      resolve(res.statusCode ?? 0)
    })
    req.on('error', reject)
    req.end()
  })
}

function upgrade(url: string, origin?: string): Promise<number> {
  return new Promise((resolve) => {
    const ws = new WebSocket(url, origin ? { origin } : {})
    ws.on('unexpected-response', (_req, res) => {
      resolve(res.statusCode ?? 0)
      ws.terminate()
    })
    ws.on('open', () => {
      resolve(101)
      ws.close()
    })
    ws.on('error', () => {})
  })
}

test('browser mode refuses another Origin or Host, and a WebSocket without the token', async ({
  app,
}) => {
  test.skip(app.kind !== 'browser', 'Only browser mode has an HTTP server to protect')
  const web = app.web!
  // The static renderer is public (no token), but only under our own Host and Origin.
  expect(await get(web.port, '/')).toBe(200)
  expect(await get(web.port, '/', { Origin: 'http://evil.example' })).toBe(403)
  expect(await get(web.port, '/', { Host: `evil.example:${web.port}` })).toBe(403)

  const ws = `ws://127.0.0.1:${web.port}/ws`
  expect(await upgrade(ws, web.origin)).toBe(403)
  expect(await upgrade(`${ws}?token=${web.token}`, 'http://evil.example')).toBe(403)
  expect(await upgrade(`${ws}?token=${web.token}`, web.origin)).toBe(101)

  // The page itself is still served and working.
  await expect(app.page.getByRole('region', { name: 'Listener 1' })).toBeVisible()
})

test('`npm run web` prints one URL line, and Ctrl-C stops every listener', async ({ app }) => {
  test.skip(app.kind !== 'browser', 'Browser mode only')
  const web = await startWebServer({ viaNpm: true })
  try {
    expect(web.output().trim().split('\n')).toEqual([
      `Socket Lab (browser mode) is running at ${web.url}`,
    ])
    const page = await app.page.context().newPage()
    await page.goto(web.url)
    const card = page.getByRole('region', { name: 'Listener 1' })
    await card.getByLabel('Port', { exact: true }).fill('0')
    await card.getByRole('button', { name: 'Start listening' }).click()
    await expect(card.getByRole('status')).toHaveText(/Listening on 127\.0\.0\.1:\d+/)
    const port = Number(/:(\d+)$/.exec((await card.getByRole('status').textContent()) ?? '')?.[1])
    const client = await openClient(port)
    await web.stop('SIGINT')
    await client.closed
    await expect(openClient(port)).rejects.toThrow(/ECONNREFUSED/)
  } finally {
    await web.stop().catch(() => null)
  }
})
