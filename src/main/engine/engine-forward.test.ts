/**
 * "Forward to my server" with real sockets: a client on loopback, Socket Lab's listener, and a
 * target server on port 0 standing in for the learner's `cargo run`.
 */
import { createServer, type Socket } from 'node:net'
import { afterEach, describe, expect, it } from 'vitest'
import type { EngineEvent, TargetChange } from '../../shared/contract'
import {
  closed,
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
  await t?.engine.shutdown()
  t = null
})

/** A port nothing listens on: bound once, then closed. */
async function closedPort(): Promise<number> {
  const server = createServer()
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const address = server.address()
  if (address === null || typeof address === 'string') throw new Error('no port')
  await new Promise<void>((resolve) => server.close(() => resolve()))
  return address.port
}

/** A forwarding listener to `targetPort`; its port. */
async function forwarder(targetPort: number, targetTimeoutSeconds = 10): Promise<number> {
  t = recordingEngine()
  const { port } = await startListener(t, {
    responder: 'forward',
    targetHost: '127.0.0.1',
    targetPort,
    targetTimeoutSeconds,
  })
  return port
}

/** Collects what `socket` receives; `ended` resolves at its FIN, `errors` gathers codes. */
function collect(socket: Socket): { data: () => Buffer; ended: Promise<void>; codes: string[] } {
  const chunks: Buffer[] = []
  const codes: string[] = []
  socket.on('data', (chunk: Buffer) => chunks.push(chunk))
  socket.on('error', (err: NodeJS.ErrnoException) => codes.push(err.code ?? 'UNKNOWN'))
  const ended = new Promise<void>((resolve) => socket.once('end', () => resolve()))
  return { data: () => Buffer.concat(chunks), ended, codes }
}

type TargetEvent = Extract<EngineEvent, { type: 'connection-target' }>

function targetChanges(): TargetChange[] {
  return t!.events().flatMap((e) => (e.type === 'connection-target' ? [e.change] : []))
}

function lastTarget(): TargetEvent {
  const found = t!.events().findLast((e): e is TargetEvent => e.type === 'connection-target')
  if (!found) throw new Error('no connection-target event')
  return found
}

/** Every byte from 0 to 255, `times` over: no text, so a change of encoding would show. */
function binary(times: number): Buffer {
  return Buffer.concat(Array.from({ length: times }, () => Buffer.from([...Array(256).keys()])))
}

describe('forward to my server', () => {
  it('passes bytes both ways unchanged and in order, and keeps both in the capture', async () => {
    const target = await targetServer()
    const port = await forwarder(target.port)
    const client = await connectClient(port, '127.0.0.1', true)
    sockets.add(client)
    const toClient = collect(client)
    const request = Buffer.concat([Buffer.from('GET / HTTP/1.1\r\n\r\n'), binary(64)])
    await send(client, request)
    const server = await target.accepted
    const atTarget = collect(server)
    await waitFor(() => atTarget.data().length === request.length, 'the request at the target')
    expect(atTarget.data()).toEqual(request)

    const response = [Buffer.from('HTTP/1.1 200 OK\n\n'), binary(3), Buffer.from('end')]
    for (const part of response) await send(server, part)
    const whole = Buffer.concat(response)
    await waitFor(() => toClient.data().length === whole.length, 'the response at the client')
    expect(toClient.data()).toEqual(whole)

    const connectionId = lastTarget().connectionId
    const read = async (direction: 'in' | 'out'): Promise<Buffer> =>
      Buffer.from(
        (
          await t!.value('connection:read', {
            connectionId,
            offset: 0,
            length: 1 << 20,
            direction,
          })
        ).base64,
        'base64',
      )
    expect(await read('in')).toEqual(request)
    await waitFor(async () => (await read('out')).length === whole.length, 'the capture out')
    expect(await read('out')).toEqual(whole)
    const leg = (await t!.value('engine:snapshot', {})).connections[0]!.target!
    expect(leg).toMatchObject({
      host: '127.0.0.1',
      port: target.port,
      state: 'open',
      bytesToTarget: request.length,
      bytesFromTarget: whole.length,
      failure: null,
    })
    expect(leg.local?.port).toBe(server.remotePort)
    expect(leg.remote).toEqual({ address: '127.0.0.1', port: target.port, family: 'IPv4' })
    expect(leg).toMatchObject({ clientEndedMono: null, targetEndedMono: null, closedMono: null })
    expect(leg.connectedMono).toBeGreaterThanOrEqual(leg.connectMono)
    expect(leg.firstByteFromTargetMono).toBeGreaterThanOrEqual(leg.firstByteToTargetMono!)
    expect(targetChanges()).toEqual(['connecting', 'connected', 'answered'])
  })

  it('keeps the address a target host name resolved to', async () => {
    const target = await targetServer()
    t = recordingEngine()
    const { port } = await startListener(t, {
      responder: 'forward',
      targetHost: 'localhost',
      targetPort: target.port,
    })
    const client = await connectClient(port)
    sockets.add(client)
    await send(client, 'x')
    await target.accepted
    await waitFor(() => targetChanges().includes('connected'), 'the leg connected')
    // Only 127.0.0.1 listens: whatever else localhost means here (::1) was tried and refused.
    expect(lastTarget().target).toMatchObject({
      host: 'localhost',
      remote: { address: '127.0.0.1', port: target.port, family: 'IPv4' },
    })
  })

  it('passes the client’s FIN on, then the target’s: the target may still answer in between', async () => {
    const target = await targetServer()
    const port = await forwarder(target.port)
    const client = await connectClient(port, '127.0.0.1', true)
    sockets.add(client)
    const toClient = collect(client)
    await send(client, 'request')
    const server = await target.accepted
    const atTarget = collect(server)
    client.end()
    await atTarget.ended
    expect(atTarget.data().toString()).toBe('request')
    await send(server, 'answer after your FIN')
    server.end()
    await toClient.ended
    expect(toClient.data().toString()).toBe('answer after your FIN')
    await closed(client)
    await waitFor(() => targetChanges().includes('closed'), 'the leg closed')
    const leg = lastTarget().target
    expect(leg).toMatchObject({
      clientEnded: true,
      targetEnded: true,
      firstEnded: 'client',
      failure: null,
      state: 'closed',
    })
    // Each FIN with its own time: the target's came after the client's, the close last.
    expect(leg.clientEndedMono).toBeGreaterThanOrEqual(leg.connectedMono!)
    expect(leg.targetEndedMono).toBeGreaterThan(leg.clientEndedMono!)
    expect(leg.closedMono).toBeGreaterThanOrEqual(leg.targetEndedMono!)
    const snapshot = await t!.value('engine:snapshot', {})
    expect(snapshot.connections[0]).toMatchObject({
      state: 'closed',
      closeReason: 'peer',
      target: { firstEnded: 'client', state: 'closed' },
    })
  })

  it('passes the target’s FIN on first: the client may still send, and its FIN goes through', async () => {
    const target = await targetServer()
    const port = await forwarder(target.port)
    const client = await connectClient(port, '127.0.0.1', true)
    sockets.add(client)
    const toClient = collect(client)
    await send(client, 'hello')
    const server = await target.accepted
    const atTarget = collect(server)
    await waitFor(() => atTarget.data().length === 5, 'hello at the target')
    await send(server, 'bye')
    server.end()
    await toClient.ended
    expect(toClient.data().toString()).toBe('bye')
    await send(client, ' and more')
    client.end()
    await atTarget.ended
    expect(atTarget.data().toString()).toBe('hello and more')
    await waitFor(() => targetChanges().includes('closed'), 'the leg closed')
    const leg = lastTarget().target
    expect(leg).toMatchObject({ firstEnded: 'target', failure: null })
    expect(leg.clientEndedMono).toBeGreaterThan(leg.targetEndedMono!)
    await waitFor(
      async () => (await t!.value('engine:snapshot', {})).connections[0]?.closeReason === 'us',
      'the client leg closed, we ended first',
    )
  })

  it('passes a reset from the target on to the client', async () => {
    const target = await targetServer()
    const port = await forwarder(target.port)
    const client = await connectClient(port)
    sockets.add(client)
    const toClient = collect(client)
    await send(client, 'x')
    const server = await target.accepted
    server.resetAndDestroy()
    await closed(client)
    expect(toClient.codes).toContain('ECONNRESET')
    await waitFor(() => targetChanges().includes('failed'), 'the leg failed')
    expect(lastTarget().target).toMatchObject({ failure: 'target-reset', errorCode: 'ECONNRESET' })
    expect(lastTarget().target.closedMono).toBeGreaterThanOrEqual(lastTarget().target.connectMono)
    const snapshot = await t!.value('engine:snapshot', {})
    expect(snapshot.connections[0]?.closeReason).toBe('us-reset')
  })

  it('passes a reset from the client on to the target', async () => {
    const target = await targetServer()
    const port = await forwarder(target.port)
    const client = await connectClient(port)
    sockets.add(client)
    await send(client, 'x')
    const server = await target.accepted
    const atTarget = collect(server)
    await waitFor(() => atTarget.data().length === 1, 'x at the target')
    client.resetAndDestroy()
    await closed(server)
    expect(atTarget.codes).toContain('ECONNRESET')
    await waitFor(() => targetChanges().includes('failed'), 'the leg failed')
    expect(lastTarget().target.failure).toBe('client-reset')
  })

  it('says the target refused when nothing listens there, and closes the client', async () => {
    const port = await forwarder(await closedPort())
    const client = await connectClient(port)
    sockets.add(client)
    client.on('error', () => undefined)
    await closed(client)
    await waitFor(() => targetChanges().includes('failed'), 'the leg failed')
    expect(lastTarget().target).toMatchObject({
      failure: 'refused',
      errorCode: 'ECONNREFUSED',
      state: 'closed',
      connectedMono: null,
      remote: null,
    })
    expect(lastTarget().target.closedMono).toBeGreaterThanOrEqual(lastTarget().target.connectMono)
    expect(targetChanges()).toEqual(['connecting', 'failed'])
  })

  it('gives up on a target that does not answer within the timeout', async () => {
    const target = await targetServer()
    const port = await forwarder(target.port, 1)
    const client = await connectClient(port)
    sockets.add(client)
    client.on('error', () => undefined)
    await send(client, 'GET / HTTP/1.1\r\n\r\n')
    const server = await target.accepted
    const atTarget = collect(server)
    await closed(client)
    await atTarget.ended
    expect(atTarget.data().toString()).toBe('GET / HTTP/1.1\r\n\r\n')
    await waitFor(() => targetChanges().includes('failed'), 'the leg failed')
    expect(lastTarget().target).toMatchObject({ failure: 'answer-timeout', bytesFromTarget: 0 })
  })

  it('pauses the client while the target does not read, and loses nothing', async () => {
    const target = await targetServer()
    const port = await forwarder(target.port)
    const client = await connectClient(port)
    sockets.add(client)
    client.on('error', () => undefined)
    const total = 48 * 1024 * 1024
    const payload = binary(total / 256)
    const server = await new Promise<Socket>((resolve) => {
      void target.accepted.then(resolve)
      client.write(payload.subarray(0, 1))
    })
    server.pause()
    client.write(payload.subarray(1))
    // What the kernel's buffers hold on the way (a few MB each) reaches the target's socket, then
    // Socket Lab stops reading: the rest waits in the client. Without that, the engine would read
    // all 48 MB and hold them. Settled: the same count three polls in a row.
    const bytesIn = async (): Promise<number> =>
      (await t!.value('engine:snapshot', {})).connections[0]!.bytesIn
    const seen: number[] = []
    await waitFor(async () => {
      seen.push(await bytesIn())
      const last = seen.slice(-3)
      return last.length === 3 && last[0]! > 0 && last.every((n) => n === last[0])
    }, 'the engine to stop reading')
    expect(seen.at(-1)).toBeLessThan(total / 2)
    expect(client.writableLength).toBeGreaterThan(0)
    const received: Buffer[] = []
    server.on('data', (chunk: Buffer) => received.push(chunk))
    server.resume()
    await waitFor(
      () => received.reduce((n, chunk) => n + chunk.length, 0) === total,
      'every byte at the target',
      30_000,
    )
    expect(Buffer.concat(received).equals(payload)).toBe(true)
  }, 40_000)
})

describe('forward to itself', () => {
  it('refuses a target that is this very listener, instead of opening connections to itself', async () => {
    t = recordingEngine()
    const { id, port } = await startListener(t, { responder: 'forward' })
    await t.value('listener:update', { listenerId: id, targetPort: port })
    const client = await connectClient(port)
    sockets.add(client)
    client.on('error', () => undefined)
    await closed(client)
    await waitFor(() => targetChanges().includes('failed'), 'the leg failed')
    expect(lastTarget().target).toMatchObject({ failure: 'self', state: 'closed', local: null })
    const snapshot = await t.value('engine:snapshot', {})
    expect(snapshot.connections).toHaveLength(1)
  })
})

describe('forward settings', () => {
  it('refuses a target host that is not this machine unless the request confirms it', async () => {
    t = recordingEngine()
    const refused = await t.error('listener:add', { responder: 'forward', targetHost: '192.0.2.7' })
    expect(refused).toMatchObject({
      code: 'INVALID_INPUT',
      field: 'targetHost',
      reason: 'remote-not-confirmed',
    })
    const added = await t.value('listener:add', {
      responder: 'forward',
      targetHost: '192.0.2.7',
      confirmedRemoteTarget: true,
    })
    expect(added.settings).toMatchObject({ targetHost: '192.0.2.7', targetPort: 7879 })
    expect(added.settings).not.toHaveProperty('confirmedRemoteTarget')
  })

  it('refuses port 0 as a target, and takes the port as typed text', async () => {
    t = recordingEngine()
    expect(await t.error('listener:add', { targetPort: 0 })).toMatchObject({
      field: 'targetPort',
      reason: 'port-zero',
    })
    expect(await t.error('listener:add', { targetPort: '70000' })).toMatchObject({
      field: 'targetPort',
      reason: 'port-out-of-range',
    })
    const added = await t.value('listener:add', { targetPort: ' 8080 ' })
    expect(added.settings.targetPort).toBe(8080)
    expect(added.settings.targetTimeoutSeconds).toBe(10)
  })
})
