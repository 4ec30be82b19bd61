import { describe, expect, it } from 'vitest'
import type { ChunkInfo, CloseReason } from '../../../shared/contract'
import type { SessionConnection } from '../../../shared/session-file'
import { makeConnection } from '../test-utils'
import { buildSessionPcap } from './pcap'
import {
  targetPcapConversation,
  toPcapConversation,
  toPcapConversations,
} from './pcap-conversation'
import {
  enc,
  forwarded,
  readPcap,
  REQUEST,
  RESPONSE,
  sentBy,
  streamOf,
  T0,
  text,
  type PcapRow,
} from './pcap-test-kit'

const RECEIVED = enc('GET / HTTP/1.1\r\n\r\nmore')
const SENT = enc('HTTP/1.1 200 OK\r\n\r\n')
const CHUNKS: ChunkInfo[] = [
  { direction: 'in', offset: 0, size: 10, mono: 1010, kept: 10 },
  { direction: 'in', offset: 10, size: 8, mono: 1012.5, kept: 8 },
  { direction: 'out', offset: 0, size: SENT.length, mono: 1020, kept: SENT.length },
  { direction: 'in', offset: 18, size: 4, mono: 1030, kept: 4 },
  // Past the capture limit: counted, nothing kept.
  { direction: 'in', offset: 22, size: 5, mono: 1040, kept: 0 },
]

/** A connection of the listener's own (not forwarded), accepted at T0, engine time 1000. */
function conversation(overrides: Partial<SessionConnection['connection']> = {}): SessionConnection {
  return {
    connection: makeConnection(1, {
      acceptedAt: T0,
      acceptedMono: 1000,
      bytesIn: RECEIVED.length + 5,
      captured: RECEIVED.length,
      chunksIn: 4,
      bytesOut: SENT.length,
      capturedOut: SENT.length,
      chunksOut: 1,
      truncated: true,
      ...overrides,
    }),
    chunks: CHUNKS,
    received: RECEIVED,
    sent: SENT,
  }
}

describe('toPcapConversation', () => {
  it('makes a segment of every kept chunk at its wall-clock time', () => {
    const pcap = toPcapConversation(conversation())
    expect(pcap.client).toEqual({ address: '127.0.0.1', port: 50001, family: 'IPv4' })
    expect(pcap.server).toEqual({ address: '127.0.0.1', port: 7878, family: 'IPv4' })
    expect(pcap.startTimeMs).toBe(T0)
    expect(
      pcap.segments.map((s) => ({
        direction: s.direction,
        at: s.timeMs - T0,
        text: text(s.bytes),
      })),
    ).toEqual([
      { direction: 'in', at: 10, text: 'GET / HTTP' },
      { direction: 'in', at: 12.5, text: '/1.1\r\n\r\n' },
      { direction: 'out', at: 20, text: 'HTTP/1.1 200 OK\r\n\r\n' },
      { direction: 'in', at: 30, text: 'more' },
    ])
  })

  it('has no end while the connection is open', () => {
    expect(toPcapConversation(conversation()).end).toBeUndefined()
  })

  it.each<['peer-ended' | 'we-ended', 'client' | 'server']>([
    ['peer-ended', 'client'],
    ['we-ended', 'server'],
  ])('a %s connection has the one FIN so far, by the %s', (state, by) => {
    const pcap = toPcapConversation(conversation({ state }))
    expect(pcap.end).toMatchObject({ by, kind: 'half' })
  })

  it.each<[CloseReason, { by: 'client' | 'server'; kind: 'fin' | 'rst' }]>([
    ['peer', { by: 'client', kind: 'fin' }],
    ['us', { by: 'server', kind: 'fin' }],
    ['reset', { by: 'client', kind: 'rst' }],
    ['us-reset', { by: 'server', kind: 'rst' }],
    ['error', { by: 'client', kind: 'rst' }],
  ])('ends a connection closed by %s', (reason, expected) => {
    const closedAt = T0 + 500
    const pcap = toPcapConversation(
      conversation({ state: 'closed', closedAt, closeReason: reason }),
    )
    expect(pcap.end).toEqual({ ...expected, timeMs: closedAt })
  })

  it('never ends before the last segment', () => {
    // Wall clock and monotonic clock may disagree by a few ms.
    const pcap = toPcapConversation(
      conversation({ state: 'closed', closedAt: T0 + 25, closeReason: 'peer' }),
    )
    expect(pcap.end?.timeMs).toBe(T0 + 30)
  })
})

/** The packets' flags, and which side sent each: 'c' Socket Lab (or the client), 's' the server. */
function flagsOf(rows: readonly PcapRow[], clientPort: number): string[] {
  return rows.map((r) => `${r.srcPort === clientPort ? 'c' : 's'}:${r.flags}`)
}

/** The session pcap of `c`, read back. */
function packetsOf(c: SessionConnection): PcapRow[] {
  return readPcap(buildSessionPcap(toPcapConversations(c)))
}

const ms = (row: PcapRow | undefined): number => ((row?.timeUs ?? 0) - T0 * 1000) / 1000

describe('a forwarded connection in pcap', () => {
  it('is two TCP streams carrying the same bytes: the client’s and Socket Lab’s to the target', () => {
    const rows = packetsOf(forwarded())
    const client = streamOf(rows, 50001)
    const target = streamOf(rows, 40001)
    expect(client.length + target.length).toBe(rows.length)
    expect(text(sentBy(client, 50001))).toBe(text(REQUEST))
    expect(text(sentBy(client, 7878))).toBe(text(RESPONSE))
    expect(text(sentBy(target, 40001))).toBe(text(REQUEST))
    expect(text(sentBy(target, 7879))).toBe(text(RESPONSE))
    expect(target.every((r) => r.src === '127.0.0.1' && r.dst === '127.0.0.1')).toBe(true)
    expect([...new Set(target.map((r) => r.dstPort))].sort((a, b) => a - b)).toEqual([7879, 40001])
    // The leg's own handshake, the same chunks each answered by an ACK, the target's reset.
    expect(flagsOf(target, 40001)).toEqual([
      'c:S',
      's:AS',
      'c:A',
      'c:AP',
      's:A',
      'c:AP',
      's:A',
      's:AP',
      'c:A',
      's:AP',
      'c:A',
      's:AR',
    ])
    // The client's leg is as it always was: our listener passed the reset on.
    expect(flagsOf(client, 50001).at(-1)).toBe('s:AR')
  })

  it('stamps the leg with its own times: connect, connected, and bytes not before it', () => {
    const target = streamOf(packetsOf(forwarded()), 40001)
    expect(target.slice(0, 3).map(ms)).toEqual([0.2, 0.6, 0.6])
    // The first 10 bytes came at 0.4, while the leg was connecting: they left at 0.6.
    const data = target.filter((r) => r.payload.length > 0)
    expect(data.map((r) => [r.srcPort, r.payload.length, ms(r)])).toEqual([
      [40001, 10, 0.6],
      [40001, REQUEST.length - 10, 10],
      [7879, 17, 20],
      [7879, RESPONSE.length - 17, 21],
    ])
    expect(ms(target.at(-1))).toBe(30)
  })

  it('orders equal times cause before effect: request on, response back, reset back', () => {
    const rows = packetsOf(forwarded())
    const index = (port: number, bytes: number) =>
      rows.findIndex((r) => r.srcPort === port && r.payload.length === bytes)
    // Both legs carry the second request chunk at 10 ms: the client's leg first.
    expect(index(50001, REQUEST.length - 10)).toBeLessThan(index(40001, REQUEST.length - 10))
    // Both carry the response at 20 ms: the target's leg first.
    expect(index(7879, 17)).toBeLessThan(index(7878, 17))
    const resets = rows.filter((r) => r.flags.includes('R')).map((r) => r.srcPort)
    expect(resets).toEqual([7879, 7878])
  })

  it('passes FIN on: the client’s FIN, then the target’s reset', () => {
    const target = streamOf(
      packetsOf(forwarded({ clientEnded: true, firstEnded: 'client' })),
      40001,
    )
    expect(flagsOf(target, 40001).slice(-3)).toEqual(['c:AF', 's:A', 's:AR'])
  })

  it('the client’s reset passed on after the target’s FIN', () => {
    const c = forwarded(
      { failure: 'client-reset', errorCode: null, targetEnded: true, firstEnded: 'target' },
      { closeReason: 'reset' },
    )
    const target = streamOf(packetsOf(c), 40001)
    expect(flagsOf(target, 40001).slice(-3)).toEqual(['s:AF', 'c:A', 'c:AR'])
  })

  it.each<[string, Parameters<typeof forwarded>[0], string[]]>([
    [
      'both FINs, the target first',
      { failure: null, clientEnded: true, targetEnded: true, firstEnded: 'target' },
      ['s:AF', 'c:A', 'c:AF', 's:A'],
    ],
    [
      'both FINs, the client first',
      { failure: null, clientEnded: true, targetEnded: true, firstEnded: 'client' },
      ['c:AF', 's:A', 's:AF', 'c:A'],
    ],
    [
      'the target’s FIN on an open leg',
      { failure: null, state: 'open', targetEnded: true, firstEnded: 'target' },
      ['s:AP', 'c:A', 's:AF', 'c:A'],
    ],
    [
      'Socket Lab’s FIN when the target did not answer in time',
      { failure: 'answer-timeout', errorCode: null },
      ['s:AP', 'c:A', 'c:AF', 's:A'],
    ],
  ])('ends with %s', (_, leg, end) => {
    const target = streamOf(packetsOf(forwarded(leg)), 40001)
    expect(flagsOf(target, 40001).slice(-end.length)).toEqual(end)
    expect(target.filter((r) => r.flags.includes('R'))).toEqual([])
  })

  it('has no end while the leg is open both ways', () => {
    const leg = targetPcapConversation(forwarded({ failure: null, state: 'open' }))
    expect(leg?.end).toBeUndefined()
  })

  it('a refused leg is a SYN answered by RST, with no data', () => {
    const c = forwarded({
      failure: 'refused',
      errorCode: 'ECONNREFUSED',
      connectedMono: null,
      firstByteToTargetMono: null,
      firstByteFromTargetMono: null,
      bytesToTarget: 0,
      bytesFromTarget: 0,
    })
    const target = streamOf(packetsOf(c), 40001)
    expect(flagsOf(target, 40001)).toEqual(['c:S', 's:AR'])
    expect(target[1]?.ack).toBe(((target[0]?.seq ?? 0) + 1) % 2 ** 32)
    expect(target.map(ms)).toEqual([0.2, 30])
  })

  it('has no second stream for a leg that never got Socket Lab’s endpoint', () => {
    const c = forwarded({ failure: 'refused', local: null, connectedMono: null })
    expect(toPcapConversations(c)).toHaveLength(1)
    const rows = packetsOf(c)
    expect(streamOf(rows, 50001)).toHaveLength(rows.length)
    expect(toPcapConversations(conversation())).toHaveLength(1)
  })

  it('writes the leg to the address its host name resolved to', () => {
    const resolved = { address: '127.0.0.1', port: 7879, family: 'IPv4' as const }
    const target = streamOf(packetsOf(forwarded({ host: 'localhost', remote: resolved })), 40001)
    expect(target[0]).toMatchObject({ src: '127.0.0.1', dst: '127.0.0.1', dstPort: 7879 })
    const v6 = forwarded({
      host: 'localhost',
      local: { address: '::1', port: 40001, family: 'IPv6' },
      remote: { address: '::1', port: 7879, family: 'IPv6' },
    })
    const onV6 = streamOf(packetsOf(v6), 40001)
    expect(onV6[0]).toMatchObject({ src: '0:0:0:0:0:0:0:1', dst: '0:0:0:0:0:0:0:1' })
    expect(text(sentBy(onV6, 7879))).toBe(text(RESPONSE))
  })

  it('stamps the leg’s FINs and reset with its own times, not the connection’s close', () => {
    const fins = streamOf(
      packetsOf(
        forwarded({
          failure: null,
          clientEnded: true,
          targetEnded: true,
          firstEnded: 'target',
          targetEndedMono: 1025,
          clientEndedMono: 1028,
          closedMono: 1029,
        }),
      ),
      40001,
    )
    // The connection closed at 30 ms; the target's FIN came at 25, the client's at 28.
    expect(fins.slice(-4).map((r) => [r.flags, ms(r)])).toEqual([
      ['AF', 25],
      ['A', 25],
      ['AF', 28],
      ['A', 28],
    ])
    // The client's FIN passed on at 24, then the target's reset at 27: each at its own time.
    const finThenReset = streamOf(
      packetsOf(forwarded({ clientEnded: true, clientEndedMono: 1024, closedMono: 1027 })),
      40001,
    )
    expect(finThenReset.slice(-3).map((r) => [r.flags, ms(r)])).toEqual([
      ['AF', 24],
      ['A', 24],
      ['AR', 27],
    ])
    const reset = streamOf(packetsOf(forwarded({ closedMono: 1022 })), 40001)
    expect([reset.at(-1)?.flags, ms(reset.at(-1))]).toEqual(['AR', 22])
    const half = streamOf(
      packetsOf(
        forwarded({
          failure: null,
          state: 'open',
          clientEnded: true,
          firstEnded: 'client',
          clientEndedMono: 1023.5,
        }),
      ),
      40001,
    )
    expect(flagsOf(half, 40001).slice(-2)).toEqual(['c:AF', 's:A'])
    expect(half.slice(-2).map(ms)).toEqual([23.5, 23.5])
    // Not before the leg's last byte: a FIN follows what its side sent.
    const early = streamOf(packetsOf(forwarded({ closedMono: 1005 })), 40001)
    expect(ms(early.at(-1))).toBe(21)
  })

  it('shows a client that shut its writing half before the answer doing so in both streams', () => {
    const rows = packetsOf(
      forwarded(
        {
          failure: null,
          errorCode: null,
          clientEnded: true,
          targetEnded: true,
          firstEnded: 'client',
          clientEndedMono: 1012,
          targetEndedMono: 1022,
          closedMono: 1022,
        },
        { closeReason: 'peer' },
      ),
    )
    // The request by 10 ms, the client's FIN at 12, the answer at 20 and 21, the server's FIN at 22.
    for (const [port, peer] of [
      [50001, 7878],
      [40001, 7879],
    ] as const) {
      const stream = streamOf(rows, port)
      const steps = stream
        .filter((r) => r.flags.includes('F') || r.payload.length > 0)
        .map(
          (r) =>
            `${r.srcPort === port ? 'c' : 's'}:${r.flags.includes('F') ? 'FIN' : 'data'}@${ms(r)}`,
        )
      expect(steps.slice(-4), `stream ${port}–${peer}`).toEqual([
        'c:FIN@12',
        's:data@20',
        's:data@21',
        's:FIN@22',
      ])
    }
  })

  it('writes a target given by name, in a file from before its address was kept, as not IP', () => {
    const target = streamOf(packetsOf(forwarded({ host: 'localhost' })), 40001)
    // 127.0.0.1 against "::" (a name is not an address): both written as IPv6.
    expect(target[0]?.src).toBe('0:0:0:0:0:ffff:7f00:1')
    expect(target[0]?.dst).toBe('0:0:0:0:0:0:0:0')
    expect(text(sentBy(target, 7879))).toBe(text(RESPONSE))
  })
})
