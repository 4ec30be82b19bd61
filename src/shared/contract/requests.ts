/**
 * What each request takes, as valibot schemas, and what some of them answer (the channel map pairs
 * them up).
 *
 * A request's type is its schema's input (`v.InferInput`): what a caller may send, e.g. a port as
 * typed text. The engine receives the schema's output (`ValidRequest` in validate.ts): cleaned,
 * the port a number, the host trimmed. The answers are not validated, so they stay interfaces.
 */
import * as v from 'valibot'
import { base64Bytes, flag, idSchema, integer, oneOf } from '../schema/fields'
import { listenerRequest, listenerSettingsEntries } from '../schema/listener'
import { emptyObject, strictObject } from '../schema/object'
import type { ChunkInfo, CloseHow, Direction, StopMode } from './domain'
import { MAX_CHUNKS_PER_READ, MAX_READ_LENGTH, MAX_SEARCH_PATTERN, MAX_SEND_BYTES } from './limits'

const STOP_MODES: readonly StopMode[] = ['let-finish', 'close-all']
const CLOSE_HOWS: readonly CloseHow[] = ['fin', 'reset', 'destroy']
const DIRECTIONS: readonly Direction[] = ['in', 'out']

const direction = oneOf(DIRECTIONS)

/** listener:add: any of a listener's settings (see schema/listener.ts); the rest default. */
export const addListenerSchema = listenerRequest(listenerSettingsEntries)
export type AddListenerRequest = v.InferInput<typeof addListenerSchema>

/** listener:update and listener:set-up: the listener, and the settings to change. */
export const updateListenerSchema = listenerRequest({
  listenerId: idSchema,
  ...listenerSettingsEntries,
})
export type UpdateListenerRequest = v.InferInput<typeof updateListenerSchema>

export const listenerIdSchema = strictObject({ listenerId: idSchema })
export type ListenerIdRequest = v.InferInput<typeof listenerIdSchema>

export const stopListenerSchema = strictObject({ listenerId: idSchema, mode: oneOf(STOP_MODES) })
export type StopListenerRequest = v.InferInput<typeof stopListenerSchema>

export const closeConnectionSchema = strictObject({
  connectionId: idSchema,
  /** Default 'destroy'. */
  how: v.optional(oneOf(CLOSE_HOWS)),
})
export type CloseConnectionRequest = v.InferInput<typeof closeConnectionSchema>

export const closeAllSchema = strictObject({
  how: oneOf(CLOSE_HOWS),
  /** Only this listener's connections; all listeners' when absent. */
  listenerId: v.optional(idSchema),
})
export type CloseAllRequest = v.InferInput<typeof closeAllSchema>

export const sendSchema = strictObject({
  connectionId: idSchema,
  /** Base64 of the bytes to write: 1 to MAX_SEND_BYTES bytes once decoded. */
  base64: base64Bytes('base64', MAX_SEND_BYTES, {
    empty: 'send-empty',
    tooLarge: 'send-too-large',
  }),
})
export type SendRequest = v.InferInput<typeof sendSchema>

export const readBytesSchema = strictObject({
  connectionId: idSchema,
  offset: integer('offset', 0, Number.MAX_SAFE_INTEGER),
  length: integer('length', 0, MAX_READ_LENGTH),
  /** Default 'in'. */
  direction: v.optional(direction),
})
export type ReadBytesRequest = v.InferInput<typeof readBytesSchema>

export const readChunksSchema = strictObject({
  connectionId: idSchema,
  /** Index in the conversation (both directions, in the order they happened). */
  from: integer('from', 0, Number.MAX_SAFE_INTEGER),
  count: integer('count', 0, MAX_CHUNKS_PER_READ),
})
export type ReadChunksRequest = v.InferInput<typeof readChunksSchema>

export const searchSchema = strictObject({
  connectionId: idSchema,
  direction,
  /** Base64 of the bytes to find: 1 to MAX_SEARCH_PATTERN bytes. */
  pattern: base64Bytes('pattern', MAX_SEARCH_PATTERN, {
    empty: 'pattern-empty',
    tooLarge: 'pattern-too-long',
  }),
  /** Offset to start from: a forward search finds a match at or after it, backwards before it. */
  from: integer('from', 0, Number.MAX_SAFE_INTEGER),
  backwards: flag,
})
export type SearchRequest = v.InferInput<typeof searchSchema>

export const httpSchema = strictObject({ connectionId: idSchema, direction })
export type HttpRequest = v.InferInput<typeof httpSchema>

/** Bytes from elsewhere (a saved session) to analyse as HTTP in the engine, which has the parser. */
export const analyzeBytesSchema = strictObject({
  /** Base64, at most MAX_SEND_BYTES decoded; none is fine (not HTTP yet). */
  base64: base64Bytes('base64', MAX_SEND_BYTES, { empty: null, tooLarge: 'send-too-large' }),
  direction,
  truncated: flag,
})
export type AnalyzeBytesRequest = v.InferInput<typeof analyzeBytesSchema>

/** engine:snapshot and settings:get take nothing. */
export const emptySchema = emptyObject()
export type EmptyRequest = v.InferInput<typeof emptySchema>

export interface ConversationChunks {
  /** How many chunks the conversation has kept in all. */
  total: number
  chunks: ChunkInfo[]
}

export interface SearchResult {
  /** Offset of the match in that direction's kept stream, or null. */
  offset: number | null
}

export interface CapturedBytes {
  offset: number
  /** Base64 of the kept bytes from offset, at most the length asked for. */
  base64: string
  captured: number
  bytesIn: number
  truncated: boolean
  /** The reads that overlap the range, at most MAX_CHUNKS_PER_READ. */
  chunks: ChunkInfo[]
}
