/**
 * A saved session: listeners, connections and every captured byte in one JSON file, with the
 * engine's recent events (from which the event log, the lesson trail and the client's runs are
 * derived, as on a reload), so a teacher can collect them from students and reopen them later,
 * read-only, in every view. A file without events (older ones) gets a log rebuilt from its
 * connections.
 *
 * {@link parseSessionFile} checks everything it reads: the views trust what it returns.
 */
import type { Platform } from './bind-failure'
import { fromBase64, toBase64 } from './byte-formats'
import {
  RECENT_EVENTS,
  type ChunkInfo,
  type ConnectionSnapshot,
  type EngineEvent,
  type ListenerSnapshot,
} from './contract'
import { readEngineEvent } from './event-schema'
import { parseJsonWithin } from './json-limits'
import type { LessonProgress } from './lesson-progress'
import {
  arr,
  chunk,
  connection,
  count,
  Damaged,
  listener,
  num,
  obj,
  oneOf,
  str,
  type Json,
} from './session-read'
import { checkLessonProgress, checkStudentName } from './validate-settings'
import { err, ok, type Result } from './result'

export const SESSION_FORMAT = 'socket-lab-session'
export const SESSION_VERSION = 1
/** Larger files are refused before parsing. */
export const MAX_SESSION_FILE_BYTES = 512 * 1024 * 1024
/** Deeper nesting is refused before parsing: a real session nests 6 levels. */
export const MAX_SESSION_DEPTH = 32

export interface SessionConnection {
  connection: ConnectionSnapshot
  /** Both directions' reads and writes, in conversation order. */
  chunks: ChunkInfo[]
  received: Uint8Array
  sent: Uint8Array
}

export interface Session {
  savedAt: number
  platform: Platform
  listeners: ListenerSnapshot[]
  connections: SessionConnection[]
  /** The student's name and lesson progress when saved (absent from older files). */
  student?: string | null
  progress?: LessonProgress
  /**
   * The engine's recent events when saved, oldest first (absent from older files): what the log,
   * the lessons and the client panel show.
   */
  events?: EngineEvent[]
  /**
   * Closed connections the engine had forgotten (MAX_KEPT_CLOSED_CONNECTIONS) or forgot while
   * the session was saved: counted, not in `connections`. Absent: none, or an older file.
   */
  forgottenConnections?: number
}

/** Why a file could not be opened; the renderer explains each through the catalogs. */
export type SessionFileProblem =
  | { kind: 'too-large'; bytes: number }
  | { kind: 'too-deep' }
  | { kind: 'not-json' }
  | { kind: 'not-a-session' }
  | { kind: 'newer-version'; version: number }
  | { kind: 'damaged'; where: string }

export function serializeSession(session: Session): string {
  return JSON.stringify({
    format: SESSION_FORMAT,
    version: SESSION_VERSION,
    savedAt: session.savedAt,
    platform: session.platform,
    ...(session.student !== undefined ? { student: session.student } : {}),
    ...(session.progress !== undefined ? { progress: session.progress } : {}),
    ...(session.events !== undefined ? { events: session.events } : {}),
    ...(session.forgottenConnections !== undefined
      ? { forgottenConnections: session.forgottenConnections }
      : {}),
    listeners: session.listeners,
    connections: session.connections.map((c) => ({
      connection: c.connection,
      chunks: c.chunks,
      received: toBase64(c.received),
      sent: toBase64(c.sent),
    })),
  })
}

function bytes(value: unknown, where: string): Uint8Array {
  const decoded = fromBase64(str(value, where))
  if (decoded === null) throw new Damaged(where)
  return decoded
}

/** The saved events, each checked against the contract's schema; no more than an engine keeps. */
function events(value: unknown): EngineEvent[] {
  const list = arr(value, 'events')
  if (list.length > RECENT_EVENTS) throw new Damaged('events')
  return list.map((item, i) => {
    const read = readEngineEvent(item)
    if (read.ok) return read.value
    const { where } = read.error
    throw new Damaged(where === '' ? `events[${i}]` : `events[${i}].${where}`)
  })
}

/**
 * Reads a session file's text. Every field is checked; a damaged file names where, a foreign one
 * says it is not a session, and nothing half-read is returned.
 */
export function parseSessionFile(text: string): Result<Session, SessionFileProblem> {
  const parsed = parseJsonWithin(text, {
    maxChars: MAX_SESSION_FILE_BYTES,
    maxDepth: MAX_SESSION_DEPTH,
  })
  if (!parsed.ok) return parsed
  const data = parsed.value
  if (typeof data !== 'object' || data === null || (data as Json).format !== SESSION_FORMAT)
    return err({ kind: 'not-a-session' })
  const file = data as Json
  if (typeof file.version !== 'number' || !Number.isInteger(file.version) || file.version < 1)
    return err({ kind: 'damaged', where: 'version' })
  if (file.version > SESSION_VERSION) return err({ kind: 'newer-version', version: file.version })
  try {
    const listeners = arr(file.listeners, 'listeners').map((l, i) => listener(l, `listeners[${i}]`))
    const listenerIds = new Set(listeners.map((l) => l.id))
    const connections = arr(file.connections, 'connections').map((value, i) => {
      const where = `connections[${i}]`
      const c = obj(value, where)
      const received = bytes(c.received, `${where}.received`)
      const sent = bytes(c.sent, `${where}.sent`)
      const snapshot = connection(c.connection, `${where}.connection`, listenerIds)
      const sizes = { in: received.length, out: sent.length }
      const chunks = arr(c.chunks, `${where}.chunks`).map((k, j) =>
        chunk(k, `${where}.chunks[${j}]`, sizes),
      )
      return { connection: snapshot, chunks, received, sent }
    })
    const extras: Pick<Session, 'student' | 'progress' | 'events' | 'forgottenConnections'> = {}
    if (file.events !== undefined) extras.events = events(file.events)
    if (file.forgottenConnections !== undefined)
      extras.forgottenConnections = count(file.forgottenConnections, 'forgottenConnections')
    if (file.student !== undefined) {
      const student = checkStudentName(file.student)
      if (!student.ok) throw new Damaged('student')
      extras.student = student.value
    }
    if (file.progress !== undefined) {
      const progress = checkLessonProgress(file.progress)
      if (!progress.ok) throw new Damaged('progress')
      extras.progress = progress.value
    }
    return ok({
      ...extras,
      savedAt: num(file.savedAt, 'savedAt'),
      platform: oneOf(file.platform, ['linux', 'darwin', 'win32', 'other'] as const, 'platform'),
      listeners,
      connections,
    })
  } catch (error) {
    if (error instanceof Damaged) return err({ kind: 'damaged', where: error.where })
    throw error
  }
}
