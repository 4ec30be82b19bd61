import { execFileSync, spawnSync } from 'node:child_process'
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { buildPcap, buildSessionPcap, MAX_SEGMENT, type PcapConversation } from './pcap'

const hasTshark = spawnSync('tshark', ['--version'], { stdio: 'ignore' }).status === 0
const NEEDS_TSHARK = 'needs tshark (Wireshark) on the PATH to read the file back'
const dir = mkdtempSync(join(tmpdir(), 'socket-lab-pcap-'))
afterAll(() => rmSync(dir, { recursive: true, force: true }))

let fileCount = 0
function tshark(pcap: Uint8Array, args: string[]): string {
  const file = join(dir, `capture-${(fileCount += 1)}.pcap`)
  writeFileSync(file, pcap)
  return execFileSync(
    'tshark',
    ['-r', file, '-o', 'tcp.check_checksum:TRUE', '-o', 'ip.check_checksum:TRUE', ...args],
    { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 },
  )
}

interface Row {
  flags: string
  seq: number
  ack: number
  payload: string
  src: string
  srcPort: number
}

function packets(pcap: Uint8Array): Row[] {
  const fields = [
    'tcp.flags.str',
    'tcp.seq_raw',
    'tcp.ack_raw',
    'tcp.payload',
    'ip.src',
    'ipv6.src',
    'tcp.srcport',
  ]
  const out = tshark(pcap, ['-T', 'fields', ...fields.flatMap((f) => ['-e', f])])
  return out
    .trim()
    .split('\n')
    .map((line) => {
      const [flags = '', seq = '', ack = '', payload = '', ip = '', ipv6 = '', port = ''] =
        line.split('\t')
      // tcp.flags.str is e.g. "·······A··S·"; keep just the letters.
      return {
        flags: flags.replace(/[^A-Z]/g, ''),
        seq: Number(seq),
        ack: Number(ack),
        payload,
        src: ip || ipv6,
        srcPort: Number(port),
      }
    })
}

const BAD_EXPERT = [
  'Malformed',
  'Bad checksum',
  'previous segment not captured',
  'ACKed unseen segment',
  'retransmission',
  'Retransmission',
  'out-of-order',
  'Out-Of-Order',
  'Dup ACK',
  'window full',
  'Zero window',
]

function expectCleanExpert(pcap: Uint8Array): void {
  const report = tshark(pcap, ['-q', '-z', 'expert'])
  for (const bad of BAD_EXPERT) expect(report, report).not.toContain(bad)
  expect(report).not.toMatch(/^Errors \(/m)
}

const text = (s: string) => new TextEncoder().encode(s)
const hex = (bytes: Uint8Array) => Buffer.from(bytes).toString('hex')

function payloadOf(rows: Row[], fromPort: number): string {
  return rows
    .filter((r) => r.srcPort === fromPort)
    .map((r) => r.payload)
    .join('')
}

const request = text('GET / HTTP/1.1\r\nHost: 127.0.0.1:7878\r\n\r\n')
const response = text('HTTP/1.1 200 OK\r\nContent-Length: 5\r\n\r\nhello')
const T0 = 1_700_000_000_123.25

function conversation(overrides: Partial<PcapConversation> = {}): PcapConversation {
  return {
    client: { address: '127.0.0.1', port: 52114, family: 'IPv4' },
    server: { address: '127.0.0.1', port: 7878, family: 'IPv4' },
    startTimeMs: T0,
    segments: [
      { direction: 'in', timeMs: T0 + 1, bytes: request.subarray(0, 10) },
      { direction: 'in', timeMs: T0 + 2, bytes: request.subarray(10) },
      { direction: 'out', timeMs: T0 + 3, bytes: response },
    ],
    end: { by: 'server', kind: 'fin', timeMs: T0 + 4 },
    ...overrides,
  }
}

describe('buildPcap', () => {
  it('writes a classic little-endian pcap header with LINKTYPE_RAW', () => {
    const pcap = buildPcap(conversation())
    const view = new DataView(pcap.buffer, pcap.byteOffset)
    expect(view.getUint32(0, true)).toBe(0xa1b2c3d4)
    expect([view.getUint16(4, true), view.getUint16(6, true)]).toEqual([2, 4])
    expect(view.getUint32(16, true)).toBe(262144)
    expect(view.getUint32(20, true)).toBe(101)
    // The first packet (the SYN) is stamped with the accept time, in microseconds.
    expect(view.getUint32(24, true)).toBe(1_700_000_000)
    expect(view.getUint32(28, true)).toBe(123_250)
  })

  it('is deterministic', () => {
    expect(buildPcap(conversation())).toEqual(buildPcap(conversation()))
  })

  it('IPv4: tshark reads the handshake, both payloads and the FIN close cleanly', (ctx) => {
    ctx.skip(!hasTshark, NEEDS_TSHARK)
    const pcap = buildPcap(conversation())
    const rows = packets(pcap)
    expect(rows.map((r) => r.flags)).toEqual([
      'S',
      'AS',
      'A',
      'AP',
      'A',
      'AP',
      'A',
      'AP',
      'A',
      'AF',
      'A',
      'AF',
      'A',
    ])
    expect(rows.every((r) => r.src === '127.0.0.1')).toBe(true)
    // Handshake numbers: SYN-ACK acknowledges ISN+1 both ways.
    const [syn, synAck, ack] = rows
    expect(synAck?.ack).toBe(((syn?.seq ?? 0) + 1) % 2 ** 32)
    expect(ack?.ack).toBe(((synAck?.seq ?? 0) + 1) % 2 ** 32)
    expect(payloadOf(rows, 52114)).toBe(hex(request))
    expect(payloadOf(rows, 7878)).toBe(hex(response))
    // The server closed first.
    expect(rows[9]?.srcPort).toBe(7878)
    expectCleanExpert(pcap)
  })

  it('the expert check does catch a damaged checksum', (ctx) => {
    ctx.skip(!hasTshark, NEEDS_TSHARK)
    const damaged = buildPcap(conversation())
    // The response's last payload byte: five bare 56-byte packets (ACK, FIN, ACK, FIN, ACK) follow.
    const last = damaged.length - 1 - 5 * (16 + 20 + 20)
    expect(damaged[last]).toBe(0x6f) // the "o" of "hello"
    damaged[last] = 0x21
    expect(tshark(damaged, ['-q', '-z', 'expert'])).toContain('Bad checksum')
  })

  it('IPv6 with a scope id: IPv6 packets, correct checksums', (ctx) => {
    ctx.skip(!hasTshark, NEEDS_TSHARK)
    const pcap = buildPcap(
      conversation({
        client: { address: 'fe80::1%lo', port: 40000, family: 'IPv6' },
        server: { address: '::1', port: 7878, family: 'IPv6' },
        end: { by: 'client', kind: 'rst', timeMs: T0 + 9 },
      }),
    )
    const rows = packets(pcap)
    expect(rows.map((r) => r.flags)).toEqual([
      'S',
      'AS',
      'A',
      'AP',
      'A',
      'AP',
      'A',
      'AP',
      'A',
      'AR',
    ])
    expect(rows[0]?.src).toBe('fe80::1')
    expect(rows[1]?.src).toBe('::1')
    expect(rows.at(-1)?.srcPort).toBe(40000)
    expect(payloadOf(rows, 40000)).toBe(hex(request))
    expect(payloadOf(rows, 7878)).toBe(hex(response))
    expectCleanExpert(pcap)
  })

  it('a half-closed connection has one FIN, acknowledged, and no close', (ctx) => {
    ctx.skip(!hasTshark, NEEDS_TSHARK)
    const pcap = buildPcap(conversation({ end: { by: 'client', kind: 'half', timeMs: T0 + 9 } }))
    const rows = packets(pcap)
    expect(rows.slice(-2).map((r) => [r.flags, r.srcPort])).toEqual([
      ['AF', 52114],
      ['A', 7878],
    ])
    expect(rows.filter((r) => r.flags.includes('F'))).toHaveLength(1)
    expectCleanExpert(pcap)
  })

  it('a FIN that came before the other side’s bytes goes between them, and stays clean', (ctx) => {
    ctx.skip(!hasTshark, NEEDS_TSHARK)
    // The client shut its writing half after the request; the server answered, then closed.
    const pcap = buildPcap(
      conversation({
        end: { by: 'client', kind: 'fin', timeMs: T0 + 2.5, laterTimeMs: T0 + 4 },
      }),
    )
    const rows = packets(pcap)
    const marks = rows.map((r) => `${r.srcPort === 7878 ? 's' : 'c'}:${r.flags}`)
    expect(marks.slice(3)).toEqual([
      'c:AP',
      's:A',
      'c:AP',
      's:A', // the request in two writes
      'c:AF',
      's:A', // the client's FIN, before the answer
      's:AP',
      'c:A', // the answer, after it
      's:AF',
      'c:A', // the server's FIN
    ])
    // The answer acknowledges the client's FIN: one sequence number past the request.
    const fin = rows.find((r) => r.flags === 'AF' && r.srcPort === 52114)
    const answer = rows.find((r) => r.payload !== '' && r.srcPort === 7878)
    expect(answer?.ack).toBe((fin?.seq ?? 0) + 1)
    expect(payloadOf(rows, 7878)).toBe(hex(response))
    expectCleanExpert(pcap)
  })

  it('never puts a side’s FIN before its own bytes, nor a reset before anyone’s', (ctx) => {
    ctx.skip(!hasTshark, NEEDS_TSHARK)
    const finEarly = packets(
      buildPcap(conversation({ end: { by: 'server', kind: 'fin', timeMs: T0 + 0.5 } })),
    )
    expect(finEarly.findIndex((r) => r.flags === 'AF')).toBeGreaterThan(
      finEarly.findIndex((r) => r.payload !== '' && r.srcPort === 7878),
    )
    const resetEarly = buildPcap(conversation({ end: { by: 'client', kind: 'rst', timeMs: T0 } }))
    expect(packets(resetEarly).at(-1)?.flags).toBe('AR')
    expectCleanExpert(resetEarly)
  })

  it('IPv4-mapped IPv6 endpoints are written as the IPv4 packets they were', (ctx) => {
    ctx.skip(!hasTshark, NEEDS_TSHARK)
    const pcap = buildPcap(
      conversation({
        client: { address: '::ffff:10.0.0.2', port: 40001, family: 'IPv6' },
        server: { address: '::ffff:10.0.0.1', port: 7878, family: 'IPv6' },
        end: undefined,
      }),
    )
    const rows = packets(pcap)
    expect(rows[0]?.src).toBe('10.0.0.2')
    expect(rows.at(-1)?.flags).toBe('A')
    expectCleanExpert(pcap)
  })

  it('splits a large write into segments of at most MAX_SEGMENT bytes, all acknowledged', (ctx) => {
    ctx.skip(!hasTshark, NEEDS_TSHARK)
    const big = Uint8Array.from({ length: MAX_SEGMENT * 2 + 1234 }, (_, i) => (i * 7) & 0xff)
    const pcap = buildPcap(
      conversation({
        segments: [
          { direction: 'in', timeMs: T0 + 1, bytes: request },
          { direction: 'out', timeMs: T0 + 2, bytes: big },
        ],
        end: { by: 'both', kind: 'fin', timeMs: T0 + 3 },
      }),
    )
    const rows = packets(pcap)
    const data = rows.filter((r) => r.srcPort === 7878 && r.payload !== '')
    expect(data.map((r) => r.payload.length / 2)).toEqual([MAX_SEGMENT, MAX_SEGMENT, 1234])
    expect(payloadOf(rows, 7878)).toBe(hex(big))
    expect(rows.slice(-3).map((r) => r.flags)).toEqual(['AF', 'AF', 'A'])
    expectCleanExpert(pcap)
  })

  it('a session interleaves connections by time and stays clean', (ctx) => {
    ctx.skip(!hasTshark, NEEDS_TSHARK)
    const a = conversation()
    const b = conversation({
      client: { address: '127.0.0.1', port: 52115, family: 'IPv4' },
      startTimeMs: T0 + 0.5,
      segments: [{ direction: 'in', timeMs: T0 + 1.5, bytes: text('hello') }],
      end: { by: 'client', kind: 'fin', timeMs: T0 + 10 },
    })
    const pcap = buildSessionPcap([a, b])
    const rows = packets(pcap)
    expect(rows).toHaveLength(13 + 3 + 2 + 4)
    expect(rows.slice(0, 4).map((r) => [r.flags, r.srcPort])).toEqual([
      ['S', 52114],
      ['AS', 7878],
      ['A', 52114],
      ['S', 52115],
    ])
    expect(payloadOf(rows, 52115)).toBe(hex(text('hello')))
    expectCleanExpert(pcap)
  })
})
