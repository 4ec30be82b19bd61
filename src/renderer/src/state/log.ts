/**
 * The event log, derived from engine events: what happened, not how it is worded.
 *
 * Entries carry data only; components word them through the catalogs. "Connection established!" is
 * the book's program output and is shown as is.
 */
import type { BindErrorCode } from '../../../shared/bind-failure'
import type {
  CloseReason,
  EngineEvent,
  ListenerSnapshot,
  TargetLeg,
} from '../../../shared/contract'
import { formatHostPort } from '../../../shared/address'
import { RESPONDER_CAPABILITIES } from '../../../shared/responders'
import { assertNever } from '../../../shared/result'
import { targetLine, type TargetLine } from './log-target'
import { isNewerLeg } from './target-leg'

/** Most entries the log keeps; older ones go first. */
export const LOG_LIMIT = 10_000

/** What a log line says. */
export type LogMessage =
  | {
      kind: 'connection-established'
      connectionNumber: number
      remote: string
      /**
       * Shown as the book's "Connection established!" (Listing 20-1) under the Silent responder;
       * Close at once prints that line from the engine, the later listings print others.
       */
      isBookLine: boolean
    }
  | { kind: 'listening'; address: string }
  | { kind: 'stopped' }
  | { kind: 'bind-failed'; code: BindErrorCode; rawCode: string; address: string }
  | { kind: 'peer-ended'; connectionNumber: number }
  | { kind: 'we-ended'; connectionNumber: number }
  | {
      kind: 'closed'
      connectionNumber: number
      reason: CloseReason
      errorCode: string | null
      /** A probe after the peer's FIN found it gone (ConnectionSnapshot.isFoundByProbe). */
      isFoundByProbe?: boolean
    }
  | { kind: 'dropped'; remote: string | null }
  /** A connection turned away at the open-file limit (the accept-failed event). */
  | {
      kind: 'accept-failed'
      code: string
      isAtCapacity: boolean
      remote: string | null
      failures: number
      limit: number | null
    }
  /** The echo responder stopped: more than `limit` bytes waited for a peer that does not read. */
  | { kind: 'echo-capped'; connectionNumber: number; limit: number }
  /** A line the book's program prints (Request: [...], Worker 0 got a job; executing.), as is. */
  | { kind: 'program'; text: string; connectionNumber: number | null }
  /** A forwarded connection's leg to the learner's server changed (see log-target.ts). */
  | { kind: 'target'; connectionNumber: number; line: TargetLine }

export interface LogEntry {
  /** Unique and increasing: a stable React key. */
  id: number
  /** Wall-clock ms. */
  at: number
  listenerId: string
  /** The listener's number when it happened (0 if it was not known). */
  listenerNumber: number
  message: LogMessage
}

/** What the log needs to know about listeners and connections to word an event. */
export interface LogContext {
  listener(id: string): ListenerSnapshot | undefined
  connectionNumber(id: string): number | undefined
  /** Known to be closed already: a repeated close adds no line. */
  isConnectionClosed(id: string): boolean
  /** The connection's leg to the target as known (a repeated or older event adds no line). */
  target(id: string): TargetLeg | undefined
}

function failureKey(listener: ListenerSnapshot | undefined): string | null {
  const e = listener?.lastError
  return e ? `${e.rawCode} ${e.message}` : null
}

/**
 * The log lines one event adds, given what was known before it.
 *
 * A listener-changed event is a line only when it is a transition: to listening, to stopped from
 * listening or stopping, or a new bind failure.
 */
export function logMessagesFor(event: EngineEvent, ctx: LogContext): Array<Omit<LogEntry, 'id'>> {
  switch (event.type) {
    case 'listener-added':
    case 'listener-removed':
    case 'connection-data':
    case 'capture-totals':
      return []
    case 'listener-changed': {
      const next = event.listener
      const prev = ctx.listener(next.id)
      const base = { at: event.at, listenerId: next.id, listenerNumber: next.number }
      if (next.state === 'listening' && prev?.state !== 'listening' && next.bound) {
        const address = formatHostPort(next.bound.address, next.bound.port)
        return [{ ...base, message: { kind: 'listening', address } }]
      }
      if (next.state === 'stopped') {
        if (prev?.state === 'listening' || prev?.state === 'stopping')
          return [{ ...base, message: { kind: 'stopped' } }]
        const error = next.lastError
        if (error && (prev?.state === 'starting' || failureKey(prev) !== failureKey(next))) {
          const message = {
            kind: 'bind-failed',
            code: error.code,
            rawCode: error.rawCode,
            address: error.address,
          } as const
          return [{ ...base, message }]
        }
      }
      return []
    }
    case 'connection-accepted': {
      const c = event.connection
      const remote = formatHostPort(c.remote.address, c.remote.port)
      const responder = ctx.listener(c.listenerId)?.settings.responder
      const message = {
        kind: 'connection-established',
        connectionNumber: c.number,
        remote,
        // Close at once prints it from the engine, as program output; later stages print other
        // lines or nothing.
        isBookLine: responder === undefined || RESPONDER_CAPABILITIES[responder].isInspector,
      } as const
      return [
        {
          at: event.at,
          listenerId: c.listenerId,
          listenerNumber: numberOf(ctx, c.listenerId),
          message,
        },
      ]
    }
    case 'connection-peer-ended':
      return [
        {
          at: event.at,
          listenerId: event.listenerId,
          listenerNumber: numberOf(ctx, event.listenerId),
          message: {
            kind: 'peer-ended',
            connectionNumber: ctx.connectionNumber(event.connectionId) ?? 0,
          },
        },
      ]
    case 'connection-we-ended':
      return [
        {
          at: event.at,
          listenerId: event.listenerId,
          listenerNumber: numberOf(ctx, event.listenerId),
          message: {
            kind: 'we-ended',
            connectionNumber: ctx.connectionNumber(event.connectionId) ?? 0,
          },
        },
      ]
    case 'connection-closed':
      if (ctx.isConnectionClosed(event.connectionId)) return []
      return [
        {
          at: event.at,
          listenerId: event.listenerId,
          listenerNumber: numberOf(ctx, event.listenerId),
          message: {
            kind: 'closed',
            connectionNumber: ctx.connectionNumber(event.connectionId) ?? 0,
            reason: event.reason,
            errorCode: event.errorCode,
            ...(event.isFoundByProbe === true ? { isFoundByProbe: true } : {}),
          },
        },
      ]
    case 'connection-dropped':
      return [
        {
          at: event.at,
          listenerId: event.listenerId,
          listenerNumber: numberOf(ctx, event.listenerId),
          message: {
            kind: 'dropped',
            remote: event.remote ? formatHostPort(event.remote.address, event.remote.port) : null,
          },
        },
      ]
    case 'accept-failed':
      return [
        {
          at: event.at,
          listenerId: event.listenerId,
          listenerNumber: numberOf(ctx, event.listenerId),
          message: {
            kind: 'accept-failed',
            code: event.code,
            isAtCapacity: event.isAtCapacity,
            remote: event.remote ? formatHostPort(event.remote.address, event.remote.port) : null,
            failures: event.failures,
            limit: event.limit,
          },
        },
      ]
    case 'connection-target': {
      if (!isNewerLeg(ctx.target(event.connectionId), event.target)) return []
      const seconds = ctx.listener(event.listenerId)?.settings.targetTimeoutSeconds ?? null
      const line = targetLine(event, seconds)
      if (line === null) return []
      const connectionNumber = ctx.connectionNumber(event.connectionId) ?? 0
      return [
        {
          at: event.at,
          listenerId: event.listenerId,
          listenerNumber: numberOf(ctx, event.listenerId),
          message: { kind: 'target', connectionNumber, line },
        },
      ]
    }
    case 'echo-capped':
      return [
        {
          at: event.at,
          listenerId: event.listenerId,
          listenerNumber: numberOf(ctx, event.listenerId),
          message: {
            kind: 'echo-capped',
            connectionNumber: ctx.connectionNumber(event.connectionId) ?? 0,
            limit: event.limit,
          },
        },
      ]
    case 'worker-changed':
    case 'queue-changed':
      // The listener's workers view shows these; the program's own lines say what they mean.
      return []
    case 'program-output':
      return [
        {
          at: event.at,
          listenerId: event.listenerId,
          listenerNumber: numberOf(ctx, event.listenerId),
          message: {
            kind: 'program',
            text: event.text,
            connectionNumber:
              event.connectionId === null
                ? null
                : (ctx.connectionNumber(event.connectionId) ?? null),
          },
        },
      ]
    case 'connections-forgotten':
      // The connections panel counts them; a line per batch under load would bury the log.
      return []
    case 'client-run-started':
    case 'client-request-changed':
    case 'client-run-finished':
      // Shown by the client panel's timeline, not the log.
      return []
    default:
      return assertNever(event)
  }
}

/** The book's own program output, as a line shows it: "Connection established!" or the line. */
export const CONNECTION_ESTABLISHED = 'Connection established!'

/**
 * The line the book's program printed that this log line shows, or null: the lessons tick from
 * exactly what the log shows.
 */
export function programLine(m: LogMessage): string | null {
  if (m.kind === 'connection-established') return m.isBookLine ? CONNECTION_ESTABLISHED : null
  if (m.kind === 'program') return m.text
  return null
}

function numberOf(ctx: LogContext, listenerId: string): number {
  return ctx.listener(listenerId)?.number ?? 0
}

/**
 * A listener as a replay of older events first meets it: its settings as the snapshot knows them,
 * not yet listening, no error, idle workers, no queue. Transitions then read as they did live.
 */
export function replayStart(l: ListenerSnapshot): ListenerSnapshot {
  return {
    ...l,
    state: 'stopped',
    bound: null,
    lastError: null,
    workers: l.workers.map(() => null),
    phases: l.workers.map(() => null),
    queued: [],
  }
}

/**
 * Rebuilds a log from a snapshot's recent events, replaying listener and connection numbers as
 * they come so transitions read the same as they did live.
 */
export function logFromEvents(
  events: readonly EngineEvent[],
  firstId: number,
  known: {
    listenerNumbers?: ReadonlyMap<string, number>
    connectionNumbers?: ReadonlyMap<string, number>
    /** The snapshot's listeners: their settings word lines whose listener-added is too old. */
    listeners?: readonly ListenerSnapshot[]
  } = {},
): LogEntry[] {
  const listeners = new Map<string, ListenerSnapshot>(
    (known.listeners ?? []).map((l) => [l.id, replayStart(l)]),
  )
  // Events older than the snapshot's window may be missing: the snapshot still knows the numbers.
  const connectionNumbers = new Map<string, number>(known.connectionNumbers ?? [])
  const closed = new Set<string>()
  const targets = new Map<string, TargetLeg>()
  const ctx: LogContext = {
    listener: (id) => listeners.get(id),
    connectionNumber: (id) => connectionNumbers.get(id),
    isConnectionClosed: (id) => closed.has(id),
    target: (id) => targets.get(id),
  }
  const out: LogEntry[] = []
  let id = firstId
  for (const event of events) {
    for (const entry of logMessagesFor(event, ctx)) {
      const listenerNumber =
        entry.listenerNumber || (known.listenerNumbers?.get(entry.listenerId) ?? 0)
      out.push({ ...entry, listenerNumber, id: id++ })
    }
    if (event.type === 'listener-added' || event.type === 'listener-changed')
      listeners.set(event.listener.id, event.listener)
    else if (event.type === 'connection-accepted')
      connectionNumbers.set(event.connection.id, event.connection.number)
    else if (event.type === 'connection-closed') closed.add(event.connectionId)
    else if (
      event.type === 'connection-target' &&
      isNewerLeg(targets.get(event.connectionId), event.target)
    )
      targets.set(event.connectionId, event.target)
  }
  return out.length > LOG_LIMIT ? out.slice(out.length - LOG_LIMIT) : out
}
