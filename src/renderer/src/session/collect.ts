/**
 * Gathers a whole session (or one connection) from any Api, page by page, for saving and for pcap
 * (pcap-conversation.ts makes its conversations).
 */
import { fromBase64 } from '../../../shared/byte-formats'
import {
  MAX_CHUNKS_PER_READ,
  type Api,
  type ChunkInfo,
  type ConnectionSnapshot,
  type Direction,
} from '../../../shared/contract'
import type { Result } from '../../../shared/result'
import type { Session, SessionConnection } from '../../../shared/session-file'

const PAGE = 1024 * 1024

/** An Api's error, thrown: its message, and its code for those who tell errors apart. */
class ApiError extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message)
  }
}

function unwrap<T>(result: Result<T>): T {
  if (!result.ok) throw new ApiError(result.error.code, result.error.message)
  return result.value
}

/**
 * Bytes `[start, end)` of one direction as the engine keeps them, read page by page (shorter
 * when the engine holds less).
 */
export async function readRange(
  api: Api,
  connectionId: string,
  direction: Direction,
  start: number,
  end: number,
): Promise<Uint8Array> {
  const size = Math.max(0, end - start)
  const out = new Uint8Array(size)
  let done = 0
  while (done < size) {
    const page = unwrap(
      await api.readBytes({
        connectionId,
        offset: start + done,
        length: Math.min(PAGE, size - done),
        direction,
      }),
    )
    const bytes = fromBase64(page.base64)
    if (bytes === null || bytes.length === 0) break
    out.set(bytes.subarray(0, size - done), done)
    done += bytes.length
  }
  return out.subarray(0, done)
}

function readStream(api: Api, connectionId: string, direction: Direction, size: number) {
  return readRange(api, connectionId, direction, 0, size)
}

async function readAllChunks(api: Api, connectionId: string): Promise<ChunkInfo[]> {
  const chunks: ChunkInfo[] = []
  for (;;) {
    const page = unwrap(
      await api.readChunks({ connectionId, from: chunks.length, count: MAX_CHUNKS_PER_READ }),
    )
    chunks.push(...page.chunks)
    if (page.chunks.length === 0 || chunks.length >= page.total) return chunks
  }
}

/** One connection with its chunk list and both directions' kept bytes. */
export async function collectConnection(
  api: Api,
  connection: ConnectionSnapshot,
): Promise<SessionConnection> {
  const [all, received, sent] = await Promise.all([
    readAllChunks(api, connection.id),
    readStream(api, connection.id, 'in', connection.captured),
    readStream(api, connection.id, 'out', connection.capturedOut),
  ])
  // Bytes may arrive while we read: the chunk list can run past the bytes read for the snapshot.
  // Keep what the saved bytes cover, so the file is whole and opens again.
  const sizes = { in: received.length, out: sent.length }
  const chunks = all.filter((c) => c.offset + c.kept <= sizes[c.direction])
  return { connection, chunks, received, sent }
}

/**
 * Everything the Api holds now (listeners, connections, bytes, the recent events that the log,
 * lessons and client runs come from), with the student's name and lesson progress when given.
 */
export async function collectSession(
  api: Api,
  student: Pick<Session, 'student' | 'progress'> = {},
  savedAt = Date.now(),
): Promise<Session> {
  const snapshot = unwrap(await api.snapshot({}))
  const connections: SessionConnection[] = []
  let forgotten = snapshot.forgottenConnections ?? 0
  for (const connection of snapshot.connections) {
    try {
      connections.push(await collectConnection(api, connection))
    } catch (error) {
      // The engine forgot it since the snapshot (it keeps the last closed ones): left out, counted.
      if (!(error instanceof ApiError && error.code === 'NOT_FOUND')) throw error
      forgotten += 1
    }
  }
  return {
    ...(forgotten > 0 ? { forgottenConnections: forgotten } : {}),
    ...student,
    savedAt,
    platform: snapshot.platform,
    listeners: snapshot.listeners,
    connections,
    events: snapshot.recentEvents,
  }
}
