import { describe, expect, it } from 'vitest'
import type { ChunkInfo } from '../../../shared/contract'
import { ok } from '../../../shared/result'
import type { Session, SessionConnection } from '../../../shared/session-file'
import { fakeApi, makeConnection, makeListener, makeSnapshot, toBase64 } from '../test-utils'
import { collectConnection, collectSession } from './collect'
import { createSessionApi, sessionEvents } from './session-api'

const enc = (s: string): Uint8Array => new TextEncoder().encode(s)
const T0 = Date.UTC(2025, 0, 1, 12, 0, 0)

const RECEIVED = enc('GET / HTTP/1.1\r\n\r\nmore')
const SENT = enc('HTTP/1.1 200 OK\r\n\r\n')
const CHUNKS: ChunkInfo[] = [
  { direction: 'in', offset: 0, size: 10, mono: 1010, kept: 10 },
  { direction: 'in', offset: 10, size: 8, mono: 1012.5, kept: 8 },
  { direction: 'out', offset: 0, size: SENT.length, mono: 1020, kept: SENT.length },
  { direction: 'in', offset: 18, size: 4, mono: 1030, kept: 4 },
  // Past the capture limit: counted, nothing kept.
  { direction: 'in', offset: 22, size: 5, mono: 1040, kept: 0 },
]

function conversation(overrides: Partial<SessionConnection['connection']> = {}): SessionConnection {
  return {
    connection: makeConnection(1, {
      acceptedAt: T0,
      acceptedMono: 1000,
      bytesIn: RECEIVED.length + 5,
      captured: RECEIVED.length,
      chunksIn: 4,
      bytesOut: SENT.length,
      capturedOut: SENT.length,
      chunksOut: 1,
      truncated: true,
      ...overrides,
    }),
    chunks: CHUNKS,
    received: RECEIVED,
    sent: SENT,
  }
}

function sampleSession(): Session {
  return {
    savedAt: T0 + 60_000,
    platform: 'linux',
    listeners: [makeListener()],
    connections: [
      conversation({ state: 'closed', closedAt: T0 + 50, closeReason: 'peer' }),
      {
        connection: makeConnection(2, { acceptedAt: T0 + 100 }),
        chunks: [],
        received: new Uint8Array(),
        sent: new Uint8Array(),
      },
    ],
  }
}

const text = (bytes: Uint8Array): string => new TextDecoder().decode(bytes)

describe('collectSession', () => {
  it('gives back the session it reads through a session Api', async () => {
    const session = sampleSession()
    const collected = await collectSession(
      createSessionApi(session, fakeApi()),
      {},
      session.savedAt,
    )
    expect(collected.savedAt).toBe(session.savedAt)
    expect(collected.platform).toBe('linux')
    expect(collected.listeners).toEqual(session.listeners)
    // The events the log and the client runs come from: here, the log rebuilt for an older file.
    expect(collected.events).toEqual(sessionEvents(session))
    expect(collected.connections).toHaveLength(2)
    collected.connections.forEach((c, i) => {
      const original = session.connections[i]
      expect(c.connection).toEqual(original?.connection)
      expect(c.chunks).toEqual(original?.chunks)
      expect(text(c.received)).toBe(text(original?.received ?? new Uint8Array()))
      expect(text(c.sent)).toBe(text(original?.sent ?? new Uint8Array()))
    })
  })

  it('pages through an Api that answers a few bytes and chunks at a time', async () => {
    const connection = conversation().connection
    const api = fakeApi(makeSnapshot({ connections: [connection] }))
    api.readBytes.mockImplementation(async ({ offset, length, direction = 'in' }) => {
      const stream = direction === 'in' ? RECEIVED : SENT
      const end = Math.min(offset + Math.min(length, 3), stream.length)
      return ok({
        offset,
        base64: toBase64(stream.subarray(offset, end)),
        captured: stream.length,
        bytesIn: RECEIVED.length,
        truncated: false,
        chunks: [],
      })
    })
    api.readChunks.mockImplementation(async ({ from, count }) =>
      ok({ total: CHUNKS.length, chunks: CHUNKS.slice(from, from + Math.min(count, 2)) }),
    )

    const session = await collectSession(api, {}, 42)
    expect(session.savedAt).toBe(42)
    const [only] = session.connections
    expect(only?.connection).toEqual(connection)
    expect(text(only?.received ?? new Uint8Array())).toBe(text(RECEIVED))
    expect(text(only?.sent ?? new Uint8Array())).toBe(text(SENT))
    expect(only?.chunks).toEqual(CHUNKS)
    expect(api.readChunks.mock.calls.map(([r]) => r.from)).toEqual([0, 2, 4])
    const inOffsets = api.readBytes.mock.calls
      .filter(([r]) => r.direction === 'in')
      .map(([r]) => r.offset)
    expect(inOffsets).toEqual([0, 3, 6, 9, 12, 15, 18, 21])
  })

  it('keeps what it got when the Api has fewer bytes than the connection says', async () => {
    const api = fakeApi()
    api.readBytes.mockImplementation(async ({ offset, direction = 'in' }) => {
      const stream = direction === 'in' ? enc('abc') : new Uint8Array()
      return ok({
        offset,
        base64: toBase64(stream.subarray(offset)),
        captured: stream.length,
        bytesIn: stream.length,
        truncated: false,
        chunks: [],
      })
    })
    const c = await collectConnection(api, makeConnection(1, { captured: 10, capturedOut: 4 }))
    expect(text(c.received)).toBe('abc')
    expect(c.sent).toHaveLength(0)
  })

  it('leaves out reads that arrived after the bytes were read, so the saved file opens again', async () => {
    const api = fakeApi()
    api.readBytes.mockImplementation(async ({ offset, direction = 'in' }) => {
      const stream = direction === 'in' ? enc('abc') : new Uint8Array()
      return ok({
        offset,
        base64: toBase64(stream.subarray(offset)),
        captured: stream.length,
        bytesIn: stream.length,
        truncated: false,
        chunks: [],
      })
    })
    api.readChunks.mockResolvedValue(
      ok({
        total: 2,
        chunks: [
          { direction: 'in', offset: 0, size: 3, mono: 1, kept: 3 },
          { direction: 'in', offset: 3, size: 4, mono: 2, kept: 4 }, // came in during the save
        ],
      }),
    )
    const c = await collectConnection(api, makeConnection(1, { captured: 3, capturedOut: 0 }))
    expect(c.chunks).toEqual([{ direction: 'in', offset: 0, size: 3, mono: 1, kept: 3 }])
  })

  it('leaves out connections the engine forgot while saving, and counts them', async () => {
    const kept = makeConnection(2, { captured: 0, capturedOut: 0 })
    const api = fakeApi(
      makeSnapshot({
        connections: [makeConnection(1, { captured: 3, capturedOut: 0 }), kept],
        forgottenConnections: 7,
      }),
    )
    api.readChunks.mockImplementation(async ({ connectionId }) =>
      connectionId === 'c1'
        ? { ok: false, error: { code: 'NOT_FOUND', message: 'Connection c1 was forgotten' } }
        : ok({ total: 0, chunks: [] }),
    )
    const session = await collectSession(api, {}, 42)
    expect(session.connections.map((c) => c.connection.id)).toEqual(['c2'])
    expect(session.forgottenConnections).toBe(8)
    // Reopened, the panel shows the same count.
    const reopened = await createSessionApi(session, fakeApi()).snapshot({})
    expect(reopened).toMatchObject({ ok: true, value: { forgottenConnections: 8 } })
  })

  it('fails with the Api error message', async () => {
    const api = fakeApi()
    api.readChunks.mockResolvedValue({ ok: false, error: { code: 'NOT_FOUND', message: 'gone' } })
    await expect(collectConnection(api, makeConnection(1))).rejects.toThrow('gone')
  })
})
