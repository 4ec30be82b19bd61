/**
 * Browser mode's WebSocket messages: the same contract as Electron's IPC, framed as JSON.
 *
 * Client → server: {@link WireRequest}. Server → client: {@link WireMessage}. The server validates
 * each frame with {@link parseWireRequest} and answers garbage with an error, never a crash.
 */
import { jsonShape } from './json-limits'
import type { AppError, Result } from './result'
import type { PackedBatch } from './wire-pack'

export interface WireRequest {
  kind: 'request'
  id: number
  channel: string
  request: unknown
}

export type WireMessage =
  | { kind: 'response'; id: number; result: Result<unknown> }
  /** An event batch, packed (wire-pack.ts): unpackBatch gives the EventBatch back. */
  | { kind: 'events'; batch: PackedBatch }
  /** A frame that could not be read at all (no id to answer to). */
  | { kind: 'error'; error: AppError }

/** Largest frame the server reads: a send of MAX_SEND_BYTES as base64, plus the envelope. */
export const MAX_WIRE_FRAME = 12 * 1024 * 1024

/**
 * Deepest nesting of arrays and objects a frame may have, checked before it is parsed: the
 * deepest real request (settings:set with lesson progress) nests 6 levels, frame included. A
 * 12 MB frame of brackets would otherwise make JSON.parse build millions of nested values while
 * the engine waits.
 */
export const MAX_WIRE_DEPTH = 32

/**
 * Most arrays, objects and commas a frame may have (see jsonShape), checked before it is parsed:
 * a few thousand make the largest real request (settings:set with every listener), while a 12 MB
 * frame of four million empty objects held the engine for seconds and took hundreds of MB.
 */
export const MAX_WIRE_ITEMS = 100_000

/** WebSocket path; the token rides in the query string. */
export const WS_PATH = '/ws'

/**
 * A frame's request, or the INVALID_REQUEST error to answer it with. Costs one linear scan before
 * any parsing: a frame nested deeper than {@link MAX_WIRE_DEPTH}, or with more than
 * {@link MAX_WIRE_ITEMS} values, is refused unparsed (whichever limit the scan meets first).
 */
export function parseWireRequest(text: string): WireRequest | AppError {
  const shape = jsonShape(text, { depth: MAX_WIRE_DEPTH + 1, items: MAX_WIRE_ITEMS + 1 })
  if (shape.depth > MAX_WIRE_DEPTH)
    return {
      code: 'INVALID_REQUEST',
      message: `The frame nests arrays and objects more than ${MAX_WIRE_DEPTH} levels deep`,
    }
  if (shape.items > MAX_WIRE_ITEMS)
    return {
      code: 'INVALID_REQUEST',
      message: `The frame holds too many values (more than ${MAX_WIRE_ITEMS} arrays, objects and commas)`,
    }
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
