import { describe, expect, it, vi } from 'vitest'
import { fromBase64, toBase64 } from '../../../shared/byte-formats'
import type { Api, ChunkInfo, EngineEvent } from '../../../shared/contract'
import type { HttpAnalysis } from '../../../shared/http-types'
import { ok } from '../../../shared/result'
import type { Session } from '../../../shared/session-file'
import { fakeApi, makeConnection, makeListener } from '../test-utils'
import { initialState } from '../state/app-state'
import { reducer } from '../state/reducer'
import { createSessionApi, sessionEvents } from './session-api'

const enc = (s: string): Uint8Array => new TextEncoder().encode(s)
const T0 = Date.UTC(2025, 0, 1, 12, 0, 0)

const RECEIVED = enc('hello world, hello again')
const SENT = enc('OK hello')
const CHUNKS: ChunkInfo[] = [
  { direction: 'in', offset: 0, size: 6, mono: 1010, kept: 6 },
  { direction: 'out', offset: 0, size: 3, mono: 1015, kept: 3 },
  { direction: 'in', offset: 6, size: 7, mono: 1020, kept: 7 },
  { direction: 'in', offset: 13, size: 11, mono: 1030, kept: 11 },
  { direction: 'out', offset: 3, size: 5, mono: 1040, kept: 5 },
]

/** Two connections, the later-accepted one listed first, so the rebuilt log has to sort. */
function sampleSession(): Session {
  return {
    savedAt: T0 + 60_000,
    platform: 'darwin',
    // As saved from a live engine: listening, with an open connection counted.
    listeners: [
      makeListener({
        state: 'listening',
        bound: { address: '127.0.0.1', port: 7878, family: 'IPv4' },
        counters: { accepted: 2, dropped: 0, open: 1, bytesIn: 27, bytesOut: 8 },
      }),
    ],
    connections: [
      {
        connection: makeConnection(2, {
          acceptedAt: T0 + 5_000,
          state: 'closed',
          closedAt: T0 + 9_000,
          closeReason: 'reset',
          errorCode: 'ECONNRESET',
          bytesIn: 3,
          captured: 3,
          chunksIn: 1,
        }),
        chunks: [{ direction: 'in', offset: 0, size: 3, mono: 1001, kept: 3 }],
        received: enc('abc'),
        sent: new Uint8Array(),
      },
      {
        connection: makeConnection(1, {
          acceptedAt: T0,
          state: 'closed',
          closedAt: T0 + 7_000,
          closeReason: 'peer',
          bytesIn: RECEIVED.length,
          captured: RECEIVED.length,
          chunksIn: 3,
          bytesOut: SENT.length,
          capturedOut: SENT.length,
          chunksOut: 2,
        }),
        chunks: CHUNKS,
        received: RECEIVED,
        sent: SENT,
      },
      {
        connection: makeConnection(3, { acceptedAt: T0 + 8_000 }),
        chunks: [],
        received: new Uint8Array(),
        sent: new Uint8Array(),
      },
    ],
  }
}

function setup(session = sampleSession()) {
  const live = fakeApi()
  return { api: createSessionApi(session, live), live, session }
}

function describeEvent(e: EngineEvent): string {
  switch (e.type) {
    case 'connection-accepted':
      return `accepted ${e.connection.id} @${e.at - T0}`
    case 'connection-closed':
      return `closed ${e.connectionId} ${e.reason} ${String(e.errorCode)} @${e.at - T0}`
    case 'listener-added':
      return `listener ${e.listener.id} @${e.at - T0}`
    default:
      return e.type
  }
}

describe('createSessionApi', () => {
  it('answers the snapshot with stopped listeners, the connections and a rebuilt log in time order', async () => {
    const { api, session } = setup()
    const result = await api.snapshot({})
    if (!result.ok) throw new Error(result.error.message)
    const snapshot = result.value
    expect(snapshot.seq).toBe(0)
    expect(snapshot.platform).toBe('darwin')
    expect(snapshot.listeners).toEqual(session.listeners)
    expect(snapshot.connections.map((c) => c.id)).toEqual(['c2', 'c1', 'c3'])
    expect(snapshot.capture).toEqual({ captured: 3 + 24 + 8, limit: 3 + 24 + 8 })
    const connectionEvents = snapshot.recentEvents.filter((e) => e.type !== 'listener-added')
    expect(connectionEvents.map(describeEvent)).toEqual([
      'accepted c1 @0',
      'accepted c2 @5000',
      'closed c1 peer null @7000',
      'accepted c3 @8000',
      'closed c2 reset ECONNRESET @9000',
    ])
    expect(
      snapshot.recentEvents.filter((e) => e.type === 'listener-added').map(describeEvent),
    ).toEqual(['listener l1 @0']) // its earliest accept, whatever the file's order
    expect(snapshot.recentEvents.map((e) => e.at)).toEqual(
      snapshot.recentEvents.map((e) => e.at).sort((a, b) => a - b),
    )
    // Nothing closes the connection that was still open when the session was saved.
    expect(snapshot.recentEvents.filter((e) => e.type === 'connection-closed')).toHaveLength(2)
  })

  it('answers with the saved events when the file has them: the log and the client runs come back', async () => {
    const session = sampleSession()
    const listener = session.listeners[0]!
    session.events = [
      { type: 'listener-added', at: T0 - 1000, listener: { ...listener, state: 'stopped' } },
      { type: 'listener-changed', at: T0 - 500, listener },
      { type: 'connection-accepted', at: T0, connection: session.connections[1]!.connection },
      {
        type: 'program-output',
        at: T0 + 1,
        listenerId: listener.id,
        connectionId: 'c1',
        text: 'Connection established!',
      },
      {
        type: 'client-run-started',
        at: T0 + 2,
        run: {
          runId: 'r1',
          target: '127.0.0.1:7878',
          host: '127.0.0.1',
          port: 7878,
          plan: { kind: 'http', rows: [{ count: 1, path: '/', startMs: 0 }] },
          model: null,
          startedAt: T0 + 2,
          timeLimitMs: 60_000,
        },
        requests: [],
      },
      { type: 'client-run-finished', at: T0 + 3, runId: 'r1', outcome: 'completed', elapsedMs: 1 },
    ]
    const { api } = setup(session)
    const result = await api.snapshot({})
    if (!result.ok) throw new Error(result.error.message)
    expect(result.value.recentEvents).toEqual(session.events)
    const state = reducer(initialState, { type: 'snapshot-loaded', snapshot: result.value })
    expect(state.client.runs.map((r) => [r.run.runId, r.outcome])).toEqual([['r1', 'completed']])
    expect(state.log.map((entry) => entry.message.kind)).toEqual([
      'listening',
      'connection-established',
      'program',
    ])
  })

  it('stamps a listener with no connections at the save time', () => {
    const session = sampleSession()
    session.listeners.push(makeListener({ id: 'l2', number: 2 }))
    const events = sessionEvents(session)
    expect(events.at(-1)).toEqual({
      type: 'listener-added',
      at: session.savedAt,
      listener: session.listeners[1],
    })
  })

  it('reads either direction from an offset, clipped to what was kept', async () => {
    const { api } = setup()
    const read = async (offset: number, length: number, direction?: 'in' | 'out') => {
      const result = await api.readBytes({ connectionId: 'c1', offset, length, direction })
      if (!result.ok) throw new Error(result.error.message)
      const bytes = fromBase64(result.value.base64)
      return {
        ...result.value,
        text: new TextDecoder().decode(bytes ?? new Uint8Array()),
      }
    }
    const whole = await read(0, 1000)
    expect(whole.text).toBe('hello world, hello again')
    expect(whole.captured).toBe(24)
    expect(whole.offset).toBe(0)
    expect((await read(6, 5)).text).toBe('world')
    expect((await read(19, 100)).text).toBe('again')
    const past = await read(30, 10)
    expect(past.text).toBe('')
    expect(past.offset).toBe(30)
    expect(past.chunks).toEqual([])

    const out = await read(3, 100, 'out')
    expect(out.text).toBe('hello')
    expect(out.captured).toBe(8)
    expect((await read(0, 2, 'out')).text).toBe('OK')
  })

  it('lists only the chunks of that direction that overlap the range read', async () => {
    const { api } = setup()
    const chunks = async (offset: number, length: number, direction: 'in' | 'out') => {
      const result = await api.readBytes({ connectionId: 'c1', offset, length, direction })
      if (!result.ok) throw new Error(result.error.message)
      return result.value.chunks.map((c) => `${c.direction}${c.offset}`)
    }
    expect(await chunks(0, 24, 'in')).toEqual(['in0', 'in6', 'in13'])
    expect(await chunks(6, 7, 'in')).toEqual(['in6'])
    expect(await chunks(5, 2, 'in')).toEqual(['in0', 'in6'])
    expect(await chunks(13, 1000, 'in')).toEqual(['in13'])
    expect(await chunks(0, 100, 'out')).toEqual(['out0', 'out3'])
    expect(await chunks(4, 1, 'out')).toEqual(['out3'])
  })

  it('pages through the conversation chunks', async () => {
    const { api } = setup()
    const page = async (from: number, count: number) => {
      const result = await api.readChunks({ connectionId: 'c1', from, count })
      if (!result.ok) throw new Error(result.error.message)
      return result.value
    }
    expect(await page(0, 2)).toEqual({ total: 5, chunks: CHUNKS.slice(0, 2) })
    expect(await page(2, 2)).toEqual({ total: 5, chunks: CHUNKS.slice(2, 4) })
    expect(await page(4, 2)).toEqual({ total: 5, chunks: CHUNKS.slice(4) })
    expect(await page(5, 2)).toEqual({ total: 5, chunks: [] })
  })

  it('searches forwards and backwards in one direction', async () => {
    const { api } = setup()
    const search = async (
      text: string,
      from: number,
      backwards: boolean,
      direction: 'in' | 'out' = 'in',
    ) => {
      const result = await api.search({
        connectionId: 'c1',
        direction,
        pattern: toBase64(enc(text)),
        from,
        backwards,
      })
      if (!result.ok) throw new Error(result.error.message)
      return result.value.offset
    }
    expect(await search('hello', 0, false)).toBe(0)
    expect(await search('hello', 1, false)).toBe(13)
    expect(await search('hello', 24, true)).toBe(13)
    expect(await search('hello', 13, true)).toBe(0)
    expect(await search('hello', 0, false, 'out')).toBe(3)
    expect(await search('bye', 0, false)).toBeNull()
    expect(await search('again', 0, false, 'out')).toBeNull()
  })

  it('refuses an empty or non-base64 search pattern', async () => {
    const { api } = setup()
    for (const pattern of ['', 'not base64!']) {
      const result = await api.search({
        connectionId: 'c1',
        direction: 'in',
        pattern,
        from: 0,
        backwards: false,
      })
      expect(result.ok).toBe(false)
      if (!result.ok) expect(result.error.code).toBe('INVALID_REQUEST')
    }
  })

  it('answers NOT_FOUND for a connection the session does not have', async () => {
    const { api } = setup()
    const results = await Promise.all([
      api.readBytes({ connectionId: 'nope', offset: 0, length: 1 }),
      api.readChunks({ connectionId: 'nope', from: 0, count: 1 }),
      api.search({
        connectionId: 'nope',
        direction: 'in',
        pattern: 'YQ==',
        from: 0,
        backwards: false,
      }),
      api.analyzeHttp({ connectionId: 'nope', direction: 'in' }),
    ])
    for (const result of results) {
      expect(result.ok).toBe(false)
      if (!result.ok) expect(result.error.code).toBe('NOT_FOUND')
    }
  })

  it('has the live engine analyse HTTP from the whole stream of that direction', async () => {
    const { api, live } = setup()
    const analysis = { messages: [] } as unknown as HttpAnalysis
    live.analyzeBytes.mockResolvedValue(ok(analysis))
    const result = await api.analyzeHttp({ connectionId: 'c1', direction: 'out' })
    expect(result).toEqual(ok(analysis))
    expect(live.analyzeBytes).toHaveBeenCalledWith({
      base64: toBase64(SENT),
      direction: 'out',
      truncated: false,
    })
    await api.analyzeHttp({ connectionId: 'c1', direction: 'in' })
    expect(live.analyzeBytes).toHaveBeenLastCalledWith({
      base64: toBase64(RECEIVED),
      direction: 'in',
      truncated: false,
    })
  })

  it('leaves settings to the live engine', async () => {
    const { api, live } = setup()
    await api.getSettings({})
    await api.setSettings({ language: 'ru' })
    expect(live.getSettings).toHaveBeenCalledTimes(1)
    expect(live.setSettings).toHaveBeenCalledWith({ language: 'ru' })
  })

  it('answers BAD_STATE to every request that would change something', async () => {
    const { api, live } = setup()
    const mutating: Array<[string, () => ReturnType<Api[keyof Omit<Api, 'onEvents'>]>]> = [
      ['addListener', () => api.addListener({})],
      ['updateListener', () => api.updateListener({ listenerId: 'l1', port: 1 })],
      ['startListener', () => api.startListener({ listenerId: 'l1' })],
      ['stopListener', () => api.stopListener({ listenerId: 'l1', mode: 'close-all' })],
      ['removeListener', () => api.removeListener({ listenerId: 'l1' })],
      ['closeConnection', () => api.closeConnection({ connectionId: 'c3' })],
      ['closeAllConnections', () => api.closeAllConnections({ how: 'fin' })],
      ['send', () => api.send({ connectionId: 'c3', base64: 'YQ==' })],
    ]
    for (const [name, call] of mutating) {
      const result = await call()
      expect(result.ok, name).toBe(false)
      if (!result.ok) expect(result.error.code, name).toBe('BAD_STATE')
    }
    // None of them reached the live engine either.
    expect(live.addListener).not.toHaveBeenCalled()
    expect(live.send).not.toHaveBeenCalled()
    expect(live.closeConnection).not.toHaveBeenCalled()
  })

  it('never calls an events subscriber, and unsubscribing is harmless', async () => {
    const { api } = setup()
    const listener = vi.fn()
    const unsubscribe = api.onEvents(listener)
    await api.snapshot({})
    expect(() => {
      unsubscribe()
      unsubscribe()
    }).not.toThrow()
    expect(listener).not.toHaveBeenCalled()
  })
})
