/**
 * Browser mode's WebSocket against hostile frames: a frame nested deeper than any request, or
 * holding millions of values, is answered with an error before it is parsed, and the socket keeps
 * serving.
 */
import { once } from 'node:events'
import type { AddressInfo } from 'node:net'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import WebSocket, { WebSocketServer } from 'ws'
import { MAX_WIRE_DEPTH, MAX_WIRE_FRAME, MAX_WIRE_ITEMS, type WireMessage } from '../../shared/wire'
import { createEngine } from '../engine/engine'
import type { Engine } from '../engine/engine-api'
import { bridgeEngine } from './ws-bridge'

let engine: Engine
let wss: WebSocketServer
let dispose: () => void
let port: number
const logged: string[] = []

beforeAll(async () => {
  engine = createEngine({ batchIntervalMs: 5 })
  // The server's own settings (server.ts): loopback, frames up to MAX_WIRE_FRAME.
  wss = new WebSocketServer({ host: '127.0.0.1', port: 0, maxPayload: MAX_WIRE_FRAME })
  await once(wss, 'listening')
  port = (wss.address() as AddressInfo).port
  dispose = bridgeEngine({ engine, wss, log: (line) => logged.push(line) })
})

afterAll(async () => {
  dispose?.()
  for (const ws of wss?.clients ?? []) ws.terminate()
  await new Promise<void>((resolve) => (wss ? wss.close(() => resolve()) : resolve()))
  await engine?.shutdown()
})

async function waitFor(condition: () => boolean, what: string, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`)
    await new Promise((resolve) => setTimeout(resolve, 5))
  }
}

async function open(): Promise<{ ws: WebSocket; messages: WireMessage[] }> {
  const ws = new WebSocket(`ws://127.0.0.1:${port}`)
  const messages: WireMessage[] = []
  ws.on('message', (data: Buffer) => messages.push(JSON.parse(data.toString()) as WireMessage))
  ws.on('error', () => {})
  await once(ws, 'open')
  return { ws, messages }
}

/** A request frame whose `request` is `depth` arrays inside each other. */
function nestedFrame(depth: number): string {
  const head = '{"kind":"request","id":1,"channel":"engine:snapshot","request":'
  return `${head}${'['.repeat(depth)}${']'.repeat(depth)}}`
}

describe('a deeply nested frame', () => {
  it('is answered with an error at once, and the next request on the socket is answered', async () => {
    // 12 MB, just under the frame limit: about six million arrays deep.
    const depth = Math.floor((MAX_WIRE_FRAME - 100) / 2)
    const frame = nestedFrame(depth)
    expect(frame.length).toBeLessThanOrEqual(MAX_WIRE_FRAME)
    const { ws, messages } = await open()
    ws.send(frame)
    ws.send(JSON.stringify({ kind: 'request', id: 2, channel: 'engine:snapshot', request: {} }))
    await waitFor(
      () => messages.some((m) => m.kind === 'response' && m.id === 2),
      'the request after the nested frame to be answered',
    )
    const error = messages.find((m) => m.kind === 'error')
    expect(error).toMatchObject({
      kind: 'error',
      error: { code: 'INVALID_REQUEST', message: expect.stringContaining(`${MAX_WIRE_DEPTH}`) },
    })
    expect(messages.find((m) => m.kind === 'response' && m.id === 2)).toMatchObject({
      result: { ok: true },
    })
    expect(ws.readyState).toBe(WebSocket.OPEN)
    ws.terminate()
  })
})

describe('a frame of millions of values', () => {
  it('is answered with an error at once, and the next request on the socket is answered', async () => {
    // 12 MB of empty objects: four million of them (JSON.parse took 1.7 s and 270 MB for it).
    const count = Math.floor((MAX_WIRE_FRAME - 100) / 3)
    const frame = `{"kind":"request","id":1,"channel":"engine:snapshot","request":[${'{},'.repeat(count)}{}]}`
    expect(frame.length).toBeLessThanOrEqual(MAX_WIRE_FRAME)
    const { ws, messages } = await open()
    ws.send(frame)
    ws.send(JSON.stringify({ kind: 'request', id: 2, channel: 'engine:snapshot', request: {} }))
    await waitFor(
      () => messages.some((m) => m.kind === 'response' && m.id === 2),
      'the request after the wide frame to be answered',
    )
    expect(messages.find((m) => m.kind === 'error')).toMatchObject({
      kind: 'error',
      error: { code: 'INVALID_REQUEST', message: expect.stringContaining(`${MAX_WIRE_ITEMS}`) },
    })
    expect(messages.some((m) => m.kind === 'response' && m.id === 1)).toBe(false)
    ws.terminate()
  })
})
