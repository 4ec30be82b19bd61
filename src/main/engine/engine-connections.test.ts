import { randomBytes } from 'node:crypto'
import { networkInterfaces } from 'node:os'
import type { Socket } from 'node:net'
import { describe, expect, it } from 'vitest'
import type { AddListenerRequest, ListenerSnapshot } from '../../shared/contract'
import {
  closed,
  connectClient,
  recordingEngine,
  send,
  tryConnect,
  waitFor,
  type TestEngine,
  cleanUpAfterEach,
} from './engine-test-kit'

let t: TestEngine
const clients: Socket[] = []

cleanUpAfterEach(() => t, clients)

async function startListener(
  request: AddListenerRequest = {},
): Promise<{ id: string; port: number; listener: ListenerSnapshot }> {
  const added = await t.value('listener:add', { port: 0, ...request })
  const listener = await t.value('listener:start', { listenerId: added.id })
  if (listener.bound === null) throw new Error('a listening listener has a bound address')
  return { id: added.id, port: listener.bound.port, listener }
}

async function client(port: number, host?: string): Promise<Socket & { errors: Error[] }> {
  const socket = await connectClient(port, host)
  clients.push(socket)
  return socket
}

async function readAll(connectionId: string): Promise<Buffer> {
  const bytes = await t.value('connection:read', { connectionId, offset: 0, length: 1 << 20 })
  return Buffer.from(bytes.base64, 'base64')
}

function lastData(connectionId: string, bytesIn: number): () => boolean {
  return () =>
    t
      .events()
      .some(
        (e) =>
          e.type === 'connection-data' && e.connectionId === connectionId && e.bytesIn === bytesIn,
      )
}

const hasIpv6Loopback = Object.values(networkInterfaces()).some((addresses) =>
  addresses?.some((a) => a.address === '::1'),
)

describe('listening and accepting', () => {
  it('listens on the port the OS picked for port 0 and reports it', async () => {
    t = recordingEngine()
    const { listener, port } = await startListener()
    expect(listener.state).toBe('listening')
    expect(listener.settings.port).toBe(0)
    expect(port).toBeGreaterThan(0)
    expect(listener.bound).toEqual({ address: '127.0.0.1', port, family: 'IPv4' })
    expect(await tryConnect(port)).toBe('connected')
  })

  it('accepts a connection: event with both endpoints, snapshot and counters', async () => {
    t = recordingEngine()
    const { id, port } = await startListener()
    const socket = await client(port)
    const accepted = await t.event('connection-accepted')
    expect(accepted.connection).toMatchObject({
      id: `${id}#1`,
      listenerId: id,
      number: 1,
      state: 'open',
      remote: { address: '127.0.0.1', port: socket.localPort, family: 'IPv4' },
      local: { address: '127.0.0.1', port, family: 'IPv4' },
      bytesIn: 0,
      closeReason: null,
    })
    await client(port)
    await t.event('connection-accepted', (e) => e.connection.number === 2)
    const snapshot = await t.value('engine:snapshot', {})
    expect(snapshot.connections.map((c) => c.id)).toEqual([`${id}#1`, `${id}#2`])
    expect(snapshot.listeners[0]?.counters).toMatchObject({ accepted: 2, open: 2, dropped: 0 })
  })

  it('captures bytes exactly, 0x00 and 0xff included, readable by range', async () => {
    t = recordingEngine()
    const { id, port } = await startListener()
    const socket = await client(port)
    const all = Buffer.from(Array.from({ length: 256 }, (_, i) => i))
    await send(socket, all)
    await waitFor(lastData(`${id}#1`, 256), 'all 256 bytes')
    expect(await readAll(`${id}#1`)).toEqual(all)
    const part = await t.value('connection:read', {
      connectionId: `${id}#1`,
      offset: 250,
      length: 100,
    })
    expect(Buffer.from(part.base64, 'base64')).toEqual(Buffer.from([250, 251, 252, 253, 254, 255]))
    expect(part).toMatchObject({ offset: 250, captured: 256, bytesIn: 256, truncated: false })
    expect(part.chunks.length).toBeGreaterThan(0)
    const snapshot = await t.value('engine:snapshot', {})
    expect(snapshot.connections[0]).toMatchObject({ bytesIn: 256, captured: 256, truncated: false })
    expect(snapshot.listeners[0]?.counters.bytesIn).toBe(256)
  })

  it('a peer half-close is peer-ended until we end too, then closed with reason peer', async () => {
    t = recordingEngine()
    const { id, port } = await startListener()
    const socket = await client(port)
    await send(socket, 'GET / HTTP/1.1\r\n\r\n')
    socket.end()
    await t.event('connection-peer-ended', (e) => e.connectionId === `${id}#1`)
    // Not answered automatically: we may still write (CLOSE_WAIT) until we send our FIN.
    expect((await t.value('engine:snapshot', {})).connections[0]?.state).toBe('peer-ended')
    expect(socket.closed).toBe(false)
    await t.value('connection:close', { connectionId: `${id}#1`, how: 'fin' })
    const closedEvent = await t.event('connection-closed', (e) => e.connectionId === `${id}#1`)
    expect(closedEvent).toMatchObject({ reason: 'peer', errorCode: null })
    await closed(socket)
    const types = t.events().map((e) => e.type)
    expect(types.indexOf('connection-peer-ended')).toBeLessThan(types.indexOf('connection-closed'))
    const snapshot = await t.value('engine:snapshot', {})
    expect(snapshot.connections[0]).toMatchObject({ state: 'closed', closeReason: 'peer' })
    expect(snapshot.listeners[0]?.counters.open).toBe(0)
    // Closed connections stay readable until the listener goes.
    expect((await readAll(`${id}#1`)).toString()).toBe('GET / HTTP/1.1\r\n\r\n')
  })

  it('a client RST is closed with reason reset and ECONNRESET', async () => {
    t = recordingEngine()
    const { id, port } = await startListener()
    const socket = await client(port)
    await t.event('connection-accepted')
    socket.resetAndDestroy()
    const closedEvent = await t.event('connection-closed', (e) => e.connectionId === `${id}#1`)
    expect(closedEvent).toMatchObject({ reason: 'reset', errorCode: 'ECONNRESET' })
  })

  it('survives binary junk followed by a reset mid-stream, and keeps accepting', async () => {
    t = recordingEngine()
    const { id, port } = await startListener()
    const socket = await client(port)
    socket.write(randomBytes(256 * 1024))
    socket.write(Buffer.alloc(1024, 0))
    await waitFor(() => t.events().some((e) => e.type === 'connection-data'), 'some junk to arrive')
    socket.resetAndDestroy()
    const closedEvent = await t.event('connection-closed', (e) => e.connectionId === `${id}#1`)
    expect(closedEvent.reason).toBe('reset')
    const next = await client(port)
    await send(next, 'still here')
    await waitFor(lastData(`${id}#2`, 10), 'the next connection to be captured')
    expect((await readAll(`${id}#2`)).toString()).toBe('still here')
  })

  it('listens and accepts on ::1', async (ctx) => {
    ctx.skip(!hasIpv6Loopback, 'this machine has no ::1')
    t = recordingEngine()
    const { port, listener } = await startListener({ host: '::1' })
    expect(listener.bound).toEqual({ address: '::1', port, family: 'IPv6' })
    await client(port, '::1')
    const accepted = await t.event('connection-accepted')
    expect(accepted.connection.remote).toMatchObject({ address: '::1', family: 'IPv6' })
    expect(accepted.connection.local).toEqual({ address: '::1', port, family: 'IPv6' })
  })
})

describe('stopping', () => {
  it("'let-finish' refuses new connections, lets open ones talk, then stops", async () => {
    t = recordingEngine()
    const { id, port } = await startListener()
    const socket = await client(port)
    await t.event('connection-accepted')
    const stopping = await t.value('listener:stop', { listenerId: id, mode: 'let-finish' })
    expect(stopping.state).toBe('stopping')
    expect(await tryConnect(port)).toBe('ECONNREFUSED')
    await send(socket, 'after stop')
    await waitFor(lastData(`${id}#1`, 10), 'bytes sent after the stop')
    expect((await readAll(`${id}#1`)).toString()).toBe('after stop')
    socket.end()
    await t.event('connection-peer-ended', (e) => e.connectionId === `${id}#1`)
    await t.value('connection:close', { connectionId: `${id}#1`, how: 'fin' })
    await t.event('listener-changed', (e) => e.listener.id === id && e.listener.state === 'stopped')
    const snapshot = await t.value('engine:snapshot', {})
    expect(snapshot.listeners[0]).toMatchObject({ state: 'stopped', bound: null })
    expect(snapshot.connections[0]).toMatchObject({ state: 'closed', closeReason: 'peer' })
  })

  it("'let-finish' with no connections resolves stopped, and the listener can start again", async () => {
    t = recordingEngine()
    const { id } = await startListener()
    const stopped = await t.value('listener:stop', { listenerId: id, mode: 'let-finish' })
    expect(stopped.state).toBe('stopped')
    const again = await t.value('listener:start', { listenerId: id })
    expect(again.state).toBe('listening')
  })

  it("'close-all' closes every connection (reason us) and resolves stopped", async () => {
    t = recordingEngine()
    const { id, port } = await startListener()
    const a = await client(port)
    const b = await client(port)
    await t.event('connection-accepted', (e) => e.connection.number === 2)
    const stopped = await t.value('listener:stop', { listenerId: id, mode: 'close-all' })
    expect(stopped.state).toBe('stopped')
    expect(stopped.counters.open).toBe(0)
    await Promise.all([closed(a), closed(b)])
    const closedReasons = (): string[] =>
      t.events().flatMap((e) => (e.type === 'connection-closed' ? [e.reason] : []))
    await waitFor(() => closedReasons().length === 2, 'two connection-closed events')
    expect(closedReasons()).toEqual(['us', 'us'])
    expect(await tryConnect(port)).toBe('ECONNREFUSED')
  })

  it("a 'stopping' listener can be hurried with 'close-all'", async () => {
    t = recordingEngine()
    const { id, port } = await startListener()
    const socket = await client(port)
    await t.event('connection-accepted')
    expect((await t.value('listener:stop', { listenerId: id, mode: 'let-finish' })).state).toBe(
      'stopping',
    )
    expect((await t.error('listener:stop', { listenerId: id, mode: 'let-finish' })).code).toBe(
      'BAD_STATE',
    )
    expect((await t.value('listener:stop', { listenerId: id, mode: 'close-all' })).state).toBe(
      'stopped',
    )
    await closed(socket)
  })

  it('connection:close destroys one connection with reason us', async () => {
    t = recordingEngine()
    const { id, port } = await startListener()
    const a = await client(port)
    await client(port)
    await t.event('connection-accepted', (e) => e.connection.number === 2)
    expect(await t.value('connection:close', { connectionId: `${id}#1` })).toBeNull()
    await closed(a)
    const snapshot = await t.value('engine:snapshot', {})
    expect(snapshot.connections.map((c) => [c.state, c.closeReason])).toEqual([
      ['closed', 'us'],
      ['open', null],
    ])
  })

  it('listener:remove closes everything, frees captures and forgets the listener', async () => {
    t = recordingEngine()
    const { id, port } = await startListener()
    const socket = await client(port)
    await send(socket, 'bytes')
    await waitFor(lastData(`${id}#1`, 5), 'the bytes')
    expect(await t.value('listener:remove', { listenerId: id })).toBeNull()
    await closed(socket)
    await t.event('listener-removed', (e) => e.listenerId === id)
    const snapshot = await t.value('engine:snapshot', {})
    expect(snapshot.listeners).toEqual([])
    expect(snapshot.connections).toEqual([])
    expect(snapshot.capture.captured).toBe(0)
    expect(
      (await t.error('connection:read', { connectionId: `${id}#1`, offset: 0, length: 1 })).code,
    ).toBe('NOT_FOUND')
  })

  it('shutdown closes every listener and connection', async () => {
    t = recordingEngine()
    const { port } = await startListener()
    const { port: port2 } = await startListener()
    const socket = await client(port)
    await t.event('connection-accepted')
    await t.engine.shutdown()
    await closed(socket)
    expect(await tryConnect(port)).toBe('ECONNREFUSED')
    expect(await tryConnect(port2)).toBe('ECONNREFUSED')
  })
})

describe('maxConnections', () => {
  it('drops the connection past the limit, counts it, and applies a new limit live', async () => {
    t = recordingEngine()
    const { id, port } = await startListener({ maxConnections: 2 })
    await client(port)
    await client(port)
    await t.event('connection-accepted', (e) => e.connection.number === 2)
    const third = await client(port)
    const thirdPort = third.localPort
    const dropped = await t.event('connection-dropped')
    expect(dropped).toMatchObject({ listenerId: id, dropped: 1 })
    expect(dropped.remote).toMatchObject({ address: '127.0.0.1', port: thirdPort })
    await closed(third)
    let snapshot = await t.value('engine:snapshot', {})
    expect(snapshot.listeners[0]?.counters).toMatchObject({ accepted: 2, dropped: 1, open: 2 })

    const updated = await t.value('listener:update', { listenerId: id, maxConnections: null })
    expect(updated.settings.maxConnections).toBeNull()
    await client(port)
    await t.event('connection-accepted', (e) => e.connection.number === 3)
    snapshot = await t.value('engine:snapshot', {})
    expect(snapshot.listeners[0]?.counters).toMatchObject({ accepted: 3, dropped: 1, open: 3 })
  })
})
