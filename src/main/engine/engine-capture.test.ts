import type { Socket } from 'node:net'
import { describe, expect, it } from 'vitest'
import type { AddListenerRequest } from '../../shared/contract'
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

let t: TestEngine
const clients: Socket[] = []

cleanUpAfterEach(() => t, clients)

async function setUp(
  options: EngineOptions,
  request: AddListenerRequest = {},
): Promise<{ id: string; port: number }> {
  t = recordingEngine(options)
  const added = await t.value('listener:add', { port: 0, ...request })
  const started = await t.value('listener:start', { listenerId: added.id })
  return { id: added.id, port: started.bound?.port ?? -1 }
}

async function sendFrom(port: number, data: string): Promise<Socket> {
  const socket = await connectClient(port)
  clients.push(socket)
  await send(socket, data)
  return socket
}

function received(connectionId: string, bytesIn: number): Promise<unknown> {
  return t.event('connection-data', (e) => e.connectionId === connectionId && e.bytesIn === bytesIn)
}

describe('capture caps', () => {
  it('keeps at most the per-connection cap, counts everything, marks truncated', async () => {
    const { id, port } = await setUp({}, { captureLimitPerConnection: 10 })
    const data = 'abcdefghijklmnopqrstuvwxy' // 25 bytes
    await sendFrom(port, data)
    await received(`${id}#1`, 25)
    const bytes = await t.value('connection:read', {
      connectionId: `${id}#1`,
      offset: 0,
      length: 100,
    })
    expect(Buffer.from(bytes.base64, 'base64').toString()).toBe('abcdefghij')
    expect(bytes).toMatchObject({ offset: 0, captured: 10, bytesIn: 25, truncated: true })
    const beyond = await t.value('connection:read', {
      connectionId: `${id}#1`,
      offset: 12,
      length: 5,
    })
    expect(beyond).toMatchObject({ offset: 12, base64: '', chunks: [] })
    const snapshot = await t.value('engine:snapshot', {})
    expect(snapshot.connections[0]).toMatchObject({ bytesIn: 25, captured: 10, truncated: true })
    expect(snapshot.capture.captured).toBe(10)
    expect(snapshot.listeners[0]?.counters.bytesIn).toBe(25)
  })

  it('shares the engine-wide cap across connections and frees it when the listener goes', async () => {
    const { id, port } = await setUp({ totalCaptureLimit: 15 })
    await sendFrom(port, '0123456789')
    await received(`${id}#1`, 10)
    const second = await sendFrom(port, 'ABCDEFGHIJ')
    await received(`${id}#2`, 10)
    const first = await t.value('connection:read', {
      connectionId: `${id}#1`,
      offset: 0,
      length: 100,
    })
    const other = await t.value('connection:read', {
      connectionId: `${id}#2`,
      offset: 0,
      length: 100,
    })
    expect(Buffer.from(first.base64, 'base64').toString()).toBe('0123456789')
    expect(first.truncated).toBe(false)
    expect(Buffer.from(other.base64, 'base64').toString()).toBe('ABCDE')
    expect(other).toMatchObject({ captured: 5, bytesIn: 10, truncated: true })
    await t.event('capture-totals', (e) => e.totals.captured === 15)
    expect((await t.value('engine:snapshot', {})).capture).toEqual({ captured: 15, limit: 15 })

    // A closed connection's capture stays readable.
    second.end()
    await t.event('connection-peer-ended', (e) => e.connectionId === `${id}#2`)
    await t.value('connection:close', { connectionId: `${id}#2`, how: 'fin' })
    await closed(second)
    await t.event('connection-closed', (e) => e.connectionId === `${id}#2`)
    const afterClose = await t.value('connection:read', {
      connectionId: `${id}#2`,
      offset: 0,
      length: 100,
    })
    expect(Buffer.from(afterClose.base64, 'base64').toString()).toBe('ABCDE')

    await t.value('listener:remove', { listenerId: id })
    await t.event('capture-totals', (e) => e.totals.captured === 0)
    expect((await t.value('engine:snapshot', {})).capture).toEqual({ captured: 0, limit: 15 })
  })

  it('a lowered cap applies to live connections; nothing after the cut is kept', async () => {
    const { id, port } = await setUp({})
    const socket = await sendFrom(port, 'first')
    await received(`${id}#1`, 5)
    await t.value('listener:update', { listenerId: id, captureLimitPerConnection: 7 })
    await send(socket, 'second')
    await received(`${id}#1`, 11)
    await t.value('listener:update', { listenerId: id, captureLimitPerConnection: 1000 })
    await send(socket, 'third')
    await received(`${id}#1`, 16)
    const bytes = await t.value('connection:read', {
      connectionId: `${id}#1`,
      offset: 0,
      length: 100,
    })
    expect(Buffer.from(bytes.base64, 'base64').toString()).toBe('firstse')
    expect(bytes).toMatchObject({ captured: 7, bytesIn: 16, truncated: true })
    await waitFor(
      () => t.events().some((e) => e.type === 'connection-data' && e.chunksIn === 3),
      'the third read',
    )
  })
})
