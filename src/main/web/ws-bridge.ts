/**
 * Browser mode's transport: the engine's requests and event batches over WebSocket frames.
 *
 * A frame that cannot be read gets an error answer; nothing a client sends can close the server
 * or another client's socket.
 */
import WebSocket, { type RawData, type WebSocketServer } from 'ws'
import type { EventBatch } from '../../shared/contract'
import { fail } from '../../shared/result'
import { parseWireRequest, type WireMessage } from '../../shared/wire'
import { packBatch } from '../../shared/wire-pack'
import type { Engine } from '../engine/engine-api'

/**
 * A client that lets this much pile up unsent is dropped rather than buffered without bound.
 *
 * It is a limit on the backlog, not on one message: a snapshot of many connections may be bigger
 * on its own, and a page that reads must still get it.
 */
export const MAX_BUFFERED_BYTES = 32 * 1024 * 1024

export interface BridgeOptions {
  engine: Engine
  wss: WebSocketServer
  log: (line: string) => void
  maxBufferedBytes?: number
}

function toBuffer(data: RawData): Buffer {
  if (Buffer.isBuffer(data)) return data
  if (Array.isArray(data)) return Buffer.concat(data)
  return Buffer.from(data)
}

/**
 * Serves every connection of `wss` and broadcasts engine batches to the open ones.
 *
 * Returns the dispose (the engine subscription); closing the sockets is the server's job.
 */
export function bridgeEngine(options: BridgeOptions): () => void {
  const { engine, wss, log } = options
  const limit = options.maxBufferedBytes ?? MAX_BUFFERED_BYTES

  /** Sends one serialized message, or drops a client that stopped reading. */
  const sendText = (ws: WebSocket, text: string): void => {
    if (ws.readyState !== WebSocket.OPEN) return
    if (ws.bufferedAmount > limit) {
      log('Socket Lab: a browser tab stopped reading; closing its WebSocket')
      ws.terminate()
      return
    }
    ws.send(text, (error) => {
      if (error) log(`Socket Lab: WebSocket send failed: ${error.message}`)
    })
  }
  const send = (ws: WebSocket, message: WireMessage): void => sendText(ws, JSON.stringify(message))

  wss.on('connection', (ws: WebSocket) => {
    ws.on('error', (error) => log(`Socket Lab: WebSocket error: ${error.message}`))
    ws.on('message', (data: RawData, isBinary: boolean) => {
      if (isBinary) {
        send(ws, {
          kind: 'error',
          error: { code: 'INVALID_REQUEST', message: 'Binary frames are not accepted' },
        })
        return
      }
      const frame = parseWireRequest(toBuffer(data).toString('utf8'))
      if ('code' in frame) {
        send(ws, { kind: 'error', error: frame })
        return
      }
      void engine
        .handle(frame.channel, frame.request)
        .catch((error: unknown) => {
          log(`Socket Lab: ${frame.channel} threw: ${String(error)}`)
          return fail({ code: 'INTERNAL', message: 'Internal error' })
        })
        .then((result) => send(ws, { kind: 'response', id: frame.id, result }))
    })
  })

  return engine.subscribe((batch: EventBatch) => {
    if (wss.clients.size === 0) return
    // Packed once for every tab: a third of the bytes to write, carry and parse.
    const text = JSON.stringify({ kind: 'events', batch: packBatch(batch) } satisfies WireMessage)
    for (const ws of wss.clients) sendText(ws, text)
  })
}
