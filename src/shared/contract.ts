/**
 * The one contract between the engine and every GUI: requests, their answers, and events.
 *
 * Electron's preload and browser mode's WebSocket client both implement {@link Api}; the engine
 * validates every request against it (see validate.ts) before acting on it.
 */
import type {
  ClientCancelRequest,
  ClientEvent,
  ClientRunRequest,
  ClientRunStarted,
} from './client-types'
import type {
  ExcludedPortsReport,
  ExcludedPortsRequest,
  FreePortAnswer,
  FreePortRequest,
  LocalhostReport,
  LocalhostRequest,
  WhoHoldsReport,
  WhoHoldsRequest,
} from './diagnostics-types'
import type { BindFailure, Platform } from './bind-failure'
import type { HttpAnalysis } from './http-types'
import type { AppSettings, LoadedSettings, SettingsPatch } from './settings'
import type { Result } from './result'

export type ListenerState = 'stopped' | 'starting' | 'listening' | 'stopping'

/**
 * What a listener does with an accepted connection: the inspector's default, or one of the book's
 * stages (Listing 20-1 drops the stream; 20-2 reads the request; 20-3… answer HTTP).
 */
export type Responder =
  | 'silent' // keep it open, record, never answer
  | 'close-at-once' // Listing 20-1: the stream is dropped when the loop body ends
  | 'read-request-then-close' // Listing 20-2: read up to the empty line, print Request: [...]
  | 'echo'
  | 'http-hello' // Listings 20-3 to 20-5
  | 'http-routes' // Listings 20-6 to 20-9: / → hello.html, else 404
  | 'http-slow-route' // Listing 20-10: /sleep waits sleepSeconds

export const RESPONDERS: readonly Responder[] = [
  'silent',
  'close-at-once',
  'read-request-then-close',
  'echo',
  'http-hello',
  'http-routes',
  'http-slow-route',
]

/**
 * How requests are handled, as the chapter's programs do: one at a time, a pool of N workers fed
 * by a queue (ThreadPool::new(4)), or a thread per connection. Applies to the reading responders.
 */
export type Handling = 'single-thread' | 'thread-pool' | 'thread-per-connection'

export const HANDLINGS: readonly Handling[] = [
  'single-thread',
  'thread-pool',
  'thread-per-connection',
]

export const DEFAULT_WORKERS = 4
export const MAX_WORKERS = 64
export const DEFAULT_SLEEP_SECONDS = 5
export const MAX_SLEEP_SECONDS = 60
export const MAX_PAGE_BYTES = 64 * 1024
/** Most UTF-8 bytes an editable response head (status line and headers) may hold. */
export const MAX_HEAD_BYTES = 8 * 1024

export type StopMode = 'let-finish' | 'close-all'

export interface Endpoint {
  address: string
  port: number
  family: 'IPv4' | 'IPv6'
}

export interface ListenerSettings {
  host: string
  port: number
  /** null: unlimited. Never 0 (Node 20 reads 0 as unlimited, Node 21+ as "drop all"). */
  maxConnections: number | null
  /** Bytes kept per connection; past it bytes are counted, not kept. */
  captureLimitPerConnection: number
  responder: Responder
  handling: Handling
  /** Thread pool size (the book's 4). */
  workers: number
  /** How long /sleep waits (the book's 5 s). */
  sleepSeconds: number
  /** The book's take(N): stop after N connections were handled; null: never. */
  stopAfter: number | null
  /** hello.html and 404.html as the HTTP responders serve them; editable. */
  helloHtml: string
  notFoundHtml: string
  /**
   * The heads sent before those pages (status line, headers, blank line) as templates: `{length}`
   * becomes the page's length in UTF-8 bytes. Editable; the book's bytes by default.
   */
  helloHead: string
  notFoundHead: string
}

/**
 * What a busy worker is doing: blocked reading the request (an idle browser connection keeps it
 * here), sleeping in /sleep, or answering and dropping the stream.
 */
export type WorkerPhase = 'reading' | 'sleeping' | 'responding'

export interface ListenerCounters {
  accepted: number
  dropped: number
  open: number
  bytesIn: number
  bytesOut: number
}

export interface ListenerSnapshot {
  id: string
  /** 1, 2, … in the order listeners were added: the card is "Listener N". */
  number: number
  settings: ListenerSettings
  state: ListenerState
  /** What the OS gave us while listening (the real port when 0 was asked for). */
  bound: Endpoint | null
  lastError: BindFailure | null
  counters: ListenerCounters
  /** Per worker (thread), the connection it is handling, or null while idle. */
  workers: (string | null)[]
  /** Per worker, what it does with its connection (null while idle); absent from older engines. */
  phases?: (WorkerPhase | null)[]
  /** Connections waiting for a worker, oldest first. */
  queued: string[]
  /** Connections whose handling finished (what take(N) counts). */
  handled: number
}

/**
 * open: both ways; peer-ended: the peer sent FIN (we may still write); we-ended: we sent FIN (we
 * still read what the peer sends); closed.
 */
export type ConnectionState = 'open' | 'peer-ended' | 'we-ended' | 'closed'

/** in: what the server received (client → server); out: what it sent (server → client). */
export type Direction = 'in' | 'out'

/** How to end a connection: FIN (end, keep reading), RST (reset), or drop it now (destroy). */
export type CloseHow = 'fin' | 'reset' | 'destroy'

/**
 * Who ended it: the peer (FIN, then close), us (FIN or destroy), us with an RST ('us-reset'), an
 * RST from the peer ('reset'), or a socket error.
 */
export type CloseReason = 'peer' | 'us' | 'us-reset' | 'reset' | 'error'

export interface ConnectionSnapshot {
  id: string
  listenerId: string
  /** #1, #2, … per listener, in accept order. */
  number: number
  remote: Endpoint
  local: Endpoint
  /** Wall-clock ms since the epoch. */
  acceptedAt: number
  /** Engine monotonic ms (performance.now() in the engine) at accept. */
  acceptedMono: number
  state: ConnectionState
  closedAt: number | null
  closeReason: CloseReason | null
  /** The socket error's code for reason 'reset' or 'error' (ECONNRESET, EPIPE, …). */
  errorCode: string | null
  bytesIn: number
  bytesOut: number
  chunksIn: number
  chunksOut: number
  /** Received bytes kept in the capture; less than bytesIn once a cap was reached. */
  captured: number
  /** Sent bytes kept in the capture. */
  capturedOut: number
  /** Either direction hit a cap. */
  truncated: boolean
  /** Engine monotonic ms of the first received byte, or null. */
  firstByteInMono: number | null
  /** Engine monotonic ms of the last byte either way, or null. */
  lastByteMono: number | null
}

export interface CaptureTotals {
  /** Bytes kept across every connection. */
  captured: number
  limit: number
}

/** A read as the program got it (one 'data' event), or one write the server made. */
export interface ChunkInfo {
  direction: Direction
  /** Offset of its first byte in that direction's stream. */
  offset: number
  size: number
  /** Engine monotonic ms. */
  mono: number
  /** How many of its bytes were kept (0 past the cap). */
  kept: number
}

export type EngineEvent =
  | { type: 'listener-added'; at: number; listener: ListenerSnapshot }
  | { type: 'listener-changed'; at: number; listener: ListenerSnapshot }
  | { type: 'listener-removed'; at: number; listenerId: string }
  | { type: 'connection-accepted'; at: number; connection: ConnectionSnapshot }
  | {
      type: 'connection-data'
      at: number
      connectionId: string
      listenerId: string
      /** Events of the two directions are never merged with each other. */
      direction: Direction
      /** Reads merged into this event (the batcher merges a connection's reads within a batch). */
      chunks: number
      /** Bytes in those reads. */
      bytes: number
      /** Base64 of at most PREVIEW_BYTES bytes from the first of those reads. */
      preview: string
      /** Totals after these reads, so applying an event twice changes nothing. */
      bytesIn: number
      chunksIn: number
      captured: number
      bytesOut: number
      chunksOut: number
      capturedOut: number
      truncated: boolean
      listenerBytesIn: number
      listenerBytesOut: number
      /** Engine monotonic ms of these reads/writes (the last one). */
      mono: number
    }
  | { type: 'connection-peer-ended'; at: number; connectionId: string; listenerId: string }
  | { type: 'connection-we-ended'; at: number; connectionId: string; listenerId: string }
  | {
      type: 'connection-closed'
      at: number
      connectionId: string
      listenerId: string
      reason: CloseReason
      errorCode: string | null
    }
  | {
      type: 'connection-dropped'
      at: number
      listenerId: string
      remote: Endpoint | null
      dropped: number
    }
  | { type: 'capture-totals'; at: number; totals: CaptureTotals }
  | {
      type: 'worker-changed'
      at: number
      listenerId: string
      worker: number
      /** The connection it took, or null: idle again (or shut down, see program-output). */
      connectionId: string | null
      /** With a connection: what the worker does with it now (a new event when that changes). */
      phase?: WorkerPhase
      /** The listener's handled count (ListenerSnapshot.handled) after this change. */
      handled?: number
    }
  | { type: 'queue-changed'; at: number; listenerId: string; queued: string[] }
  | {
      /** A line the book's program would print at this moment (Request: [...], Worker 0 got a job; executing.). */
      type: 'program-output'
      at: number
      listenerId: string
      connectionId: string | null
      text: string
    }
  | ClientEvent

export type EngineEventType = EngineEvent['type']

export interface EventBatch {
  /** 1, 2, … per engine; a snapshot tells the last seq it includes. */
  seq: number
  events: EngineEvent[]
}

export interface Snapshot {
  /** Batches with seq ≤ this are already in the snapshot. */
  seq: number
  platform: Platform
  listeners: ListenerSnapshot[]
  connections: ConnectionSnapshot[]
  /** Recent events (no data events), oldest first, so a reloaded GUI gets its log back. */
  recentEvents: EngineEvent[]
  capture: CaptureTotals
  /**
   * Whether a privileged port would be refused here: the engine runs as root, and Linux's first
   * unprivileged port (null elsewhere or unreadable). Absent from older engines.
   */
  privileges?: { isRoot: boolean; unprivilegedPortStart: number | null }
}

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

/** Every request: its channel, what it takes and what it answers. */
export interface RequestMap {
  'listener:add': { request: AddListenerRequest; response: ListenerSnapshot }
  'listener:update': { request: UpdateListenerRequest; response: ListenerSnapshot }
  /** Stop (closing its connections), apply the settings and start again, in one go. */
  'listener:set-up': { request: UpdateListenerRequest; response: ListenerSnapshot }
  'listener:start': { request: ListenerIdRequest; response: ListenerSnapshot }
  'listener:stop': { request: StopListenerRequest; response: ListenerSnapshot }
  'listener:remove': { request: ListenerIdRequest; response: null }
  'engine:snapshot': { request: EmptyRequest; response: Snapshot }
  'connection:close': { request: CloseConnectionRequest; response: null }
  'connections:close-all': { request: CloseAllRequest; response: { closed: number } }
  'connection:send': { request: SendRequest; response: { bytes: number } }
  'connection:read': { request: ReadBytesRequest; response: CapturedBytes }
  'connection:chunks': { request: ReadChunksRequest; response: ConversationChunks }
  'connection:search': { request: SearchRequest; response: SearchResult }
  'connection:http': { request: HttpRequest; response: HttpAnalysis }
  'http:analyze': { request: AnalyzeBytesRequest; response: HttpAnalysis }
  'settings:get': { request: EmptyRequest; response: LoadedSettings }
  'settings:set': { request: SettingsPatch; response: AppSettings }
  'client:run': { request: ClientRunRequest; response: ClientRunStarted }
  'client:cancel': { request: ClientCancelRequest; response: null }
  'diagnostics:who-holds': { request: WhoHoldsRequest; response: WhoHoldsReport }
  'diagnostics:excluded-ports': { request: ExcludedPortsRequest; response: ExcludedPortsReport }
  'diagnostics:localhost': { request: LocalhostRequest; response: LocalhostReport }
  'diagnostics:free-port': { request: FreePortRequest; response: FreePortAnswer }
}

export type Channel = keyof RequestMap
export type RequestOf<C extends Channel> = RequestMap[C]['request']
export type ResponseOf<C extends Channel> = RequestMap[C]['response']

/** The preload's / client's method for each channel. */
export const METHOD_OF = {
  'listener:add': 'addListener',
  'listener:update': 'updateListener',
  'listener:set-up': 'setUpListener',
  'listener:start': 'startListener',
  'listener:stop': 'stopListener',
  'listener:remove': 'removeListener',
  'engine:snapshot': 'snapshot',
  'connection:close': 'closeConnection',
  'connections:close-all': 'closeAllConnections',
  'connection:send': 'send',
  'connection:read': 'readBytes',
  'connection:chunks': 'readChunks',
  'connection:search': 'search',
  'connection:http': 'analyzeHttp',
  'http:analyze': 'analyzeBytes',
  'settings:get': 'getSettings',
  'settings:set': 'setSettings',
  'client:run': 'runClientPlan',
  'client:cancel': 'cancelClientPlan',
  'diagnostics:who-holds': 'whoHolds',
  'diagnostics:excluded-ports': 'excludedPorts',
  'diagnostics:localhost': 'checkLocalhost',
  'diagnostics:free-port': 'findFreePort',
} as const satisfies Record<Channel, string>

export const CHANNELS = Object.keys(METHOD_OF) as Channel[]

/** The IPC channel that carries event batches main → renderer. */
export const EVENTS_CHANNEL = 'engine:events'

export type Api = {
  [C in Channel as (typeof METHOD_OF)[C]]: (request: RequestOf<C>) => Promise<Result<ResponseOf<C>>>
} & {
  /** Calls back with every event batch; returns the unsubscribe. */
  onEvents(listener: (batch: EventBatch) => void): () => void
}

export const DEFAULT_HOST = '127.0.0.1'
export const DEFAULT_PORT = 7878
export const PREVIEW_BYTES = 64
export const MAX_CHUNKS_PER_READ = 4096
export const MAX_READ_LENGTH = 4 * 1024 * 1024
/** Largest single send (a file, say); the WebSocket frame limit is sized for it. */
export const MAX_SEND_BYTES = 8 * 1024 * 1024
export const MAX_SEARCH_PATTERN = 1024
/** A connection that received nothing this long after accept is flagged as idle. */
export const IDLE_FLAG_MS = 2000
export const DEFAULT_CAPTURE_PER_CONNECTION = 1024 * 1024
/** Room for one connection at MAX_CAPTURE_PER_CONNECTION (a 100 MB capture, say). */
export const DEFAULT_CAPTURE_TOTAL = 256 * 1024 * 1024
export const MAX_CAPTURE_PER_CONNECTION = 256 * 1024 * 1024
export const MAX_MAX_CONNECTIONS = 100_000
export const MAX_HOST_LENGTH = 255
/** Most events a snapshot carries back for the log. */
export const RECENT_EVENTS = 2000
/** Batches are at least this far apart: about 60 a second. */
export const BATCH_INTERVAL_MS = 16
