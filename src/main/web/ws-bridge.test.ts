import { once } from 'node:events'
import type { AddressInfo } from 'node:net'
import { afterEach, expect, it } from 'vitest'
import WebSocket, { WebSocketServer } from 'ws'
import type { Engine } from '../engine/engine-api'
import type { WireMessage } from '../../shared/wire'
import { bridgeEngine } from './ws-bridge'

const cleanups: Array<() => Promise<void> | void> = []
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup()
})

/** A bridge over a real WebSocket server on port 0 for `engine`; the lines it logged. */
async function bridge(engine: Engine, maxBufferedBytes: number) {
  const wss = new WebSocketServer({ host: '127.0.0.1', port: 0 })
  await once(wss, 'listening')
  const lines: string[] = []
  const dispose = bridgeEngine({ engine, wss, log: (l) => lines.push(l), maxBufferedBytes })
  cleanups.push(() => new Promise<void>((resolve) => wss.close(() => resolve())), dispose)
  const ws = new WebSocket(`ws://127.0.0.1:${(wss.address() as AddressInfo).port}`)
  await once(ws, 'open')
  cleanups.push(() => ws.terminate())
  return { ws, lines }
}

it('sends one answer bigger than the buffer limit to a client that reads (a big snapshot after a reload)', async () => {
  // 70,000 kept connections made a snapshot over 32 MB: the page's WebSocket was dropped as if
  // it had stopped reading, and a reload showed no connections. The limit is on what piles up.
  const big = 'x'.repeat(256 * 1024)
  const engine: Engine = {
    handle: async () => ({ ok: true, value: big }),
    subscribe: () => () => {},
    shutdown: async () => {},
  }
  const { ws, lines } = await bridge(engine, 64 * 1024)
  const answer = new Promise<WireMessage>((resolve, reject) => {
    ws.once('message', (data) => resolve(JSON.parse(String(data)) as WireMessage))
    ws.once('close', () => reject(new Error('the server closed the WebSocket')))
  })
  ws.send(JSON.stringify({ kind: 'request', id: 1, channel: 'engine:snapshot', request: {} }))
  const message = await answer
  expect(message).toMatchObject({ kind: 'response', id: 1, result: { ok: true } })
  expect(message.kind === 'response' && message.result.ok && message.result.value).toBe(big)
  expect(lines.join('\n')).not.toMatch(/stopped reading/)
})
