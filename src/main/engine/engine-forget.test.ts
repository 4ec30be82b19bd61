/**
 * Issue 13: past its limit of kept closed connections the engine forgets the oldest closed ones
 * (and their captures), tells every GUI once per batch, and answers requests for them NOT_FOUND.
 */
import { describe, expect, it } from 'vitest'
import {
  closed,
  connectClient,
  recordingEngine,
  send,
  waitFor,
  type TestEngine,
  cleanUpAfterEach,
} from './engine-test-kit'

let t: TestEngine | null = null
cleanUpAfterEach(() => t)

const BYTES = 100

/** Connects, has `bytes` echoed back, and returns the client socket. */
async function echoed(
  port: number,
  bytes: number,
): Promise<Awaited<ReturnType<typeof connectClient>>> {
  const socket = await connectClient(port)
  let received = 0
  socket.on('data', (chunk: Buffer) => (received += chunk.length))
  await send(socket, Buffer.alloc(bytes, 0x61))
  await waitFor(() => received >= bytes, 'the echo')
  return socket
}

describe('kept closed connections', () => {
  it('keeps the last 10 closed plus every open one, releases the rest and says which', async () => {
    t = recordingEngine({ batchIntervalMs: 5, maxKeptClosedConnections: 10 })
    const listener = await t.value('listener:add', { port: 0, responder: 'echo' })
    const started = await t.value('listener:start', { listenerId: listener.id })
    const port = started.bound!.port
    const held = await echoed(port, BYTES)
    for (let n = 2; n <= 31; n++) {
      const socket = await echoed(port, BYTES)
      const connectionId = `${listener.id}#${n}`
      await t.value('connection:close', { connectionId, how: 'fin' })
      await t.event('connection-closed', (e) => e.connectionId === connectionId)
      socket.destroy()
    }
    const forgotten = (): string[] =>
      t!.events().flatMap((e) => (e.type === 'connections-forgotten' ? e.connectionIds : []))
    await waitFor(() => forgotten().length >= 20, 'twenty forgotten')
    const oldest = Array.from({ length: 20 }, (_, i) => `${listener.id}#${i + 2}`)
    expect(forgotten()).toEqual(oldest)
    // One event per batch at most, with the running total.
    for (const batch of t.batches)
      expect(batch.events.filter((e) => e.type === 'connections-forgotten').length).toBeLessThan(2)
    const events = t.events().filter((e) => e.type === 'connections-forgotten')
    expect(events.at(-1)).toMatchObject({ forgotten: 20 })

    const snapshot = await t.value('engine:snapshot', {})
    const ids = snapshot.connections.map((c) => c.id)
    const kept = Array.from({ length: 10 }, (_, i) => `${listener.id}#${i + 22}`)
    expect(ids).toEqual([`${listener.id}#1`, ...kept])
    expect(snapshot.forgottenConnections).toBe(20)
    // Capture totals stay true: only the kept connections' bytes count.
    const keptBytes = snapshot.connections.reduce((n, c) => n + c.captured + c.capturedOut, 0)
    expect(keptBytes).toBe(11 * 2 * BYTES)
    expect(snapshot.capture.captured).toBe(keptBytes)
    const lastTotals = t
      .events()
      .filter((e) => e.type === 'capture-totals')
      .at(-1)
    expect(lastTotals).toMatchObject({ totals: { captured: keptBytes } })
    // Listener counters count history: nothing is taken back.
    expect(snapshot.listeners[0]!.counters).toMatchObject({ accepted: 31, open: 1 })
    expect(snapshot.listeners[0]!.counters.bytesIn).toBe(31 * BYTES)

    // A forgotten connection is NOT_FOUND, and says so; one never accepted says that.
    const connectionId = oldest[0]
    const requests = [
      ['connection:read', { connectionId, offset: 0, length: 10 }],
      ['connection:chunks', { connectionId, from: 0, count: 10 }],
      ['connection:http', { connectionId, direction: 'in' }],
    ] as const
    for (const [channel, payload] of requests) {
      const error = await t.error(channel, payload)
      expect(error.code).toBe('NOT_FOUND')
      expect(error.message).toMatch(/forgotten.*last 10 closed/)
    }
    const search = await t.error('connection:search', {
      connectionId: oldest[19],
      direction: 'in',
      pattern: Buffer.from('a').toString('base64'),
      from: 0,
      backwards: false,
    })
    expect(search).toMatchObject({ code: 'NOT_FOUND' })
    const close = await t.error('connection:close', { connectionId: oldest[5] })
    expect(close).toMatchObject({ code: 'NOT_FOUND' })
    expect(close.message).toContain('forgotten')
    const never = await t.error('connection:read', {
      connectionId: `${listener.id}#99`,
      offset: 0,
      length: 10,
    })
    expect(never).toMatchObject({ code: 'NOT_FOUND', message: `No connection ${listener.id}#99` })
    // The kept ones still answer.
    const read = await t.value('connection:read', { connectionId: kept[0]!, offset: 0, length: 10 })
    expect(read.base64).toBe(Buffer.alloc(10, 0x61).toString('base64'))
    held.destroy()
  })

  it('accounts for every accept when many close at once: kept or forgotten, never both', async () => {
    t = recordingEngine({ batchIntervalMs: 5, maxKeptClosedConnections: 10 })
    const listener = await t.value('listener:add', { port: 0, responder: 'close-at-once' })
    const started = await t.value('listener:start', { listenerId: listener.id })
    const sockets = await Promise.all(
      Array.from({ length: 60 }, () => connectClient(started.bound!.port)),
    )
    await Promise.all(sockets.map((socket) => closed(socket)))
    const forgotten = (): string[] =>
      t!.events().flatMap((e) => (e.type === 'connections-forgotten' ? e.connectionIds : []))
    await waitFor(() => forgotten().length === 50, 'fifty forgotten')
    const snapshot = await t.value('engine:snapshot', {})
    const kept = snapshot.connections.map((c) => c.id)
    expect(kept).toHaveLength(10)
    expect(snapshot.forgottenConnections).toBe(50)
    const all = Array.from({ length: 60 }, (_, i) => `${listener.id}#${i + 1}`)
    expect([...kept, ...forgotten()].sort()).toEqual(all.sort())
    // The ten kept are the last ten to close.
    const closes = t
      .events()
      .flatMap((e) => (e.type === 'connection-closed' ? [e.connectionId] : []))
    expect(new Set(kept)).toEqual(new Set(closes.slice(-10)))
  })

  it('never forgets an open connection', async () => {
    t = recordingEngine({ batchIntervalMs: 5, maxKeptClosedConnections: 2 })
    const listener = await t.value('listener:add', { port: 0, responder: 'echo' })
    const started = await t.value('listener:start', { listenerId: listener.id })
    const sockets = await Promise.all([1, 2, 3, 4].map(() => echoed(started.bound!.port, 1)))
    await waitFor(
      () => t!.events().filter((e) => e.type === 'connection-accepted').length === 4,
      'four',
    )
    const snapshot = await t.value('engine:snapshot', {})
    expect(snapshot.connections).toHaveLength(4)
    expect(snapshot.forgottenConnections).toBe(0)
    for (const socket of sockets) socket.destroy()
  })
})
