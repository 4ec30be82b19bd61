import { describe, expect, it } from 'vitest'
import type { EngineEvent } from '../../../shared/contract'
import {
  makeConnection,
  makeListener,
  makeSnapshot,
  makeTargetEvent,
  makeTargetLeg,
} from '../test-utils'
import { initialState, type AppState } from './app-state'
import { applyBatches } from './apply-batch'
import { reducer } from './reducer'

const loaded = reducer(initialState, {
  type: 'snapshot-loaded',
  snapshot: makeSnapshot({
    seq: 1,
    listeners: [makeListener({ state: 'listening' })],
    connections: [makeConnection(1), makeConnection(2)],
  }),
})

const connecting = makeTargetLeg()
const connected = makeTargetLeg({
  state: 'open',
  connectedMono: 2000.4,
  local: { address: '127.0.0.1', port: 40001, family: 'IPv4' },
})
const answered = {
  ...connected,
  firstByteToTargetMono: 2010,
  firstByteFromTargetMono: 2025,
  bytesToTarget: 78,
  bytesFromTarget: 1234,
}

let seq = 1
function apply(state: AppState, ...events: EngineEvent[]): AppState {
  return applyBatches(state, [{ seq: ++seq, events }])
}

const c1 = (s: AppState) => s.connections.find((c) => c.id === 'c1')

describe('applyBatches: connection-target', () => {
  it('sets the connection’s target to the event’s leg, and leaves the others', () => {
    const next = apply(loaded, makeTargetEvent('connected', connected))
    expect(c1(next)?.target).toEqual(connected)
    expect(next.connections[1]).toBe(loaded.connections[1])
    expect(c1(loaded)?.target).toBeUndefined()
  })

  it('takes the newest leg of several changes in one pass', () => {
    const ended = { ...answered, targetEnded: true, firstEnded: 'target' as const }
    const next = apply(
      loaded,
      makeTargetEvent('connecting', connecting),
      makeTargetEvent('connected', connected),
      makeTargetEvent('answered', answered),
      makeTargetEvent('target-ended', ended),
    )
    expect(c1(next)?.target).toEqual(ended)
  })

  it('does not take the leg back for an older event, and changes nothing for a repeat', () => {
    const after = apply(loaded, makeTargetEvent('answered', answered))
    const older = apply(after, makeTargetEvent('connecting', connecting))
    expect(c1(older)?.target).toEqual(answered)
    expect(older.connections).toBe(after.connections)
    const repeated = apply(after, makeTargetEvent('answered', { ...answered }))
    expect(repeated.connections).toBe(after.connections)
  })

  it('keeps a failure once it is known', () => {
    const refused = { ...connecting, state: 'closed' as const, failure: 'refused' as const }
    const failed = apply(loaded, makeTargetEvent('failed', refused))
    const late = apply(failed, makeTargetEvent('connected', { ...connected, state: 'closed' }))
    expect(c1(late)?.target?.failure).toBe('refused')
  })

  it('ignores a connection it does not know', () => {
    const next = apply(loaded, makeTargetEvent('connected', connected, { connectionId: 'c99' }))
    expect(next.connections).toBe(loaded.connections)
  })
})
