import { describe, expect, it } from 'vitest'
import type { EngineEvent } from '../../../shared/contract'
import { makeConnection, makeListener, makeSnapshot } from '../test-utils'
import { initialState, type AppState } from './app-state'
import { reducer } from './reducer'
import {
  makeSelectOpenConnections,
  selectSelectedConnection,
  selectSelectedListener,
  selectSelectedListenerOpenConnections,
} from './selectors'

const l2 = makeListener({ id: 'l2', number: 2 })

function state(): AppState {
  return reducer(initialState, {
    type: 'snapshot-loaded',
    snapshot: makeSnapshot({
      seq: 1,
      listeners: [makeListener(), l2],
      connections: [
        makeConnection(1),
        makeConnection(2, { state: 'closed', closedAt: 5, closeReason: 'us' }),
        makeConnection(3, { listenerId: 'l2' }),
        makeConnection(4, { state: 'peer-ended' }),
      ],
    }),
  })
}

const closed = (id: string, listenerId = 'l1'): EngineEvent => ({
  type: 'connection-closed',
  at: 9,
  connectionId: id,
  listenerId,
  reason: 'peer',
  errorCode: null,
})

describe('selectors', () => {
  it('select the selected connection and its listener', () => {
    let s = state()
    expect(selectSelectedConnection(s)).toBeUndefined()
    expect(selectSelectedListener(s)).toBeUndefined()
    expect(selectSelectedListenerOpenConnections(s)).toEqual([])
    s = reducer(s, { type: 'connection-selected', connectionId: 'c3' })
    expect(selectSelectedConnection(s)?.id).toBe('c3')
    expect(selectSelectedListener(s)).toBe(l2)
    expect(selectSelectedListenerOpenConnections(s).map((c) => c.id)).toEqual(['c3'])
    s = reducer(s, { type: 'connection-selected', connectionId: 'c1' })
    expect(selectSelectedListenerOpenConnections(s).map((c) => c.id)).toEqual(['c1', 'c4'])
  })

  it("list a listener's open connections as a stable value", () => {
    const select = makeSelectOpenConnections('l1')
    let s = state()
    const first = select(s)
    expect(first.map((c) => c.id)).toEqual(['c1', 'c4'])
    expect(select(s)).toBe(first)
    // Another listener's change leaves this list as it was.
    s = reducer(s, { type: 'batches', batches: [{ seq: 2, events: [closed('c3', 'l2')] }] })
    expect(select(s)).toBe(first)
    s = reducer(s, { type: 'batches', batches: [{ seq: 3, events: [closed('c1')] }] })
    expect(select(s).map((c) => c.id)).toEqual(['c4'])
    expect(makeSelectOpenConnections(null)(state()).map((c) => c.id)).toEqual(['c1', 'c3', 'c4'])
  })
})
