import { plannedSnapshot } from '../../shared/client-plan'
import { describe, expect, it } from 'vitest'
import {
  CLIENT_RUNS_KEPT,
  type ClientEvent,
  type ClientRequestSnapshot,
} from '../../shared/client-types'
import { RECENT_EVENTS, type EngineEvent } from '../../shared/contract'
import { Batcher } from './batcher'

function request(index: number, phase: ClientRequestSnapshot['phase']): ClientRequestSnapshot {
  return {
    ...plannedSnapshot({ index, path: '/', startMs: 0, expectedDoneMs: null }, 10),
    phase,
  }
}

function started(runId: string, count: number): ClientEvent {
  return {
    type: 'client-run-started',
    at: 0,
    run: {
      runId,
      target: '127.0.0.1:7878',
      host: '127.0.0.1',
      port: 7878,
      plan: { kind: 'http', rows: [] },
      model: null,
      startedAt: 0,
      timeLimitMs: 60_000,
    },
    requests: Array.from({ length: count }, (_, i) => request(i, 'planned')),
  }
}

const changed = (runId: string, index: number, phase: ClientRequestSnapshot['phase']) =>
  ({ type: 'client-request-changed', at: 0, runId, request: request(index, phase) }) as const

const removed = (listenerId: string): EngineEvent => ({
  type: 'listener-removed',
  at: 0,
  listenerId,
})

describe('client runs in the recent events', () => {
  it('keep only the latest state per request, so the log lines are not pushed out', () => {
    const batcher = new Batcher(16)
    batcher.push(removed('L1'))
    batcher.push(started('R1', 200))
    for (let round = 0; round < 20; round++)
      for (let i = 0; i < 200; i++) batcher.push(changed('R1', i, round < 19 ? 'sending' : 'done'))
    batcher.push({
      type: 'client-run-finished',
      at: 0,
      runId: 'R1',
      outcome: 'completed',
      elapsedMs: 5,
    })
    const recent = batcher.recentEvents()
    expect(recent[0]).toEqual(removed('L1'))
    expect(recent).toHaveLength(1 + 1 + 200 + 1)
    expect(recent.length).toBeLessThan(RECENT_EVENTS)
    const changes = recent.filter((e) => e.type === 'client-request-changed')
    expect(changes.map((e) => e.request.index)).toEqual(Array.from({ length: 200 }, (_, i) => i))
    expect(changes.every((e) => e.request.phase === 'done')).toBe(true)
    expect(recent.at(-1)?.type).toBe('client-run-finished')
    batcher.dispose()
  })

  it(`keep the last ${CLIENT_RUNS_KEPT} runs`, () => {
    const batcher = new Batcher(16)
    for (let r = 1; r <= CLIENT_RUNS_KEPT + 2; r++) {
      batcher.push(started(`R${r}`, 1))
      batcher.push(changed(`R${r}`, 0, 'done'))
    }
    batcher.push(changed('R1', 0, 'failed')) // a forgotten run: nothing to update
    const runs = batcher
      .recentEvents()
      .filter((e) => e.type === 'client-run-started')
      .map((e) => e.run.runId)
    expect(runs).toEqual(['R3', 'R4', 'R5'])
    batcher.dispose()
  })
})
