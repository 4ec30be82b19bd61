import { execFileSync, spawnSync } from 'node:child_process'
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { buildSessionPcap } from './pcap'
import { toPcapConversations } from './pcap-conversation'
import { forwarded, REQUEST, RESPONSE } from './pcap-test-kit'

const hasTshark = spawnSync('tshark', ['--version'], { stdio: 'ignore' }).status === 0
const NEEDS_TSHARK = 'needs tshark (Wireshark) on the PATH to read the file back'
const dir = mkdtempSync(join(tmpdir(), 'socket-lab-pcap-legs-'))
afterAll(() => rmSync(dir, { recursive: true, force: true }))

let fileCount = 0
function tshark(pcap: Uint8Array, args: string[]): string {
  const file = join(dir, `legs-${(fileCount += 1)}.pcap`)
  writeFileSync(file, pcap)
  return execFileSync(
    'tshark',
    ['-r', file, '-o', 'tcp.check_checksum:TRUE', '-o', 'ip.check_checksum:TRUE', ...args],
    { encoding: 'utf8' },
  )
}

/** Per packet: its TCP stream (as Wireshark numbers them), source port, flags and payload. */
function packets(pcap: Uint8Array): { stream: number; port: number; flags: string; hex: string }[] {
  const fields = ['tcp.stream', 'tcp.srcport', 'tcp.flags.str', 'tcp.payload']
  return tshark(pcap, ['-T', 'fields', ...fields.flatMap((f) => ['-e', f])])
    .trim()
    .split('\n')
    .map((line) => {
      const [stream = '', port = '', flags = '', hex = ''] = line.split('\t')
      return {
        stream: Number(stream),
        port: Number(port),
        flags: flags.replace(/[^A-Z]/g, ''),
        hex,
      }
    })
}

const hex = (bytes: Uint8Array): string => Buffer.from(bytes).toString('hex')

describe('a forwarded connection’s pcap, as Wireshark reads it', () => {
  it('has two TCP streams with the same bytes each way and the leg’s own reset', (ctx) => {
    ctx.skip(!hasTshark, NEEDS_TSHARK)
    const pcap = buildSessionPcap(toPcapConversations(forwarded()))
    const rows = packets(pcap)
    const sent = (stream: number, port: number) =>
      rows
        .filter((r) => r.stream === stream && r.port === port)
        .map((r) => r.hex)
        .join('')
    // Stream 0 is the client's (its SYN came first), stream 1 Socket Lab's to the target.
    expect(rows.find((r) => r.flags === 'S' && r.stream === 0)?.port).toBe(50001)
    expect(rows.find((r) => r.flags === 'S' && r.stream === 1)?.port).toBe(40001)
    expect([sent(0, 50001), sent(0, 7878)]).toEqual([hex(REQUEST), hex(RESPONSE)])
    expect([sent(1, 40001), sent(1, 7879)]).toEqual([hex(REQUEST), hex(RESPONSE)])
    const leg = rows.filter((r) => r.stream === 1)
    expect(leg.slice(0, 3).map((r) => r.flags)).toEqual(['S', 'AS', 'A'])
    expect(leg.at(-1)).toMatchObject({ port: 7879, flags: 'AR' })
    expect(rows.filter((r) => r.flags.includes('F'))).toEqual([])

    // Follow TCP Stream reassembles the leg to the target: the request one way, the response back.
    const follow = tshark(pcap, ['-q', '-z', 'follow,tcp,raw,1'])
    const data = follow
      .split('\n')
      .filter((line) => /^\t?[0-9a-f]+$/.test(line))
      .map((line) => line.trim())
    expect(data).toContain(hex(REQUEST).slice(0, 20))
    expect(data.join('')).toBe(hex(REQUEST) + hex(RESPONSE))

    const report = tshark(pcap, ['-q', '-z', 'expert'])
    for (const bad of [
      'Malformed',
      'Bad checksum',
      'previous segment not captured',
      'ACKed unseen',
    ])
      expect(report, report).not.toContain(bad)
    expect(report).not.toMatch(/^Errors \(/m)
  })

  it('a refused leg: a SYN and the target’s RST, nothing else in its stream', (ctx) => {
    ctx.skip(!hasTshark, NEEDS_TSHARK)
    const c = forwarded({
      failure: 'refused',
      connectedMono: null,
      bytesToTarget: 0,
      bytesFromTarget: 0,
    })
    const rows = packets(buildSessionPcap(toPcapConversations(c)))
    expect(rows.filter((r) => r.stream === 1).map((r) => [r.port, r.flags])).toEqual([
      [40001, 'S'],
      [7879, 'AR'],
    ])
  })
})
