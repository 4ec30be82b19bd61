/**
 * The things everyone names: listeners and their settings, connections, responders and handling
 * models, chunks. A leaf: it imports nothing from the contract, so every module can name these
 * without a cycle.
 */
import type { BindFailure } from '../bind-failure'
import type { ResponseJudgement } from '../response-findings'

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
  | 'forward' // the learner's own server: bytes both ways to targetHost:targetPort

export const RESPONDERS: readonly Responder[] = [
  'silent',
  'close-at-once',
  'read-request-then-close',
  'echo',
  'http-hello',
  'http-routes',
  'http-slow-route',
  'forward',
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
  /** Where the forward responder connects for each accepted connection: the learner's server. */
  targetHost: string
  targetPort: number
  /** How long the target may take to accept, or to answer bytes it was sent, before we give up. */
  targetTimeoutSeconds: number
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
  /** Connections turned away at the open-file limit (accept-failed events); absent: none known. */
  refused?: number
}

/**
 * The process's open-file limit (RLIMIT_NOFILE) and how many accepted connections the engine
 * keeps below it, across all listeners; the rest are refused (accept-failed).
 */
export interface DescriptorLimit {
  soft: number
  /** null: unlimited. */
  hard: number | null
  capacity: number
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
  /**
   * Closed because a probe after the peer's FIN found it gone (reset, or keepalive timed out):
   * nothing was being read, so nothing else would have noticed. Absent otherwise.
   */
  isFoundByProbe?: boolean
  /** The echo responder stopped echoing it: the peer did not read (see the echo-capped event). */
  isEchoCapped?: boolean
  /** Forwarded (the forward responder): its leg to the target. Absent for other responders. */
  target?: TargetLeg
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

/**
 * How a forwarded connection's second leg (Socket Lab ↔ the learner's server) ended, when it did
 * not end well: the target is this very listener (each connection would open another: never
 * tried), the target refused the connect (its server is not running there), reset it, took
 * longer than targetTimeoutSeconds to accept or to answer, or another socket error; the client
 * reset its leg, which is passed on as a reset. null while it goes on or once both sides ended.
 */
export type TargetFailure =
  | 'self'
  | 'refused'
  | 'target-reset'
  | 'client-reset'
  | 'connect-timeout'
  | 'answer-timeout'
  | 'error'

/** A side of a forwarded connection: the client, or the target (the learner's server). */
export type TargetSide = 'client' | 'target'

/**
 * A stall Socket Lab told: `side` did not read what the other side sent, so that `waiting` bytes
 * waited for it in Socket Lab's buffer, past `cap` (that socket's writableHighWaterMark, where a
 * write asks the writer to wait), for STALL_REPORT_MS or more; Socket Lab stopped reading from
 * the other side meanwhile. Counted when told.
 */
export interface TargetStall {
  side: TargetSide
  waiting: number
  cap: number
}

/**
 * The forward responder's leg to the target, as one connection's second half.
 *
 * The fields marked optional came later: a leg from a session file written before them has none
 * of them, read as null (and stalls as 0). The engine always sets them.
 */
export interface TargetLeg {
  host: string
  port: number
  state: 'connecting' | 'open' | 'closed'
  /** Socket Lab's end of the leg once connected (the port the target sees). */
  local: Endpoint | null
  /** Engine monotonic ms: the connect began, it was accepted, the first byte each way. */
  connectMono: number
  connectedMono: number | null
  firstByteToTargetMono: number | null
  firstByteFromTargetMono: number | null
  /** Bytes written to the target and read from it (passed on unchanged to the client). */
  bytesToTarget: number
  bytesFromTarget: number
  /** The client's FIN was passed on to the target. */
  clientEnded: boolean
  /** The target's FIN was passed on to the client. */
  targetEnded: boolean
  /** Which side sent FIN first, if any did. */
  firstEnded: 'client' | 'target' | null
  failure: TargetFailure | null
  /** The socket error's code (ECONNREFUSED, ECONNRESET, …), or null. */
  errorCode: string | null
  /**
   * What the response linter finds in what the target sent (the connection's bytes out), judged
   * once the target has said all it will (its FIN, a failure, or the close); null until then.
   */
  response: ResponseJudgement | null
  /** The address the target's host resolved to, once connected (`localhost` may be ::1). */
  remote?: Endpoint | null
  /**
   * Engine monotonic ms: the client's FIN was passed on, the target's FIN was passed on, the leg
   * closed or failed; null until then.
   */
  clientEndedMono?: number | null
  targetEndedMono?: number | null
  closedMono?: number | null
  /**
   * The side that does not read now, so that Socket Lab stopped reading from the other: 'client'
   * (the client does not read, so Socket Lab stopped reading from the target) or 'target'. Told
   * only once that has lasted STALL_REPORT_MS; null again when it reads (or the leg closes).
   */
  stalled?: TargetSide | null
  /** The stall going on (the one `stalled` names), or else the last one told. */
  lastStall?: TargetStall | null
  /** Stalls told so far. */
  stalls?: number
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
