import { describe, expect, it } from 'vitest'
import type { EngineEvent, EventBatch } from '../../../shared/contract'
import { makeConnection, makeDataEvent, makeListener, makeSnapshot } from '../test-utils'
import { initialState } from './app-state'
import { applyBatches } from './apply-batch'
import { reducer } from './reducer'

const listener = makeListener({ state: 'listening' })
const loaded = reducer(initialState, {
  type: 'snapshot-loaded',
  snapshot: makeSnapshot({ seq: 10, listeners: [listener] }),
})

/** A burst as the engine batches it: accepts, a read, closes, spread over batches 9 to 16. */
function burst(): EventBatch[] {
  const batches: EventBatch[] = []
  for (let seq = 9; seq <= 16; seq++) {
    const events: EngineEvent[] = []
    for (let i = 0; i < 5; i++) {
      const n = seq * 10 + i
      const id = `c${n}`
      events.push({ type: 'connection-accepted', at: n, connection: makeConnection(n, { id }) })
      events.push({
        type: 'connection-closed',
        at: n + 1,
        connectionId: id,
        listenerId: listener.id,
        reason: i % 2 === 0 ? 'us' : 'reset',
        errorCode: i % 2 === 0 ? null : 'ECONNRESET',
      })
    }
    batches.push({ seq, events })
  }
  return batches
}

describe('applyBatches', () => {
  it('applying batches together gives the state that applying them one by one gives', () => {
    const batches = burst()
    const oneByOne = batches.reduce((s, b) => applyBatches(s, [b]), loaded)
    const together = applyBatches(loaded, batches)
    const { log: logA, ...restA } = oneByOne
    const { log: logB, ...restB } = together
    expect(restB).toEqual(restA)
    expect(logB.map(({ id: _, ...e }) => e)).toEqual(logA.map(({ id: _, ...e }) => e))
    // Batch 9 and 10 were covered by the snapshot: 6 batches × 5 connections.
    expect(together.connections).toHaveLength(30)
    expect(together.seq).toBe(16)
    expect(together.listeners[0]?.counters.accepted).toBe(listener.counters.accepted + 30)
  })

  it('never changes the state, the events or their objects it was given', () => {
    const deepFreeze = <T>(value: T): T => {
      if (typeof value === 'object' && value !== null && !Object.isFrozen(value)) {
        Object.freeze(value)
        for (const inner of Object.values(value)) deepFreeze(inner)
      }
      return value
    }
    // A state that already holds connections, then a pass that reads, ends and closes them
    // and new ones (each changed several times in one pass).
    const first = applyBatches(loaded, burst().slice(0, 1))
    const data = (id: string, seq: number): EngineEvent =>
      makeDataEvent(seq, { at: seq, connectionId: id, listenerId: listener.id, mono: seq })
    const next: EventBatch = {
      seq: 20,
      events: [
        { type: 'connection-accepted', at: 1, connection: makeConnection(500, { id: 'n1' }) },
        data('n1', 3),
        data('n1', 5),
        { type: 'connection-we-ended', at: 6, connectionId: 'n1', listenerId: listener.id },
        { type: 'connection-peer-ended', at: 7, connectionId: 'n1', listenerId: listener.id },
        data('c90', 9),
      ],
    }
    // The connection index alone is shared and extended in place, by design (connection-index.ts).
    const { connectionIndex, ...rest } = first
    const expected = structuredClone(rest)
    deepFreeze(rest)
    deepFreeze(next)
    const after = applyBatches({ ...rest, connectionIndex }, [next])
    expect(rest).toEqual(expected)
    const n1 = after.connections.find((c) => c.id === 'n1')
    expect(n1).toMatchObject({ bytesIn: 5, state: 'we-ended' })
    expect(after.listeners[0]?.counters.bytesIn).toBe(9)
  })

  it('returns the same state when no batch is newer', () => {
    expect(applyBatches(loaded, burst().slice(0, 2))).toBe(loaded)
    expect(applyBatches(loaded, [])).toBe(loaded)
  })

  it('keeps that a probe found a half-closed connection gone, in the table and the log', () => {
    const s = applyBatches(loaded, [
      {
        seq: 11,
        events: [
          { type: 'connection-accepted', at: 1, connection: makeConnection(1, { id: 'c1' }) },
          { type: 'connection-peer-ended', at: 2, connectionId: 'c1', listenerId: listener.id },
          {
            type: 'connection-closed',
            at: 3,
            connectionId: 'c1',
            listenerId: listener.id,
            reason: 'reset',
            errorCode: 'EPIPE',
            isFoundByProbe: true,
          },
        ],
      },
    ])
    expect(s.connections[0]).toMatchObject({
      state: 'closed',
      closeReason: 'reset',
      errorCode: 'EPIPE',
      isFoundByProbe: true,
    })
    expect(s.log.at(-1)?.message).toMatchObject({ kind: 'closed', isFoundByProbe: true })
  })

  it('flags a connection whose echo stopped at the cap, and logs it once', () => {
    const s = applyBatches(loaded, [
      {
        seq: 11,
        events: [
          { type: 'connection-accepted', at: 1, connection: makeConnection(1, { id: 'c1' }) },
          {
            type: 'echo-capped',
            at: 2,
            connectionId: 'c1',
            listenerId: listener.id,
            unsent: 33_554_433,
            limit: 33_554_432,
          },
        ],
      },
    ])
    expect(s.connections[0]).toMatchObject({ state: 'open', isEchoCapped: true })
    expect(s.log.at(-1)?.message).toEqual({
      kind: 'echo-capped',
      connectionNumber: 1,
      limit: 33_554_432,
    })
  })

  it('counts refusals at the open-file limit on the listener and logs each', () => {
    const s = applyBatches(loaded, [
      {
        seq: 11,
        events: [
          {
            type: 'accept-failed',
            at: 1,
            listenerId: listener.id,
            code: 'EMFILE',
            isAtCapacity: true,
            remote: { address: '127.0.0.1', port: 50007, family: 'IPv4' },
            failures: 2,
            limit: 1024,
          },
        ],
      },
    ])
    expect(s.listeners[0]?.counters.refused).toBe(2)
    expect(s.log.at(-1)?.message).toEqual({
      kind: 'accept-failed',
      code: 'EMFILE',
      isAtCapacity: true,
      remote: '127.0.0.1:50007',
      failures: 2,
      limit: 1024,
    })
  })

  it('keeps the open-file limit of the snapshot', () => {
    const limit = { soft: 128, hard: 128, capacity: 64 }
    const s = reducer(initialState, {
      type: 'snapshot-loaded',
      snapshot: makeSnapshot({ descriptors: limit }),
    })
    expect(s.descriptors).toEqual(limit)
  })

  describe('connections the engine forgot', () => {
    /** 10 connections accepted and closed in batch 11; c11 stays open. */
    function withTen(): ReturnType<typeof applyBatches> {
      const events: EngineEvent[] = []
      for (let n = 1; n <= 11; n++) {
        events.push({ type: 'connection-accepted', at: n, connection: makeConnection(n) })
        if (n <= 10)
          events.push({
            type: 'connection-closed',
            at: n,
            connectionId: `c${n}`,
            listenerId: listener.id,
            reason: 'peer',
            errorCode: null,
          })
      }
      const s = applyBatches(loaded, [{ seq: 11, events }])
      return reducer(s, { type: 'connection-selected', connectionId: 'c2' })
    }
    const forgot = (seq: number, ids: string[], total: number): EventBatch => ({
      seq,
      events: [{ type: 'connections-forgotten', at: 50, connectionIds: ids, forgotten: total }],
    })

    it('leaves the list and the index, keeps counters and log lines, and clears the selection', () => {
      const before = withTen()
      const s = applyBatches(before, [forgot(12, ['c1', 'c2', 'c3'], 3)])
      expect(s.connections.map((c) => c.id)).toEqual([
        'c4',
        'c5',
        'c6',
        'c7',
        'c8',
        'c9',
        'c10',
        'c11',
      ])
      expect(s.forgottenConnections).toBe(3)
      expect(s.connectionIndex.find(s.connections, 'c1')).toBeUndefined()
      expect(s.connectionIndex.find(s.connections, 'c4')).toBe(0)
      expect(s.selectedConnectionId).toBeNull()
      expect(s.forgottenSelection).toEqual({ id: 'c2', number: 2 })
      expect(
        reducer(s, { type: 'connection-selected', connectionId: 'c4' }).forgottenSelection,
      ).toBeNull()
      // Counters count history; the log keeps its lines (no new one for the forgetting).
      expect(s.listeners[0]?.counters).toEqual(before.listeners[0]?.counters)
      expect(s.log).toBe(before.log)
      // The state before is untouched and still finds its own connections.
      expect(before.connections).toHaveLength(11)
      expect(before.connectionIndex.find(before.connections, 'c2')).toBe(1)
      // Later events apply to the new list: a close, an accept, another forgetting.
      const later = applyBatches(s, [
        {
          seq: 13,
          events: [
            {
              type: 'connection-closed',
              at: 60,
              connectionId: 'c11',
              listenerId: listener.id,
              reason: 'peer',
              errorCode: null,
            },
            { type: 'connection-accepted', at: 61, connection: makeConnection(12) },
          ],
        },
        forgot(14, ['c4'], 4),
      ])
      expect(later.connections.map((c) => c.id)).toEqual([
        'c5',
        'c6',
        'c7',
        'c8',
        'c9',
        'c10',
        'c11',
        'c12',
      ])
      expect(later.connections.at(-2)?.state).toBe('closed')
      expect(later.forgottenConnections).toBe(4)
      // Accept order carries over the removals: c12 came after everything before it.
      const order = later.connections.map((c) => later.connectionIndex.placeOf(c.id))
      expect(order).toEqual([4, 5, 6, 7, 8, 9, 10, 11])
    })

    it('gives the same state applied together or one by one, and a snapshot gives it again', () => {
      const start = withTen()
      const batches = [forgot(12, ['c1'], 1), forgot(13, ['c5', 'c6'], 3)]
      const together = applyBatches(start, batches)
      const oneByOne = batches.reduce((s, b) => applyBatches(s, [b]), start)
      expect(together.connections.map((c) => c.id)).toEqual([
        'c2',
        'c3',
        'c4',
        'c7',
        'c8',
        'c9',
        'c10',
        'c11',
      ])
      expect(together.connections).toEqual(oneByOne.connections)
      expect(together.forgottenConnections).toBe(3)
      expect(oneByOne.forgottenConnections).toBe(3)
      // A reload: the engine's snapshot holds the kept ones and the count.
      const reloaded = reducer(initialState, {
        type: 'snapshot-loaded',
        snapshot: JSON.parse(
          JSON.stringify(
            makeSnapshot({
              seq: 13,
              connections: [...together.connections],
              forgottenConnections: 3,
            }),
          ),
        ),
      })
      expect(reloaded.connections).toEqual(together.connections)
      expect(reloaded.forgottenConnections).toBe(3)
    })

    it('changes nothing for ids it no longer holds', () => {
      const start = withTen()
      const s = applyBatches(start, [forgot(12, ['gone'], 7)])
      expect(s.connections).toBe(start.connections)
      expect(s.connectionIndex).toBe(start.connectionIndex)
      expect(s.forgottenConnections).toBe(7)
    })
  })
})
