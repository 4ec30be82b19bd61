import { afterEach, describe, expect, it, vi } from 'vitest'
import {
  BURST_QUIET_MS,
  BUSY_BATCH_EVENTS,
  BUSY_BATCH_INTERVAL_MS,
  MAX_BATCH_EVENTS,
  type Direction,
  type EngineEvent,
  type EventBatch,
} from '../../shared/contract'
import { Batcher } from './batcher'
import { connectClient, recordingEngine, send, waitFor, type TestEngine } from './engine-test-kit'

function data(
  connectionId: string,
  bytes: number,
  bytesIn: number,
  preview: string,
  direction: Direction = 'in',
): EngineEvent {
  return {
    type: 'connection-data',
    at: bytesIn,
    connectionId,
    listenerId: 'L1',
    direction,
    chunks: 1,
    bytes,
    preview,
    bytesIn,
    chunksIn: bytesIn,
    captured: bytesIn,
    bytesOut: 0,
    chunksOut: 0,
    capturedOut: 0,
    truncated: false,
    listenerBytesIn: bytesIn,
    listenerBytesOut: 0,
    mono: bytesIn * 10,
  }
}

function totals(captured: number): EngineEvent {
  return { type: 'capture-totals', at: 0, totals: { captured, limit: 100 } }
}

const removed = (listenerId: string): EngineEvent => ({
  type: 'listener-removed',
  at: 0,
  listenerId,
})

describe('Batcher', () => {
  afterEach(() => {
    vi.useRealTimers()
    vi.restoreAllMocks()
  })

  it('turns many events of one tick into one batch, merging a connection’s reads', () => {
    vi.useFakeTimers()
    let now = 1000
    const batcher = new Batcher(16, () => now)
    const batches: EventBatch[] = []
    batcher.subscribe((batch) => batches.push(batch))
    batcher.push(data('L1#1', 3, 3, 'first'))
    batcher.push(totals(3))
    batcher.push(data('L1#1', 4, 7, 'second'))
    batcher.push(totals(7))
    batcher.push(data('L1#2', 1, 1, 'other'))
    batcher.push(data('L1#1', 2, 9, 'third'))
    batcher.push(removed('L5'))
    expect(batches).toHaveLength(0)
    vi.advanceTimersByTime(0)
    expect(batches).toHaveLength(1)
    expect(batches[0]?.seq).toBe(1)
    expect(batches[0]?.events).toEqual([
      { ...data('L1#1', 7, 7, 'first'), chunks: 2, at: 3 },
      data('L1#2', 1, 1, 'other'),
      data('L1#1', 2, 9, 'third'),
      removed('L5'),
      totals(7),
    ])

    // The next batch waits for the interval after the last flush.
    now = 1005
    batcher.push(removed('L6'))
    vi.advanceTimersByTime(10)
    expect(batches).toHaveLength(1)
    vi.advanceTimersByTime(1)
    expect(batches.map((b) => b.seq)).toEqual([1, 2])

    // Long after, a new event goes out at once.
    now = 5000
    batcher.push(removed('L7'))
    vi.advanceTimersByTime(0)
    expect(batches.map((b) => b.seq)).toEqual([1, 2, 3])
  })

  it('after a burst’s batch waits BUSY_BATCH_INTERVAL_MS while events keep coming, then 16 ms again', () => {
    vi.useFakeTimers()
    let now = 1000
    const batcher = new Batcher(16, () => now)
    const batches: EventBatch[] = []
    batcher.subscribe((batch) => batches.push(batch))
    for (let i = 0; i < BUSY_BATCH_EVENTS; i++) batcher.push(removed(`L${i}`))
    batcher.flush()
    const started = now
    // The burst goes on: an event every 10 ms holds the batch until the gap is over.
    while (now - started < BUSY_BATCH_INTERVAL_MS - 10) {
      batcher.push(removed(`at ${now}`))
      now += 10
      vi.advanceTimersByTime(10)
      expect(batches).toHaveLength(1)
    }
    now += 10
    vi.advanceTimersByTime(10)
    expect(batches).toHaveLength(2)
    expect(batches[1]?.events).toHaveLength((BUSY_BATCH_INTERVAL_MS - 10) / 10)
    // That batch was small: the next waits 16 ms only.
    batcher.push(removed('b'))
    now += 16
    vi.advanceTimersByTime(16)
    expect(batches).toHaveLength(3)
  })

  it('sends what a burst left pending once no event came for BURST_QUIET_MS', () => {
    vi.useFakeTimers()
    let now = 1000
    const batcher = new Batcher(16, () => now)
    const batches: EventBatch[] = []
    batcher.subscribe((batch) => batches.push(batch))
    for (let i = 0; i < BUSY_BATCH_EVENTS; i++) batcher.push(removed(`L${i}`))
    batcher.flush()
    now += 20
    vi.advanceTimersByTime(20)
    batcher.push(removed('last of the burst'))
    now += BURST_QUIET_MS - 1
    vi.advanceTimersByTime(BURST_QUIET_MS - 1)
    expect(batches).toHaveLength(1)
    now += 1
    vi.advanceTimersByTime(1)
    expect(batches).toHaveLength(2)
    expect(batches[1]?.events).toEqual([removed('last of the burst')])
    expect(BURST_QUIET_MS + 20).toBeLessThan(BUSY_BATCH_INTERVAL_MS)
  })

  it('sends a batch once it holds MAX_BATCH_EVENTS, even in a burst’s gap', () => {
    vi.useFakeTimers()
    const now = 1000
    const batcher = new Batcher(16, () => now)
    const batches: EventBatch[] = []
    batcher.subscribe((batch) => batches.push(batch))
    for (let i = 0; i < BUSY_BATCH_EVENTS; i++) batcher.push(removed(`L${i}`))
    batcher.flush()
    for (let i = 0; i < MAX_BATCH_EVENTS - 1; i++) batcher.push(removed(`M${i}`))
    vi.advanceTimersByTime(0)
    expect(batches).toHaveLength(1)
    batcher.push(removed('full'))
    batcher.push(removed('on the timer, still in'))
    vi.advanceTimersByTime(0)
    expect(batches).toHaveLength(2)
    expect(batches[1]?.events).toHaveLength(MAX_BATCH_EVENTS + 1)
    // The next waits the burst's gap again.
    batcher.push(removed('next'))
    vi.advanceTimersByTime(BURST_QUIET_MS - 1)
    expect(batches).toHaveLength(2)
  })

  it('keeps only the last queue change of each listener in a batch, where it came', () => {
    const batcher = new Batcher(16)
    const batches: EventBatch[] = []
    batcher.subscribe((batch) => batches.push(batch))
    const queue = (listenerId: string, at: number, queued: string[]): EngineEvent => ({
      type: 'queue-changed',
      at,
      listenerId,
      queued,
    })
    batcher.push(queue('L1', 1, ['L1#1']))
    batcher.push(queue('L1', 2, []))
    batcher.push(queue('L2', 3, ['L2#1']))
    batcher.push(removed('L5'))
    batcher.push(queue('L1', 4, ['L1#2']))
    batcher.push(removed('L6'))
    batcher.flush()
    expect(batches[0]?.events).toEqual([
      queue('L2', 3, ['L2#1']),
      removed('L5'),
      queue('L1', 4, ['L1#2']),
      removed('L6'),
    ])
    // A new batch starts afresh.
    batcher.push(queue('L1', 5, []))
    batcher.flush()
    expect(batches[1]?.events).toEqual([queue('L1', 5, [])])
  })

  it('keeps only the last phase of a worker that keeps its connection within a batch', () => {
    const batcher = new Batcher(16)
    const batches: EventBatch[] = []
    batcher.subscribe((batch) => batches.push(batch))
    const worker = (
      index: number,
      connectionId: string | null,
      phase?: 'reading' | 'responding',
    ): EngineEvent => ({
      type: 'worker-changed',
      at: 1,
      listenerId: 'L1',
      worker: index,
      connectionId,
      ...(phase === undefined ? {} : { phase }),
    })
    batcher.push(worker(0, 'L1#1', 'reading'))
    batcher.push(worker(1, 'L1#2', 'reading'))
    batcher.push(removed('L5'))
    batcher.push(worker(0, 'L1#1', 'responding'))
    batcher.push(worker(0, null))
    batcher.push(worker(0, 'L1#3', 'reading'))
    batcher.flush()
    // Idle, and a new connection, are changes of who holds what: they stay.
    expect(batches[0]?.events).toEqual([
      worker(1, 'L1#2', 'reading'),
      removed('L5'),
      worker(0, 'L1#1', 'responding'),
      worker(0, null),
      worker(0, 'L1#3', 'reading'),
    ])
  })

  it('merges only adjacent events of the same connection and direction; mono is the last', () => {
    const batcher = new Batcher(16)
    const batches: EventBatch[] = []
    batcher.subscribe((batch) => batches.push(batch))
    batcher.push(data('L1#1', 3, 3, 'in-1'))
    batcher.push(data('L1#1', 2, 5, 'in-2'))
    batcher.push(data('L1#1', 4, 5, 'out-1', 'out'))
    batcher.push(data('L1#1', 1, 6, 'out-2', 'out'))
    batcher.push(data('L1#1', 1, 7, 'in-3'))
    batcher.flush()
    const events = batches[0]?.events ?? []
    expect(
      events.map((e) => (e.type === 'connection-data' ? [e.direction, e.chunks, e.bytes] : [])),
    ).toEqual([
      ['in', 2, 5],
      ['out', 2, 5],
      ['in', 1, 1],
    ])
    expect(events[0]).toMatchObject({ preview: 'in-1', mono: 50, at: 3 })
    expect(events[1]).toMatchObject({ preview: 'out-1', mono: 60 })
  })

  it('flush delivers synchronously; nothing pending means no batch', () => {
    const batcher = new Batcher(16)
    const batches: EventBatch[] = []
    batcher.subscribe((batch) => batches.push(batch))
    batcher.flush()
    expect(batches).toHaveLength(0)
    batcher.push(removed('L1'))
    batcher.flush()
    expect(batches).toEqual([{ seq: 1, events: [removed('L1')] }])
    expect(batcher.seq).toBe(1)
  })

  it('joins the forgotten connections of a batch into one event, sent last but the totals, never recent', () => {
    const batcher = new Batcher(16)
    const batches: EventBatch[] = []
    batcher.subscribe((batch) => batches.push(batch))
    const forgotten = (ids: string[], total: number): EngineEvent => ({
      type: 'connections-forgotten',
      at: total,
      connectionIds: ids,
      forgotten: total,
    })
    batcher.push(forgotten(['L1#1', 'L1#2'], 2))
    batcher.push(totals(10))
    batcher.push(removed('L2'))
    batcher.push(forgotten(['L1#3'], 3))
    batcher.flush()
    expect(batches[0]?.events).toEqual([
      removed('L2'),
      {
        type: 'connections-forgotten',
        at: 3,
        connectionIds: ['L1#1', 'L1#2', 'L1#3'],
        forgotten: 3,
      },
      totals(10),
    ])
    expect(batcher.recentEvents()).toEqual([removed('L2')])
    batcher.push(forgotten(['L1#4'], 4))
    batcher.flush()
    expect(batches[1]?.events).toEqual([forgotten(['L1#4'], 4)])
  })

  it('gives every subscriber every batch, even when one throws; unsubscribe stops delivery', () => {
    const logged = vi.spyOn(console, 'error').mockImplementation(() => undefined)
    const batcher = new Batcher(16)
    const seen: number[] = []
    batcher.subscribe(() => {
      throw new Error('renderer gone')
    })
    const unsubscribe = batcher.subscribe((batch) => seen.push(batch.seq))
    batcher.push(removed('L1'))
    batcher.flush()
    expect(seen).toEqual([1])
    expect(logged).toHaveBeenCalledOnce()
    unsubscribe()
    batcher.push(removed('L2'))
    batcher.flush()
    expect(seen).toEqual([1])
  })

  it('keeps the last RECENT_EVENTS logged events: no totals, and only first reads', () => {
    const batcher = new Batcher(16)
    batcher.push(data('L1#1', 1, 1, 'Rw=='))
    for (let i = 0; i < 1999; i++) batcher.push(removed(`L${i}`))
    // A later read of the same connection is not kept; the totals never are.
    batcher.push(data('L1#1', 1, 2, 'RQ=='))
    batcher.push(totals(1))
    expect(batcher.recentEvents()[0]).toEqual(data('L1#1', 1, 1, 'Rw=='))
    for (let i = 1999; i < 2005; i++) batcher.push(removed(`L${i}`))
    const recent = batcher.recentEvents()
    expect(recent).toHaveLength(2000)
    expect(recent[0]).toEqual(removed('L5'))
    expect(recent.at(-1)).toEqual(removed('L2004'))
    batcher.dispose()
  })
})

describe('engine batching', () => {
  let t: TestEngine
  afterEach(async () => {
    await t.engine.shutdown()
  })

  it('events of one tick arrive as one batch; seq goes up', async () => {
    t = recordingEngine()
    const adds = Array.from({ length: 10 }, () => t.engine.handle('listener:add', {}))
    await Promise.all(adds)
    await waitFor(() => t.batches.length === 1, 'the first batch')
    await t.value('listener:add', {})
    await waitFor(() => t.batches.length === 2, 'the second batch')
    expect(t.batches.map((b) => b.seq)).toEqual([1, 2])
    expect(t.batches[0]?.events.map((e) => e.type)).toEqual(Array(10).fill('listener-added'))
  })

  it('a snapshot flushes first, so it includes every batch up to its seq; reads merge', async () => {
    t = recordingEngine({ batchIntervalMs: 60_000 })
    const added = await t.value('listener:add', { port: 0 })
    await waitFor(() => t.batches.length === 1, 'the first batch, sent at once')
    const started = await t.value('listener:start', { listenerId: added.id })
    const socket = await connectClient(started.bound?.port ?? -1)
    const connectionId = `${added.id}#1`
    // Wait for each read through connection:read, which does not flush, so they stay pending.
    const bytesIn = async (): Promise<number> => {
      const read = await t.request('connection:read', { connectionId, offset: 0, length: 0 })
      return read.ok ? read.value.bytesIn : 0 // NOT_FOUND until the server accepted it
    }
    for (const [text, total] of [
      ['aa', 2],
      ['bbb', 5],
      ['c', 6],
    ] as const) {
      await send(socket, text)
      await waitFor(async () => (await bytesIn()) >= total, `${total} bytes in`)
    }
    expect(t.batches).toHaveLength(1)

    const snapshot = await t.value('engine:snapshot', {})
    expect(snapshot.seq).toBe(2)
    expect(t.batches.map((b) => b.seq)).toEqual([1, 2])
    const events = t.batches[1]?.events ?? []
    const reads = events.filter((e) => e.type === 'connection-data')
    expect(reads).toHaveLength(1)
    expect(reads[0]).toMatchObject({
      connectionId,
      chunks: 3,
      bytes: 6,
      preview: Buffer.from('aa').toString('base64'),
      bytesIn: 6,
      chunksIn: 3,
      captured: 6,
      listenerBytesIn: 6,
      direction: 'in',
      bytesOut: 0,
      listenerBytesOut: 0,
    })
    expect(events.filter((e) => e.type === 'capture-totals')).toEqual([
      expect.objectContaining({ totals: expect.objectContaining({ captured: 6 }) }),
    ])
    expect(snapshot.connections[0]?.bytesIn).toBe(6)
    // Of the three reads only the first is kept: it carries the request's first bytes.
    expect(snapshot.recentEvents.map((e) => e.type)).toEqual([
      'listener-added',
      'listener-changed',
      'listener-changed',
      'connection-accepted',
      'connection-data',
    ])
    expect(snapshot.recentEvents.at(-1)).toMatchObject({
      direction: 'in',
      chunksIn: 1,
      preview: Buffer.from('aa').toString('base64'),
    })
    socket.destroy()
  })
})
