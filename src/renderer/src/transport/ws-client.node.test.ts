/**
 * The browser-mode client against a real WebSocket server (the `ws` package) on 127.0.0.1, port 0.
 * It runs under Node (hence `.node.test.ts`); its sockets are `ws`'s own client, as Node 20 has no
 * WebSocket.
 */
import { createServer } from 'node:http'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { WebSocket, WebSocketServer, type RawData } from 'ws'
import { CHANNELS, METHOD_OF, type Api, type Channel } from '../../../shared/contract'
import { fail, ok } from '../../../shared/result'
import { parseWireRequest, type WireMessage, type WireRequest } from '../../../shared/wire'
import { packBatch } from '../../../shared/wire-pack'
import { createWsApi, wsUrl, type LinkState, type SocketLike, type WsApi } from './ws-client'

const TOKEN = 'tok/en 1'

/**
 * A server that speaks the wire format: it lets in only TOKEN (a plain GET of /ws answers 403 for
 * any other, 426 for TOKEN, as browser mode's server does), keeps every request, and answers
 * through `answer` (by default ok({ channel, request })); a request `answer` returns null for is
 * left pending. A frame it cannot read gets an error, as browser mode's bridge does.
 */
interface TestServer {
  port: number
  /** The URL of every connection attempt, let in or not. */
  readonly urls: string[]
  readonly requests: WireRequest[]
  answer: (request: WireRequest) => WireMessage | null
  /** Sends raw data to every open socket. */
  broadcast(data: string | Uint8Array): void
  /** Closes every open socket from the server's side. */
  dropAll(): void
  close(): Promise<void>
}

async function startServer(): Promise<TestServer> {
  const urls: string[] = []
  const requests: WireRequest[] = []
  const http = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1')
    const isOurs = url.pathname === '/ws' && url.searchParams.get('token') === TOKEN
    res.writeHead(isOurs ? 426 : 403).end()
  })
  const wss = new WebSocketServer({
    server: http,
    verifyClient: ({ req }: { req: { url?: string } }) => {
      urls.push(req.url ?? '')
      const url = new URL(req.url ?? '/', 'http://127.0.0.1')
      return url.pathname === '/ws' && url.searchParams.get('token') === TOKEN
    },
  })
  await new Promise<void>((resolve) => http.listen({ host: '127.0.0.1', port: 0 }, resolve))
  const address = http.address()
  if (address === null || typeof address === 'string') throw new Error('not a TCP server')
  const server: TestServer = {
    port: address.port,
    urls,
    requests,
    answer: (request) => ({
      kind: 'response',
      id: request.id,
      result: ok({ channel: request.channel, request: request.request }),
    }),
    broadcast(data) {
      for (const socket of wss.clients) socket.send(data)
    },
    dropAll() {
      for (const socket of wss.clients) socket.close()
    },
    close: () =>
      new Promise((resolve) => {
        server.dropAll()
        wss.close()
        http.close(() => resolve())
        http.closeAllConnections()
      }),
  }
  wss.on('connection', (socket) => {
    socket.on('message', (data: RawData, isBinary: boolean) => {
      const frame = parseWireRequest(isBinary ? '' : data.toString())
      if ('code' in frame) {
        socket.send(JSON.stringify({ kind: 'error', error: frame } satisfies WireMessage))
        return
      }
      requests.push(frame)
      const reply = server.answer(frame)
      if (reply !== null) socket.send(JSON.stringify(reply))
    })
  })
  return server
}

let server: TestServer

beforeEach(async () => {
  server = await startServer()
})

afterEach(async () => {
  vi.restoreAllMocks()
  await server.close()
})

/** A client for the server's address; `token()` is what the page holds at each connect. */
function connect(token: () => string | null = () => TOKEN): WsApi {
  const page = { protocol: 'http:', host: `127.0.0.1:${server.port}` }
  return createWsApi(
    () => {
      const held = token()
      return held === null ? null : wsUrl(page, held)
    },
    // ws's client has the browser's onopen, onmessage, onclose and onerror, typed with its own
    // event classes.
    (u) => new WebSocket(u) as unknown as SocketLike,
  )
}

function states(api: WsApi): LinkState[] {
  const seen: LinkState[] = []
  api.onStateChange((state) => seen.push(state))
  return seen
}

async function linkIs(api: WsApi, state: LinkState): Promise<void> {
  await vi.waitFor(() => expect(api.state).toBe(state), { timeout: 10_000, interval: 5 })
}

describe('createWsApi against a real WebSocket server', () => {
  it('builds the URL from the page location and its token', () => {
    expect(wsUrl({ protocol: 'http:', host: '127.0.0.1:4000' }, 'abc-1')).toBe(
      'ws://127.0.0.1:4000/ws?token=abc-1',
    )
    expect(wsUrl({ protocol: 'https:', host: 'x' }, 'a b')).toBe('wss://x/ws?token=a%20b')
  })

  it('connects with the page’s token; requests made before it opens go out once it does', async () => {
    const api = connect()
    expect(api.state).toBe('connecting')
    const answer = await api.snapshot({})
    expect(server.urls).toEqual([`/ws?token=${encodeURIComponent(TOKEN)}`])
    expect(api.state).toBe('open')
    expect(answer).toEqual(ok({ channel: 'engine:snapshot', request: {} }))
  })

  it('a wrong token is refused: the link says so and requests answer INTERNAL', async () => {
    const api = connect(() => 'guess')
    const seen = states(api)
    const pending = api.snapshot({})
    expect(await pending).toMatchObject({ ok: false, error: { code: 'INTERNAL' } })
    await linkIs(api, 'refused')
    expect(seen).toEqual(['refused'])
    expect(server.urls).toEqual(['/ws?token=guess'])
    expect(server.requests).toEqual([])
    expect(await api.snapshot({})).toMatchObject({ ok: false, error: { code: 'INTERNAL' } })
  })

  it('without a token it does not even try: refused at once; the token found later connects', async () => {
    let token: string | null = null
    const api = connect(() => token)
    expect(api.state).toBe('refused')
    expect(await api.snapshot({})).toMatchObject({ ok: false, error: { code: 'INTERNAL' } })
    expect(server.urls).toEqual([])
    token = TOKEN
    api.reconnect()
    expect(await api.snapshot({})).toEqual(ok({ channel: 'engine:snapshot', request: {} }))
    expect(api.state).toBe('open')
  })

  it('a server that is not there is a closed link, not a refused token', async () => {
    await server.close()
    const api = connect()
    expect(await api.snapshot({})).toMatchObject({ ok: false, error: { code: 'INTERNAL' } })
    await linkIs(api, 'closed')
  })

  it('matches answers to requests by id, whatever order they come in', async () => {
    const held: WireRequest[] = []
    server.answer = (request) => {
      held.push(request)
      return null
    }
    const api = connect()
    const first = api.startListener({ listenerId: 'L1' })
    const second = api.stopListener({ listenerId: 'L2', mode: 'close-all' })
    await vi.waitFor(() => expect(held).toHaveLength(2), { timeout: 10_000, interval: 5 })
    const [a, b] = held
    if (a === undefined || b === undefined) throw new Error('two requests')
    expect(a).toEqual({
      kind: 'request',
      id: 1,
      channel: 'listener:start',
      request: { listenerId: 'L1' },
    })
    server.broadcast(JSON.stringify({ kind: 'response', id: b.id, result: ok('stopped') }))
    server.broadcast(JSON.stringify({ kind: 'response', id: a.id, result: ok('started') }))
    expect(await second).toEqual(ok('stopped'))
    expect(await first).toEqual(ok('started'))
  })

  it('delivers event batches to subscribers until they unsubscribe', async () => {
    const api = connect()
    const seen: number[] = []
    const all: number[] = []
    const off = api.onEvents((batch) => seen.push(batch.seq))
    api.onEvents((batch) => all.push(batch.seq))
    await api.snapshot({})
    server.broadcast(JSON.stringify({ kind: 'events', batch: packBatch({ seq: 4, events: [] }) }))
    await vi.waitFor(() => expect(seen).toEqual([4]), { timeout: 10_000, interval: 5 })
    off()
    // Refused whole, never half-applied; the socket goes on.
    server.broadcast(JSON.stringify({ kind: 'events', batch: { seq: 6, events: [] } }))
    server.broadcast(JSON.stringify({ kind: 'events', batch: packBatch({ seq: 5, events: [] }) }))
    // Frames keep their order: once this answer is in, batch 5 has been handled.
    await api.snapshot({})
    expect(all).toEqual([4, 5])
    expect(seen).toEqual([4])
  })

  it('when the server closes: pending requests answer INTERNAL; reconnect opens a new link', async () => {
    const api = connect()
    const seen = states(api)
    await api.snapshot({})
    server.answer = () => null
    const pending = api.readBytes({ connectionId: 'c1', offset: 0, length: 10 })
    await vi.waitFor(() => expect(server.requests).toHaveLength(2), { timeout: 10_000 })
    server.dropAll()
    expect(await pending).toMatchObject({ ok: false, error: { code: 'INTERNAL' } })
    await linkIs(api, 'closed')
    expect(await api.snapshot({})).toMatchObject({ ok: false, error: { code: 'INTERNAL' } })
    expect(server.requests).toHaveLength(2)

    server.answer = (request) => ({ kind: 'response', id: request.id, result: ok('again') })
    api.reconnect()
    expect(await api.snapshot({})).toEqual(ok('again'))
    expect(server.urls).toHaveLength(2)
    expect(seen).toEqual(['open', 'closed', 'connecting', 'open'])
  })

  it('an error the server answers is a value; frames it sends that make no sense are shrugged off', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined)
    server.answer = (request) => ({
      kind: 'response',
      id: request.id,
      result: fail({ code: 'NOT_FOUND', message: 'No listener L9' }),
    })
    const api = connect()
    expect(await api.startListener({ listenerId: 'L9' })).toEqual(
      fail({ code: 'NOT_FOUND', message: 'No listener L9' }),
    )
    server.broadcast('not json')
    server.broadcast(JSON.stringify({ kind: 'surprise' }))
    server.broadcast(Uint8Array.from([0xde, 0xad]))
    server.broadcast(
      JSON.stringify({
        kind: 'error',
        error: { code: 'INVALID_REQUEST', message: 'The frame is not JSON' },
      } satisfies WireMessage),
    )
    // Still open and still matching answers after all of that.
    server.answer = (request) => ({ kind: 'response', id: request.id, result: ok('fine') })
    expect(await api.snapshot({})).toEqual(ok('fine'))
    expect(api.state).toBe('open')
    expect(warn).toHaveBeenCalledWith('Socket Lab: a frame that is not JSON')
    expect(warn).toHaveBeenCalledWith('Socket Lab server: INVALID_REQUEST The frame is not JSON')
  })

  it('sends every method of the contract on its own channel, and each is answered', async () => {
    const api = connect()
    const answers = CHANNELS.map((channel) => {
      const method = METHOD_OF[channel]
      // Each method takes its own request type; the frame carries whatever it was given.
      const call = api[method] as (request: unknown) => Promise<unknown>
      return call({ probe: channel })
    })
    expect(await Promise.all(answers)).toEqual(
      CHANNELS.map((channel) => ok({ channel, request: { probe: channel } })),
    )
    const sent = server.requests as Array<{ channel: Channel; request: unknown }>
    expect(sent.map((f) => f.channel)).toEqual(CHANNELS)
    const methods: Array<keyof Api> = [...Object.values(METHOD_OF), 'onEvents']
    expect(methods.every((m) => typeof api[m] === 'function')).toBe(true)
  })
})
