/**
 * Browser mode's WebSocket messages: the same contract as Electron's IPC, framed as JSON.
 *
 * Client → server: {@link WireRequest}. Server → client: {@link WireMessage}. The server validates
 * each frame with {@link parseWireRequest} and answers garbage with an error, never a crash.
 */
import type { EventBatch } from './contract'
import type { AppError, Result } from './result'

export interface WireRequest {
  kind: 'request'
  id: number
  channel: string
  request: unknown
}

export type WireMessage =
  | { kind: 'response'; id: number; result: Result<unknown> }
  | { kind: 'events'; batch: EventBatch }
  /** A frame that could not be read at all (no id to answer to). */
  | { kind: 'error'; error: AppError }

/** Largest frame the server reads: a send of MAX_SEND_BYTES as base64, plus the envelope. */
export const MAX_WIRE_FRAME = 12 * 1024 * 1024

/** WebSocket path; the token rides in the query string. */
export const WS_PATH = '/ws'

export function parseWireRequest(text: string): WireRequest | AppError {
  let data: unknown
  try {
    data = JSON.parse(text)
  } catch {
    return { code: 'INVALID_REQUEST', message: 'The frame is not JSON' }
  }
  if (typeof data !== 'object' || data === null || Array.isArray(data))
    return { code: 'INVALID_REQUEST', message: 'The frame must be a JSON object' }
  const frame = data as Record<string, unknown>
  if (frame.kind !== 'request')
    return { code: 'INVALID_REQUEST', message: 'kind must be "request"' }
  if (typeof frame.id !== 'number' || !Number.isSafeInteger(frame.id) || frame.id < 0)
    return { code: 'INVALID_REQUEST', message: 'id must be a non-negative integer' }
  if (typeof frame.channel !== 'string')
    return { code: 'INVALID_REQUEST', message: 'channel must be a string' }
  return { kind: 'request', id: frame.id, channel: frame.channel, request: frame.request }
}
