/**
 * The engine's events as valibot schemas, for reading them back from a file a person chose (a
 * saved session's event log and client runs). Live events come from the engine and are not
 * re-checked; a file may come from anywhere, so every field of every event is.
 *
 * The schemas are bound to the contract's types at compile time (see the checks at the end): a
 * change to an event that is not made here too fails `npm run typecheck`.
 */
import * as v from 'valibot'
import type { BindFailure } from './bind-failure'
import { err, ok, type Result } from './result'
import {
  CLIENT_RESPONSE_BYTES,
  MAX_CLIENT_CONNECTIONS,
  MAX_CLIENT_PATH,
  MAX_CLIENT_RAW_BYTES,
  MAX_CLIENT_ROWS,
  type ClientEvent,
} from './client-types'
import {
  DEFAULT_TARGET_HOST,
  DEFAULT_TARGET_PORT,
  DEFAULT_TARGET_TIMEOUT_SECONDS,
  HANDLINGS,
  MAX_TARGET_TIMEOUT_SECONDS,
  MAX_HEAD_BYTES,
  MAX_PAGE_BYTES,
  MAX_WORKERS,
  PREVIEW_BYTES,
  RESPONDERS,
  type EngineEvent,
  type ListenerSnapshot,
  type TargetLeg,
} from './contract'

/** Most characters of a short text in an event: an address, a code, a message, a status line. */
const SHORT_TEXT = 4096
/** Most characters of a line the book's program prints (Request: [...] with the whole request). */
const PROGRAM_TEXT = 256 * 1024
/** Most commands, panic lines, fixes or findings one value lists. */
const FEW = 64

const text = (max = SHORT_TEXT) => v.pipe(v.string(), v.maxLength(max))
const base64 = (bytes: number) => v.pipe(v.string(), v.maxLength(Math.ceil(bytes / 3) * 4))
const time = v.pipe(v.number(), v.finite())
const count = v.pipe(v.number(), v.safeInteger(), v.minValue(0))
const port = v.pipe(v.number(), v.integer(), v.minValue(0), v.maxValue(65535))
const few = <T extends v.GenericSchema>(item: T, max = FEW) =>
  v.pipe(v.array(item), v.maxLength(max))
const nullable = <T extends v.GenericSchema>(schema: T) => v.nullable(schema)
const platform = v.picklist(['linux', 'darwin', 'win32', 'other'])

const endpoint = v.object({
  address: text(),
  port,
  family: v.picklist(['IPv4', 'IPv6']),
})

const bindFailure = v.object({
  code: v.picklist(['EACCES', 'EADDRINUSE', 'EADDRNOTAVAIL', 'ENOTFOUND', 'EINVAL', 'OTHER']),
  rawCode: text(),
  errno: nullable(v.pipe(v.number(), v.integer())),
  syscall: nullable(text()),
  host: text(),
  port,
  address: text(),
  message: text(),
  platform,
  facts: v.object({
    unprivilegedPortStart: nullable(port),
    isWildcard: v.boolean(),
    isLoopback: v.boolean(),
    hostHasBrackets: v.boolean(),
    isRoot: v.boolean(),
  }),
  commands: few(text()),
  fixes: few(
    v.variant('kind', [
      v.object({ kind: v.literal('use-port-0') }),
      v.object({ kind: v.literal('use-port'), port }),
      v.object({ kind: v.literal('use-host'), host: text() }),
    ]),
  ),
  rust: nullable(
    v.object({
      bindCall: text(),
      panic: few(text()),
      exitCode: v.pipe(v.number(), v.integer()),
    }),
  ),
})

const responder = v.picklist(RESPONDERS)
const handling = v.picklist(HANDLINGS)
const workerPhase = v.picklist(['reading', 'sleeping', 'responding'])
const id = text(256)
const ids = (max: number) => few(id, max)

const listener = v.object({
  id,
  number: count,
  settings: v.object({
    host: text(),
    port,
    maxConnections: nullable(count),
    captureLimitPerConnection: count,
    responder,
    handling,
    workers: v.pipe(count, v.maxValue(MAX_WORKERS)),
    sleepSeconds: v.pipe(v.number(), v.finite(), v.minValue(0)),
    stopAfter: nullable(count),
    helloHtml: text(MAX_PAGE_BYTES),
    notFoundHtml: text(MAX_PAGE_BYTES),
    helloHead: text(MAX_HEAD_BYTES),
    notFoundHead: text(MAX_HEAD_BYTES),
    // A session saved before forwarding existed has no target: the defaults.
    targetHost: v.optional(text(), DEFAULT_TARGET_HOST),
    targetPort: v.optional(v.pipe(port, v.minValue(1)), DEFAULT_TARGET_PORT),
    targetTimeoutSeconds: v.optional(
      v.pipe(count, v.minValue(1), v.maxValue(MAX_TARGET_TIMEOUT_SECONDS)),
      DEFAULT_TARGET_TIMEOUT_SECONDS,
    ),
  }),
  state: v.picklist(['stopped', 'starting', 'listening', 'stopping']),
  bound: nullable(endpoint),
  lastError: nullable(bindFailure),
  counters: v.object({
    accepted: count,
    dropped: count,
    open: count,
    bytesIn: count,
    bytesOut: count,
    refused: v.optional(count),
  }),
  workers: few(nullable(id), MAX_WORKERS),
  phases: v.optional(few(nullable(workerPhase), MAX_WORKERS)),
  queued: ids(1_000_000),
  handled: count,
})

const responseWarning = v.variant('code', [
  v.object({ code: v.literal('status-line'), line: text() }),
  v.object({ code: v.literal('bare-lf'), line: count }),
  v.object({ code: v.literal('no-blank-line') }),
  v.object({ code: v.literal('no-content-length') }),
  v.object({ code: v.literal('bad-content-length'), value: text() }),
  v.object({ code: v.literal('length-short'), declared: count, actual: count }),
  v.object({ code: v.literal('length-long'), declared: count, actual: count }),
  v.object({ code: v.literal('close-delimited'), body: count }),
])

/** What the response linter says of a response (the client's, or a forward target's). */
const responseJudgement = v.object({
  isHttp: v.boolean(),
  headEnd: nullable(count),
  contentLength: nullable(count),
  progress: v.picklist(['nothing', 'head', 'body', 'complete', 'unknown']),
  findings: few(v.object({ warning: responseWarning, offset: count, length: count })),
})

const targetSide = v.picklist(['client', 'target'])

const targetLeg = v.object({
  host: text(),
  port,
  state: v.picklist(['connecting', 'open', 'closed']),
  local: nullable(endpoint),
  connectMono: time,
  connectedMono: nullable(time),
  firstByteToTargetMono: nullable(time),
  firstByteFromTargetMono: nullable(time),
  bytesToTarget: count,
  bytesFromTarget: count,
  clientEnded: v.boolean(),
  targetEnded: v.boolean(),
  firstEnded: nullable(v.picklist(['client', 'target'])),
  failure: nullable(
    v.picklist([
      'self',
      'refused',
      'target-reset',
      'client-reset',
      'connect-timeout',
      'answer-timeout',
      'error',
    ]),
  ),
  errorCode: nullable(text()),
  response: nullable(responseJudgement),
  // Later fields: a file written before them has none (see TargetLeg).
  remote: v.optional(nullable(endpoint)),
  clientEndedMono: v.optional(nullable(time)),
  targetEndedMono: v.optional(nullable(time)),
  closedMono: v.optional(nullable(time)),
  stalled: v.optional(nullable(targetSide)),
  lastStall: v.optional(nullable(v.object({ side: targetSide, waiting: count, cap: count }))),
  stalls: v.optional(count),
})

const connection = v.object({
  id,
  listenerId: id,
  number: count,
  remote: endpoint,
  local: endpoint,
  acceptedAt: time,
  acceptedMono: time,
  state: v.picklist(['open', 'peer-ended', 'we-ended', 'closed']),
  closedAt: nullable(time),
  closeReason: nullable(v.picklist(['peer', 'us', 'us-reset', 'reset', 'error'])),
  errorCode: nullable(text()),
  isFoundByProbe: v.optional(v.boolean()),
  isEchoCapped: v.optional(v.boolean()),
  target: v.optional(targetLeg),
  bytesIn: count,
  bytesOut: count,
  chunksIn: count,
  chunksOut: count,
  captured: count,
  capturedOut: count,
  truncated: v.boolean(),
  firstByteInMono: nullable(time),
  lastByteMono: nullable(time),
})

const clientRequest = v.object({
  index: count,
  path: nullable(text(MAX_CLIENT_PATH)),
  startMs: time,
  expectedDoneMs: nullable(time),
  expectedBlocked: v.boolean(),
  idle: v.boolean(),
  phase: v.picklist(['planned', 'connecting', 'sending', 'waiting', 'receiving', 'done', 'failed']),
  connectStartMs: nullable(time),
  connectedMs: nullable(time),
  firstSentMs: nullable(time),
  lastSentMs: nullable(time),
  firstReceivedMs: nullable(time),
  doneMs: nullable(time),
  bytesToSend: count,
  bytesSent: count,
  writes: count,
  bytesReceived: count,
  statusLine: nullable(text()),
  statusCode: nullable(count),
  errorCode: nullable(text()),
  localPort: nullable(port),
  response: nullable(
    v.object({
      base64: base64(CLIENT_RESPONSE_BYTES),
      truncated: v.boolean(),
      ...responseJudgement.entries,
    }),
  ),
})

const clientPlan = v.variant('kind', [
  v.object({
    kind: v.literal('http'),
    rows: few(v.object({ count, path: text(MAX_CLIENT_PATH), startMs: time }), MAX_CLIENT_ROWS),
    idle: v.optional(count),
  }),
  v.object({
    kind: v.literal('raw'),
    // Composer text with escapes: up to four characters a byte (\xNN).
    text: text(MAX_CLIENT_RAW_BYTES * 4),
    framing: v.variant('kind', [
      v.object({ kind: v.literal('whole') }),
      v.object({ kind: v.literal('chunks'), chunks: count, gapMs: time }),
      v.object({ kind: v.literal('bytes'), intervalMs: time }),
    ]),
  }),
])

const clientRun = v.object({
  runId: id,
  target: text(),
  host: text(),
  port,
  plan: clientPlan,
  model: nullable(
    v.object({
      listenerId: id,
      listenerNumber: count,
      responder,
      handling,
      workers: count,
      sleepSeconds: v.pipe(v.number(), v.finite(), v.minValue(0)),
    }),
  ),
  listener: v.optional(v.object({ listenerId: id, listenerNumber: count, responder })),
  startedAt: time,
  timeLimitMs: time,
})

const direction = v.picklist(['in', 'out'])

/** Every event the contract has, one object schema per `type`. */
export const engineEventSchema = v.variant('type', [
  v.object({ type: v.literal('listener-added'), at: time, listener }),
  v.object({ type: v.literal('listener-changed'), at: time, listener }),
  v.object({ type: v.literal('listener-removed'), at: time, listenerId: id }),
  v.object({ type: v.literal('connection-accepted'), at: time, connection }),
  v.object({
    type: v.literal('connection-data'),
    at: time,
    connectionId: id,
    listenerId: id,
    direction,
    chunks: count,
    bytes: count,
    preview: base64(PREVIEW_BYTES),
    bytesIn: count,
    chunksIn: count,
    captured: count,
    bytesOut: count,
    chunksOut: count,
    capturedOut: count,
    truncated: v.boolean(),
    listenerBytesIn: count,
    listenerBytesOut: count,
    mono: time,
  }),
  v.object({
    type: v.literal('connection-peer-ended'),
    at: time,
    connectionId: id,
    listenerId: id,
  }),
  v.object({ type: v.literal('connection-we-ended'), at: time, connectionId: id, listenerId: id }),
  v.object({
    type: v.literal('connection-closed'),
    at: time,
    connectionId: id,
    listenerId: id,
    reason: v.picklist(['peer', 'us', 'us-reset', 'reset', 'error']),
    errorCode: nullable(text()),
    isFoundByProbe: v.optional(v.boolean()),
  }),
  v.object({
    type: v.literal('connection-target'),
    at: time,
    connectionId: id,
    listenerId: id,
    change: v.picklist([
      'connecting',
      'connected',
      'answered',
      'client-ended',
      'target-ended',
      'paused',
      'resumed',
      'closed',
      'failed',
    ]),
    target: targetLeg,
  }),
  v.object({
    type: v.literal('echo-capped'),
    at: time,
    connectionId: id,
    listenerId: id,
    unsent: count,
    limit: count,
  }),
  v.object({
    type: v.literal('accept-failed'),
    at: time,
    listenerId: id,
    code: text(),
    isAtCapacity: v.boolean(),
    remote: nullable(endpoint),
    failures: count,
    limit: nullable(count),
  }),
  v.object({
    type: v.literal('connection-dropped'),
    at: time,
    listenerId: id,
    remote: nullable(endpoint),
    dropped: count,
  }),
  v.object({
    type: v.literal('capture-totals'),
    at: time,
    totals: v.object({ captured: count, limit: count }),
  }),
  v.object({
    type: v.literal('connections-forgotten'),
    at: time,
    connectionIds: ids(1_000_000),
    forgotten: count,
  }),
  v.object({
    type: v.literal('worker-changed'),
    at: time,
    listenerId: id,
    worker: count,
    connectionId: nullable(id),
    phase: v.optional(workerPhase),
    handled: v.optional(count),
    waiting: v.optional(count),
  }),
  v.object({
    type: v.literal('queue-changed'),
    at: time,
    listenerId: id,
    queued: ids(1_000_000),
  }),
  v.object({
    type: v.literal('program-output'),
    at: time,
    listenerId: id,
    connectionId: nullable(id),
    text: text(PROGRAM_TEXT),
  }),
  v.object({
    type: v.literal('client-run-started'),
    at: time,
    run: clientRun,
    requests: few(clientRequest, MAX_CLIENT_CONNECTIONS),
  }),
  v.object({
    type: v.literal('client-request-changed'),
    at: time,
    runId: id,
    request: clientRequest,
  }),
  v.object({
    type: v.literal('client-run-finished'),
    at: time,
    runId: id,
    outcome: v.picklist(['completed', 'cancelled', 'time-limit', 'shutdown']),
    elapsedMs: time,
  }),
])

/**
 * The event, or where it is damaged (`type`, `listener.settings.port`, …), so a file's
 * reader can name the place.
 */
export function readEngineEvent(value: unknown): Result<EngineEvent, { where: string }> {
  const result = v.safeParse(engineEventSchema, value, { abortEarly: true })
  if (result.success) return ok(result.output)
  return err({ where: v.getDotPath(result.issues[0]) ?? '' })
}

/** A forwarded connection's target leg, or where it is damaged (`response.progress`, …). */
export function readTargetLeg(value: unknown): Result<TargetLeg, { where: string }> {
  const result = v.safeParse(targetLeg, value, { abortEarly: true })
  if (result.success) return ok(result.output)
  return err({ where: v.getDotPath(result.issues[0]) ?? '' })
}

// The schemas say exactly what the contract says: each side assignable to the other.
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false
const isSameEvent: Same<v.InferOutput<typeof engineEventSchema>, EngineEvent> = true
const isSameListener: Same<v.InferOutput<typeof listener>, ListenerSnapshot> = true
const isSameBind: Same<v.InferOutput<typeof bindFailure>, BindFailure> = true
const isSameLeg: Same<v.InferOutput<typeof targetLeg>, TargetLeg> = true
const isSameClient: Same<
  Extract<v.InferOutput<typeof engineEventSchema>, { type: `client-${string}` }>,
  ClientEvent
> = true
void [isSameEvent, isSameListener, isSameBind, isSameLeg, isSameClient]
