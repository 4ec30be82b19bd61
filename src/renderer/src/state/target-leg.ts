/**
 * A forwarded connection's leg to the target, as events tell it: each connection-target event
 * carries the whole leg after its change, so the newest leg wins. A repeated event, or one older
 * than what is known, says nothing new and must not take the leg back.
 */
import type { ConnectionSnapshot, Endpoint, TargetLeg } from '../../../shared/contract'

const STATE_RANK: Record<TargetLeg['state'], number> = { connecting: 0, open: 1, closed: 2 }

/** Set once and never unset, so a leg that has one is ahead of a leg that has not. */
function lost<T>(known: T | null, next: T | null): boolean {
  return known !== null && next === null
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
    (known.clientEnded && !next.clientEnded) ||
    (known.targetEnded && !next.targetEnded)
  )
}

function sameEndpoint(a: Endpoint | null, b: Endpoint | null): boolean {
  return a === b || (a !== null && b !== null && a.address === b.address && a.port === b.port)
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
