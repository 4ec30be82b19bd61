import { afterEach, describe, expect, it } from 'vitest'
import { HELLO_HTML } from '../../shared/book-pages'
import type { EngineEvent } from '../../shared/contract'
import {
  connectClient,
  exchange,
  manualSleep,
  programOutput,
  recordingEngine,
  startListener,
  tryConnect,
  waitFor,
  type ManualSleep,
  type TestEngine,
} from './engine-test-kit'

let t: TestEngine
/** The engine's /sleep: each one lasts until the test wakes it (see slowEngine). */
let sleeps: ManualSleep

afterEach(async () => {
  await t.engine.shutdown()
})

/** An engine whose /sleep ends when the test says: the models are seen in order and counts. */
function slowEngine(): void {
  sleeps = manualSleep()
  t = recordingEngine({ sleep: sleeps.sleep })
}

const HELLO = Buffer.concat([
  Buffer.from(`HTTP/1.1 200 OK\r\nContent-Length: ${Buffer.byteLength(HELLO_HTML)}\r\n\r\n`),
  Buffer.from(HELLO_HTML),
])

function get(path: string): string {
  return `GET ${path} HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n`
}

/** The most workers busy at the same time, replaying the worker-changed events. */
function peakBusy(events: EngineEvent[], listenerId: string): Set<number> {
  const busy = new Map<number, string>()
  let peak = new Set<number>()
  for (const e of events) {
    if (e.type !== 'worker-changed' || e.listenerId !== listenerId) continue
    if (e.connectionId === null) busy.delete(e.worker)
    else busy.set(e.worker, e.connectionId)
    if (busy.size > peak.size) peak = new Set(busy.keys())
  }
  return peak
}

async function listenerSnapshot(id: string) {
  const snapshot = await t.value('engine:snapshot', {})
  const listener = snapshot.listeners.find((l) => l.id === id)
  if (listener === undefined) throw new Error(`no listener ${id}`)
  return listener
}

/** Bytes the listener has written to a connection so far. */
async function bytesOut(connectionId: string): Promise<number> {
  const snapshot = await t.value('engine:snapshot', {})
  const connection = snapshot.connections.find((c) => c.id === connectionId)
  if (connection === undefined) throw new Error(`no connection ${connectionId}`)
  return connection.bytesOut
}

describe('handling models', () => {
  it('single thread: a second /sleep waits until the first is answered', async () => {
    slowEngine()
    const { id, port } = await startListener(t, {
      responder: 'http-slow-route',
      handling: 'single-thread',
      sleepSeconds: 1,
    })
    const first = await exchange(port, get('/sleep'))
    const second = await exchange(port, get('/sleep'))
    await t.event('queue-changed', (e) => e.queued.includes(`${id}#2`))
    // The second request is in, but the only thread is asleep in the first.
    await t.event('connection-data', (e) => e.connectionId === `${id}#2`)
    await waitFor(() => sleeps.pending === 1, 'the first /sleep')
    expect(sleeps.started).toBe(1)
    expect((await listenerSnapshot(id)).workers).toEqual([`${id}#1`])
    sleeps.wake()
    const a = await first.done
    expect(a.data).toEqual(HELLO)
    await waitFor(() => sleeps.started === 2, 'the second /sleep')
    expect(await bytesOut(`${id}#2`)).toBe(0)
    sleeps.wake()
    const b = await second.done
    expect(b.data).toEqual(HELLO)
    expect(b.closedAt).toBeGreaterThan(a.closedAt)
    expect(sleeps.asked).toEqual([1000, 1000])
    expect(sleeps.peak).toBe(1)
    expect(peakBusy(t.events(), id).size).toBe(1)
    // A single-threaded program prints no worker lines.
    expect(programOutput(t, id)).toEqual([])
    await waitFor(async () => (await listenerSnapshot(id)).handled === 2, 'two handled')
    // The GUI learns the count from the worker going idle, and how many waited as it did.
    await t.event('worker-changed', (e) => e.listenerId === id && e.handled === 2)
    const idle = t
      .events()
      .flatMap((e) =>
        e.type === 'worker-changed' && e.listenerId === id && e.connectionId === null
          ? [e.waiting]
          : [],
      )
    expect(idle).toEqual([1, 0])
  })

  it('pool of 4: four /sleep sleep side by side', async () => {
    slowEngine()
    const { id, port } = await startListener(t, {
      responder: 'http-slow-route',
      handling: 'thread-pool',
      workers: 4,
      sleepSeconds: 1,
    })
    expect((await listenerSnapshot(id)).workers).toEqual([null, null, null, null])
    const clients = await Promise.all([1, 2, 3, 4].map(() => exchange(port, get('/sleep'))))
    // None waits for another: all four are asleep at once, nothing queued.
    await waitFor(() => sleeps.pending === 4, 'four /sleep at once')
    expect((await listenerSnapshot(id)).queued).toEqual([])
    sleeps.wake()
    const answers = await Promise.all(clients.map((c) => c.done))
    for (const answer of answers) expect(answer.data).toEqual(HELLO)
    expect(sleeps.peak).toBe(4)
    await waitFor(() => peakBusy(t.events(), id).size === 4 && true, 'the events')
    expect([...peakBusy(t.events(), id)].sort()).toEqual([0, 1, 2, 3])
    const lines = programOutput(t, id)
    expect(lines.filter((l) => /^Worker \d got a job; executing\.$/.test(l)).sort()).toEqual([
      'Worker 0 got a job; executing.',
      'Worker 1 got a job; executing.',
      'Worker 2 got a job; executing.',
      'Worker 3 got a job; executing.',
    ])
  })

  it('pool of 2: a third request queues until a worker is free', async () => {
    slowEngine()
    const { id, port } = await startListener(t, {
      responder: 'http-slow-route',
      workers: 2,
      sleepSeconds: 1,
    })
    const clients = []
    for (const path of ['/sleep', '/sleep', '/']) clients.push(await exchange(port, get(path)))
    await t.event('queue-changed', (e) => e.queued.includes(`${id}#3`))
    await waitFor(() => sleeps.pending === 2, 'both workers asleep')
    const snapshot = await listenerSnapshot(id)
    expect(snapshot.queued).toEqual([`${id}#3`])
    expect(snapshot.workers).toEqual([`${id}#1`, `${id}#2`])
    // One sleeper wakes: its worker takes the quick one, answered while the other still sleeps.
    sleeps.wake(1)
    expect((await clients[2]?.done)?.data).toEqual(HELLO)
    expect(sleeps.pending).toBe(1)
    sleeps.wake()
    const answers = await Promise.all(clients.map((c) => c.done))
    for (const answer of answers) expect(answer.data).toEqual(HELLO)
    expect(sleeps.peak).toBe(2)
  })

  it('thread per connection: every /sleep gets its own thread, the live count is shown', async () => {
    slowEngine()
    const { id, port } = await startListener(t, {
      responder: 'http-slow-route',
      handling: 'thread-per-connection',
      sleepSeconds: 1,
    })
    expect((await listenerSnapshot(id)).workers).toEqual([])
    const clients = await Promise.all([1, 2, 3].map(() => exchange(port, get('/sleep'))))
    await waitFor(async () => (await listenerSnapshot(id)).workers.length === 3, 'three threads')
    await waitFor(() => sleeps.pending === 3, 'three /sleep at once')
    sleeps.wake()
    const answers = await Promise.all(clients.map((c) => c.done))
    for (const answer of answers) expect(answer.data).toEqual(HELLO)
    await waitFor(async () => (await listenerSnapshot(id)).workers.length === 0, 'threads gone')
  })

  it('a bigger pool takes queued jobs at once', async () => {
    t = recordingEngine()
    const { id, port } = await startListener(t, {
      responder: 'http-routes',
      workers: 1,
    })
    const idle = await exchange(port, null)
    const queued = await exchange(port, get('/'))
    await t.event('queue-changed', (e) => e.queued.includes(`${id}#2`))
    await t.value('listener:update', { listenerId: id, workers: 2 })
    expect((await queued.done).data).toEqual(HELLO)
    expect((await listenerSnapshot(id)).workers).toEqual([`${id}#1`, null])
    idle.socket.destroy()
  })
})

describe('graceful shutdown', () => {
  it("take(2): two handled, the third refused, the pool's workers shut down in order", async () => {
    t = recordingEngine()
    const { id, port } = await startListener(t, { responder: 'http-routes', stopAfter: 2 })
    const first = await exchange(port, get('/'))
    const second = await exchange(port, get('/'))
    expect((await first.done).data).toEqual(HELLO)
    expect((await second.done).data).toEqual(HELLO)
    await t.event('listener-changed', (e) => e.listener.id === id && e.listener.state === 'stopped')
    expect(await tryConnect(port)).toBe('ECONNREFUSED')
    const lines = programOutput(t, id)
    const shutdown = lines.filter((l) => l.startsWith('Shutting down worker'))
    expect(shutdown).toEqual([0, 1, 2, 3].map((n) => `Shutting down worker ${n}`))
    expect(lines.indexOf('Shutting down.')).toBeGreaterThan(-1)
    expect(lines.indexOf('Shutting down.')).toBeLessThan(lines.indexOf('Shutting down worker 0'))
    expect(lines.filter((l) => l.endsWith('got a job; executing.'))).toHaveLength(2)
    expect(lines.filter((l) => l.endsWith('disconnected; shutting down.'))).toHaveLength(4)
    expect((await listenerSnapshot(id)).handled).toBe(2)
  })

  it('let-finish drains: the job in hand and the queued one finish, new connections are refused', async () => {
    slowEngine()
    const { id, port } = await startListener(t, {
      responder: 'http-slow-route',
      handling: 'single-thread',
      sleepSeconds: 1,
    })
    const sleeper = await exchange(port, get('/sleep'))
    const waiting = await exchange(port, get('/'))
    await t.event('queue-changed', (e) => e.queued.includes(`${id}#2`))
    await waitFor(() => sleeps.pending === 1, 'the /sleep')
    const stopping = await t.value('listener:stop', { listenerId: id, mode: 'let-finish' })
    expect(stopping.state).toBe('stopping')
    expect(stopping.queued).toEqual([`${id}#2`])
    expect(await tryConnect(port)).toBe('ECONNREFUSED')
    sleeps.wake()
    expect((await sleeper.done).data).toEqual(HELLO)
    expect((await waiting.done).data).toEqual(HELLO)
    await t.event('listener-changed', (e) => e.listener.id === id && e.listener.state === 'stopped')
    expect((await listenerSnapshot(id)).handled).toBe(2)
  })

  it('close-all abandons the job in hand (its /sleep cut short) and the queued one', async () => {
    slowEngine()
    const { id, port } = await startListener(t, {
      responder: 'http-slow-route',
      handling: 'single-thread',
      sleepSeconds: 30,
    })
    const sleeper = await exchange(port, get('/sleep'))
    const waiting = await exchange(port, get('/'))
    await t.event('queue-changed', (e) => e.queued.includes(`${id}#2`))
    await waitFor(() => sleeps.pending === 1, 'the /sleep')
    const stopped = await t.value('listener:stop', { listenerId: id, mode: 'close-all' })
    expect(stopped).toMatchObject({ state: 'stopped', workers: [], queued: [], handled: 0 })
    expect(sleeps.pending).toBe(0)
    expect((await sleeper.done).data.length).toBe(0)
    expect((await waiting.done).data.length).toBe(0)
    expect(sleeps.started).toBe(1)
    // The worker let go of its /sleep with nobody waiting any more: the lesson must not tick.
    const idle = await t.event(
      'worker-changed',
      (e) => e.listenerId === id && e.connectionId === null,
    )
    expect(idle.waiting).toBe(0)
  })

  it('an idle connection holds its worker, and shutdown waits until it is closed', async () => {
    t = recordingEngine()
    const { id, port } = await startListener(t, {
      responder: 'http-routes',
      handling: 'single-thread',
    })
    const idle = await exchange(port, null)
    await t.event('worker-changed', (e) => e.connectionId === `${id}#1`)
    const waiting = await exchange(port, get('/'))
    await t.event('queue-changed', (e) => e.queued.includes(`${id}#2`))
    const stopping = await t.value('listener:stop', { listenerId: id, mode: 'let-finish' })
    expect(stopping).toMatchObject({ state: 'stopping', workers: [`${id}#1`] })
    // Its bytes arrived, but the only worker is blocked reading the idle connection.
    await t.event('connection-data', (e) => e.connectionId === `${id}#2`)
    expect((await listenerSnapshot(id)).state).toBe('stopping')
    idle.socket.end()
    expect((await waiting.done).data).toEqual(HELLO)
    await t.event('listener-changed', (e) => e.listener.id === id && e.listener.state === 'stopped')
  })

  it('says why a drain waits: the pool’s worker is still reading an idle connection', async () => {
    t = recordingEngine()
    const { id, port } = await startListener(t, { responder: 'http-routes', workers: 1 })
    const idle = await exchange(port, null)
    const took = await t.event('worker-changed', (e) => e.connectionId === `${id}#1`)
    expect(took).toMatchObject({ worker: 0, phase: 'reading' })
    const stopping = await t.value('listener:stop', { listenerId: id, mode: 'let-finish' })
    expect(stopping).toMatchObject({
      state: 'stopping',
      workers: [`${id}#1`],
      phases: ['reading'],
    })
    const snapshot = (await t.value('engine:snapshot', {})).connections.find(
      (c) => c.id === `${id}#1`,
    )
    expect(snapshot).toMatchObject({ bytesIn: 0, state: 'open' })
    idle.socket.end()
    await idle.done
    await t.event('listener-changed', (e) => e.listener.id === id && e.listener.state === 'stopped')
    expect(programOutput(t, id)).toContain('Shutting down worker 0')
  })

  it('tells each phase of a job that lasts: reading, sleeping in /sleep, responding, then idle', async () => {
    slowEngine()
    const { id, port } = await startListener(t, {
      responder: 'http-slow-route',
      handling: 'single-thread',
      sleepSeconds: 1,
    })
    // Each phase lasts until the test moves it on, as a slow client and a real sleep would.
    const client = await connectClient(port)
    const response = new Promise<Buffer>((resolve) => {
      const parts: Buffer[] = []
      client.on('data', (data: Buffer) => parts.push(data))
      client.on('end', () => resolve(Buffer.concat(parts)))
    })
    await t.event('worker-changed', (e) => e.listenerId === id && e.phase === 'reading')
    client.write(get('/sleep'))
    await t.event('worker-changed', (e) => e.listenerId === id && e.phase === 'sleeping')
    sleeps.wake()
    expect(await response).toEqual(HELLO)
    await t.event('worker-changed', (e) => e.listenerId === id && e.connectionId === null)
    const phases = t
      .events()
      .flatMap((e) =>
        e.type === 'worker-changed' && e.listenerId === id ? [e.phase ?? e.connectionId] : [],
      )
    expect(phases).toEqual(['reading', 'sleeping', 'responding', null])
    client.destroy()
  })
})
