import type { Socket } from 'node:net'
import { describe, expect, it } from 'vitest'
import {
  connectClient,
  recordingEngine,
  startListener,
  waitFor,
  type TestEngine,
  cleanUpAfterEach,
} from './engine-test-kit'

let t: TestEngine
const clients: Socket[] = []

cleanUpAfterEach(() => t, clients)

const MB = 1024 * 1024

describe('echo to a peer that does not read', () => {
  it('stops at its 32 MB of unsent bytes and says so', { timeout: 30_000 }, async () => {
    t = recordingEngine()
    const { id, port } = await startListener(t, { responder: 'echo' })
    // Writes without ever reading: no 'data' listener, so the socket stays paused.
    const socket = await connectClient(port)
    clients.push(socket)
    const chunk = Buffer.alloc(MB, 0x61)
    let written = 0
    const capped = t.event('echo-capped', (e) => e.connectionId === `${id}#1`)
    let isCapped = false
    void capped.then(() => (isCapped = true))
    while (!isCapped && written < 96 * MB) {
      // Keep about 4 MB in flight: enough to fill the server's unsent queue, bounded memory.
      await waitFor(() => isCapped || socket.writableLength < 4 * MB, 'the client to drain')
      socket.write(chunk)
      written += MB
    }
    const event = await capped
    expect(event.limit).toBe(32 * MB)
    expect(event.unsent).toBeGreaterThan(32 * MB)

    const snap = await t.value('engine:snapshot', {})
    const before = snap.connections.find((c) => c.id === `${id}#1`)
    expect(before).toMatchObject({ state: 'open', isEchoCapped: true })
    // What arrives now is recorded, not echoed.
    socket.write(chunk)
    written += MB
    await waitFor(async () => {
      const now = await t.value('engine:snapshot', {})
      return now.connections.find((c) => c.id === `${id}#1`)?.bytesIn === written
    }, 'the server to read all that was written')
    const after = (await t.value('engine:snapshot', {})).connections.find((c) => c.id === `${id}#1`)
    expect(after?.bytesOut).toBe(before?.bytesOut)
    expect(t.events().filter((e) => e.type === 'echo-capped')).toHaveLength(1)
  })
})
