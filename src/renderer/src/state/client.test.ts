import { plannedSnapshot } from '../../../shared/client-plan'
import { describe, expect, it } from 'vitest'
import type { ClientRequestSnapshot, ClientRunInfo } from '../../../shared/client-types'
import type { EngineEvent } from '../../../shared/contract'
import { makeListener, makeSnapshot } from '../test-utils'
import { applyClientEvents, clientFromEvents, CLIENT_RUNS_KEPT, EMPTY_CLIENT } from './client'
import { defaultTarget } from './client-draft'
import { initialState } from './app-state'
import { reducer } from './reducer'

const info = (runId: string): ClientRunInfo => ({
  runId,
  target: '127.0.0.1:7878',
  host: '127.0.0.1',
  port: 7878,
  plan: { kind: 'http', rows: [{ count: 1, path: '/', startMs: 0 }] },
  model: null,
  startedAt: 0,
  timeLimitMs: 60_000,
})

const req = (over: Partial<ClientRequestSnapshot> = {}): ClientRequestSnapshot => ({
  ...plannedSnapshot({ index: 0, path: '/', startMs: 0, expectedDoneMs: null }, 10),
  ...over,
})

const started = (runId: string): EngineEvent => ({
  type: 'client-run-started',
  at: 0,
  run: info(runId),
  requests: [req()],
})

describe('the client slice', () => {
  it('follows a run from start to finish, and ignores events of unknown runs', () => {
    const events: EngineEvent[] = [
      started('run-1'),
      {
        type: 'client-request-changed',
        at: 0,
        runId: 'run-1',
        request: req({ phase: 'done', statusCode: 200 }),
      },
      { type: 'client-request-changed', at: 0, runId: 'run-9', request: req() },
      { type: 'client-run-finished', at: 0, runId: 'run-1', outcome: 'completed', elapsedMs: 3 },
    ]
    const state = clientFromEvents(events)
    expect(state.runs).toHaveLength(1)
    expect(state.runs[0]?.requests[0]?.statusCode).toBe(200)
    expect(state.runs[0]?.outcome).toBe('completed')
    expect(applyClientEvents(state, [])).toBe(state)
  })

  it(`keeps the last ${CLIENT_RUNS_KEPT} runs`, () => {
    const state = clientFromEvents(['run-1', 'run-2', 'run-3', 'run-4'].map(started))
    expect(state.runs.map((r) => r.run.runId)).toEqual(['run-2', 'run-3', 'run-4'])
  })

  it('is rebuilt from a snapshot and extended by batches', () => {
    let state = reducer(initialState, {
      type: 'snapshot-loaded',
      snapshot: makeSnapshot({ recentEvents: [started('run-1')] }),
    })
    expect(state.client.runs).toHaveLength(1)
    state = reducer(state, { type: 'batches', batches: [{ seq: 1, events: [started('run-2')] }] })
    expect(state.client.runs.map((r) => r.run.runId)).toEqual(['run-1', 'run-2'])
    expect(EMPTY_CLIENT.runs).toEqual([])
  })

  it('targets the first listening listener (a wildcard one through loopback)', () => {
    const wild = makeListener({
      state: 'listening',
      bound: { address: '::', port: 9000, family: 'IPv6' },
    })
    expect(defaultTarget([makeListener(), wild])).toBe('[::1]:9000')
    expect(defaultTarget([makeListener()])).toBe('127.0.0.1:7878')
  })
})
