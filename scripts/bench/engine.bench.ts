/**
 * `npm run bench`: the engine against a bare `net` server in the same run, on loopback.
 *
 * Ratios, not wall-clock thresholds: the machine may be busy, but both sides share it. Every loop
 * is bounded in count and time and stops by itself.
 */
import { createServer, connect, type AddressInfo, type Server, type Socket } from 'node:net'
import { afterAll, expect, it } from 'vitest'
import type { EventBatch, ListenerSnapshot } from '../../src/shared/contract'
import { createEngine } from '../../src/main/engine/engine'

const CLIENTS = 4
const BYTES_PER_CLIENT = 128 * 1024 * 1024
const WRITE_SIZE = 64 * 1024
const CONNECTIONS = 400

const results: string[] = []
afterAll(() => console.log(`\n${results.join('\n')}\n`))

async function bareServer(): Promise<{ server: Server; port: number; received: () => number }> {
  let received = 0
  const server = createServer((socket) => {
    socket.on('data', (chunk) => (received += chunk.length))
    socket.on('error', () => {})
    socket.on('end', () => socket.end())
  })
  await new Promise<void>((resolve) => server.listen({ host: '127.0.0.1', port: 0 }, resolve))
  return { server, port: (server.address() as AddressInfo).port, received: () => received }
}

/** Resolves once `received()` reaches `total`, polling; rejects after `limitMs`. */
async function counted(received: () => number, total: number, limitMs = 90_000): Promise<void> {
  const until = performance.now() + limitMs
  while (received() < total) {
    if (performance.now() > until) throw new Error(`only ${received()} of ${total} bytes counted`)
    await new Promise((resolve) => setTimeout(resolve, 2))
  }
}

/**
 * CLIENTS clients each send BYTES_PER_CLIENT; resolves when the server has counted every byte
 * (the engine's Silent listener keeps a half-closed connection open, so a close is no signal),
 * then drops the clients.
 */
async function blast(port: number, received: () => number): Promise<number> {
  const started = performance.now()
  const before = received()
  const chunk = Buffer.alloc(WRITE_SIZE, 0x61)
  const sockets: Socket[] = []
  await Promise.all(
    Array.from({ length: CLIENTS }, async () => {
      const socket: Socket = connect({ host: '127.0.0.1', port })
      sockets.push(socket)
      socket.on('error', () => {})
      await new Promise((resolve) => socket.once('connect', resolve))
      for (let sent = 0; sent < BYTES_PER_CLIENT; sent += WRITE_SIZE) {
        if (!socket.write(chunk)) await new Promise((resolve) => socket.once('drain', resolve))
      }
    }),
  )
  await counted(received, before + CLIENTS * BYTES_PER_CLIENT)
  const elapsed = performance.now() - started
  for (const socket of sockets) socket.destroy()
  return elapsed
}

/** The listener's received bytes as the engine's events report them. */
function bytesInOf(engine: ReturnType<typeof createEngine>): () => number {
  let bytesIn = 0
  engine.subscribe((batch: EventBatch) => {
    for (const event of batch.events)
      if (event.type === 'connection-data') bytesIn = Math.max(bytesIn, event.listenerBytesIn)
  })
  return () => bytesIn
}

async function acceptMany(port: number): Promise<number> {
  const started = performance.now()
  const sockets: Socket[] = []
  for (let i = 0; i < CONNECTIONS; i += 50) {
    await Promise.all(
      Array.from({ length: 50 }, async () => {
        const socket = connect({ host: '127.0.0.1', port })
        socket.on('error', () => {})
        sockets.push(socket)
        await new Promise((resolve) => socket.once('connect', resolve))
      }),
    )
  }
  const elapsed = performance.now() - started
  for (const s of sockets) s.destroy()
  return elapsed
}

async function engineListener(captureLimitPerConnection: number) {
  const engine = createEngine()
  const batches: { at: number; size: number }[] = []
  engine.subscribe((batch: EventBatch) =>
    batches.push({ at: performance.now(), size: batch.events.length }),
  )
  const added = await engine.handle('listener:add', { port: 0, captureLimitPerConnection })
  if (!added.ok) throw new Error(added.error.message)
  const id = (added.value as ListenerSnapshot).id
  const started = await engine.handle('listener:start', { listenerId: id })
  if (!started.ok) throw new Error(started.error.message)
  return { engine, batches, port: (started.value as ListenerSnapshot).bound!.port }
}

it('receives bytes at a good fraction of a bare net server, in at most ~60 batches a second', async () => {
  const bare = await bareServer()
  await blast(bare.port, bare.received) // warm-up, not measured
  const bareMs = await blast(bare.port, bare.received)
  bare.server.close()

  const { engine, batches, port } = await engineListener(1024 * 1024)
  const engineMs = await blast(port, bytesInOf(engine))
  const span = (batches.at(-1)!.at - batches[0]!.at) / 1000
  // N batches span N - 1 gaps.
  const perSecond = (batches.length - 1) / Math.max(span, 1e-3)
  const gaps = batches.slice(1).map((b, i) => b.at - batches[i]!.at)
  const minGap = Math.min(...gaps)
  const snapshot = await engine.handle('engine:snapshot', {})
  await engine.shutdown()

  const mb = (CLIENTS * BYTES_PER_CLIENT) / 1024 / 1024
  const ratio = bareMs / engineMs
  results.push(
    `throughput: bare ${(mb / (bareMs / 1000)).toFixed(0)} MiB/s, engine ${(mb / (engineMs / 1000)).toFixed(0)} MiB/s → ${(ratio * 100).toFixed(0)}% of bare`,
    `batches: ${batches.length} in ${span.toFixed(2)} s → ${perSecond.toFixed(1)} a second (target ≤ ~60), shortest gap ${minGap.toFixed(1)} ms`,
  )
  expect(snapshot.ok).toBe(true)
  expect(ratio).toBeGreaterThan(0.25)
  expect(perSecond).toBeLessThan(63)
  expect(minGap).toBeGreaterThan(12)
}, 120_000)

it('accepts connections at a good fraction of a bare net server', async () => {
  const warm = await bareServer()
  await acceptMany(warm.port) // warm-up, not measured
  warm.server.close()
  const bare = await bareServer()
  const bareMs = await acceptMany(bare.port)
  bare.server.close()

  const { engine, port } = await engineListener(1024)
  const engineMs = await acceptMany(port)
  await engine.shutdown()
  const ratio = bareMs / engineMs
  results.push(
    `accept: ${CONNECTIONS} connections, bare ${bareMs.toFixed(0)} ms, engine ${engineMs.toFixed(0)} ms → ${(ratio * 100).toFixed(0)}% of bare`,
  )
  expect(ratio).toBeGreaterThan(0.25)
}, 120_000)

it('keeps memory within the capture caps while counting every byte', async () => {
  const totalCap = 16 * 1024 * 1024
  const engine = createEngine({ totalCaptureLimit: totalCap })
  const added = await engine.handle('listener:add', {
    port: 0,
    captureLimitPerConnection: 8 * 1024 * 1024,
  })
  const id = (added as { value: ListenerSnapshot }).value.id
  const started = await engine.handle('listener:start', { listenerId: id })
  const port = (started as { value: ListenerSnapshot }).value.bound!.port
  const received = bytesInOf(engine)
  globalThis.gc?.()
  const before = process.memoryUsage()
  await blast(port, received) // 512 MiB sent, at most 16 MiB kept
  globalThis.gc?.()
  const after = process.memoryUsage()
  const snapshot = (await engine.handle('engine:snapshot', {})) as {
    value: { capture: { captured: number }; listeners: ListenerSnapshot[] }
  }
  await engine.shutdown()
  const grownMiB =
    (after.heapUsed + after.arrayBuffers - before.heapUsed - before.arrayBuffers) / 1024 / 1024
  results.push(
    `memory: ${(CLIENTS * BYTES_PER_CLIENT) / 1024 / 1024} MiB received, ${(snapshot.value.capture.captured / 1024 / 1024).toFixed(1)} MiB kept (cap 16 MiB), heap+buffers grew ${grownMiB.toFixed(1)} MiB`,
  )
  expect(snapshot.value.listeners[0]!.counters.bytesIn).toBe(CLIENTS * BYTES_PER_CLIENT)
  expect(snapshot.value.capture.captured).toBeLessThanOrEqual(totalCap)
  expect(grownMiB).toBeLessThan(64)
}, 120_000)
