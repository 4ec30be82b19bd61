/**
 * The client form as typed (strings, so a half-typed number stays on screen), the request it
 * makes, and the field errors the shared validator finds in it.
 */
import { formatHostPort, isWildcardHost } from '../../../shared/address'
import type {
  ClientFraming,
  ClientFramingKind,
  ClientRunRequest,
} from '../../../shared/client-types'
import { DEFAULT_HOST, DEFAULT_PORT, type ListenerSnapshot } from '../../../shared/contract'
import { assertNever } from '../../../shared/result'
import { clientPlanErrors, type ClientFieldError } from '../../../shared/client-checks'

export interface RowDraft {
  count: string
  path: string
  startMs: string
}

export interface ClientDraft {
  /** As typed; null: follow the default target (the first listening listener). */
  target: string | null
  kind: 'http' | 'raw'
  rows: RowDraft[]
  /** Idle connections of an HTTP plan, as typed. */
  idle: string
  rawText: string
  framing: ClientFramingKind
  chunks: string
  gapMs: string
  intervalMs: string
  confirmedRemote: boolean
}

export type ClientPreset = 'book' | 'bookIdle' | 'fourSleeps' | 'one'

export const CLIENT_PRESETS: readonly ClientPreset[] = ['book', 'bookIdle', 'fourSleeps', 'one']

/** The idle connections of a preset, as typed: the browser's trap has one. */
export function presetIdle(preset: ClientPreset): string {
  return preset === 'bookIdle' ? '1' : '0'
}

/** The rows of a preset: the book's demonstration first. */
export function presetRows(preset: ClientPreset): RowDraft[] {
  switch (preset) {
    case 'book':
    case 'bookIdle':
      return [
        { count: '2', path: '/sleep', startMs: '0' },
        { count: '1', path: '/', startMs: '0' },
      ]
    case 'fourSleeps':
      return [{ count: '4', path: '/sleep', startMs: '0' }]
    case 'one':
      return [{ count: '1', path: '/', startMs: '0' }]
    default:
      return assertNever(preset)
  }
}

export const INITIAL_DRAFT: ClientDraft = {
  target: null,
  kind: 'http',
  rows: presetRows('book'),
  idle: '0',
  rawText: 'GET / HTTP/1.1\\r\\nHost: 127.0.0.1\\r\\n\\r\\n',
  framing: 'whole',
  chunks: '3',
  gapMs: '100',
  intervalMs: '100',
  confirmedRemote: false,
}

/**
 * Where a listener is reached from this machine: its bound address, with a wildcard replaced by
 * the loopback address of its family.
 */
export function listenerTarget(listener: ListenerSnapshot): string | null {
  const bound = listener.bound
  if (listener.state !== 'listening' || bound === null) return null
  const host = isWildcardHost(bound.address)
    ? bound.family === 'IPv6'
      ? '::1'
      : '127.0.0.1'
    : bound.address
  return formatHostPort(host, bound.port)
}

/** The first listening listener's address, else the book's 127.0.0.1:7878. */
export function defaultTarget(listeners: readonly ListenerSnapshot[]): string {
  for (const listener of listeners) {
    const target = listenerTarget(listener)
    if (target !== null) return target
  }
  return formatHostPort(DEFAULT_HOST, DEFAULT_PORT)
}

/** A whole number as typed, NaN otherwise (the validator then refuses it). */
function toNumber(text: string): number {
  const s = text.trim()
  return /^-?\d{1,9}$/.test(s) ? Number(s) : Number.NaN
}

function framingOf(draft: ClientDraft): ClientFraming {
  switch (draft.framing) {
    case 'whole':
      return { kind: 'whole' }
    case 'chunks':
      return { kind: 'chunks', chunks: toNumber(draft.chunks), gapMs: toNumber(draft.gapMs) }
    case 'bytes':
      return { kind: 'bytes', intervalMs: toNumber(draft.intervalMs) }
    default:
      return assertNever(draft.framing)
  }
}

/** The request the form makes, with `target` the field's text. */
export function draftRequest(draft: ClientDraft, target: string): ClientRunRequest {
  const plan: ClientRunRequest['plan'] =
    draft.kind === 'http'
      ? {
          kind: 'http',
          rows: draft.rows.map((r) => ({
            count: toNumber(r.count),
            path: r.path.trim(),
            startMs: toNumber(r.startMs),
          })),
          // Absent when 0, as the engine's default.
          ...(draft.idle.trim() === '0' ? {} : { idle: toNumber(draft.idle) }),
        }
      : { kind: 'raw', text: draft.rawText, framing: framingOf(draft) }
  return draft.confirmedRemote ? { target, plan, confirmedRemote: true } : { target, plan }
}

/** The validator's errors by field (the first one per field). */
export function errorsByField(request: ClientRunRequest): ReadonlyMap<string, ClientFieldError> {
  const map = new Map<string, ClientFieldError>()
  for (const error of clientPlanErrors(request))
    if (!map.has(error.field)) map.set(error.field, error)
  return map
}
