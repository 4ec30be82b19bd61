/**
 * "Forward to my server" when a side does not read, with real sockets: the pause of the other
 * side is told as a stall once it has lasted STALL_REPORT_MS, and its end once the side reads;
 * a transfer whose pauses are short tells none.
 */
import type { Socket } from 'node:net'
import { getDefaultHighWaterMark } from 'node:stream'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { STALL_REPORT_MS, type EngineEvent, type TargetChange } from '../../shared/contract'
import {
  connectClient,
  recordingEngine,
  send,
  startListener,
  waitFor,
  type TestEngine,
} from './engine-test-kit'
import { targetServers } from './forward-test-kit'

let t: TestEngine | null = null
const { sockets, targetServer } = targetServers()

afterEach(async () => {
  vi.restoreAllMocks()
  await t?.engine.shutdown()
  t = null
})

/** A client connected through a forwarding listener to a new target server, and that server. */
async function forwarded(): Promise<{ client: Socket; server: Socket }> {
  const target = await targetServer()
  t = recordingEngine()
  const { port } = await startListener(t, {
    responder: 'forward',
    targetHost: '127.0.0.1',
    targetPort: target.port,
  })
  const client = await connectClient(port, '127.0.0.1', true)
  sockets.add(client)
  return { client, server: await target.accepted }
}

type TargetEvent = Extract<EngineEvent, { type: 'connection-target' }>

function targetEvents(): TargetEvent[] {
  return t!.events().filter((e): e is TargetEvent => e.type === 'connection-target')
}

function changes(): TargetChange[] {
  return targetEvents().map((e) => e.change)
}

/** The first connection-target event of `change`, once delivered. */
function told(change: TargetChange): Promise<TargetEvent> {
  return waitFor(() => targetEvents().find((e) => e.change === change), `a ${change} change`)
}

/**
 * Writes 1 MB at a time to `socket`, waiting whenever its buffer is full, until `isDone()`: a
 * sender as fast as the reader at the far end lets it be. Bounded, so that a stall never told
 * fails the test instead of filling the memory.
 */
async function sendUntil(socket: Socket, isDone: () => boolean): Promise<void> {
  const chunk = Buffer.alloc(1 << 20, 0x61)
  for (let sent = 0; !isDone(); sent += chunk.length) {
    if (sent > 512 * chunk.length) throw new Error('no stall told after 512 MB')
    if (socket.writableNeedDrain)
      await waitFor(() => isDone() || !socket.writableNeedDrain, 'the buffer to drain', 30_000)
    else socket.write(chunk)
  }
}

/**
 * The engine's clock (performance.now) stands still at `ms` from now on, until the test moves it;
 * `reads` counts its reads. The real time a step takes then decides nothing.
 */
function standStill(): { ms: number; reads: number } {
  const clock = { ms: performance.now(), reads: 0 }
  vi.spyOn(performance, 'now').mockImplementation(() => {
    clock.reads += 1
    return clock.ms
  })
  return clock
}

/** Reads and drops whatever `socket` receives; the count so far. */
function drain(socket: Socket): () => number {
  let bytes = 0
  socket.on('data', (chunk: Buffer) => (bytes += chunk.length))
  socket.resume()
  return () => bytes
}

describe('forward to my server: a side that does not read', () => {
  it('tells a stall when the target does not read, with the bytes waiting and the cap', async () => {
    const { client, server } = await forwarded()
    server.pause()
    await sendUntil(client, () => changes().includes('paused'))
    const paused = await told('paused')
    expect(paused.target).toMatchObject({ stalled: 'target', stalls: 1, state: 'open' })
    expect(paused.target.lastStall).toMatchObject({
      side: 'target',
      cap: getDefaultHighWaterMark(false),
    })
    expect(paused.target.lastStall?.waiting).toBeGreaterThan(0)

    const received = drain(server)
    const resumed = await told('resumed')
    expect(received()).toBeGreaterThan(0)
    expect(resumed.target).toMatchObject({
      stalled: null,
      stalls: 1,
      lastStall: paused.target.lastStall,
    })
    expect(changes().indexOf('resumed')).toBeGreaterThan(changes().indexOf('paused'))
  }, 60_000)

  it('tells a stall when the client does not read, and its end when it reads', async () => {
    const { client, server } = await forwarded()
    client.pause()
    await send(client, 'GET /big HTTP/1.1\r\n\r\n')
    await sendUntil(server, () => changes().includes('paused'))
    const paused = await told('paused')
    expect(paused.target).toMatchObject({ stalled: 'client', stalls: 1 })
    expect(paused.target.lastStall).toMatchObject({
      side: 'client',
      cap: getDefaultHighWaterMark(false),
    })
    expect(paused.target.lastStall?.waiting).toBeGreaterThan(0)
    const snapshot = await t!.value('engine:snapshot', {})
    expect(snapshot.connections[0]?.target).toMatchObject({ stalled: 'client', stalls: 1 })

    drain(client)
    const resumed = await told('resumed')
    expect(resumed.target).toMatchObject({ stalled: null, stalls: 1 })
  }, 60_000)

  it('tells no pause shorter than STALL_REPORT_MS on the engine’s clock, however long it takes', async () => {
    const { client, server } = await forwarded()
    const clock = standStill()
    server.pause()
    const payload = Buffer.alloc(32 << 20, 0x62)
    client.write(payload)
    // Socket Lab stops reading from the client: its count stands still, the client's bytes wait.
    const bytesIn = async (): Promise<number> =>
      (await t!.value('engine:snapshot', {})).connections[0]!.bytesIn
    const seen: number[] = []
    await waitFor(async () => {
      seen.push(await bytesIn())
      const last = seen.slice(-3)
      return last.length === 3 && last[0]! > 0 && last.every((n) => n === last[0])
    }, 'the engine to stop reading')
    expect(client.writableLength).toBeGreaterThan(0)
    clock.ms += STALL_REPORT_MS - 1
    // Nothing moves, so only the stall check reads the clock: it has looked, and come back.
    const reads = clock.reads
    await waitFor(() => clock.reads > reads + 20, 'the pause checked again and again')

    const received = drain(server)
    await waitFor(() => received() === payload.length, 'every byte at the target', 30_000)
    client.end()
    // Told after everything before it.
    const ended = await told('client-ended')
    expect(changes()).not.toContain('paused')
    expect(changes()).not.toContain('resumed')
    expect(ended.target).toMatchObject({ stalled: null, stalls: 0, lastStall: null })
  }, 60_000)
})
