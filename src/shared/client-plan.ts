/**
 * A client plan turned into what goes on the wire: one request per connection, its bytes, and
 * how a raw request's bytes are cut into writes. Pure: the engine sends these, the GUI shows them.
 */
import { formatHostPort } from './address'
import {
  CLIENT_RESPONSE_BYTES,
  CLIENT_RUN_RESPONSE_BYTES,
  type ClientHttpRow,
  type ClientRequestSnapshot,
} from './client-types'

/** One request of an HTTP plan. */
export interface PlannedRequest {
  path: string
  startMs: number
}

/** The plan's requests in order, one per connection: each row's `count` copies. */
export function expandRows(rows: readonly ClientHttpRow[]): PlannedRequest[] {
  return rows.flatMap((row) =>
    Array.from({ length: row.count }, () => ({ path: row.path, startMs: row.startMs })),
  )
}

/**
 * The request an HTTP plan sends, as curl would on its own connection: `Host` is the target as
 * typed (IPv6 in brackets), and `Connection: close` says no second request follows.
 */
export function httpRequestText(path: string, host: string, port: number): string {
  return `GET ${path} HTTP/1.1\r\nHost: ${formatHostPort(host, port)}\r\nConnection: close\r\n\r\n`
}

/** `total` bytes cut into `parts` runs as even as can be (the first ones a byte longer). */
export function chunkSizes(total: number, parts: number): number[] {
  const n = Math.max(1, Math.min(parts, total))
  const base = Math.floor(total / n)
  const extra = total % n
  return Array.from({ length: n }, (_, i) => base + (i < extra ? 1 : 0))
}

/**
 * A short summary of rows: `2 × /sleep + 1 × /`, with ` @ 500 ms` for a later start, and
 * `idleLabel` (`1 idle`) after them when the plan has idle connections.
 */
export function describeRows(
  rows: readonly ClientHttpRow[],
  idleLabel: string | null = null,
): string {
  const parts = rows.map(
    (r) => `${r.count} × ${r.path}${r.startMs > 0 ? ` @ ${r.startMs} ms` : ''}`,
  )
  return (idleLabel === null ? parts : [...parts, idleLabel]).join(' + ')
}

/** A request of a run before anything happened to it: every time and count still empty. */
export function plannedSnapshot(
  request: Pick<ClientRequestSnapshot, 'index' | 'path' | 'startMs' | 'expectedDoneMs'> &
    Partial<Pick<ClientRequestSnapshot, 'expectedBlocked' | 'idle'>>,
  bytesToSend: number,
): ClientRequestSnapshot {
  // Named one by one: a caller's richer object (the engine's plan with its bytes) must not leak in.
  return {
    index: request.index,
    path: request.path,
    startMs: request.startMs,
    expectedDoneMs: request.expectedDoneMs,
    expectedBlocked: request.expectedBlocked ?? false,
    idle: request.idle ?? false,
    phase: 'planned',
    connectStartMs: null,
    connectedMs: null,
    firstSentMs: null,
    lastSentMs: null,
    firstReceivedMs: null,
    doneMs: null,
    bytesToSend,
    bytesSent: 0,
    writes: 0,
    bytesReceived: 0,
    statusLine: null,
    statusCode: null,
    errorCode: null,
    localPort: null,
    response: null,
  }
}

/**
 * How many response bytes each of a run's `connections` keeps: CLIENT_RESPONSE_BYTES, or an even
 * share of CLIENT_RUN_RESPONSE_BYTES when the run has more than 32 connections.
 */
export function responseBytesKept(connections: number): number {
  return Math.min(
    CLIENT_RESPONSE_BYTES,
    Math.floor(CLIENT_RUN_RESPONSE_BYTES / Math.max(1, connections)),
  )
}
