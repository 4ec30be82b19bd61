import type { Socket } from 'node:net'
import { describe, expect, it } from 'vitest'
import {
  closed,
  connectClient,
  recordingEngine,
  startListener,
  type TestEngine,
  cleanUpAfterEach,
} from './engine-test-kit'

let t: TestEngine
const clients: Socket[] = []

cleanUpAfterEach(() => t, clients)

async function client(port: number): Promise<Socket & { errors: Error[] }> {
  const socket = await connectClient(port)
  clients.push(socket)
  return socket
}

/** The client half-closes (FIN), the server sees it, then the client resets (RST). */
async function finThenReset(port: number, connectionId: string): Promise<void> {
  const socket = await client(port)
  await t.event('connection-accepted', (e) => e.connection.id === connectionId)
  socket.end()
  await t.event('connection-peer-ended', (e) => e.connectionId === connectionId)
  socket.resetAndDestroy()
  await closed(socket)
}

describe('a half-closed connection whose peer is gone', () => {
  it('is found by the probe, closed as reset, frees its place and lets a graceful stop end', async () => {
    t = recordingEngine({ halfClosedProbeMs: 20 })
    const { id, port } = await startListener(t, { responder: 'silent', maxConnections: 1 })

    await finThenReset(port, `${id}#1`)
    const lost = await t.event('connection-closed', (e) => e.connectionId === `${id}#1`)
    expect(lost).toMatchObject({ reason: 'reset', isFoundByProbe: true })
    expect(['EPIPE', 'ECONNRESET']).toContain(lost.errorCode)
    const snap = await t.value('engine:snapshot', {})
    expect(snap.connections.find((c) => c.id === `${id}#1`)).toMatchObject({
      state: 'closed',
      closeReason: 'reset',
      isFoundByProbe: true,
    })
    expect(snap.listeners[0]?.counters.open).toBe(0)

    // Its place under max connections (1) is free again: the next client is accepted.
    const next = await client(port)
    await t.event('connection-accepted', (e) => e.connection.id === `${id}#2`)
    expect(t.events().some((e) => e.type === 'connection-dropped')).toBe(false)

    // A graceful stop waits for #2, and ends once #2 half-closes and resets too.
    const stopping = await t.value('listener:stop', { listenerId: id, mode: 'let-finish' })
    expect(stopping.state).toBe('stopping')
    next.end()
    await t.event('connection-peer-ended', (e) => e.connectionId === `${id}#2`)
    next.resetAndDestroy()
    await t.event('listener-changed', (e) => e.listener.state === 'stopped')
  })

  it('leaves a healthy half-closed connection open', async () => {
    t = recordingEngine({ halfClosedProbeMs: 10 })
    const { id, port } = await startListener(t, { responder: 'silent' })
    const healthy = await client(port)
    healthy.end()
    await t.event('connection-peer-ended', (e) => e.connectionId === `${id}#1`)
    // The sweeps that find #2 gone probed #1 too: the zero-length write leaves it be.
    await finThenReset(port, `${id}#2`)
    await t.event('connection-closed', (e) => e.connectionId === `${id}#2`)
    expect(
      t.events().some((e) => e.type === 'connection-closed' && e.connectionId === `${id}#1`),
    ).toBe(false)
    expect(healthy.errors).toEqual([])
    const snap = await t.value('engine:snapshot', {})
    expect(snap.connections.find((c) => c.id === `${id}#1`)?.state).toBe('peer-ended')
    await t.value('connection:close', { connectionId: `${id}#1`, how: 'fin' })
    const ended = await t.event('connection-closed', (e) => e.connectionId === `${id}#1`)
    expect(ended).toMatchObject({ reason: 'peer', errorCode: null })
    expect(ended.isFoundByProbe).toBeUndefined()
  })
})
