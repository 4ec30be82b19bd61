import { describe, expect, it } from 'vitest'
import { parseLsof, parseNetstat, parseSs, parseTasklist } from './parse-holders'

describe('parseSs', () => {
  it('reads one process on IPv4', () => {
    const out =
      'LISTEN 0      511        127.0.0.1:7878      0.0.0.0:*    users:(("node",pid=28312,fd=19))\n'
    expect(parseSs(out, 7878)).toEqual([
      { localAddress: '127.0.0.1:7878', pid: 28312, processName: 'node' },
    ])
  })

  it('reads IPv6 [::], *, several processes sharing one socket, and skips a header', () => {
    const out = [
      'State  Recv-Q Send-Q Local Address:Port Peer Address:Port Process',
      'LISTEN 0      4096            [::]:7878            [::]:*    users:(("nginx",pid=11,fd=6),("nginx",pid=12,fd=6))',
      'LISTEN 0      128                *:7878               *:*    users:(("my server",pid=13,fd=3))',
      'LISTEN 0      128   127.0.0.53%lo:7878         0.0.0.0:*    users:(("systemd-resolve",pid=14,fd=13))',
    ].join('\n')
    expect(parseSs(out, 7878)).toEqual([
      { localAddress: '[::]:7878', pid: 11, processName: 'nginx' },
      { localAddress: '[::]:7878', pid: 12, processName: 'nginx' },
      { localAddress: '*:7878', pid: 13, processName: 'my server' },
      { localAddress: '127.0.0.53%lo:7878', pid: 14, processName: 'systemd-resolve' },
    ])
  })

  it("keeps a socket the OS did not attribute (another user's, without root) with a null pid", () => {
    const out = 'LISTEN 0      128          0.0.0.0:2024      0.0.0.0:*\n'
    expect(parseSs(out, 2024)).toEqual([
      { localAddress: '0.0.0.0:2024', pid: null, processName: null },
    ])
  })

  it('empty output and other ports give nothing', () => {
    expect(parseSs('', 7878)).toEqual([])
    expect(parseSs('\n\n', 7878)).toEqual([])
    const other = 'LISTEN 0 511 127.0.0.1:17878 0.0.0.0:* users:(("node",pid=1,fd=1))'
    expect(parseSs(other, 7878)).toEqual([])
    expect(parseSs('ss: unknown option -- H', 7878)).toEqual([])
  })
})

describe('parseLsof', () => {
  const header = 'COMMAND   PID USER   FD   TYPE DEVICE SIZE/OFF NODE NAME'

  it('reads Linux and macOS rows, IPv4 and IPv6, with escaped names', () => {
    const out = [
      header,
      'node    28312 root   19u  IPv4 321580      0t0  TCP 127.0.0.1:7878 (LISTEN)',
      'ControlCe 512 me   9u  IPv6 0xabc123      0t0  TCP *:7878 (LISTEN)',
      'my\\x20app 77 me   5u  IPv6 0xabc124      0t0  TCP [::1]:7878 (LISTEN)',
    ].join('\n')
    expect(parseLsof(out, 7878)).toEqual([
      { localAddress: '127.0.0.1:7878', pid: 28312, processName: 'node' },
      { localAddress: '*:7878', pid: 512, processName: 'ControlCe' },
      { localAddress: '[::1]:7878', pid: 77, processName: 'my app' },
    ])
  })

  it('lists a socket shared by two fds of one process once', () => {
    const out = [
      header,
      'python3 9 me 3u IPv4 1 0t0 TCP 0.0.0.0:7878 (LISTEN)',
      'python3 9 me 4u IPv4 1 0t0 TCP 0.0.0.0:7878 (LISTEN)',
      'python3 10 me 3u IPv4 1 0t0 TCP 0.0.0.0:7878 (LISTEN)',
    ].join('\n')
    expect(parseLsof(out, 7878).map((h) => h.pid)).toEqual([9, 10])
  })

  it('empty output, a header only, or other ports give nothing', () => {
    expect(parseLsof('', 7878)).toEqual([])
    expect(parseLsof(header, 7878)).toEqual([])
    expect(parseLsof('node 1 me 3u IPv4 1 0t0 TCP 127.0.0.1:78780 (LISTEN)', 7878)).toEqual([])
  })
})

describe('parseNetstat', () => {
  const out = [
    '',
    'Active Connections',
    '',
    '  Proto  Local Address          Foreign Address        State           PID',
    '  TCP    0.0.0.0:135            0.0.0.0:0              LISTENING       1024',
    '  TCP    127.0.0.1:7878         0.0.0.0:0              LISTENING       4321',
    '  TCP    127.0.0.1:7878         127.0.0.1:50123        ESTABLISHED     4321',
    '  TCP    127.0.0.1:50123        127.0.0.1:7878         ESTABLISHED     999',
    '  TCP    [::]:7878              [::]:0                 LISTENING       4321',
    '  TCP    [::1]:7878             [::]:0                 ABHÖREN         55',
    '  UDP    0.0.0.0:7878           *:*                                    66',
  ].join('\r\n')

  it('keeps TCP listeners on the port, IPv4 and IPv6, also with a localized state word', () => {
    expect(parseNetstat(out, 7878)).toEqual([
      { localAddress: '127.0.0.1:7878', pid: 4321, processName: null },
      { localAddress: '[::]:7878', pid: 4321, processName: null },
      { localAddress: '[::1]:7878', pid: 55, processName: null },
    ])
  })

  it('gives nothing for a free port or empty output', () => {
    expect(parseNetstat(out, 7879)).toEqual([])
    expect(parseNetstat('', 7878)).toEqual([])
  })
})

describe('parseTasklist', () => {
  it('reads the image name of the pid', () => {
    expect(parseTasklist('"node.exe","4321","Console","1","45,000 K"\r\n', 4321)).toBe('node.exe')
    expect(parseTasklist('"System","4","Services","0","144 K"', 4)).toBe('System')
  })

  it('null when no such process (an INFO line) or another pid', () => {
    expect(
      parseTasklist('INFO: No tasks are running which match the specified criteria.', 4321),
    ).toBeNull()
    expect(parseTasklist('"node.exe","4322","Console","1","45,000 K"', 4321)).toBeNull()
  })
})
