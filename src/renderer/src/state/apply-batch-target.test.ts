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

  it('takes a stall and its end, and does not take a stall told again back', () => {
    const lastStall = { side: 'client' as const, waiting: 1_048_576, cap: 16_384 }
    const stalled = { ...answered, stalled: 'client' as const, lastStall, stalls: 1 }
    const resumed = { ...stalled, stalled: null, lastStall: { ...lastStall } }
    const paused = apply(loaded, makeTargetEvent('answered', answered))
    const during = apply(paused, makeTargetEvent('paused', stalled))
    expect(c1(during)?.target).toEqual(stalled)
    const after = apply(during, makeTargetEvent('resumed', resumed))
    expect(c1(after)?.target).toMatchObject({ stalled: null, stalls: 1, lastStall })
    expect(apply(after, makeTargetEvent('resumed', { ...resumed })).connections).toBe(
      after.connections,
    )
    // Fewer stalls than known is an older leg.
    const older = apply(after, makeTargetEvent('paused', { ...stalled, stalls: 0 }))
    expect(older.connections).toBe(after.connections)
  })

  it('takes the leg’s end times and remote address, and keeps them once known', () => {
    const remote = { address: '127.0.0.1', port: 7879, family: 'IPv4' as const }
    const ended = { ...answered, remote, clientEnded: true, clientEndedMono: 2030 }
    const next = apply(loaded, makeTargetEvent('answered', answered))
    const withEnd = apply(next, makeTargetEvent('client-ended', ended))
    expect(c1(withEnd)?.target).toMatchObject({ remote, clientEndedMono: 2030 })
    // A leg as an older engine or file has it (no such fields) says nothing newer.
    const lost = apply(withEnd, makeTargetEvent('client-ended', { ...answered, clientEnded: true }))
    expect(lost.connections).toBe(withEnd.connections)
  })

  it('ignores a connection it does not know', () => {
    const next = apply(loaded, makeTargetEvent('connected', connected, { connectionId: 'c99' }))
    expect(next.connections).toBe(loaded.connections)
  })
})
