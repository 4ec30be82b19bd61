/**
 * A captured conversation as a classic pcap file that Wireshark and tshark open.
 *
 * The app sees reads and writes, not packets, so the packets are synthesized: a three-way
 * handshake, one TCP segment per read or write (split past MAX_SEGMENT) each answered by a pure ACK,
 * and FIN/ACK or RST at the times they came (a FIN before the other side's last bytes in a
 * half-close). Sequence numbers, acknowledgements and checksums are correct, so Wireshark's
 * analysis (Follow TCP Stream, expert info) treats the file as a clean capture. Link type is
 * LINKTYPE_RAW: bare IPv4 or IPv6 packets, no made-up Ethernet addresses.
 *
 * A forwarded connection is two conversations: the client's with Socket Lab, and Socket Lab's
 * relay of the same bytes to the learner's server (see pcap-conversation.ts).
 */
import type { Endpoint } from '../../../shared/contract'
import { assertNever } from '../../../shared/result'
import { addressBytes, toIPv6 } from './pcap-address'

export interface PcapSegment {
  /** in: client → server (what the server read); out: server → client. */
  direction: 'in' | 'out'
  /** Wall-clock ms since the epoch; may be fractional. */
  timeMs: number
  bytes: Uint8Array
}

/**
 * How a conversation ended: FIN both ways, RST, or 'half' — one side's FIN (acknowledged) while
 * the connection is still half-open (the other side may still send).
 */
export interface PcapEnd {
  by: 'client' | 'server' | 'both'
  kind: 'fin' | 'rst' | 'half'
  timeMs: number
  /** For an RST: this side's FIN came first, and was acknowledged. */
  finFirst?: 'client' | 'server'
  /**
   * When the end's second step came, if later than `timeMs`: the RST after a FIN (finFirst), or
   * the second FIN of a 'fin' end. Without it, both are stamped with `timeMs`.
   */
  laterTimeMs?: number
}

export interface PcapConversation {
  client: Endpoint
  server: Endpoint
  /**
   * Wall-clock ms of the accept (or the connect): the handshake is stamped with it, its SYN only
   * when connectedTimeMs is given.
   */
  startTimeMs: number
  /** When the server answered the SYN, if later than startTimeMs (a connect that took time). */
  connectedTimeMs?: number
  /** The server refused it: an RST answers the SYN (at connectedTimeMs); no data, no end. */
  isRefused?: boolean
  /**
   * Socket Lab's own connection that relays another conversation's bytes (to the learner's
   * server): at equal times in a session, what it sends follows the other conversation's packets
   * and what it receives precedes them, cause before effect.
   */
  isRelay?: boolean
  segments: PcapSegment[]
  end?: PcapEnd
}

const LINKTYPE_RAW = 101
const SNAPLEN = 262144
/** Largest payload in one synthesized segment (IPv4's total length must stay under 65536). */
export const MAX_SEGMENT = 65000
const WINDOW = 65535

const FIN = 0x01
const SYN = 0x02
const RST = 0x04
const PSH = 0x08
const ACK = 0x10

interface Packet {
  /** Microseconds since the epoch. */
  timeUs: number
  /**
   * Order among packets of equal time: a relay's received ones -1, its sent ones 1, others 0;
   * never below its conversation's previous packet of that time, so that sorting by time and
   * rank keeps each conversation's own order.
   */
  rank: number
  data: Uint8Array
}

/** FNV-1a: deterministic, random-looking initial sequence numbers and IP ids. */
function hash32(text: string): number {
  let h = 0x811c9dc5
  for (let i = 0; i < text.length; i += 1) {
    h ^= text.charCodeAt(i)
    h = Math.imul(h, 0x01000193) >>> 0
  }
  return h >>> 0
}

/** The one's-complement sum of 16-bit big-endian words, not yet inverted. */
function onesSum(bytes: Uint8Array, sum = 0): number {
  let s = sum
  for (let i = 0; i + 1 < bytes.length; i += 2) s += ((bytes[i] ?? 0) << 8) | (bytes[i + 1] ?? 0)
  if (bytes.length % 2 === 1) s += (bytes[bytes.length - 1] ?? 0) << 8
  while (s > 0xffff) s = (s & 0xffff) + (s >>> 16)
  return s
}

interface Side {
  address: Uint8Array
  port: number
  /** Next sequence number this side sends. */
  seq: number
  ipId: number
}

function tcpPacket(from: Side, to: Side, flags: number, payload: Uint8Array): Uint8Array {
  const isV6 = from.address.length === 16
  const ipLength = isV6 ? 40 : 20
  const tcpLength = 20 + payload.length
  const packet = new Uint8Array(ipLength + tcpLength)
  const view = new DataView(packet.buffer)
  if (isV6) {
    view.setUint32(0, 0x60000000)
    view.setUint16(4, tcpLength)
    packet[6] = 6
    packet[7] = 64
    packet.set(from.address, 8)
    packet.set(to.address, 24)
  } else {
    packet[0] = 0x45
    view.setUint16(2, ipLength + tcpLength)
    view.setUint16(4, from.ipId)
    view.setUint16(6, 0x4000) // don't fragment
    packet[8] = 64
    packet[9] = 6
    packet.set(from.address, 12)
    packet.set(to.address, 16)
    view.setUint16(10, ~onesSum(packet.subarray(0, 20)) & 0xffff)
    from.ipId = (from.ipId + 1) & 0xffff
  }
  const tcp = packet.subarray(ipLength)
  const tcpView = new DataView(packet.buffer, ipLength)
  tcpView.setUint16(0, from.port)
  tcpView.setUint16(2, to.port)
  tcpView.setUint32(4, from.seq >>> 0)
  tcpView.setUint32(8, flags & ACK ? to.seq >>> 0 : 0)
  tcp[12] = 5 << 4
  tcp[13] = flags
  tcpView.setUint16(14, WINDOW)
  tcp.set(payload, 20)
  const pseudo = new Uint8Array(isV6 ? 40 : 12)
  const pseudoView = new DataView(pseudo.buffer)
  pseudo.set(from.address, 0)
  pseudo.set(to.address, from.address.length)
  if (isV6) {
    pseudoView.setUint32(32, tcpLength)
    pseudo[39] = 6
  } else {
    pseudo[9] = 6
    pseudoView.setUint16(10, tcpLength)
  }
  const checksum = ~onesSum(tcp, onesSum(pseudo)) & 0xffff
  tcpView.setUint16(16, checksum)
  from.seq = (from.seq + payload.length + (flags & (SYN | FIN) ? 1 : 0)) >>> 0
  return packet
}

/** One packet exchange of a conversation's end: a FIN (acknowledged), both FINs at once, or RST. */
interface EndStep {
  kind: 'fin' | 'fin-both' | 'rst'
  by: 'client' | 'server'
  timeMs: number
}

/**
 * The end as steps in time order. A side's FIN never goes before that side's last segment (it
 * sends nothing after it), a reset never before any segment, and no step before the one it
 * follows; the other side's bytes may come after a FIN, as they do in a half-close.
 */
function endSteps({ end, segments }: PcapConversation): EndStep[] {
  if (end === undefined) return []
  const lastOf = (direction: 'in' | 'out'): number =>
    segments.reduce(
      (last, segment) => (segment.direction === direction ? Math.max(last, segment.timeMs) : last),
      -Infinity,
    )
  const last = { client: lastOf('in'), server: lastOf('out') }
  const lastAny = Math.max(last.client, last.server)
  const other = (side: 'client' | 'server'): 'client' | 'server' =>
    side === 'client' ? 'server' : 'client'
  const steps: EndStep[] = []
  const add = (kind: EndStep['kind'], by: 'client' | 'server', timeMs: number): void => {
    const after = steps.at(-1)?.timeMs ?? -Infinity
    const floor = kind === 'fin' ? last[by] : lastAny
    steps.push({ kind, by, timeMs: Math.max(timeMs, floor, after) })
  }
  const later = end.laterTimeMs ?? end.timeMs
  if (end.by === 'both') {
    add('fin-both', 'client', end.timeMs)
    return steps
  }
  switch (end.kind) {
    case 'half':
      add('fin', end.by, end.timeMs)
      break
    case 'fin':
      add('fin', end.by, end.timeMs)
      add('fin', other(end.by), later)
      break
    case 'rst':
      if (end.finFirst === undefined) add('rst', end.by, end.timeMs)
      else {
        add('fin', end.finFirst, end.timeMs)
        add('rst', end.by, later)
      }
      break
    default:
      assertNever(end.kind)
  }
  return steps
}

function conversationPackets(conversation: PcapConversation): Packet[] {
  const { client, server } = conversation
  let clientAddress = addressBytes(client)
  let serverAddress = addressBytes(server)
  if (clientAddress.length !== serverAddress.length) {
    clientAddress = toIPv6(clientAddress)
    serverAddress = toIPv6(serverAddress)
  }
  const key = `${client.address}|${client.port}|${server.address}|${server.port}`
  const c: Side = {
    address: clientAddress,
    port: client.port,
    seq: hash32(`c${key}`),
    ipId: hash32(`ic${key}`) & 0xffff,
  }
  const s: Side = {
    address: serverAddress,
    port: server.port,
    seq: hash32(`s${key}`),
    ipId: hash32(`is${key}`) & 0xffff,
  }
  const packets: Packet[] = []
  let clock = Math.round(conversation.startTimeMs * 1000)
  const at = (timeMs: number): void => {
    clock = Math.max(clock, Math.round(timeMs * 1000))
  }
  const send = (
    from: Side,
    to: Side,
    flags: number,
    payload: Uint8Array = new Uint8Array(0),
  ): void => {
    const last = packets.at(-1)
    const own = conversation.isRelay === true ? (from === c ? 1 : -1) : 0
    const rank = last !== undefined && last.timeUs === clock ? Math.max(own, last.rank) : own
    packets.push({ timeUs: clock, rank, data: tcpPacket(from, to, flags, payload) })
  }

  at(conversation.startTimeMs)
  send(c, s, SYN)
  at(conversation.connectedTimeMs ?? conversation.startTimeMs)
  if (conversation.isRefused === true) {
    send(s, c, RST | ACK)
    return packets
  }
  send(s, c, SYN | ACK)
  send(c, s, ACK)
  // The end's steps go between the segments at their times: a FIN that came before the other
  // side's last bytes (a client that shut its writing half, then read the answer) shows there.
  const steps = endSteps(conversation)
  let next = 0
  const stepsBefore = (timeMs: number): void => {
    while (next < steps.length && steps[next]!.timeMs < timeMs) sendStep(steps[next++]!)
  }
  const sendStep = (step: EndStep): void => {
    at(step.timeMs)
    const [from, to] = step.by === 'server' ? [s, c] : [c, s]
    switch (step.kind) {
      case 'fin':
        send(from, to, FIN | ACK)
        send(to, from, ACK)
        return
      case 'fin-both':
        send(from, to, FIN | ACK)
        send(to, from, FIN | ACK)
        send(from, to, ACK)
        return
      case 'rst':
        send(from, to, RST | ACK)
        return
      default:
        assertNever(step.kind)
    }
  }
  for (const segment of conversation.segments) {
    stepsBefore(segment.timeMs)
    const [from, to] = segment.direction === 'in' ? [c, s] : [s, c]
    at(segment.timeMs)
    for (let i = 0; i < segment.bytes.length; i += MAX_SEGMENT) {
      send(from, to, PSH | ACK, segment.bytes.subarray(i, i + MAX_SEGMENT))
      send(to, from, ACK)
    }
  }
  stepsBefore(Infinity)
  return packets
}

function writePcap(packets: Packet[]): Uint8Array {
  const size = packets.reduce((sum, p) => sum + 16 + p.data.length, 24)
  const out = new Uint8Array(size)
  const view = new DataView(out.buffer)
  view.setUint32(0, 0xa1b2c3d4, true)
  view.setUint16(4, 2, true)
  view.setUint16(6, 4, true)
  view.setUint32(16, SNAPLEN, true)
  view.setUint32(20, LINKTYPE_RAW, true)
  let at = 24
  for (const packet of packets) {
    view.setUint32(at, Math.floor(packet.timeUs / 1e6), true)
    view.setUint32(at + 4, packet.timeUs % 1e6, true)
    view.setUint32(at + 8, packet.data.length, true)
    view.setUint32(at + 12, packet.data.length, true)
    out.set(packet.data, at + 16)
    at += 16 + packet.data.length
  }
  return out
}

/** One connection as a pcap file (little-endian, microsecond timestamps, LINKTYPE_RAW). */
export function buildPcap(conversation: PcapConversation): Uint8Array {
  return writePcap(conversationPackets(conversation))
}

/** Several connections in one pcap file, their packets interleaved by time. */
export function buildSessionPcap(conversations: PcapConversation[]): Uint8Array {
  const packets = conversations.flatMap(conversationPackets)
  // Array.prototype.sort is stable: a connection's own packets keep their order on equal times.
  // A relay's packets of equal time go around those they follow from or lead to (see isRelay).
  packets.sort((a, b) => a.timeUs - b.timeUs || a.rank - b.rank)
  return writePcap(packets)
}
