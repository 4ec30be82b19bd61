import { describe, expect, it } from 'vitest'
import { CHANNELS, METHOD_OF, type Api, type Channel } from '../../../shared/contract'
import { ok } from '../../../shared/result'
import type { WireMessage } from '../../../shared/wire'
import { createWsApi, wsUrl, type SocketLike } from './ws-client'

class FakeSocket implements SocketLike {
  readyState = 0
  sent: unknown[] = []
  onopen: ((ev: Event) => void) | null = null
  onclose: ((ev: CloseEvent) => void) | null = null
  onerror: ((ev: Event) => void) | null = null
  onmessage: ((ev: MessageEvent) => void) | null = null
  constructor(readonly url: string) {}
  send(data: string): void {
    this.sent.push(JSON.parse(data))
  }
  close(): void {
    this.drop()
  }
  open(): void {
    this.readyState = 1
    this.onopen?.(new Event('open'))
  }
  receive(message: WireMessage): void {
    this.onmessage?.(new MessageEvent('message', { data: JSON.stringify(message) }))
  }
  drop(): void {
    this.readyState = 3
    this.onclose?.(new CloseEvent('close'))
  }
}

function setup() {
  const sockets: FakeSocket[] = []
  const api = createWsApi('ws://127.0.0.1:1/ws?token=t', (url) => {
    const s = new FakeSocket(url)
    sockets.push(s)
    return s
  })
  return { api, sockets, socket: () => sockets[sockets.length - 1]! }
}

describe('createWsApi', () => {
  it('builds the URL from the page location and its token', () => {
    expect(wsUrl({ protocol: 'http:', host: '127.0.0.1:4000', search: '?token=abc-1' })).toBe(
      'ws://127.0.0.1:4000/ws?token=abc-1',
    )
    expect(wsUrl({ protocol: 'https:', host: 'x', search: '' })).toBe('wss://x/ws?token=')
  })

  it('queues requests until the socket opens, then matches responses by id', async () => {
    const { api, socket } = setup()
    const answer = api.snapshot({})
    expect(socket().sent).toEqual([])
    socket().open()
    expect(socket().sent).toEqual([
      { kind: 'request', id: 1, channel: 'engine:snapshot', request: {} },
    ])
    const second = api.startListener({ listenerId: 'l1' })
    expect(socket().sent[1]).toEqual({
      kind: 'request',
      id: 2,
      channel: 'listener:start',
      request: { listenerId: 'l1' },
    })
    socket().receive({ kind: 'response', id: 2, result: ok('started') })
    socket().receive({ kind: 'response', id: 1, result: ok('snap') })
    expect(await second).toEqual(ok('started'))
    expect(await answer).toEqual(ok('snap'))
  })

  it('delivers event batches to subscribers', () => {
    const { api, socket } = setup()
    const seen: number[] = []
    const off = api.onEvents((b) => seen.push(b.seq))
    socket().open()
    socket().receive({ kind: 'events', batch: { seq: 4, events: [] } })
    off()
    socket().receive({ kind: 'events', batch: { seq: 5, events: [] } })
    expect(seen).toEqual([4])
  })

  it('answers INTERNAL to pending requests when the socket closes, and reconnects', async () => {
    const { api, sockets, socket } = setup()
    const states: string[] = []
    api.onStateChange((s) => states.push(s))
    socket().open()
    const pending = api.readBytes({ connectionId: 'c1', offset: 0, length: 10 })
    socket().drop()
    const result = await pending
    expect(result.ok).toBe(false)
    if (!result.ok) expect(result.error.code).toBe('INTERNAL')
    expect(api.state).toBe('closed')
    const later = await api.snapshot({})
    expect(later.ok).toBe(false)
    api.reconnect()
    expect(sockets).toHaveLength(2)
    socket().open()
    expect(states).toEqual(['open', 'closed', 'connecting', 'open'])
  })

  it('sends every method of the contract on its own channel', () => {
    const { api, socket } = setup()
    socket().open()
    for (const channel of CHANNELS) {
      const method = METHOD_OF[channel]
      // Each method takes its own request type; the frame carries whatever it was given.
      const call = api[method] as (request: unknown) => Promise<unknown>
      void call({ probe: channel })
    }
    const sent = socket().sent as Array<{ channel: Channel; request: unknown }>
    expect(sent.map((f) => f.channel)).toEqual(CHANNELS)
    expect(sent.map((f) => f.request)).toEqual(CHANNELS.map((c) => ({ probe: c })))
    const methods: Array<keyof Api> = [...Object.values(METHOD_OF), 'onEvents']
    expect(methods.every((m) => typeof api[m] === 'function')).toBe(true)
  })
})
