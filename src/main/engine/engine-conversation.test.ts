import type { Socket } from 'node:net'
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import type { AddListenerRequest, CloseHow, Direction } from '../../shared/contract'
import type { EngineOptions } from './engine-api'
import {
  closed,
  connectClient,
  recordingEngine,
  send,
  waitFor,
  type TestEngine,
  cleanUpAfterEach,
} from './engine-test-kit'
import { parseComposerText } from '../../shared/compose'

let t: TestEngine
const clients: Socket[] = []

cleanUpAfterEach(() => t, clients)

/** A client that records what the server sends and whether it saw the server's FIN. */
interface Peer {
  socket: Socket & { errors: Error[] }
  received(): Buffer
  hasEnded(): boolean
}

async function startListener(
  options: EngineOptions = {},
  request: AddListenerRequest = {},
): Promise<{ id: string; port: number }> {
  t = recordingEngine(options)
  const added = await t.value('listener:add', { port: 0, ...request })
  const started = await t.value('listener:start', { listenerId: added.id })
  return { id: added.id, port: started.bound?.port ?? -1 }
}

async function peer(
  port: number,
  listenerId: string,
  number: number,
  allowHalfOpen = false,
): Promise<Peer> {
  const socket = await connectClient(port, '127.0.0.1', allowHalfOpen)
  clients.push(socket)
  const parts: Buffer[] = []
  let ended = false
  socket.on('data', (data: Buffer) => parts.push(data))
  socket.on('end', () => (ended = true))
  await t.event('connection-accepted', (e) => e.connection.id === `${listenerId}#${number}`)
  return { socket, received: () => Buffer.concat(parts), hasEnded: () => ended }
}

const b64 = (data: string | Uint8Array): string =>
  (typeof data === 'string' ? Buffer.from(data) : Buffer.from(data)).toString('base64')

async function read(connectionId: string, direction?: Direction): Promise<Buffer> {
  const request = { connectionId, offset: 0, length: 1 << 22 }
  const bytes = await t.value('connection:read', direction ? { ...request, direction } : request)
  return Buffer.from(bytes.base64, 'base64')
}

async function snapshotOf(connectionId: string) {
  const snapshot = await t.value('engine:snapshot', {})
  const connection = snapshot.connections.find((c) => c.id === connectionId)
  if (connection === undefined) throw new Error(`no ${connectionId} in the snapshot`)
  return { connection, snapshot }
}

/** Resolves once the engine has received `total` bytes on the connection. */
function bytesIn(connectionId: string, total: number): Promise<unknown> {
  return waitFor(
    async () => (await snapshotOf(connectionId)).connection.bytesIn >= total,
    `${total} bytes in`,
  )
}

describe('connection:send', () => {
  it('writes exactly the bytes and captures them as out, in conversation order', async () => {
    const { id, port } = await startListener()
    const cid = `${id}#1`
    const client = await peer(port, id, 1)
    await send(client.socket, 'GET / HTTP/1.1\r\n\r\n')
    await bytesIn(cid, 18)
    const answer = 'HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\nhi'
    expect(await t.value('connection:send', { connectionId: cid, base64: b64(answer) })).toEqual({
      bytes: answer.length,
    })
    await waitFor(() => client.received().length === answer.length, 'the answer at the client')
    expect(client.received().toString()).toBe(answer)
    await send(client.socket, 'more')
    await bytesIn(cid, 22)

    const chunks = await t.value('connection:chunks', { connectionId: cid, from: 0, count: 10 })
    expect(chunks.total).toBe(chunks.chunks.length)
    expect(chunks.chunks.map((c) => c.direction)).toEqual(
      expect.arrayContaining(['in', 'out', 'in']),
    )
    const directions = chunks.chunks.map((c) => c.direction)
    const outAt = directions.indexOf('out')
    expect(directions.slice(0, outAt).every((d) => d === 'in')).toBe(true)
    expect(directions.slice(outAt + 1)).toEqual(directions.slice(outAt + 1).map(() => 'in'))
    expect(chunks.chunks[outAt]).toMatchObject({
      offset: 0,
      size: answer.length,
      kept: answer.length,
    })
    expect(chunks.chunks.slice(outAt + 1)[0]?.offset).toBe(18)

    expect((await read(cid)).toString()).toBe('GET / HTTP/1.1\r\n\r\nmore')
    expect((await read(cid, 'in')).toString()).toBe('GET / HTTP/1.1\r\n\r\nmore')
    expect((await read(cid, 'out')).toString()).toBe(answer)
    const { connection, snapshot } = await snapshotOf(cid)
    expect(connection).toMatchObject({
      bytesIn: 22,
      bytesOut: answer.length,
      chunksOut: 1,
      captured: 22,
      capturedOut: answer.length,
      truncated: false,
    })
    expect(connection.firstByteInMono).toBeGreaterThanOrEqual(connection.acceptedMono)
    expect(connection.lastByteMono).toBeGreaterThanOrEqual(connection.firstByteInMono ?? Infinity)
    expect(snapshot.listeners[0]?.counters).toMatchObject({ bytesIn: 22, bytesOut: answer.length })
    const outEvent = await t.event('connection-data', (e) => e.direction === 'out')
    expect(outEvent).toMatchObject({
      connectionId: cid,
      bytes: answer.length,
      bytesOut: answer.length,
      capturedOut: answer.length,
      listenerBytesOut: answer.length,
      preview: b64(answer),
    })
    expect(outEvent.mono).toBeGreaterThan(0)
  })

  it('refuses a closed or we-ended connection with BAD_STATE, and bad input', async () => {
    const { id, port } = await startListener()
    const client = await peer(port, id, 1)
    expect(await t.error('connection:send', { connectionId: `${id}#1`, base64: '' })).toMatchObject(
      {
        code: 'INVALID_INPUT',
        reason: 'send-empty',
      },
    )
    expect(
      (await t.error('connection:send', { connectionId: `${id}#9`, base64: 'AA==' })).code,
    ).toBe('NOT_FOUND')
    await t.value('connection:close', { connectionId: `${id}#1`, how: 'fin' })
    expect(
      (await t.error('connection:send', { connectionId: `${id}#1`, base64: 'AA==' })).code,
    ).toBe('BAD_STATE')
    client.socket.end()
    await t.event('connection-closed', (e) => e.connectionId === `${id}#1`)
    expect(
      (await t.error('connection:send', { connectionId: `${id}#1`, base64: 'AA==' })).code,
    ).toBe('BAD_STATE')
  })

  it('may still send after the peer ended (half-open), then FIN closes with reason peer', async () => {
    const { id, port } = await startListener()
    const cid = `${id}#1`
    const client = await peer(port, id, 1)
    await send(client.socket, 'request')
    client.socket.end()
    await t.event('connection-peer-ended', (e) => e.connectionId === cid)
    await t.value('connection:send', { connectionId: cid, base64: b64('late answer') })
    await waitFor(() => client.received().toString() === 'late answer', 'the late answer')
    await t.value('connection:close', { connectionId: cid, how: 'fin' })
    const closedEvent = await t.event('connection-closed', (e) => e.connectionId === cid)
    expect(closedEvent).toMatchObject({ reason: 'peer', errorCode: null })
    await closed(client.socket)
    expect(client.hasEnded()).toBe(true)
  })

  it('a write the peer can no longer take closes the connection with its code, no crash', async () => {
    const { id, port } = await startListener()
    const cid = `${id}#1`
    const client = await peer(port, id, 1)
    // The peer's FIN, then its socket is gone: our next writes meet an RST, then EPIPE.
    client.socket.destroy()
    await t.event('connection-peer-ended', (e) => e.connectionId === cid)
    await waitFor(async () => {
      const result = await t.request('connection:send', {
        connectionId: cid,
        base64: b64('x'.repeat(1000)),
      })
      return !result.ok || (await snapshotOf(cid)).connection.state === 'closed'
    }, 'a failed write')
    const closedEvent = await t.event('connection-closed', (e) => e.connectionId === cid)
    expect(['error', 'reset']).toContain(closedEvent.reason)
    expect(['EPIPE', 'ECONNRESET']).toContain(closedEvent.errorCode)
    // The engine goes on.
    await peer(port, id, 2)
  })
})

describe('round trip, byte-exact (property)', () => {
  it('captures what a client sends as in, and delivers and captures what we send as out', async () => {
    const { id, port } = await startListener()
    let number = 0
    await fc.assert(
      fc.asyncProperty(
        fc.uint8Array({ minLength: 1, maxLength: 4096 }),
        fc.uint8Array({ minLength: 1, maxLength: 4096 }),
        async (fromClient, fromServer) => {
          number += 1
          const cid = `${id}#${number}`
          const client = await peer(port, id, number)
          await send(client.socket, Buffer.from(fromClient))
          await bytesIn(cid, fromClient.length)
          await t.value('connection:send', { connectionId: cid, base64: b64(fromServer) })
          await waitFor(
            () => client.received().length >= fromServer.length,
            'the bytes at the client',
          )
          expect(client.received()).toEqual(Buffer.from(fromServer))
          expect(await read(cid, 'in')).toEqual(Buffer.from(fromClient))
          expect(await read(cid, 'out')).toEqual(Buffer.from(fromServer))
          client.socket.destroy()
        },
      ),
      { numRuns: 25 },
    )
  })

  it('composer text → parsed → sent → the same bytes at the client and in the capture', async () => {
    const { id, port } = await startListener()
    let number = 0
    // What a person would type for these bytes: printable ASCII as is, the rest as escapes.
    const asTyped = (bytes: Uint8Array): string =>
      Array.from(bytes, (b) =>
        b === 0x5c
          ? '\\\\'
          : b >= 0x20 && b < 0x7f
            ? String.fromCharCode(b)
            : `\\x${b.toString(16).padStart(2, '0')}`,
      ).join('')
    await fc.assert(
      fc.asyncProperty(fc.uint8Array({ minLength: 1, maxLength: 2048 }), async (wanted) => {
        number += 1
        const cid = `${id}#${number}`
        const client = await peer(port, id, number)
        const composed = parseComposerText(asTyped(wanted), 'as-typed')
        if (!composed.ok) throw new Error(`composer refused: ${JSON.stringify(composed.error)}`)
        await t.value('connection:send', { connectionId: cid, base64: b64(composed.value) })
        await waitFor(() => client.received().length >= wanted.length, 'the bytes at the client')
        expect(client.received()).toEqual(Buffer.from(wanted))
        expect(await read(cid, 'out')).toEqual(Buffer.from(wanted))
        client.socket.destroy()
      }),
      { numRuns: 25 },
    )
  })
})

describe('connection:close how', () => {
  it("'fin': the client reads EOF, can still send (captured), and its end closes (reason us)", async () => {
    const { id, port } = await startListener()
    const cid = `${id}#1`
    const client = await peer(port, id, 1, true)
    expect(await t.value('connection:close', { connectionId: cid, how: 'fin' })).toBeNull()
    await t.event('connection-we-ended', (e) => e.connectionId === cid)
    await waitFor(() => client.hasEnded(), 'EOF at the client')
    expect((await snapshotOf(cid)).connection.state).toBe('we-ended')
    await send(client.socket, 'after your FIN')
    await bytesIn(cid, 14)
    expect((await read(cid)).toString()).toBe('after your FIN')
    // A second FIN changes nothing.
    expect(await t.value('connection:close', { connectionId: cid, how: 'fin' })).toBeNull()
    client.socket.end()
    const closedEvent = await t.event('connection-closed', (e) => e.connectionId === cid)
    expect(closedEvent).toMatchObject({ reason: 'us', errorCode: null })
    await closed(client.socket)
    expect(client.socket.errors).toEqual([])
    // Closing a closed connection is a no-op.
    expect(await t.value('connection:close', { connectionId: cid, how: 'reset' })).toBeNull()
  })

  it("'reset': the client gets ECONNRESET; reason us-reset, no error code", async () => {
    const { id, port } = await startListener()
    const cid = `${id}#1`
    const client = await peer(port, id, 1)
    await t.value('connection:close', { connectionId: cid, how: 'reset' })
    const closedEvent = await t.event('connection-closed', (e) => e.connectionId === cid)
    expect(closedEvent).toMatchObject({ reason: 'us-reset', errorCode: null })
    expect((await snapshotOf(cid)).connection.closeReason).toBe('us-reset')
    await closed(client.socket)
    expect(client.socket.errors.map((e) => (e as NodeJS.ErrnoException).code)).toEqual([
      'ECONNRESET',
    ])
  })

  it("'destroy' is the default", async () => {
    const { id, port } = await startListener()
    const client = await peer(port, id, 1)
    await t.value('connection:close', { connectionId: `${id}#1` })
    await closed(client.socket)
    expect((await snapshotOf(`${id}#1`)).connection).toMatchObject({
      state: 'closed',
      closeReason: 'us',
    })
  })
})

describe('connections:close-all', () => {
  it.each<CloseHow>(['fin', 'reset', 'destroy'])(
    "closes every open connection '%s', of one listener or all",
    async (how) => {
      const { id, port } = await startListener()
      const other = await t.value('listener:add', { port: 0 })
      const otherPort =
        (await t.value('listener:start', { listenerId: other.id })).bound?.port ?? -1
      const a = await peer(port, id, 1)
      const b = await peer(port, id, 2)
      const c = await peer(otherPort, other.id, 1)
      const first = await t.value('connections:close-all', { listenerId: id, how })
      expect(first).toEqual({ closed: 2 })
      for (const client of [a, b]) {
        if (how === 'fin') {
          await waitFor(() => client.hasEnded(), 'EOF')
          client.socket.end()
        }
        await closed(client.socket)
      }
      if (how === 'reset')
        for (const client of [a, b])
          expect(client.socket.errors.map((e) => (e as NodeJS.ErrnoException).code)).toEqual([
            'ECONNRESET',
          ])
      await waitFor(
        () => t.events().filter((e) => e.type === 'connection-closed').length === 2,
        'two closed',
      )
      expect(c.socket.closed).toBe(false)
      expect((await t.value('connections:close-all', { how })).closed).toBe(1)
      if (how === 'fin') {
        await waitFor(() => c.hasEnded(), 'EOF')
        c.socket.end()
      }
      await closed(c.socket)
      await t.event('connection-closed', (e) => e.connectionId === `${other.id}#1`)
      expect(await t.value('connections:close-all', { how })).toEqual({ closed: 0 })
      expect((await t.error('connections:close-all', { listenerId: 'L99', how })).code).toBe(
        'NOT_FOUND',
      )
    },
  )
})
