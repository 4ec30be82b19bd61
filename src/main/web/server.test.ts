import { mkdtemp, mkdir, rm, writeFile } from 'node:fs/promises'
import { request, type IncomingHttpHeaders } from 'node:http'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import WebSocket from 'ws'
import type { EventBatch } from '../../shared/contract'
import type { WireMessage } from '../../shared/wire'
import { unpackBatch } from '../../shared/wire-pack'
import { MAX_WIRE_FRAME } from '../../shared/wire'
import { createEngine } from '../engine/engine'
import type { Engine } from '../engine/engine-api'
import { startWebServer, type WebServer } from './server'

const SECRET = 'TOP-SECRET-OUTSIDE-THE-RENDERER'

interface HttpAnswer {
  status: number
  headers: IncomingHttpHeaders
  body: string
}

function get(
  port: number,
  path: string,
  headers: Record<string, string> = {},
): Promise<HttpAnswer> {
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port, path, headers }, (res) => {
      const chunks: Buffer[] = []
      res.on('data', (chunk: Buffer) => chunks.push(chunk))
      res.on('end', () =>
        resolve({
          status: res.statusCode ?? 0,
          headers: res.headers,
          body: Buffer.concat(chunks).toString(),
        }),
      )
    })
    req.on('error', reject)
    req.end()
  })
}

async function waitFor(condition: () => boolean, what: string, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`)
    await new Promise((resolve) => setTimeout(resolve, 5))
  }
}

/** A WebSocket client that keeps every message, for tests that wait for one. */
class Client {
  readonly messages: WireMessage[] = []
  closeCode: number | null = null
  private constructor(readonly ws: WebSocket) {
    ws.on('message', (data: Buffer) =>
      this.messages.push(JSON.parse(data.toString()) as WireMessage),
    )
    ws.on('close', (code) => (this.closeCode = code))
    ws.on('error', () => {})
  }

  /** Opens a socket; rejects with the HTTP status when the upgrade is refused. */
  static open(url: string, options: WebSocket.ClientOptions = {}): Promise<Client> {
    return new Promise((resolve, reject) => {
      const ws = new WebSocket(url, options)
      ws.once('open', () => resolve(new Client(ws)))
      ws.once('unexpected-response', (_req, res) => {
        reject(new Error(`HTTP ${res.statusCode}`))
        ws.terminate()
      })
      ws.once('error', reject)
    })
  }

  async next<T extends WireMessage>(match: (m: WireMessage) => m is T, what: string): Promise<T> {
    await waitFor(() => this.messages.some(match), what)
    return this.messages.find(match) as T
  }

  async response(id: number): Promise<Extract<WireMessage, { kind: 'response' }>> {
    return this.next(
      (m): m is Extract<WireMessage, { kind: 'response' }> => m.kind === 'response' && m.id === id,
      `response ${id}`,
    )
  }

  request(id: number, channel: string, body: unknown): void {
    this.ws.send(JSON.stringify({ kind: 'request', id, channel, request: body }))
  }

  errorCount(): number {
    return this.messages.filter((m) => m.kind === 'error').length
  }

  close(): void {
    this.ws.terminate()
  }
}

/** The HTTP status a refused upgrade answered with (101 when it was accepted). */
async function upgradeStatus(url: string, options: WebSocket.ClientOptions = {}): Promise<number> {
  try {
    const client = await Client.open(url, options)
    client.close()
    return 101
  } catch (error) {
    const match = /HTTP (\d+)/.exec(String(error))
    if (!match) throw error
    return Number(match[1])
  }
}

let dir: string
let rendererDir: string
let engine: Engine
let server: WebServer
const logged: string[] = []

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'socket-lab-web-'))
  rendererDir = join(dir, 'renderer')
  await mkdir(join(rendererDir, 'assets'), { recursive: true })
  await writeFile(join(rendererDir, 'index.html'), '<!doctype html><title>Socket Lab</title>')
  await writeFile(join(rendererDir, 'assets', 'app.js'), 'console.log("app")')
  await writeFile(join(dir, 'secret.txt'), SECRET)
  await writeFile(join(dir, 'package.json'), SECRET)
  engine = createEngine({ batchIntervalMs: 5 })
  server = await startWebServer({ engine, rendererDir, port: 0, log: (l) => logged.push(l) })
})

afterAll(async () => {
  await server?.close()
  await engine?.shutdown()
  await rm(dir, { recursive: true, force: true })
})

describe('HTTP access control', () => {
  it('prints a loopback URL with a base64url token in the fragment, which HTTP never carries', () => {
    expect(server.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/#token=[\w-]+$/)
    expect(server.url).toBe(`http://127.0.0.1:${server.port}/#token=${server.token}`)
    expect(server.token).toHaveLength(32)
  })

  it('serves the page and its assets without a token, and never sets a cookie', async () => {
    for (const path of [
      '/',
      '/index.html',
      '/assets/app.js',
      '/?token=wrong',
      `/?token=${server.token}`,
    ]) {
      const answer = await get(server.port, path)
      expect(answer.status, path).toBe(200)
      expect(answer.headers['set-cookie'], path).toBeUndefined()
    }
    const asset = await get(server.port, '/assets/app.js')
    expect(asset.headers['content-type']).toBe('text/javascript; charset=utf-8')
    expect(asset.body).toBe('console.log("app")')
    expect((await get(server.port, '/missing.js')).status).toBe(404)
  })

  it('refuses a foreign Origin and a foreign Host (CSRF, DNS rebinding), token or not', async () => {
    for (const path of ['/', '/assets/app.js', `/?token=${server.token}`]) {
      for (const origin of ['http://evil.example', 'null', `http://127.0.0.1:${server.port + 1}`]) {
        const answer = await get(server.port, path, { Origin: origin })
        expect(answer.status, `${path} ${origin}`).toBe(403)
        expect(answer.headers['content-type']).toMatch(/^text\/plain/)
        expect(answer.body).not.toContain('<title>')
      }
      for (const host of [
        `evil.example:${server.port}`,
        '127.0.0.1',
        `127.0.0.1:${server.port + 1}`,
      ]) {
        expect((await get(server.port, path, { Host: host })).status, `${path} ${host}`).toBe(403)
      }
    }
  })

  it('serves the page with its security headers, from 127.0.0.1 or localhost', async () => {
    const answer = await get(server.port, '/', { Origin: `http://127.0.0.1:${server.port}` })
    expect(answer.status).toBe(200)
    expect(answer.body).toContain('<title>Socket Lab</title>')
    expect(answer.headers['content-type']).toBe('text/html; charset=utf-8')
    const csp = answer.headers['content-security-policy']
    expect(csp).toContain("default-src 'none'")
    expect(csp).toContain("script-src 'self'")
    expect(csp).toContain(
      `connect-src 'self' ws://127.0.0.1:${server.port} ws://localhost:${server.port}`,
    )
    expect(csp).toContain("frame-ancestors 'none'")
    expect(answer.headers['x-content-type-options']).toBe('nosniff')
    expect(answer.headers['referrer-policy']).toBe('no-referrer')
    expect(answer.headers['cache-control']).toBe('no-store')
    expect((await get(server.port, '/', { Host: `localhost:${server.port}` })).status).toBe(200)
  })

  it('answers a plain GET of the socket’s path: 403 for a missing or wrong token, else 426', async () => {
    // The page asks this after its socket failed to open, to tell a refused token from a lost server.
    expect((await get(server.port, '/ws')).status).toBe(403)
    expect((await get(server.port, '/ws?token=wrong')).status).toBe(403)
    const right = await get(server.port, `/ws?token=${server.token}`)
    expect(right.status).toBe(426)
    expect(right.headers['set-cookie']).toBeUndefined()
    const foreign = { Origin: 'http://evil.example' }
    expect((await get(server.port, `/ws?token=${server.token}`, foreign)).status).toBe(403)
  })

  it('never serves a file outside the renderer directory', async () => {
    const paths = [
      '/../secret.txt',
      '/../package.json',
      '/%2e%2e/secret.txt',
      '/%2e%2e%2fsecret.txt',
      '/assets/..%2f..%2fsecret.txt',
      '/..%5csecret.txt',
      '/%2e%2e%5c%2e%2e%5csecret.txt',
      '/assets/%00.js',
      '/%E0%A4%A',
      '//etc/passwd',
    ]
    for (const path of paths) {
      const answer = await get(server.port, path)
      expect([400, 403, 404], path).toContain(answer.status)
      expect(answer.body, path).not.toContain(SECRET)
      expect(answer.body, path).not.toContain('root:')
    }
  })

  it('answers other methods with 405', async () => {
    const status = await new Promise<number>((resolve, reject) => {
      const req = request(
        { host: '127.0.0.1', port: server.port, path: '/', method: 'POST' },
        (res) => {
          res.resume()
          resolve(res.statusCode ?? 0)
        },
      )
      req.on('error', reject)
      req.end('x')
    })
    expect(status).toBe(405)
  })
})

describe('WebSocket access control', () => {
  const wsUrl = (query = ''): string => `ws://127.0.0.1:${server.port}/ws${query}`
  const origin = (): string => `http://127.0.0.1:${server.port}`

  it('refuses an upgrade without the token, with a wrong one or on another path', async () => {
    expect(await upgradeStatus(wsUrl(), { origin: origin() })).toBe(403)
    expect(await upgradeStatus(wsUrl('?token=wrong'), { origin: origin() })).toBe(403)
    expect(await upgradeStatus(wsUrl(`?token=${server.token}x`), { origin: origin() })).toBe(403)
    expect(await upgradeStatus(`ws://127.0.0.1:${server.port}/other?token=${server.token}`)).toBe(
      404,
    )
  })

  it('refuses a foreign Origin or Host even with the token', async () => {
    const url = wsUrl(`?token=${server.token}`)
    expect(await upgradeStatus(url, { origin: 'http://evil.example' })).toBe(403)
    expect(await upgradeStatus(url, { headers: { Host: `evil.example:${server.port}` } })).toBe(403)
  })

  it('accepts the token in the query only: a cookie lets nothing in', async () => {
    expect(await upgradeStatus(wsUrl(`?token=${server.token}`), { origin: origin() })).toBe(101)
    expect(await upgradeStatus(wsUrl(`?token=${server.token}`))).toBe(101)
    const cookie = { Cookie: `socketlab_token=${server.token}` }
    expect(await upgradeStatus(wsUrl(), { origin: origin(), headers: cookie })).toBe(403)
  })
})

describe('WebSocket requests and events', () => {
  const open = (): Promise<Client> =>
    Client.open(`ws://127.0.0.1:${server.port}/ws?token=${server.token}`, {
      origin: `http://127.0.0.1:${server.port}`,
    })

  it('answers a snapshot request', async () => {
    const client = await open()
    client.request(1, 'engine:snapshot', {})
    const answer = await client.response(1)
    expect(answer.result.ok).toBe(true)
    if (answer.result.ok) expect(answer.result.value).toMatchObject({ listeners: [] })
    client.close()
  })

  it('answers garbage with errors and keeps serving', async () => {
    const client = await open()
    const frames = [
      'not json',
      '[1,2,3]',
      '"text"',
      'null',
      JSON.stringify({ kind: 'request', channel: 'engine:snapshot', request: {} }),
      JSON.stringify({ kind: 'request', id: -1, channel: 'engine:snapshot' }),
      JSON.stringify({ kind: 'other', id: 1, channel: 'engine:snapshot' }),
    ]
    for (const frame of frames) client.ws.send(frame)
    client.ws.send(Buffer.from([1, 2, 3]), { binary: true })
    await waitFor(() => client.errorCount() === frames.length + 1, 'one error per bad frame')
    for (const message of client.messages.filter((m) => m.kind === 'error'))
      expect(message).toMatchObject({ kind: 'error', error: { code: 'INVALID_REQUEST' } })

    client.request(2, 'no:such-channel', {})
    client.request(3, 'listener:add', { port: 'abc' })
    client.request(4, 'listener:start', [])
    expect((await client.response(2)).result).toMatchObject({
      ok: false,
      error: { code: 'INVALID_REQUEST' },
    })
    expect((await client.response(3)).result).toMatchObject({
      ok: false,
      error: { code: 'INVALID_INPUT', field: 'port' },
    })
    expect((await client.response(4)).result).toMatchObject({
      ok: false,
      error: { code: 'INVALID_REQUEST' },
    })
    client.request(5, 'engine:snapshot', {})
    expect((await client.response(5)).result.ok).toBe(true)
    client.close()
  })

  it('closes only the client that sends an oversized frame', async () => {
    const bystander = await open()
    const offender = await open()
    offender.ws.send('x'.repeat(MAX_WIRE_FRAME + 1))
    await waitFor(() => offender.closeCode !== null, 'the oversized sender to be closed')
    expect(offender.closeCode).toBe(1009)
    bystander.request(1, 'engine:snapshot', {})
    expect((await bystander.response(1)).result.ok).toBe(true)
    const fresh = await open()
    fresh.request(1, 'engine:snapshot', {})
    expect((await fresh.response(1)).result.ok).toBe(true)
    bystander.close()
    fresh.close()
  })

  it('sends event batches after a listener is added', async () => {
    const watcher = await open()
    const actor = await open()
    actor.request(1, 'listener:add', { host: '127.0.0.1', port: 0 })
    const added = await actor.response(1)
    expect(added.result.ok).toBe(true)
    const batchOf = (m: WireMessage): EventBatch | null =>
      m.kind === 'events' ? unpackBatch(m.batch) : null
    const isAdded = (m: WireMessage): m is Extract<WireMessage, { kind: 'events' }> =>
      batchOf(m)?.events.some((e) => e.type === 'listener-added') === true
    for (const client of [watcher, actor]) {
      const message = await client.next(isAdded, 'a listener-added batch')
      expect(batchOf(message)?.seq).toBeGreaterThan(0)
    }
    watcher.close()
    actor.close()
  })
})

describe('server lifecycle', () => {
  it('drops a client that stops reading instead of buffering without bound', async () => {
    const big = 'x'.repeat(256 * 1024)
    const fake: Engine = {
      handle: async () => ({ ok: true, value: big }),
      subscribe: () => () => {},
      shutdown: async () => {},
    }
    const lines: string[] = []
    const small = await startWebServer({
      engine: fake,
      rendererDir,
      port: 0,
      log: (l) => lines.push(l),
      maxBufferedBytes: 1024 * 1024,
    })
    try {
      const client = await Client.open(`ws://127.0.0.1:${small.port}/ws?token=${small.token}`)
      // Stop reading: the kernel buffers fill, then the server's own buffer grows.
      const socket = (client.ws as unknown as { _socket: { pause(): void } })._socket
      socket.pause()
      for (let id = 0; id < 200; id++) client.request(id, 'engine:snapshot', {})
      await waitFor(
        () => lines.some((l) => l.includes('stopped reading')),
        'the slow client to be dropped',
      )
      client.close()
    } finally {
      await small.close()
    }
  })

  it('close() ends open WebSockets and stops listening', async () => {
    const other = await startWebServer({ engine, rendererDir, port: 0, log: () => {} })
    const client = await Client.open(`ws://127.0.0.1:${other.port}/ws?token=${other.token}`)
    await other.close()
    await waitFor(() => client.closeCode !== null, 'the socket to close')
    await expect(get(other.port, '/')).rejects.toThrow(/ECONNREFUSED/)
  })
})
