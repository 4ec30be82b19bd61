/**
 * A connection as pcap's conversations: the client's with our listener and, for a forwarded
 * connection, Socket Lab's relay of the same bytes to the learner's server, so that Wireshark
 * shows both legs as two TCP streams whose packets line up in time.
 *
 * Times are wall-clock: the accept time plus the engine's monotonic offsets since the accept.
 */
import type { ChunkInfo, ConnectionSnapshot, TargetLeg } from '../../../shared/contract'
import { assertNever } from '../../../shared/result'
import type { SessionConnection } from '../../../shared/session-file'
import type { PcapConversation, PcapEnd, PcapSegment } from './pcap'

/** Engine monotonic ms as wall-clock ms. */
function wallClock(connection: ConnectionSnapshot): (mono: number) => number {
  return (mono) => connection.acceptedAt + (mono - connection.acceptedMono)
}

/** Every chunk with kept bytes as a segment, in the connection's order, at `timeOf` it. */
function keptSegments(c: SessionConnection, timeOf: (chunk: ChunkInfo) => number): PcapSegment[] {
  return c.chunks
    .filter((chunk) => chunk.kept > 0)
    .map((chunk) => {
      const stream = chunk.direction === 'in' ? c.received : c.sent
      return {
        direction: chunk.direction,
        timeMs: timeOf(chunk),
        bytes: stream.subarray(chunk.offset, chunk.offset + chunk.kept),
      }
    })
}

/** A connection as pcap's packets see it: the client is the remote end, the server our listener. */
export function toPcapConversation(c: SessionConnection): PcapConversation {
  const { connection } = c
  const wall = wallClock(connection)
  const segments = keptSegments(c, (chunk) => wall(chunk.mono))
  const conversation: PcapConversation = {
    client: connection.remote,
    server: connection.local,
    startTimeMs: connection.acceptedAt,
    segments,
  }
  const lastTime = segments.at(-1)?.timeMs ?? connection.acceptedAt
  const legEnd = forwardedEnd(connection, wall)
  if (legEnd !== undefined) {
    conversation.end = legEnd
    return conversation
  }
  if (connection.state === 'closed' && connection.closedAt !== null) {
    const reason = connection.closeReason
    // A reset from the peer or an error ends with the peer's RST, our Reset with ours; otherwise
    // both sides sent FIN, the one that closed first leading.
    const rst = reason === 'reset' || reason === 'error' || reason === 'us-reset'
    conversation.end = {
      by: reason === 'us' || reason === 'us-reset' ? 'server' : 'client',
      kind: rst ? 'rst' : 'fin',
      timeMs: Math.max(connection.closedAt, lastTime),
    }
  } else if (connection.state === 'peer-ended' || connection.state === 'we-ended') {
    // Half-closed: one FIN so far. The engine keeps no time for it; it came after that side's
    // last byte, so it is stamped with the last byte either way.
    const by = connection.state === 'peer-ended' ? 'client' : 'server'
    const mono = connection.lastByteMono
    conversation.end = { by, kind: 'half', timeMs: mono === null ? lastTime : wall(mono) }
  }
  return conversation
}

/**
 * How a forwarded connection's client side ended with FINs, at the times its leg kept: the
 * client's FIN when Socket Lab passed it on to the target, Socket Lab's FIN to the client when it
 * passed on the target's. So a client that shut its writing half and then read the answer shows
 * its FIN before the answer, as it came. Undefined for anything else (a reset, a FIN whose time
 * the leg does not know): the caller's end then stands, at the connection's close.
 */
function forwardedEnd(
  connection: ConnectionSnapshot,
  wall: (mono: number) => number,
): PcapEnd | undefined {
  const leg = connection.target
  if (leg === undefined) return undefined
  const client = leg.clientEnded ? (leg.clientEndedMono ?? null) : null
  const server = leg.targetEnded ? (leg.targetEndedMono ?? null) : null
  const reason = connection.closeReason
  if (connection.state === 'closed') {
    if (reason !== 'peer' && reason !== 'us') return undefined
    if (client === null || server === null) return undefined
    const isClientFirst = client <= server
    return {
      by: isClientFirst ? 'client' : 'server',
      kind: 'fin',
      timeMs: wall(Math.min(client, server)),
      laterTimeMs: wall(Math.max(client, server)),
    }
  }
  if (connection.state === 'peer-ended' && client !== null)
    return { by: 'client', kind: 'half', timeMs: wall(client) }
  if (connection.state === 'we-ended' && server !== null)
    return { by: 'server', kind: 'half', timeMs: wall(server) }
  return undefined
}

/** The leg's own times of its end as wall-clock ms (a leg from an older file has none). */
interface LegEndTimes {
  clientEnded: number | null
  targetEnded: number | null
  closed: number | null
}

/**
 * How the leg to the target ended, as packets show it (Socket Lab is its client): a reset by the
 * target (or another socket error) or the client's reset passed on, after a FIN the other way if
 * one came; otherwise the FINs each side sent. Socket Lab's side sent FIN also when it closed the
 * leg itself (the client's leg went first, or the target did not answer in time). Undefined while
 * both ways are open.
 *
 * Stamped with the leg's own times: a FIN at the time it was passed on, a reset at the leg's
 * failure (after a FIN, `laterTimeMs`), the second of two FINs at its own time, Socket Lab's own
 * FIN at the close; `fallback` where the leg has no such time (a leg from an older file).
 */
function targetEnd(leg: TargetLeg, times: LegEndTimes, fallback: number): PcapEnd | undefined {
  const at = (time: number | null): number => time ?? fallback
  const failure = leg.failure
  switch (failure) {
    case 'target-reset':
    case 'error': {
      if (!leg.clientEnded) return { by: 'server', kind: 'rst', timeMs: at(times.closed) }
      const fin = at(times.clientEnded)
      const reset = at(times.closed)
      return { by: 'server', kind: 'rst', timeMs: fin, finFirst: 'client', laterTimeMs: reset }
    }
    case 'client-reset': {
      if (!leg.targetEnded) return { by: 'client', kind: 'rst', timeMs: at(times.closed) }
      const fin = at(times.targetEnded)
      const reset = at(times.closed)
      return { by: 'client', kind: 'rst', timeMs: fin, finFirst: 'server', laterTimeMs: reset }
    }
    case 'self':
    case 'refused':
    case 'connect-timeout':
    case 'answer-timeout':
    case null:
      break
    default:
      return assertNever(failure)
  }
  if (leg.clientEnded && leg.targetEnded) {
    const isTargetFirst = leg.firstEnded === 'target'
    const [first, second] = isTargetFirst
      ? [times.targetEnded, times.clientEnded]
      : [times.clientEnded, times.targetEnded]
    return {
      by: isTargetFirst ? 'server' : 'client',
      kind: 'fin',
      timeMs: at(first),
      laterTimeMs: at(second),
    }
  }
  if (leg.targetEnded)
    return {
      by: 'server',
      kind: leg.state === 'closed' ? 'fin' : 'half',
      timeMs: at(times.targetEnded),
    }
  // Socket Lab's FIN: the client's passed on, or Socket Lab's own when it closed the leg.
  if (leg.clientEnded) return { by: 'client', kind: 'half', timeMs: at(times.clientEnded) }
  if (leg.state === 'closed') return { by: 'client', kind: 'half', timeMs: at(times.closed) }
  return undefined
}

/**
 * A forwarded connection's leg to the learner's server as a conversation of its own: Socket Lab's
 * end of it (`target.local`) the client, the address the target's host resolved to the server
 * (`target.remote`; in a file from before it was kept, `target.host:target.port`, a host name
 * written as pcap.ts writes any address that is not IP), carrying the connection's kept chunks in
 * the same order — 'in' what the client sent and Socket Lab passed on, 'out' what the target sent
 * — at the same times, but not before the leg connected. null for a connection not forwarded and
 * for a leg without Socket Lab's endpoint (it never connected).
 */
export function targetPcapConversation(c: SessionConnection): PcapConversation | null {
  const { connection } = c
  const leg = connection.target
  if (leg === undefined || leg.local === null) return null
  const wall = wallClock(connection)
  const startTimeMs = wall(leg.connectMono)
  const base = {
    client: leg.local,
    server: leg.remote ?? {
      address: leg.host,
      port: leg.port,
      family: leg.host.includes(':') ? ('IPv6' as const) : ('IPv4' as const),
    },
    startTimeMs,
    isRelay: true,
  }
  const legTime = (mono: number | null | undefined): number | null =>
    mono === null || mono === undefined ? null : wall(mono)
  const closedTime = legTime(leg.closedMono)
  const closedAt = closedTime ?? (connection.state === 'closed' ? connection.closedAt : null)
  if (leg.failure === 'refused')
    return {
      ...base,
      connectedTimeMs: Math.max(startTimeMs, closedAt ?? startTimeMs),
      isRefused: true,
      segments: [],
    }
  const connectedMono = leg.connectedMono
  if (connectedMono === null) return null
  // The client's bytes that came while the leg was connecting left for the target once it was.
  const segments = keptSegments(c, (chunk) =>
    wall(chunk.direction === 'in' ? Math.max(chunk.mono, connectedMono) : chunk.mono),
  )
  const connectedTimeMs = wall(connectedMono)
  const lastTime = segments.at(-1)?.timeMs ?? connectedTimeMs
  const lastByte = connection.lastByteMono === null ? lastTime : wall(connection.lastByteMono)
  const times: LegEndTimes = {
    clientEnded: legTime(leg.clientEndedMono),
    targetEnded: legTime(leg.targetEndedMono),
    closed: closedTime,
  }
  // pcap.ts keeps each FIN after its own side's bytes and a reset after all of them; a FIN may
  // come before the other side's (a half-close), as it did.
  const end = targetEnd(leg, times, Math.max(closedAt ?? lastByte, lastTime))
  return { ...base, connectedTimeMs, segments, ...(end === undefined ? {} : { end }) }
}

/** The connection's conversations: its own, then its leg to the target when it has one. */
export function toPcapConversations(c: SessionConnection): PcapConversation[] {
  const target = targetPcapConversation(c)
  return target === null ? [toPcapConversation(c)] : [toPcapConversation(c), target]
}
