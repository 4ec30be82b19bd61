/**
 * An {@link Api} over a saved session: every view reads it as it reads the live engine, and every
 * request that would change something answers BAD_STATE ("a saved session is read-only").
 */
import { findBytes, fromBase64, toBase64 } from '../../../shared/byte-formats'
import {
  MAX_CHUNKS_PER_READ,
  MAX_SEND_BYTES,
  type Api,
  type CapturedBytes,
  type ChunkInfo,
  type Direction,
  type EngineEvent,
  type Snapshot,
} from '../../../shared/contract'
import { fail, ok, type Result } from '../../../shared/result'
import type { Session, SessionConnection } from '../../../shared/session-file'

function readOnly<T>(): Promise<Result<T>> {
  return Promise.resolve(
    fail({
      code: 'BAD_STATE',
      message: 'A saved session is read-only: open the live view to do this',
    }),
  )
}

function notFound<T>(id: string): Promise<Result<T>> {
  return Promise.resolve(
    fail({ code: 'NOT_FOUND', message: `No connection ${id} in this session` }),
  )
}

/**
 * The log a live engine would have shown, rebuilt from the checked connections: for files saved
 * before sessions carried their events.
 */
export function sessionEvents(session: Session): EngineEvent[] {
  const events: EngineEvent[] = []
  for (const listener of session.listeners) {
    const accepts = session.connections
      .filter((c) => c.connection.listenerId === listener.id)
      .map((c) => c.connection.acceptedAt)
    events.push({
      type: 'listener-added',
      at: accepts.length > 0 ? Math.min(...accepts) : session.savedAt,
      listener,
    })
  }
  for (const { connection } of session.connections) {
    events.push({ type: 'connection-accepted', at: connection.acceptedAt, connection })
    if (connection.closedAt !== null && connection.closeReason !== null)
      events.push({
        type: 'connection-closed',
        at: connection.closedAt,
        connectionId: connection.id,
        listenerId: connection.listenerId,
        reason: connection.closeReason,
        errorCode: connection.errorCode,
      })
  }
  return events.sort((a, b) => a.at - b.at)
}

/**
 * The session as an Api. Settings still go to `live` (language and theme are the user's, not the
 * session's), and so does HTTP analysis (the parser runs in the engine).
 */
export function createSessionApi(
  session: Session,
  live: Pick<Api, 'getSettings' | 'setSettings' | 'analyzeBytes'>,
): Api {
  const byId = new Map<string, SessionConnection>(
    session.connections.map((c) => [c.connection.id, c]),
  )
  const stream = (c: SessionConnection, direction: Direction): Uint8Array =>
    direction === 'in' ? c.received : c.sent

  const api = {
    addListener: () => readOnly(),
    updateListener: () => readOnly(),
    setUpListener: () => readOnly(),
    startListener: () => readOnly(),
    stopListener: () => readOnly(),
    removeListener: () => readOnly(),
    closeConnection: () => readOnly(),
    closeAllConnections: () => readOnly(),
    send: () => readOnly(),
    runClientPlan: () => readOnly(),
    cancelClientPlan: () => readOnly(),
    whoHolds: () => readOnly(),
    excludedPorts: () => readOnly(),
    checkLocalhost: () => readOnly(),
    findFreePort: () => readOnly(),
    snapshot: async () => {
      const captured = session.connections.reduce(
        (sum, c) => sum + c.received.length + c.sent.length,
        0,
      )
      const snapshot: Snapshot = {
        seq: 0,
        platform: session.platform,
        listeners: session.listeners,
        connections: session.connections.map((c) => c.connection),
        recentEvents: session.events ?? sessionEvents(session),
        capture: { captured, limit: captured },
        forgottenConnections: session.forgottenConnections ?? 0,
      }
      return ok(snapshot)
    },
    readBytes: async ({ connectionId, offset, length, direction = 'in' }) => {
      const c = byId.get(connectionId)
      if (!c) return notFound<CapturedBytes>(connectionId)
      const bytes = stream(c, direction)
      const end = Math.min(bytes.length, offset + length)
      const chunks: ChunkInfo[] = c.chunks
        .filter(
          (k) =>
            k.direction === direction &&
            k.offset < Math.max(end, offset + 1) &&
            k.offset + k.kept > offset,
        )
        .slice(0, MAX_CHUNKS_PER_READ)
      const snapshot = c.connection
      return ok({
        offset,
        base64: toBase64(bytes.subarray(Math.min(offset, bytes.length), end)),
        captured: direction === 'in' ? snapshot.captured : snapshot.capturedOut,
        bytesIn: snapshot.bytesIn,
        truncated: snapshot.truncated,
        chunks,
      })
    },
    readChunks: async ({ connectionId, from, count }) => {
      const c = byId.get(connectionId)
      if (!c) return notFound(connectionId)
      return ok({ total: c.chunks.length, chunks: c.chunks.slice(from, from + count) })
    },
    search: async ({ connectionId, direction, pattern, from, backwards }) => {
      const c = byId.get(connectionId)
      if (!c) return notFound(connectionId)
      const needle = fromBase64(pattern)
      if (needle === null || needle.length === 0)
        return fail({ code: 'INVALID_REQUEST', message: 'pattern must be non-empty base64' })
      const found = findBytes(stream(c, direction), needle, from, backwards)
      return ok({ offset: found < 0 ? null : found })
    },
    analyzeHttp: async ({ connectionId, direction }) => {
      const c = byId.get(connectionId)
      if (!c) return notFound(connectionId)
      // The parser lives in the engine: the bytes go there to be read, and nothing is kept.
      const bytes = stream(c, direction)
      const isCut = bytes.length > MAX_SEND_BYTES
      return live.analyzeBytes({
        base64: toBase64(isCut ? bytes.subarray(0, MAX_SEND_BYTES) : bytes),
        direction,
        truncated: c.connection.truncated || isCut,
      })
    },
    analyzeBytes: (request) => live.analyzeBytes(request),
    getSettings: (request) => live.getSettings(request),
    setSettings: (request) => live.setSettings(request),
    onEvents: () => () => {},
  } satisfies Api
  return api
}
