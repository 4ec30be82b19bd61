/**
 * What each request takes and what some of them answer (the channel map pairs them up).
 */
import type { ChunkInfo, CloseHow, Direction, Handling, Responder, StopMode } from './domain'

export interface AddListenerRequest {
  host?: string
  port?: number | string
  maxConnections?: number | null
  captureLimitPerConnection?: number
  responder?: Responder
  handling?: Handling
  workers?: number
  sleepSeconds?: number
  stopAfter?: number | null
  helloHtml?: string
  notFoundHtml?: string
  helloHead?: string
  notFoundHead?: string
}

export interface UpdateListenerRequest extends AddListenerRequest {
  listenerId: string
}

export interface ListenerIdRequest {
  listenerId: string
}

export interface StopListenerRequest {
  listenerId: string
  mode: StopMode
}

export interface ConnectionIdRequest {
  connectionId: string
}

export interface CloseConnectionRequest {
  connectionId: string
  /** Default 'destroy'. */
  how?: CloseHow
}

export interface CloseAllRequest {
  /** Only this listener's connections; all listeners' when absent. */
  listenerId?: string
  how: CloseHow
}

export interface SendRequest {
  connectionId: string
  /** Base64 of the bytes to write, at most MAX_SEND_BYTES once decoded. */
  base64: string
}

export interface ReadBytesRequest {
  connectionId: string
  offset: number
  length: number
  /** Default 'in'. */
  direction?: Direction
}

export interface ReadChunksRequest {
  connectionId: string
  /** Index in the conversation (both directions, in the order they happened). */
  from: number
  count: number
}

export interface ConversationChunks {
  /** How many chunks the conversation has kept in all. */
  total: number
  chunks: ChunkInfo[]
}

export interface SearchRequest {
  connectionId: string
  direction: Direction
  /** Base64 of the bytes to find: 1 to MAX_SEARCH_PATTERN bytes. */
  pattern: string
  /** Offset to start from: a forward search finds a match at or after it, backwards before it. */
  from: number
  backwards: boolean
}

export interface SearchResult {
  /** Offset of the match in that direction's kept stream, or null. */
  offset: number | null
}

export interface HttpRequest {
  connectionId: string
  direction: Direction
}

/** Bytes from elsewhere (a saved session) to analyse as HTTP in the engine, which has the parser. */
export interface AnalyzeBytesRequest {
  /** Base64, at most MAX_SEND_BYTES decoded. */
  base64: string
  direction: Direction
  truncated: boolean
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

export type EmptyRequest = Record<string, never>
