import { createServer } from 'node:net'
import { afterEach, describe, expect, it } from 'vitest'
import type { ClientRequestSnapshot, ClientRunRequest } from '../../../shared/client-types'
import { clientVerdict } from '../../../shared/client-verdict'
import type { EngineEvent } from '../../../shared/contract'
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

/** An engine whose /sleep ends when the test says: the models are seen in order and counts. */
function slowEngine(): void {
  sleeps = manualSleep()
  t = recordingEngine({ sleep: sleeps.sleep })
}

afterEach(async () => {
  await t.engine.shutdown()
})

type Finished = Extract<EngineEvent, { type: 'client-run-finished' }>

/** Runs a plan and waits for its end; the requests' last snapshots, in order. */
async function runPlan(
  request: ClientRunRequest,
): Promise<{ finished: Finished; requests: ClientRequestSnapshot[] }> {
  const { runId } = await t.value('client:run', request)
  return finishedRun(runId)
}

async function finishedRun(
  runId: string,
): Promise<{ finished: Finished; requests: ClientRequestSnapshot[] }> {
  const finished = await t.event('client-run-finished', (e) => e.runId === runId)
  return { finished, requests: lastSnapshots(runId) }
}

function lastSnapshots(runId: string): ClientRequestSnapshot[] {
  const out: ClientRequestSnapshot[] = []
  for (const e of t.events()) {
    if (e.type === 'client-run-started' && e.run.runId === runId) out.push(...e.requests)
    if (e.type === 'client-request-changed' && e.runId === runId) out[e.request.index] = e.request
  }
  return out
}

/** A loopback port that was listening a moment ago and is closed now. */
async function closedPort(): Promise<number> {
  const server = createServer()
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const address = server.address()
  if (address === null || typeof address === 'string') throw new Error('no port')
  await new Promise<void>((resolve) => server.close(() => resolve()))
  return address.port
}

function done(r: ClientRequestSnapshot | undefined): number {
  if (r?.doneMs == null) throw new Error('the request has no done time')
  return r.doneMs
}

const BOOK_PLAN = (port: number): ClientRunRequest => ({
  target: `127.0.0.1:${port}`,
  plan: {
    kind: 'http',
    rows: [
      { count: 2, path: '/sleep', startMs: 0 },
      { count: 1, path: '/', startMs: 0 },
    ],
  },
})

describe('client plans against a listener', () => {
  it('single thread: 2 × /sleep + 1 × / finish one after another, as the model expects', async () => {
    slowEngine()
    const { id, port } = await startListener(t, {
      responder: 'http-slow-route',
      handling: 'single-thread',
      sleepSeconds: 1,
    })
    const { runId } = await t.value('client:run', BOOK_PLAN(port))
    // One thread: the first /sleep sleeps while the other two requests wait in its queue.
    await t.event('queue-changed', (e) => e.listenerId === id && e.queued.length === 2)
    await waitFor(() => sleeps.pending === 1, 'the first /sleep')
    sleeps.wake()
    await waitFor(
      () =>
        sleeps.pending === 1 &&
        lastSnapshots(runId).some((r) => r.path === '/sleep' && r.phase === 'done'),
      'the first /sleep answered and the second asleep',
    )
    sleeps.wake()
    const { finished, requests } = await finishedRun(runId)
    expect(finished.outcome).toBe('completed')
    expect(sleeps.peak).toBe(1)
    expect(sleeps.asked).toEqual([1000, 1000])
    expect(requests.map((r) => r.statusCode)).toEqual([200, 200, 200])
    expect(requests.map((r) => r.phase)).toEqual(['done', 'done', 'done'])
    expect(requests.map((r) => r.expectedDoneMs)).toEqual([1000, 2000, 2000])
    const [a, b, root] = requests
    const first = Math.min(done(a), done(b))
    const last = Math.max(done(a), done(b))
    // The client's own clock saw them one after another.
    expect(last).toBeGreaterThan(first)
    // `/` waited for the single thread: it is answered after a /sleep, not at once.
    expect(done(root)).toBeGreaterThan(first)
    for (const r of requests) {
      expect(r.connectedMs).not.toBeNull()
      expect(r.firstSentMs).not.toBeNull()
      expect(r.firstReceivedMs).not.toBeNull()
      expect(r.bytesSent).toBe(r.bytesToSend)
      expect(r.bytesReceived).toBeGreaterThan(0)
      expect(r.statusLine).toBe('HTTP/1.1 200 OK')
      // The book's response, kept whole and clean: the linter finds nothing.
      const kept = Buffer.from(r.response?.base64 ?? '', 'base64')
      expect(kept.length).toBe(r.bytesReceived)
      expect(kept.toString('latin1')).toMatch(/^HTTP\/1\.1 200 OK\r\nContent-Length: \d+\r\n\r\n/)
      expect(r.response).toMatchObject({ truncated: false, progress: 'complete', findings: [] })
      expect(clientVerdict(r)).toEqual({ kind: 'complete' })
    }
    // A few events per request (milestones coalesced), never one per byte.
    const changes = t.events().filter((e) => e.type === 'client-request-changed')
    expect(changes.length).toBeLessThanOrEqual(requests.length * 6)
  })

  it('a pool of 4: four /sleep sleep side by side', async () => {
    slowEngine()
    const { port } = await startListener(t, {
      responder: 'http-slow-route',
      handling: 'thread-pool',
      workers: 4,
      sleepSeconds: 1,
    })
    const { runId } = await t.value('client:run', {
      target: `localhost:${port}`,
      plan: { kind: 'http', rows: [{ count: 4, path: '/sleep', startMs: 0 }] },
    })
    // None waits for another: all four are asleep at once.
    await waitFor(() => sleeps.pending === 4, 'four /sleep at once')
    sleeps.wake()
    const { requests } = await finishedRun(runId)
    expect(requests.map((r) => r.statusCode)).toEqual([200, 200, 200, 200])
    expect(requests.map((r) => r.expectedDoneMs)).toEqual([1000, 1000, 1000, 1000])
    expect(sleeps.peak).toBe(4)
  })

  it('raw plan in 4 chunks: the listener reads 4 chunks', async () => {
    t = recordingEngine()
    const { port, id } = await startListener(t, { responder: 'read-request-then-close' })
    const { requests } = await runPlan({
      target: `127.0.0.1:${port}`,
      plan: {
        kind: 'raw',
        text: 'GET / HTTP/1.1\\r\\nHost: x\\r\\n\\r\\n',
        framing: { kind: 'chunks', chunks: 4, gapMs: 100 },
      },
    })
    expect(requests[0]?.writes).toBe(4)
    expect(requests[0]?.bytesSent).toBe(27)
    expect(requests[0]?.expectedDoneMs).toBeNull()
    const snapshot = await t.value('engine:snapshot', {})
    const connection = snapshot.connections.find((c) => c.listenerId === id)
    expect(connection?.chunksIn).toBe(4)
    expect(connection?.bytesIn).toBe(27)
  })

  it('ECONNREFUSED on a port where nothing listens', async () => {
    t = recordingEngine()
    // A port just closed is free unless another process takes it in between: then try another.
    let outcome: Awaited<ReturnType<typeof runPlan>> | undefined
    for (let attempt = 0; attempt < 5; attempt += 1) {
      outcome = await runPlan({
        target: `127.0.0.1:${await closedPort()}`,
        plan: { kind: 'http', rows: [{ count: 1, path: '/', startMs: 0 }] },
      })
      if (outcome.requests[0]?.errorCode === 'ECONNREFUSED') break
    }
    expect(outcome?.finished.outcome).toBe('completed')
    expect(outcome?.requests[0]?.phase).toBe('failed')
    expect(outcome?.requests[0]?.errorCode).toBe('ECONNREFUSED')
    expect(outcome?.requests[0]?.expectedDoneMs).toBeNull()
  })

  it('refuses more than 200 connections and a remote target that was not confirmed', async () => {
    t = recordingEngine()
    const many = await t.error('client:run', {
      target: '127.0.0.1:7878',
      plan: {
        kind: 'http',
        rows: [
          { count: 150, path: '/', startMs: 0 },
          { count: 51, path: '/', startMs: 0 },
        ],
      },
    })
    expect(many).toMatchObject({ code: 'INVALID_INPUT', field: 'rows' })
    const remote = await t.error('client:run', {
      target: '192.0.2.1:80',
      plan: { kind: 'http', rows: [{ count: 1, path: '/', startMs: 0 }] },
    })
    expect(remote).toMatchObject({ code: 'INVALID_INPUT', field: 'confirmedRemote' })
    const bad = await t.error('client:run', { target: '127.0.0.1:1', plan: { kind: 'ftp' } })
    expect(bad.code).toBe('INVALID_REQUEST')
    expect(t.events().some((e) => e.type === 'client-run-started')).toBe(false)
  })

  it('cancel closes every socket of the run', async () => {
    t = recordingEngine()
    const { port, id } = await startListener(t) // Silent: never answers
    const { runId } = await t.value('client:run', {
      target: `127.0.0.1:${port}`,
      plan: { kind: 'http', rows: [{ count: 3, path: '/', startMs: 0 }] },
    })
    await waitFor(
      () => t.events().filter((e) => e.type === 'connection-accepted').length === 3,
      'three accepted connections',
    )
    expect(await t.value('client:cancel', { runId })).toBeNull()
    const finished = await t.event('client-run-finished', (e) => e.runId === runId)
    expect(finished.outcome).toBe('cancelled')
    expect(lastSnapshots(runId).map((r) => r.errorCode)).toEqual([
      'CANCELLED',
      'CANCELLED',
      'CANCELLED',
    ])
    // Silent keeps its half open: the listener sees each client's FIN (peer ended).
    await waitFor(() => {
      const ended = new Set<string>()
      for (const e of t.events())
        if (
          (e.type === 'connection-peer-ended' || e.type === 'connection-closed') &&
          e.listenerId === id
        )
          ended.add(e.connectionId)
      return ended.size === 3
    }, 'the listener to see three connections end')
    expect((await t.error('client:cancel', { runId })).code).toBe('NOT_FOUND')
  })

  it('stops itself at its time limit and says so', async () => {
    t = recordingEngine()
    const { port } = await startListener(t) // Silent
    const { finished, requests } = await runPlan({
      target: `127.0.0.1:${port}`,
      plan: { kind: 'http', rows: [{ count: 1, path: '/', startMs: 0 }] },
      timeLimitSeconds: 1,
    })
    expect(finished.outcome).toBe('time-limit')
    expect(requests[0]?.errorCode).toBe('TIME_LIMIT')
    expect(requests[0]?.bytesSent).toBeGreaterThan(0)
  })

  it('one plan at a time; engine shutdown ends the running one', async () => {
    t = recordingEngine()
    const { port } = await startListener(t)
    const plan: ClientRunRequest = {
      target: `127.0.0.1:${port}`,
      plan: { kind: 'http', rows: [{ count: 1, path: '/', startMs: 0 }] },
    }
    const { runId } = await t.value('client:run', plan)
    expect((await t.error('client:run', plan)).code).toBe('BAD_STATE')
    await t.engine.shutdown()
    const finished = t.events().find((e) => e.type === 'client-run-finished' && e.runId === runId)
    expect(finished).toMatchObject({ outcome: 'shutdown' })
  })
})
