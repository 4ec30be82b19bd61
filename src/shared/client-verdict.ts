/**
 * What the target did to a test-client request, judged from its finished snapshot: the kinds the
 * GUI explains in terms of the target (refused, reset, closed early, timed out, …), with the
 * evidence in the snapshot itself (bytes received before it, the times).
 */
import type { ClientRequestSnapshot, ClientResponseProgress } from './client-types'

/**
 * - complete: a complete response arrived and the server closed the connection (FIN).
 * - closed: FIN after bytes that are not HTTP: nothing to judge them by.
 * - closed-early: FIN before a complete response; `progress` says how far it got.
 * - refused: nothing listens on host:port (ECONNREFUSED).
 * - reset: RST (ECONNRESET, or EPIPE while sending); `requestSent`: the whole request was
 *   handed to the OS before it.
 * - timed-out: no complete answer in time: to the connection attempt (`connect`) or to the
 *   request (`response`, the plan's time limit).
 * - kept-open: the response was complete, but the server kept the connection open until the
 *   plan's time limit (though the request said `Connection: close`).
 * - stopped: the client closed it before the target did anything to it: the user, a new plan, or
 *   the time limit before it even opened (`code` says which).
 * - network: any other failure (no route, name not found, …), by its code.
 */
export type ClientVerdict =
  | { kind: 'complete' }
  | { kind: 'closed' }
  | { kind: 'closed-early'; progress: 'nothing' | 'head' | 'body' }
  | { kind: 'refused' }
  | { kind: 'reset'; progress: ClientResponseProgress; requestSent: boolean }
  | { kind: 'timed-out'; stage: 'connect' | 'response'; progress: ClientResponseProgress }
  | { kind: 'kept-open' }
  | { kind: 'stopped'; code: string }
  | { kind: 'network'; code: string }

export type ClientVerdictKind = ClientVerdict['kind']

/** Codes of the client's own doing: the user cancelled, closed idle connections, or ran a new plan. */
const STOPPED_HERE = new Set(['CANCELLED', 'CLOSED_BY_CLIENT', 'NEW_PLAN'])

/** How far the response got; without a judged response, only whether anything came. */
function progressOf(r: ClientRequestSnapshot): ClientResponseProgress {
  return r.response?.progress ?? (r.bytesReceived === 0 ? 'nothing' : 'unknown')
}

/** The verdict on a request that is over (done or failed); null while it is not. */
export function clientVerdict(r: ClientRequestSnapshot): ClientVerdict | null {
  if (r.phase !== 'done' && r.phase !== 'failed') return null
  const progress = progressOf(r)
  const code = r.errorCode
  if (code === null) {
    if (progress === 'complete') return { kind: 'complete' }
    if (progress === 'unknown') return { kind: 'closed' }
    return { kind: 'closed-early', progress }
  }
  switch (code) {
    case 'ECONNREFUSED':
      return { kind: 'refused' }
    case 'ECONNRESET':
    case 'EPIPE':
      return { kind: 'reset', progress, requestSent: r.bytesSent >= r.bytesToSend }
    case 'CONNECT_TIMEOUT':
    case 'ETIMEDOUT':
    case 'TIME_LIMIT':
      if (r.connectStartMs === null) return { kind: 'stopped', code }
      if (r.connectedMs === null) return { kind: 'timed-out', stage: 'connect', progress }
      if (code === 'TIME_LIMIT' && progress === 'complete') return { kind: 'kept-open' }
      return { kind: 'timed-out', stage: 'response', progress }
    default:
      return STOPPED_HERE.has(code) ? { kind: 'stopped', code } : { kind: 'network', code }
  }
}
