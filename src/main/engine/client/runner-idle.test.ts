import { afterEach, describe, expect, it } from 'vitest'
import type { ClientRequestSnapshot } from '../../../shared/client-types'
import {
  manualSleep,
  recordingEngine,
  startListener,
  waitFor,
  type ManualSleep,
  type TestEngine,
} from '../engine-test-kit'

let t: TestEngine
/** The listener's /sleep: each one lasts until the test wakes it. */
let sleeps: ManualSleep

/** An engine whose /sleep ends when the test says. */
function slowEngine(): void {
  sleeps = manualSleep()
  t = recordingEngine({ sleep: sleeps.sleep })
}

afterEach(async () => {
  await t.engine.shutdown()
})

/** The requests' last snapshots of a run, in order. */
function lastSnapshots(runId: string): ClientRequestSnapshot[] {
  const out: ClientRequestSnapshot[] = []
  for (const e of t.events()) {
    if (e.type === 'client-run-started' && e.run.runId === runId) out.push(...e.requests)
    if (e.type === 'client-request-changed' && e.runId === runId) out[e.request.index] = e.request
  }
  return out
}

function done(r: ClientRequestSnapshot | undefined): number {
  if (r?.doneMs == null) throw new Error('the request has no done time')
  return r.doneMs
}

/**
 * A pool of 2 workers, /sleep 1 s, and a plan of 1 idle connection + 2 × /sleep, run to its end:
 * each /sleep is woken once the one before it was answered.
 */
async function idlePlanOnPoolOfTwo(): Promise<{ runId: string; listenerId: string }> {
  const { id, port } = await startListener(t, {
    responder: 'http-slow-route',
    handling: 'thread-pool',
    workers: 2,
    sleepSeconds: 1,
  })
  const { runId } = await t.value('client:run', {
    target: `127.0.0.1:${port}`,
    plan: { kind: 'http', rows: [{ count: 2, path: '/sleep', startMs: 0 }], idle: 1 },
  })
  await waitFor(() => sleeps.pending === 1, 'the first /sleep')
  sleeps.wake()
  await waitFor(
    () => sleeps.pending === 1 && lastSnapshots(runId).some((r) => r.phase === 'done'),
    'the first /sleep answered and the second asleep',
  )
  sleeps.wake()
  const finished = await t.event('client-run-finished', (e) => e.runId === runId)
  expect(finished.outcome).toBe('completed')
  return { runId, listenerId: id }
}

const idleEnd = (runId: string): Promise<ClientRequestSnapshot> =>
  waitFor(() => {
    const idle = lastSnapshots(runId)[0]
    return idle !== undefined && (idle.phase === 'done' || idle.phase === 'failed') && idle
  }, 'the idle connection to end')

describe('idle connections in a plan', () => {
  it('a pool of 2 with 1 idle connection runs two /sleep one after another', async () => {
    slowEngine()
    const { runId, listenerId } = await idlePlanOnPoolOfTwo()
    // The idle connection holds one worker: the two /sleep took turns on the other.
    expect(sleeps.peak).toBe(1)
    const [idle, a, b] = lastSnapshots(runId)
    expect(idle?.idle).toBe(true)
    expect(idle?.path).toBeNull()
    expect(idle?.bytesSent).toBe(0)
    // Still open after the plan finished: it holds a worker in its read.
    expect(idle?.phase).toBe('waiting')
    expect(idle?.connectedMs).not.toBeNull()
    expect([a, b].map((r) => r?.statusCode)).toEqual([200, 200])
    expect([a, b].map((r) => r?.expectedDoneMs)).toEqual([1000, 2000])
    // The requests opened only after the idle connection was connected.
    for (const r of [a, b])
      expect(r?.connectStartMs ?? 0).toBeGreaterThanOrEqual(idle?.connectedMs ?? 0)
    const first = Math.min(done(a), done(b))
    const last = Math.max(done(a), done(b))
    expect(last).toBeGreaterThan(first)
    // Stop now closes it from the server's side.
    await t.value('listener:stop', { listenerId, mode: 'close-all' })
    const end = await idleEnd(runId)
    expect(end.phase === 'done' || end.errorCode === 'ECONNRESET').toBe(true)
  })

  it('"Close idle connections" (client:cancel on the finished run) closes it from here', async () => {
    slowEngine()
    const { runId } = await idlePlanOnPoolOfTwo()
    await t.value('client:cancel', { runId })
    const end = await idleEnd(runId)
    expect(end.errorCode).toBe('CLOSED_BY_CLIENT')
    expect(end.doneMs).not.toBeNull()
    expect((await t.error('client:cancel', { runId })).code).toBe('NOT_FOUND')
  })

  it('a new plan closes the idle connections an earlier one left open', async () => {
    slowEngine()
    const { runId } = await idlePlanOnPoolOfTwo()
    const started = t.events().find((e) => e.type === 'client-run-started')
    if (started?.type !== 'client-run-started') throw new Error('no run')
    const next = await t.value('client:run', {
      target: started.run.target,
      plan: { kind: 'http', rows: [{ count: 1, path: '/', startMs: 0 }] },
    })
    expect((await idleEnd(runId)).errorCode).toBe('NEW_PLAN')
    await t.event('client-run-finished', (e) => e.runId === next.runId)
  })

  it('single thread: an idle connection accepted first blocks every request', async () => {
    t = recordingEngine()
    const { port } = await startListener(t, {
      responder: 'http-slow-route',
      handling: 'single-thread',
      sleepSeconds: 1,
    })
    const { runId } = await t.value('client:run', {
      target: `127.0.0.1:${port}`,
      plan: { kind: 'http', rows: [{ count: 1, path: '/', startMs: 0 }], idle: 1 },
      timeLimitSeconds: 1,
    })
    const finished = await t.event('client-run-finished', (e) => e.runId === runId)
    expect(finished.outcome).toBe('time-limit')
    const [idle, root] = lastSnapshots(runId)
    expect(root?.expectedBlocked).toBe(true)
    expect(root?.expectedDoneMs).toBeNull()
    expect(root?.statusCode).toBeNull()
    expect(root?.errorCode).toBe('TIME_LIMIT')
    expect(idle?.errorCode).toBe('TIME_LIMIT')
  })
})
