/**
 * The test client's contract (issue 4, section 3): plans, runs and their events.
 *
 * A plan is a list of HTTP requests, each on its own connection, or one raw request whose bytes
 * may be sent whole, in chunks, or a byte at a time. The engine runs it with real sockets and
 * reports each request's timeline; times are milliseconds since the run started.
 */
import * as v from 'valibot'
import type { Handling, Responder } from './contract/domain'
import type { ResponseJudgement } from './response-findings'
import { anyNumber, idSchema } from './schema/fields'
import { boundedArray, plainVariant, strictObject, variantOption } from './schema/object'

export type {
  ClientFinding,
  ClientFindingWarning,
  ClientResponseProgress,
  ResponseJudgement,
} from './response-findings'

/** At most this many connections in one plan: a teaching tool, not a load generator. */
export const MAX_CLIENT_CONNECTIONS = 200
/** A plan stops itself after this many seconds. */
export const MAX_CLIENT_SECONDS = 60
export const MAX_CLIENT_ROWS = 20
/**
 * At most this many idle connections in an HTTP plan: connections that connect and send nothing,
 * like a browser's speculative ones. They count towards MAX_CLIENT_CONNECTIONS.
 */
export const MAX_CLIENT_IDLE = 8
export const MAX_CLIENT_PATH = 2048
/** When a row's connections open, at most this long after the plan starts. */
export const MAX_CLIENT_START_MS = 60_000
export const MAX_CLIENT_RAW_BYTES = 64 * 1024
export const MAX_CLIENT_CHUNKS = 1000
export const MAX_CLIENT_GAP_MS = 10_000
/** A connection attempt that gets no answer this long fails with CONNECT_TIMEOUT. */
export const CLIENT_CONNECT_TIMEOUT_MS = 10_000
/** The most of one response a request keeps (its first bytes); the rest is counted, not kept. */
export const CLIENT_RESPONSE_BYTES = 64 * 1024
/**
 * The most of its responses one run keeps: a plan of many connections keeps a smaller share of
 * each (200 requests: 10 KiB each), so the last CLIENT_RUNS_KEPT runs hold at most 6 MiB.
 */
export const CLIENT_RUN_RESPONSE_BYTES = 2 * 1024 * 1024

/*
 * The plan and the run request as valibot schemas, their types inferred. These check the shape;
 * the values (ranges, the target, the bytes) are checked by client-checks.ts, which the GUI runs
 * as the user types and the engine runs after the shape (validate-client.ts). Numbers are any
 * numbers here, NaN included: whether one is in range is a value check, with a reason to show.
 */

/** `count` requests `GET path` opened `startMs` after the plan starts, each on its own connection. */
export const clientHttpRowSchema = strictObject({
  count: anyNumber,
  path: v.string('must be a string'),
  startMs: anyNumber,
})
export type ClientHttpRow = v.InferOutput<typeof clientHttpRowSchema>

/**
 * How a raw request's bytes are written: one write; `chunks` writes `gapMs` apart; or one byte
 * every `intervalMs` (a slow client). The socket has Nagle off, so writes leave as they are made.
 */
export const clientFramingSchema = plainVariant(
  'kind',
  [
    variantOption({ kind: v.literal('whole') }),
    variantOption({ kind: v.literal('chunks'), chunks: anyNumber, gapMs: anyNumber }),
    variantOption({ kind: v.literal('bytes'), intervalMs: anyNumber }),
  ],
  'must be whole, chunks or bytes',
)
export type ClientFraming = v.InferOutput<typeof clientFramingSchema>

export type ClientFramingKind = ClientFraming['kind']

export const CLIENT_FRAMINGS: readonly ClientFramingKind[] = ['whole', 'chunks', 'bytes']

export const clientPlanSchema = plainVariant(
  'kind',
  [
    variantOption({
      kind: v.literal('http'),
      /**
       * Connections opened first, at t=0, that send nothing (0 when absent); the requests
       * start once they are connected. They stay open after the requests are done until the
       * server closes them, the user closes them (client:cancel on the finished run), the time
       * limit, a new plan or shutdown.
       */
      idle: v.optional(anyNumber),
      // A bound on the array before its rows are looked at; the value check says MAX_CLIENT_ROWS.
      rows: boundedArray(clientHttpRowSchema, MAX_CLIENT_ROWS * 10, 'rows'),
    }),
    variantOption({
      kind: v.literal('raw'),
      /** Composer text (escapes \r \n \t \0 \\ \xNN; typed line breaks are sent as CRLF). */
      text: v.pipe(
        v.string('must be a string'),
        // Escapes take up to 4 characters a byte: anything longer is too large however it parses.
        v.maxLength(MAX_CLIENT_RAW_BYTES * 4, 'is too long'),
      ),
      framing: clientFramingSchema,
    }),
  ],
  'must be http or raw',
)
/** A list of HTTP requests, each on its own connection, or one raw request. */
export type ClientPlan = v.InferOutput<typeof clientPlanSchema>

/** client:run's request: its shape (client-checks.ts has its values' checks). */
export const clientRunShape = strictObject({
  /** host:port as the user typed it; IPv6 in brackets. */
  target: v.pipe(
    v.string('must be a string of at most 1024 characters'),
    v.maxLength(1024, 'must be a string of at most 1024 characters'),
  ),
  /** Required for a target that is not loopback: the user confirmed sending to another host. */
  confirmedRemote: v.optional(v.boolean('must be a boolean')),
  /** Default and most MAX_CLIENT_SECONDS. */
  timeLimitSeconds: v.optional(anyNumber),
  plan: clientPlanSchema,
})
export type ClientRunRequest = v.InferInput<typeof clientRunShape>

export interface ClientRunStarted {
  runId: string
}

export const clientCancelSchema = strictObject({ runId: idSchema })
export type ClientCancelRequest = v.InferInput<typeof clientCancelSchema>

/**
 * How the target listener handles requests, when the target is one of Socket Lab's listeners
 * with a responder that reads requests: what the expected times are computed from.
 */
export interface ClientModel {
  listenerId: string
  listenerNumber: number
  responder: Responder
  handling: Handling
  workers: number
  sleepSeconds: number
}

/**
 * The Socket Lab listener the target reaches, whatever its responder: only then do explanations
 * speak of Socket Lab's responders (Silent, Echo, …) rather than of "your server".
 */
export interface ClientTargetListener {
  listenerId: string
  listenerNumber: number
  responder: Responder
}

export interface ClientRunInfo {
  runId: string
  /** As typed. */
  target: string
  host: string
  port: number
  plan: ClientPlan
  model: ClientModel | null
  /** Absent when the target is not one of Socket Lab's listening listeners. */
  listener?: ClientTargetListener
  /** Wall-clock ms. */
  startedAt: number
  timeLimitMs: number
}

/**
 * planned: not opened yet; connecting; sending; waiting: all sent, nothing back yet; receiving;
 * done: the connection closed normally; failed: an error (see errorCode).
 */
export type ClientRequestPhase =
  'planned' | 'connecting' | 'sending' | 'waiting' | 'receiving' | 'done' | 'failed'

/** A request's response as it arrived, judged once the request is over. */
export interface ClientResponse extends ResponseJudgement {
  /**
   * Base64 of the first bytes received: at most CLIENT_RESPONSE_BYTES, less when the run has
   * many connections (see CLIENT_RUN_RESPONSE_BYTES). bytesReceived counts them all.
   */
  base64: string
  /** More bytes arrived than were kept. */
  truncated: boolean
}

/**
 * One request's timeline. Times are ms since the run started, null until they happen.
 *
 * errorCode is Node's code (ECONNREFUSED, ECONNRESET, ETIMEDOUT, EHOSTUNREACH, …) or the
 * client's own: CONNECT_TIMEOUT, TIME_LIMIT (the plan's limit ended it), CANCELLED, and for an
 * idle connection CLOSED_BY_CLIENT (the user closed it) or NEW_PLAN (a new plan closed it). An
 * idle connection that the server closed is 'done' with no error code.
 */
export interface ClientRequestSnapshot {
  /** 0, 1, …: shown as #1, #2, … */
  index: number
  /** The path for an HTTP plan's request, null for a raw request. */
  path: string | null
  /** When it is to open. */
  startMs: number
  /** When it should be done under the target listener's model, or null (no model, or never). */
  expectedDoneMs: number | null
  /** The model says it never finishes: every thread it could get is held by an idle connection. */
  expectedBlocked: boolean
  /** An idle connection: connects and sends nothing (its path is null). */
  idle: boolean
  phase: ClientRequestPhase
  connectStartMs: number | null
  connectedMs: number | null
  firstSentMs: number | null
  lastSentMs: number | null
  firstReceivedMs: number | null
  doneMs: number | null
  bytesToSend: number
  bytesSent: number
  /** Writes handed to the OS. */
  writes: number
  bytesReceived: number
  /** The response's first line when it looks like HTTP (`HTTP/1.1 404 NOT FOUND`). */
  statusLine: string | null
  statusCode: number | null
  errorCode: string | null
  /** The client's own port: the listener shows the connection coming from it. */
  localPort: number | null
  /** The response bytes and what the linter says, once the request is over (null until then). */
  response: ClientResponse | null
}

export type ClientRunOutcome = 'completed' | 'cancelled' | 'time-limit' | 'shutdown'

/** Client runs the GUI shows and a snapshot brings back; older ones go first. */
export const CLIENT_RUNS_KEPT = 3

/** Events of a client run; part of EngineEvent. */
export type ClientEvent =
  | {
      type: 'client-run-started'
      at: number
      run: ClientRunInfo
      requests: ClientRequestSnapshot[]
    }
  | {
      /**
       * One per milestone (coalesced within a short interval), never one per byte. The response
       * bytes come once, with the request's last change.
       */
      type: 'client-request-changed'
      at: number
      runId: string
      request: ClientRequestSnapshot
    }
  | {
      type: 'client-run-finished'
      at: number
      runId: string
      outcome: ClientRunOutcome
      elapsedMs: number
    }
