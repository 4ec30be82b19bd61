import { describe, expect, it } from 'vitest'
import type { EngineEvent } from '../../../shared/contract'
import { ok } from '../../../shared/result'
import { fakeApi, makeConnection, makeDataEvent, makeSnapshot, manualHost } from '../test-utils'
import { BUSY_EVENTS, BUSY_GAP_MS } from './pacer'
import { BYTES_PER_EVENT_WEIGHT, batchWeight, createStore, startSync } from './store'

const accepted = (n: number): EngineEvent => ({
  type: 'connection-accepted',
  at: 1,
  connection: makeConnection(n),
})

describe('startSync', () => {
  it('buffers batches until the snapshot is loaded, then applies only the newer ones', async () => {
    const api = fakeApi()
    let answer: (value: ReturnType<typeof ok<ReturnType<typeof makeSnapshot>>>) => void = () => {}
    api.snapshot.mockImplementation(() => new Promise((resolve) => (answer = resolve)))
    const store = createStore()
    const host = manualHost()
    const sync = startSync(api, store, host)
    expect(api.onEvents).toHaveBeenCalledBefore(api.snapshot)
    api.emit({ seq: 5, events: [accepted(1)] })
    api.emit({ seq: 6, events: [accepted(2)] })
    expect(store.getState().isLoaded).toBe(false)
    answer(ok(makeSnapshot({ seq: 5, connections: [makeConnection(1)] })))
    await sync.ready
    expect(store.getState().connections.map((c) => c.number)).toEqual([1, 2])
    api.emit({ seq: 7, events: [accepted(3)] })
    api.emit({ seq: 8, events: [accepted(4)] })
    // Applied together at the next frame, in order.
    expect(store.getState().connections).toHaveLength(2)
    host.paint()
    expect(store.getState().connections.map((c) => c.number)).toEqual([1, 2, 3, 4])
    expect(store.getState().seq).toBe(8)
    api.emit({ seq: 9, events: [accepted(5)] })
    sync.stop()
    host.paint()
    api.emit({ seq: 10, events: [accepted(6)] })
    host.paint()
    expect(store.getState().connections).toHaveLength(4)
  })

  it('reload replaces the state with a new snapshot', async () => {
    const api = fakeApi(makeSnapshot({ seq: 3 }))
    const store = createStore()
    const sync = startSync(api, store)
    await sync.ready
    api.snapshot.mockResolvedValue(ok(makeSnapshot({ seq: 20, connections: [makeConnection(7)] })))
    await sync.reload()
    expect(store.getState().seq).toBe(20)
    expect(store.getState().connections.map((c) => c.number)).toEqual([7])
  })

  it('notifies subscribers only when the state changes', () => {
    const store = createStore()
    let calls = 0
    store.subscribe(() => calls++)
    store.dispatch({ type: 'batches', batches: [{ seq: 1, events: [] }] })
    expect(calls).toBe(0)
    store.dispatch({ type: 'link-changed', status: 'open' })
    expect(calls).toBe(1)
  })

  it('absorbs changes quietly and tells subscribers once when published', () => {
    const store = createStore()
    let calls = 0
    store.subscribe(() => calls++)
    store.publish()
    expect(calls).toBe(0)
    store.absorb({ type: 'link-changed', status: 'open' })
    store.absorb({ type: 'link-changed', status: 'closed' })
    expect(store.getState().link).toBe('closed')
    expect(calls).toBe(0)
    store.publish()
    store.publish()
    expect(calls).toBe(1)
  })

  it('in a burst, the state takes each batch before the render that shows them', async () => {
    const api = fakeApi(makeSnapshot({ seq: 0 }))
    const store = createStore()
    const host = manualHost()
    const sync = startSync(api, store, host)
    await sync.ready
    let renders = 0
    store.subscribe(() => renders++)
    const many = (seq: number): EngineEvent[] =>
      Array.from({ length: BUSY_EVENTS }, (_, i) => accepted(seq * 1000 + i))
    api.emit({ seq: 1, events: many(1) })
    host.paint()
    expect(renders).toBe(1)
    api.emit({ seq: 2, events: many(2) })
    host.advance(0)
    expect(store.getState().connections).toHaveLength(2 * BUSY_EVENTS)
    expect(renders).toBe(1)
    host.advance(BUSY_GAP_MS)
    host.paint()
    expect(renders).toBe(2)
    sync.stop()
  })

  it('weighs a batch by its events and its reads’ bytes: a flood into one connection is busy', () => {
    const read = (bytes: number): EngineEvent => makeDataEvent(bytes, { chunks: 40, chunksIn: 40 })
    expect(batchWeight({ seq: 1, events: [accepted(1), read(0)] })).toBe(2)
    // 16 ms of 64 MB/s, merged by the engine into one event.
    const flood = { seq: 2, events: [read(BUSY_EVENTS * BYTES_PER_EVENT_WEIGHT)] }
    expect(batchWeight(flood)).toBeGreaterThanOrEqual(BUSY_EVENTS)
  })
})
