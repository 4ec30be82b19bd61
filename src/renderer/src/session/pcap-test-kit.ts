/**
 * Test helpers for pcap export: a forwarded connection as a session holds it, and a small reader
 * of the pcap files pcap.ts writes (classic, little-endian, LINKTYPE_RAW), so that tests check
 * the packets themselves whether or not tshark is installed.
 */
import type { ChunkInfo, ConnectionSnapshot, TargetLeg } from '../../../shared/contract'
import type { SessionConnection } from '../../../shared/session-file'

export const enc = (s: string): Uint8Array => new TextEncoder().encode(s)
export const text = (bytes: Uint8Array): string => new TextDecoder().decode(bytes)

/** The accept's wall-clock time; the engine's clock read 1000 then. */
export const T0 = Date.UTC(2025, 0, 1, 12, 0, 0)

export const REQUEST = enc('GET / HTTP/1.1\r\nHost: 127.0.0.1:7878\r\n\r\n')
export const RESPONSE = enc('HTTP/1.1 200 OK\r\nContent-Length: 5\r\n\r\nhello')

/**
 * The request's first 10 bytes came while the leg to the target was connecting (1000.2 to
 * 1000.6), the rest at 1010; the target's response in two writes at 1020 and 1021.
 */
export const FORWARDED_CHUNKS: ChunkInfo[] = [
  { direction: 'in', offset: 0, size: 10, mono: 1000.4, kept: 10 },
  { direction: 'in', offset: 10, size: REQUEST.length - 10, mono: 1010, kept: REQUEST.length - 10 },
  { direction: 'out', offset: 0, size: 17, mono: 1020, kept: 17 },
  {
    direction: 'out',
    offset: 17,
    size: RESPONSE.length - 17,
    mono: 1021,
    kept: RESPONSE.length - 17,
  },
]

/**
 * Connection #1 from 127.0.0.1:50001 to listener port 7878, forwarded from Socket Lab's port
 * 40001 to 127.0.0.1:7879, which sent RESPONSE and reset the leg (the request unread); the reset
 * was passed on to the client at T0 + 30.
 */
export function forwarded(
  leg: Partial<TargetLeg> = {},
  overrides: Partial<ConnectionSnapshot> = {},
): SessionConnection {
  const target: TargetLeg = {
    host: '127.0.0.1',
    port: 7879,
    state: 'closed',
    local: { address: '127.0.0.1', port: 40001, family: 'IPv4' },
    connectMono: 1000.2,
    connectedMono: 1000.6,
    firstByteToTargetMono: 1000.6,
    firstByteFromTargetMono: 1020,
    bytesToTarget: REQUEST.length,
    bytesFromTarget: RESPONSE.length,
    clientEnded: false,
    targetEnded: false,
    firstEnded: null,
    failure: 'target-reset',
    errorCode: 'ECONNRESET',
    response: null,
    ...leg,
  }
  const connection: ConnectionSnapshot = {
    id: 'c1',
    listenerId: 'l1',
    number: 1,
    remote: { address: '127.0.0.1', port: 50001, family: 'IPv4' },
    local: { address: '127.0.0.1', port: 7878, family: 'IPv4' },
    acceptedAt: T0,
    acceptedMono: 1000,
    state: 'closed',
    closedAt: T0 + 30,
    closeReason: 'us-reset',
    errorCode: null,
    target,
    bytesIn: REQUEST.length,
    bytesOut: RESPONSE.length,
    chunksIn: 2,
    chunksOut: 2,
    captured: REQUEST.length,
    capturedOut: RESPONSE.length,
    truncated: false,
    firstByteInMono: 1000.4,
    lastByteMono: 1021,
    ...overrides,
  }
  return { connection, chunks: FORWARDED_CHUNKS, received: REQUEST, sent: RESPONSE }
}

/** One packet of a pcap file pcap.ts wrote. */
export interface PcapRow {
  /** Microseconds since the epoch. */
  timeUs: number
  /** Dotted IPv4, or IPv6 as eight hex groups, uncompressed. */
  src: string
  dst: string
  srcPort: number
  dstPort: number
  /** The set flags as tshark's tcp.flags.str letters, in its order: e.g. 'AS', 'AP', 'AR'. */
  flags: string
  seq: number
  ack: number
  payload: Uint8Array
}

const FLAG_LETTERS: Array<[number, string]> = [
  [0x20, 'U'],
  [0x10, 'A'],
  [0x08, 'P'],
  [0x04, 'R'],
  [0x02, 'S'],
  [0x01, 'F'],
]

function addressText(bytes: Uint8Array): string {
  if (bytes.length === 4) return [...bytes].join('.')
  const groups: string[] = []
  for (let i = 0; i < 16; i += 2)
    groups.push((((bytes[i] ?? 0) << 8) | (bytes[i + 1] ?? 0)).toString(16))
  return groups.join(':')
}

/** Every packet of `pcap`, in file order. */
export function readPcap(pcap: Uint8Array): PcapRow[] {
  const view = new DataView(pcap.buffer, pcap.byteOffset, pcap.byteLength)
  if (view.getUint32(0, true) !== 0xa1b2c3d4 || view.getUint32(20, true) !== 101)
    throw new Error('not a little-endian LINKTYPE_RAW pcap')
  const rows: PcapRow[] = []
  for (let at = 24; at < pcap.length;) {
    const timeUs = view.getUint32(at, true) * 1e6 + view.getUint32(at + 4, true)
    const length = view.getUint32(at + 8, true)
    const ip = pcap.subarray(at + 16, at + 16 + length)
    const isV6 = (ip[0] ?? 0) >> 4 === 6
    const ipLength = isV6 ? 40 : 20
    const src = isV6 ? ip.subarray(8, 24) : ip.subarray(12, 16)
    const dst = isV6 ? ip.subarray(24, 40) : ip.subarray(16, 20)
    const tcp = new DataView(pcap.buffer, pcap.byteOffset + at + 16 + ipLength)
    const flagBits = ip[ipLength + 13] ?? 0
    rows.push({
      timeUs,
      src: addressText(src),
      dst: addressText(dst),
      srcPort: tcp.getUint16(0),
      dstPort: tcp.getUint16(2),
      flags: FLAG_LETTERS.filter(([bit]) => flagBits & bit)
        .map(([, letter]) => letter)
        .join(''),
      seq: tcp.getUint32(4),
      ack: tcp.getUint32(8),
      payload: ip.subarray(ipLength + ((ip[ipLength + 12] ?? 0) >> 4) * 4),
    })
    at += 16 + length
  }
  return rows
}

/** The packets between `port` and its peer, in file order. */
export function streamOf(rows: readonly PcapRow[], port: number): PcapRow[] {
  return rows.filter((r) => r.srcPort === port || r.dstPort === port)
}

/** What the side on `port` sent in `rows`, all payloads joined. */
export function sentBy(rows: readonly PcapRow[], port: number): Uint8Array {
  const parts = rows.filter((r) => r.srcPort === port).map((r) => r.payload)
  const out = new Uint8Array(parts.reduce((sum, p) => sum + p.length, 0))
  let at = 0
  for (const part of parts) {
    out.set(part, at)
    at += part.length
  }
  return out
}
