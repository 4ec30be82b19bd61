/**
 * A saved session: listeners, connections and every captured byte in one JSON file, so a teacher
 * can collect them from students and reopen them later, read-only, in every view. The event log is
 * rebuilt from the connections when the file is opened, so nothing unchecked reaches the views.
 *
 * {@link parseSessionFile} checks everything it reads: the views trust what it returns.
 */
import type { Platform } from './bind-failure'
import { fromBase64, toBase64 } from './byte-formats'
import {
  HANDLINGS,
  MAX_PAGE_BYTES,
  RESPONDERS,
  type ChunkInfo,
  type ConnectionSnapshot,
  type Endpoint,
  type ListenerSettings,
  type ListenerSnapshot,
} from './contract'
import { jsonDepth } from './json-limits'
import type { LessonProgress } from './lesson-progress'
import { defaultListenerSettings } from './listener-defaults'
import { checkLessonProgress, checkStudentName } from './validate-settings'

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
    listeners: session.listeners,
    connections: session.connections.map((c) => ({
      connection: c.connection,
      chunks: c.chunks,
      received: toBase64(c.received),
      sent: toBase64(c.sent),
    })),
  })
}

class Damaged extends Error {
  constructor(readonly where: string) {
    super(`damaged at ${where}`)
  }
}

type Json = Record<string, unknown>

function obj(value: unknown, where: string): Json {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) throw new Damaged(where)
  return value as Json
}

function arr(value: unknown, where: string): unknown[] {
  if (!Array.isArray(value)) throw new Damaged(where)
  return value
}

function str(value: unknown, where: string): string {
  if (typeof value !== 'string') throw new Damaged(where)
  return value
}

function num(value: unknown, where: string): number {
  if (typeof value !== 'number' || !Number.isFinite(value)) throw new Damaged(where)
  return value
}

function count(value: unknown, where: string): number {
  const n = num(value, where)
  if (!Number.isSafeInteger(n) || n < 0) throw new Damaged(where)
  return n
}

function nullable<T>(value: unknown, where: string, read: (v: unknown, w: string) => T): T | null {
  return value === null ? null : read(value, where)
}

function oneOf<T extends string>(value: unknown, options: readonly T[], where: string): T {
  if (!options.includes(value as T)) throw new Damaged(where)
  return value as T
}

function endpoint(value: unknown, where: string): Endpoint {
  const e = obj(value, where)
  return {
    address: str(e.address, `${where}.address`),
    port: count(e.port, `${where}.port`),
    family: oneOf(e.family, ['IPv4', 'IPv6'] as const, `${where}.family`),
  }
}

function listener(value: unknown, where: string): ListenerSnapshot {
  const l = obj(value, where)
  const settings = obj(l.settings, `${where}.settings`)
  const counters = obj(l.counters, `${where}.counters`)
  return {
    id: str(l.id, `${where}.id`),
    number: count(l.number, `${where}.number`),
    settings: listenerSettings(settings, `${where}.settings`),
    // A saved session listens to nothing: whatever it was doing, it is shown stopped.
    state: 'stopped',
    bound: nullable(l.bound, `${where}.bound`, endpoint),
    lastError: null,
    counters: {
      accepted: count(counters.accepted, `${where}.counters.accepted`),
      dropped: count(counters.dropped, `${where}.counters.dropped`),
      open: 0,
      bytesIn: count(counters.bytesIn, `${where}.counters.bytesIn`),
      bytesOut: count(counters.bytesOut, `${where}.counters.bytesOut`),
    },
    workers: [],
    queued: [],
    handled: l.handled === undefined ? 0 : count(l.handled, `${where}.handled`),
  }
}

/** A field of a later format version may be missing from an older file: it takes the default. */
function orDefault<T>(value: unknown, fallback: T, read: (v: unknown) => T): T {
  return value === undefined ? fallback : read(value)
}

function listenerSettings(settings: Json, where: string): ListenerSettings {
  const d = defaultListenerSettings()
  const text = (key: string) => (v: unknown) => {
    const page = str(v, `${where}.${key}`)
    if (page.length > MAX_PAGE_BYTES) throw new Damaged(`${where}.${key}`)
    return page
  }
  return {
    host: str(settings.host, `${where}.host`),
    port: count(settings.port, `${where}.port`),
    maxConnections: nullable(settings.maxConnections, `${where}.maxConnections`, count),
    captureLimitPerConnection: count(
      settings.captureLimitPerConnection,
      `${where}.captureLimitPerConnection`,
    ),
    responder: oneOf(settings.responder, RESPONDERS, `${where}.responder`),
    handling: orDefault(settings.handling, d.handling, (v) =>
      oneOf(v, HANDLINGS, `${where}.handling`),
    ),
    workers: orDefault(settings.workers, d.workers, (v) => count(v, `${where}.workers`)),
    sleepSeconds: orDefault(settings.sleepSeconds, d.sleepSeconds, (v) =>
      num(v, `${where}.sleepSeconds`),
    ),
    stopAfter: orDefault(settings.stopAfter, d.stopAfter, (v) =>
      nullable(v, `${where}.stopAfter`, count),
    ),
    helloHtml: orDefault(settings.helloHtml, d.helloHtml, text('helloHtml')),
    notFoundHtml: orDefault(settings.notFoundHtml, d.notFoundHtml, text('notFoundHtml')),
    helloHead: orDefault(settings.helloHead, d.helloHead, text('helloHead')),
    notFoundHead: orDefault(settings.notFoundHead, d.notFoundHead, text('notFoundHead')),
  }
}

function connection(value: unknown, where: string, listenerIds: Set<string>): ConnectionSnapshot {
  const c = obj(value, where)
  const listenerId = str(c.listenerId, `${where}.listenerId`)
  if (!listenerIds.has(listenerId)) throw new Damaged(`${where}.listenerId`)
  const state = oneOf(
    c.state,
    ['open', 'peer-ended', 'we-ended', 'closed'] as const,
    `${where}.state`,
  )
  return {
    id: str(c.id, `${where}.id`),
    listenerId,
    number: count(c.number, `${where}.number`),
    remote: endpoint(c.remote, `${where}.remote`),
    local: endpoint(c.local, `${where}.local`),
    acceptedAt: num(c.acceptedAt, `${where}.acceptedAt`),
    acceptedMono: num(c.acceptedMono, `${where}.acceptedMono`),
    state,
    closedAt: nullable(c.closedAt, `${where}.closedAt`, num),
    closeReason: nullable(c.closeReason, `${where}.closeReason`, (v, w) =>
      oneOf(v, ['peer', 'us', 'us-reset', 'reset', 'error'] as const, w),
    ),
    errorCode: nullable(c.errorCode, `${where}.errorCode`, str),
    bytesIn: count(c.bytesIn, `${where}.bytesIn`),
    bytesOut: count(c.bytesOut, `${where}.bytesOut`),
    chunksIn: count(c.chunksIn, `${where}.chunksIn`),
    chunksOut: count(c.chunksOut, `${where}.chunksOut`),
    captured: count(c.captured, `${where}.captured`),
    capturedOut: count(c.capturedOut, `${where}.capturedOut`),
    truncated: c.truncated === true,
    firstByteInMono: nullable(c.firstByteInMono, `${where}.firstByteInMono`, num),
    lastByteMono: nullable(c.lastByteMono, `${where}.lastByteMono`, num),
  }
}

function chunk(value: unknown, where: string, sizes: { in: number; out: number }): ChunkInfo {
  const c = obj(value, where)
  const direction = oneOf(c.direction, ['in', 'out'] as const, `${where}.direction`)
  const info: ChunkInfo = {
    direction,
    offset: count(c.offset, `${where}.offset`),
    size: count(c.size, `${where}.size`),
    mono: num(c.mono, `${where}.mono`),
    kept: count(c.kept, `${where}.kept`),
  }
  if (info.kept > info.size || info.offset + info.kept > sizes[direction]) throw new Damaged(where)
  return info
}

function bytes(value: unknown, where: string): Uint8Array {
  const decoded = fromBase64(str(value, where))
  if (decoded === null) throw new Damaged(where)
  return decoded
}

/**
 * Reads a session file's text. Every field is checked; a damaged file names where, a foreign one
 * says it is not a session, and nothing half-read is returned.
 */
export function parseSessionFile(
  text: string,
): { ok: true; session: Session } | { ok: false; problem: SessionFileProblem } {
  if (text.length > MAX_SESSION_FILE_BYTES)
    return { ok: false, problem: { kind: 'too-large', bytes: text.length } }
  if (jsonDepth(text, MAX_SESSION_DEPTH + 1) > MAX_SESSION_DEPTH)
    return { ok: false, problem: { kind: 'too-deep' } }
  let data: unknown
  try {
    data = JSON.parse(text)
  } catch {
    return { ok: false, problem: { kind: 'not-json' } }
  }
  if (typeof data !== 'object' || data === null || (data as Json).format !== SESSION_FORMAT)
    return { ok: false, problem: { kind: 'not-a-session' } }
  const file = data as Json
  if (typeof file.version !== 'number' || !Number.isInteger(file.version) || file.version < 1)
    return { ok: false, problem: { kind: 'damaged', where: 'version' } }
  if (file.version > SESSION_VERSION)
    return { ok: false, problem: { kind: 'newer-version', version: file.version } }
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
    const extras: Pick<Session, 'student' | 'progress'> = {}
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
    return {
      ok: true,
      session: {
        ...extras,
        savedAt: num(file.savedAt, 'savedAt'),
        platform: oneOf(file.platform, ['linux', 'darwin', 'win32', 'other'] as const, 'platform'),
        listeners,
        connections,
      },
    }
  } catch (error) {
    if (error instanceof Damaged)
      return { ok: false, problem: { kind: 'damaged', where: error.where } }
    throw error
  }
}
