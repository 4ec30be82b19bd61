// A saved session carries the engine's recent events: what a real engine records (bind failures,
// workers and queues, the book's lines, drops, half-closes, resets, client runs with their
// response bytes and findings) must come back from the file exactly, and a damaged event must be
// named. Real sockets throughout.
import { createServer, type Server, type Socket } from 'node:net'
import { afterEach, describe, expect, it } from 'vitest'
import type { EngineEvent, EngineEventType } from '../../shared/contract'
import { RECENT_EVENTS } from '../../shared/contract'
import { parseSessionFile, serializeSession, type Session } from '../../shared/session-file'
import {
  closed,
  connectClient,
  exchange,
  recordingEngine,
  send,
  startListener,
  waitFor,
  type TestEngine,
} from './engine-test-kit'

let t: TestEngine | null = null
const servers: Server[] = []
const sockets = new Set<Socket>()

afterEach(async () => {
  await t?.engine.shutdown()
  t = null
  for (const socket of sockets) socket.destroy()
  sockets.clear()
  await Promise.all(servers.splice(0).map((s) => new Promise((resolve) => s.close(resolve))))
})

/** A loopback server on port 0 that answers every request with `response` (a bare `\n` head). */
async function crafted(response: string): Promise<number> {
  const server = createServer((socket) => {
    sockets.add(socket)
    socket.on('error', () => undefined)
    socket.once('data', () => socket.end(response))
  })
  servers.push(server)
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  return (server.address() as { port: number }).port
}

function sessionOf(events: EngineEvent[]): Session {
  return { savedAt: Date.now(), platform: 'linux', listeners: [], connections: [], events }
}

/** Records a little of everything the engine can say. */
async function eventfulEngine(engine: TestEngine): Promise<void> {
  // A bind failure: EADDRINUSE on a port another server holds.
  const held = await crafted('HTTP/1.1 200 OK\nContent-Length: 2\n\nhi')
  const taken = await engine.value('listener:add', { host: '127.0.0.1', port: held })
  await engine.request('listener:start', { listenerId: taken.id })
  await engine.value('listener:remove', { listenerId: taken.id })

  // The book's thread pool: workers, a queue, its lines; an HTTP answer the client judges.
  const pool = await startListener(engine, {
    responder: 'http-routes',
    handling: 'thread-pool',
    workers: 1,
  })
  const run = await engine.value('client:run', {
    target: `127.0.0.1:${pool.port}`,
    plan: { kind: 'http', rows: [{ count: 3, path: '/', startMs: 0 }] },
  })
  await engine.event('client-run-finished', (e) => e.runId === run.runId)
  // A learner's server with a bare \n: findings in the saved response.
  const raw = await engine.value('client:run', {
    target: `127.0.0.1:${held}`,
    plan: { kind: 'raw', text: 'GET / HTTP/1.1\r\n\r\n', framing: { kind: 'whole' } },
  })
  await engine.event('client-run-finished', (e) => e.runId === raw.runId)

  // Silent with max connections 1: a drop; the kept one half-closes, the next is reset.
  const silent = await startListener(engine, { responder: 'silent', maxConnections: 1 })
  const kept = await connectClient(silent.port, '127.0.0.1', true)
  await send(kept, 'hello\r\n')
  await engine.event('connection-data', (e) => e.listenerId === silent.id)
  const dropped = await exchange(silent.port, null)
  await engine.event('connection-dropped', (e) => e.listenerId === silent.id)
  await dropped.done
  kept.end()
  await engine.event('connection-peer-ended', (e) => e.listenerId === silent.id)
  const accepted = await engine.event(
    'connection-accepted',
    (e) => e.connection.listenerId === silent.id,
  )
  await engine.value('connection:close', { connectionId: accepted.connection.id, how: 'fin' })
  await closed(kept)
  const reset = await connectClient(silent.port)
  reset.resetAndDestroy()
  await engine.event('connection-closed', (e) => e.listenerId === silent.id && e.reason === 'reset')
  await engine.value('listener:stop', { listenerId: silent.id, mode: 'close-all' })
}

describe('a session file carries the engine events', () => {
  it('gives back exactly what a real engine recorded, of every kind it keeps', async () => {
    t = recordingEngine()
    await eventfulEngine(t)
    const engine = t
    const snapshot = await waitFor(async () => {
      const s = await engine.value('engine:snapshot', {})
      return s.recentEvents.some((e) => e.type === 'connection-closed' && e.reason === 'reset') && s
    }, 'the reset in the recent events')
    const events = snapshot.recentEvents

    const kinds = new Set<EngineEventType>(events.map((e) => e.type))
    const expected: EngineEventType[] = [
      'listener-added',
      'listener-changed',
      'listener-removed',
      'connection-accepted',
      'connection-data',
      'connection-peer-ended',
      'connection-we-ended',
      'connection-closed',
      'connection-dropped',
      'worker-changed',
      'queue-changed',
      'program-output',
      'client-run-started',
      'client-request-changed',
      'client-run-finished',
    ]
    expect([...kinds].sort()).toEqual([...expected].sort())
    expect(events.some((e) => e.type === 'listener-changed' && e.listener.lastError)).toBe(true)
    expect(
      events.some(
        (e) =>
          e.type === 'client-request-changed' &&
          e.request.response?.findings.some((f) => f.warning.code === 'bare-lf'),
      ),
    ).toBe(true)

    const read = parseSessionFile(serializeSession(sessionOf(events)))
    if (!read.ok) throw new Error(JSON.stringify(read.error))
    expect(read.value.events).toEqual(events)
  })

  it('names the damaged event and field, and refuses more events than an engine keeps', () => {
    const listener = {
      type: 'listener-removed',
      at: 1,
      listenerId: 'l1',
    } satisfies EngineEvent
    const good = serializeSession(sessionOf([listener]))
    const file = JSON.parse(good) as Record<string, unknown>

    const damaged = (events: unknown): unknown => {
      const read = parseSessionFile(JSON.stringify({ ...file, events }))
      return read.ok ? 'opened' : read.error
    }
    expect(damaged([listener, { ...listener, at: 'soon' }])).toEqual({
      kind: 'damaged',
      where: 'events[1].at',
    })
    expect(damaged([{ type: 'listener-exploded', at: 1 }])).toEqual({
      kind: 'damaged',
      where: 'events[0].type',
    })
    expect(
      damaged([
        {
          type: 'queue-changed',
          at: 1,
          listenerId: 'l1',
          queued: ['c1', 7],
        },
      ]),
    ).toEqual({ kind: 'damaged', where: 'events[0].queued.1' })
    expect(damaged('many')).toEqual({ kind: 'damaged', where: 'events' })
    expect(damaged(Array.from({ length: RECENT_EVENTS + 1 }, () => listener))).toEqual({
      kind: 'damaged',
      where: 'events',
    })
    // Within the limit, and an older file without events, open.
    expect(damaged(Array.from({ length: RECENT_EVENTS }, () => listener))).toBe('opened')
    const { events: _none, ...older } = file
    const read = parseSessionFile(JSON.stringify(older))
    expect(read.ok && read.value.events).toBe(undefined)
  })
})
