/**
 * A forwarded connection's leg to the target, as events tell it: each connection-target event
 * carries the whole leg after its change, so the newest leg wins. A repeated event, or one older
 * than what is known, says nothing new and must not take the leg back.
 */
import type { ConnectionSnapshot, Endpoint, TargetLeg, TargetStall } from '../../../shared/contract'

const STATE_RANK: Record<TargetLeg['state'], number> = { connecting: 0, open: 1, closed: 2 }

/**
 * Set once and never unset, so a leg that has one is ahead of a leg that has not. Absent (a
 * field newer than the leg's file) counts as not set.
 */
function lost<T>(known: T | null | undefined, next: T | null | undefined): boolean {
  return (known ?? null) !== null && (next ?? null) === null
}

/** Whether `next` is behind `known` in anything that only moves forward. */
function isBehind(known: TargetLeg, next: TargetLeg): boolean {
  return (
    STATE_RANK[next.state] < STATE_RANK[known.state] ||
    next.bytesToTarget < known.bytesToTarget ||
    next.bytesFromTarget < known.bytesFromTarget ||
    lost(known.connectedMono, next.connectedMono) ||
    lost(known.firstByteToTargetMono, next.firstByteToTargetMono) ||
    lost(known.firstByteFromTargetMono, next.firstByteFromTargetMono) ||
    lost(known.firstEnded, next.firstEnded) ||
    lost(known.failure, next.failure) ||
    lost(known.response, next.response) ||
    lost(known.remote, next.remote) ||
    lost(known.clientEndedMono, next.clientEndedMono) ||
    lost(known.targetEndedMono, next.targetEndedMono) ||
    lost(known.closedMono, next.closedMono) ||
    (next.stalls ?? 0) < (known.stalls ?? 0) ||
    (known.clientEnded && !next.clientEnded) ||
    (known.targetEnded && !next.targetEnded)
  )
}

/** Both absent (or null), or both there and alike in `same`. */
function both<T>(
  a: T | null | undefined,
  b: T | null | undefined,
  same: (a: T, b: T) => boolean,
): boolean {
  const x = a ?? null
  const y = b ?? null
  return x === y || (x !== null && y !== null && same(x, y))
}

function sameEndpoint(a: Endpoint | null | undefined, b: Endpoint | null | undefined): boolean {
  return both(a, b, (x, y) => x.address === y.address && x.port === y.port)
}

function sameStall(a: TargetStall | null | undefined, b: TargetStall | null | undefined): boolean {
  return both(a, b, (x, y) => x.side === y.side && x.waiting === y.waiting && x.cap === y.cap)
}

function isSame(a: TargetLeg, b: TargetLeg): boolean {
  return (
    a.host === b.host &&
    a.port === b.port &&
    a.state === b.state &&
    sameEndpoint(a.local, b.local) &&
    a.connectMono === b.connectMono &&
    a.connectedMono === b.connectedMono &&
    a.firstByteToTargetMono === b.firstByteToTargetMono &&
    a.firstByteFromTargetMono === b.firstByteFromTargetMono &&
    a.bytesToTarget === b.bytesToTarget &&
    a.bytesFromTarget === b.bytesFromTarget &&
    a.clientEnded === b.clientEnded &&
    a.targetEnded === b.targetEnded &&
    a.firstEnded === b.firstEnded &&
    a.failure === b.failure &&
    a.errorCode === b.errorCode &&
    sameEndpoint(a.remote, b.remote) &&
    (a.clientEndedMono ?? null) === (b.clientEndedMono ?? null) &&
    (a.targetEndedMono ?? null) === (b.targetEndedMono ?? null) &&
    (a.closedMono ?? null) === (b.closedMono ?? null) &&
    (a.stalled ?? null) === (b.stalled ?? null) &&
    sameStall(a.lastStall, b.lastStall) &&
    (a.stalls ?? 0) === (b.stalls ?? 0) &&
    // Judged once, when the target has said all it will: whether it is there says enough.
    (a.response === null) === (b.response === null)
  )
}

/**
 * Whether an event's leg `next` tells something new after `known` (undefined: nothing known yet):
 * false for a repeat of what is known and for a leg behind it.
 */
export function isNewerLeg(known: TargetLeg | undefined, next: TargetLeg): boolean {
  if (known === undefined) return true
  return known !== next && !isBehind(known, next) && !isSame(known, next)
}

/**
 * The leg's byte counts as they are now. Its events say them only at a change (connected,
 * answered, a FIN, the close); in between, the connection's own counters are the same bytes,
 * passed on unchanged: what the client sent went to the target, what the client got came from it.
 */
export function legBytes(
  connection: ConnectionSnapshot,
  leg: TargetLeg,
): { toTarget: number; fromTarget: number } {
  if (leg.state === 'closed')
    return { toTarget: leg.bytesToTarget, fromTarget: leg.bytesFromTarget }
  return {
    toTarget: Math.max(leg.bytesToTarget, connection.bytesIn),
    fromTarget: Math.max(leg.bytesFromTarget, connection.bytesOut),
  }
}
