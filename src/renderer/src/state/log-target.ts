/**
 * The log's lines about a forwarded connection's leg to the learner's server: data only, worded
 * through the catalogs at render time (see target-text.ts).
 */
import { formatHostPort } from '../../../shared/address'
import type { EngineEvent, TargetFailure, TargetSide } from '../../../shared/contract'
import { assertNever } from '../../../shared/result'

/** What one change of the leg says; times in ms of the engine's clock. */
export type TargetLine =
  | { change: 'connected'; address: string; ms: number }
  /** From the first byte sent to the target (from the connect if none was, or none had gone). */
  | { change: 'answered'; ms: number }
  | { change: 'client-ended' }
  /** `side` stopped reading long enough to tell: `waiting` bytes for it in Socket Lab, `cap` its socket's. */
  | { change: 'paused'; side: TargetSide; waiting: number; cap: number }
  /** `side` took what waited for it: Socket Lab reads from the other side again. */
  | { change: 'resumed'; side: TargetSide }
  /** The target's FIN, after `bytes` from it: 0 means it closed without answering. */
  | { change: 'target-ended'; bytes: number }
  | {
      change: 'failed'
      failure: TargetFailure
      address: string
      /** The listener's target timeout when it happened (null: the listener was not known). */
      seconds: number | null
      code: string | null
    }

const OTHER: Record<TargetSide, TargetSide> = { client: 'target', target: 'client' }

type TargetEvent = Extract<EngineEvent, { type: 'connection-target' }>

/**
 * The line a connection-target event adds, or null. `connecting` and `closed` add none: the
 * connection's own accept and close lines say it.
 */
export function targetLine(event: TargetEvent, seconds: number | null): TargetLine | null {
  const leg = event.target
  const address = formatHostPort(leg.host, leg.port)
  switch (event.change) {
    case 'connecting':
    case 'closed':
      return null
    case 'paused': {
      const stall = leg.lastStall ?? null
      return stall === null ? null : { change: 'paused', ...stall }
    }
    case 'resumed': {
      // The side still stalled is the other one; with none, the last stall is the one over.
      const stalled = leg.stalled ?? null
      const side = stalled === null ? (leg.lastStall?.side ?? null) : OTHER[stalled]
      return side === null ? null : { change: 'resumed', side }
    }
    case 'connected':
      return leg.connectedMono === null
        ? null
        : { change: 'connected', address, ms: leg.connectedMono - leg.connectMono }
    case 'answered': {
      const answer = leg.firstByteFromTargetMono
      if (answer === null) return null
      const connected = leg.connectedMono ?? leg.connectMono
      const sent = leg.firstByteToTargetMono
      // Bytes the client sent while the target was connecting went out at the connect; a server
      // that speaks first answered nothing, so its time counts from the connect too.
      const from = sent !== null && sent <= answer ? Math.max(sent, connected) : connected
      return { change: 'answered', ms: Math.max(0, answer - from) }
    }
    case 'client-ended':
      return { change: 'client-ended' }
    case 'target-ended':
      return { change: 'target-ended', bytes: leg.bytesFromTarget }
    case 'failed':
      return {
        change: 'failed',
        failure: leg.failure ?? 'error',
        address,
        seconds,
        code: leg.errorCode,
      }
    default:
      return assertNever(event.change)
  }
}
