/**
 * Reading a saved session's JSON: small readers that check one value each and throw {@link Damaged}
 * naming where. Its events are read with the contract's schemas (event-schema.ts).
 */
import {
  HANDLINGS,
  MAX_PAGE_BYTES,
  MAX_TARGET_TIMEOUT_SECONDS,
  RESPONDERS,
  type ChunkInfo,
  type ConnectionSnapshot,
  type Endpoint,
  type ListenerSettings,
  type ListenerSnapshot,
  type TargetLeg,
} from './contract'
import { readTargetLeg } from './event-schema'
import { defaultListenerSettings } from './listener-defaults'

export class Damaged extends Error {
  constructor(readonly where: string) {
    super(`damaged at ${where}`)
  }
}

export type Json = Record<string, unknown>

export function obj(value: unknown, where: string): Json {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) throw new Damaged(where)
  return value as Json
}

export function arr(value: unknown, where: string): unknown[] {
  if (!Array.isArray(value)) throw new Damaged(where)
  return value
}

export function str(value: unknown, where: string): string {
  if (typeof value !== 'string') throw new Damaged(where)
  return value
}

export function num(value: unknown, where: string): number {
  if (typeof value !== 'number' || !Number.isFinite(value)) throw new Damaged(where)
  return value
}

export function count(value: unknown, where: string): number {
  const n = num(value, where)
  if (!Number.isSafeInteger(n) || n < 0) throw new Damaged(where)
  return n
}

/** `value` when it is in [min, max]; else the file is damaged there. */
function within(value: number, min: number, max: number, where: string): number {
  if (value < min || value > max) throw new Damaged(where)
  return value
}

export function nullable<T>(
  value: unknown,
  where: string,
  read: (v: unknown, w: string) => T,
): T | null {
  return value === null ? null : read(value, where)
}

export function oneOf<T extends string>(value: unknown, options: readonly T[], where: string): T {
  if (!options.includes(value as T)) throw new Damaged(where)
  return value as T
}

export function endpoint(value: unknown, where: string): Endpoint {
  const e = obj(value, where)
  return {
    address: str(e.address, `${where}.address`),
    port: count(e.port, `${where}.port`),
    family: oneOf(e.family, ['IPv4', 'IPv6'] as const, `${where}.family`),
  }
}

export function listener(value: unknown, where: string): ListenerSnapshot {
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
      ...(counters.refused === undefined
        ? {}
        : { refused: count(counters.refused, `${where}.counters.refused`) }),
    },
    workers: [],
    queued: [],
    handled: l.handled === undefined ? 0 : count(l.handled, `${where}.handled`),
  }
}

/** A field of a later format version may be missing from an older file: it takes the default. */
export function orDefault<T>(value: unknown, fallback: T, read: (v: unknown) => T): T {
  return value === undefined ? fallback : read(value)
}

export function listenerSettings(settings: Json, where: string): ListenerSettings {
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
    targetHost: orDefault(settings.targetHost, d.targetHost, (v) => str(v, `${where}.targetHost`)),
    targetPort: orDefault(settings.targetPort, d.targetPort, (v) =>
      within(count(v, `${where}.targetPort`), 1, 65535, `${where}.targetPort`),
    ),
    targetTimeoutSeconds: orDefault(settings.targetTimeoutSeconds, d.targetTimeoutSeconds, (v) =>
      within(
        count(v, `${where}.targetTimeoutSeconds`),
        1,
        MAX_TARGET_TIMEOUT_SECONDS,
        `${where}.targetTimeoutSeconds`,
      ),
    ),
  }
}

export function connection(
  value: unknown,
  where: string,
  listenerIds: Set<string>,
): ConnectionSnapshot {
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
    // Marks a later engine adds only when true; an older file has none.
    ...(c.isFoundByProbe === true ? { isFoundByProbe: true } : {}),
    ...(c.isEchoCapped === true ? { isEchoCapped: true } : {}),
    ...(c.target === undefined ? {} : { target: targetLeg(c.target, `${where}.target`) }),
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

/** A forwarded connection's leg to the target (a file without forwarding has none). */
function targetLeg(value: unknown, where: string): TargetLeg {
  const read = readTargetLeg(value)
  if (!read.ok) throw new Damaged(read.error.where === '' ? where : `${where}.${read.error.where}`)
  return read.value
}

export function chunk(
  value: unknown,
  where: string,
  sizes: { in: number; out: number },
): ChunkInfo {
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
