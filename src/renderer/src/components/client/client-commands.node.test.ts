import { describe, expect, it } from 'vitest'
import { clientCommands, powershellBytes, printfFormat } from './client-commands'
import type { ClientPlan } from '../../../../shared/client-types'

const enc = (s: string): Uint8Array => new TextEncoder().encode(s)

const one = (path: string): ClientPlan => ({
  kind: 'http',
  rows: [{ count: 1, path, startMs: 0 }],
})

const BOOK: ClientPlan = {
  kind: 'http',
  rows: [
    { count: 2, path: '/sleep', startMs: 0 },
    { count: 1, path: '/', startMs: 0 },
  ],
}

const byKind = (plan: ClientPlan, host = '127.0.0.1', port = 7878, raw: Uint8Array | null = null) =>
  Object.fromEntries(clientCommands(plan, host, port, 'linux', raw).map((c) => [c.kind, c.text]))

describe('printfFormat and powershellBytes', () => {
  it('writes CR LF as escapes, quotes and % safely, other bytes in octal', () => {
    expect(printfFormat(enc('GET / HTTP/1.1\r\n\r\n'))).toBe("'GET / HTTP/1.1\\r\\n\\r\\n'")
    expect(printfFormat(enc("it's 100%\\"))).toBe("'it'\\''s 100%%\\\\'")
    expect(printfFormat(Uint8Array.from([0x00, 0xff, 0x09]))).toBe("'\\000\\377\\t'")
  })

  it('PowerShell: ASCII as a string with `r`n, anything else as a byte array', () => {
    expect(powershellBytes(enc('GET $x "y"\r\n'))).toBe(
      '[System.Text.Encoding]::ASCII.GetBytes("GET `$x `"y`"`r`n")',
    )
    expect(powershellBytes(Uint8Array.from([0x47, 0xff]))).toBe('[byte[]](0x47,0xff)')
  })
})

describe('clientCommands', () => {
  it('one request: curl -v, printf | nc, Invoke-WebRequest', () => {
    const c = byKind(one('/sleep'))
    expect(c.curl).toBe('curl -v http://127.0.0.1:7878/sleep')
    expect(c['curl-cmd']).toBe('curl.exe -v http://127.0.0.1:7878/sleep')
    expect(c.nc).toBe(
      "printf 'GET /sleep HTTP/1.1\\r\\nHost: 127.0.0.1:7878\\r\\nConnection: close\\r\\n\\r\\n' | nc 127.0.0.1 7878",
    )
    expect(c.powershell).toBe('Invoke-WebRequest -Uri http://127.0.0.1:7878/sleep -UseBasicParsing')
  })

  it('several requests run side by side', () => {
    const c = byKind(BOOK)
    expect(c.curl).toBe(
      [
        "for i in $(seq 2); do curl -s -o /dev/null -w '%{http_code} %{url_effective} %{time_total}s\\n' http://127.0.0.1:7878/sleep & done",
        "curl -s -o /dev/null -w '%{http_code} %{url_effective} %{time_total}s\\n' http://127.0.0.1:7878/ &",
        'wait',
      ].join('\n'),
    )
    expect(c['curl-cmd']).toContain('for /l %i in (1,1,2) do start /b curl.exe')
    expect(c.powershell?.match(/TcpClient\]::new/g)).toHaveLength(3)
  })

  it('a later start sleeps first; IPv6 is bracketed in URLs', () => {
    const c = byKind(
      {
        kind: 'http',
        rows: [
          { count: 1, path: '/', startMs: 500 },
          { count: 1, path: '/a', startMs: 0 },
        ],
      },
      '::1',
    )
    expect(c.curl).toContain(
      "(sleep 0.5; curl -s -o /dev/null -w '%{http_code} %{url_effective} %{time_total}s\\n' 'http://[::1]:7878/') &",
    )
    expect(c['curl-cmd']).toBeUndefined()
    expect(c.powershell).toContain('Start-Sleep -Milliseconds 500')
  })

  it('raw plans: nc and a TcpClient, with the framing', () => {
    const bytes = enc('GET / HTTP/1.1\r\n\r\n')
    const chunks: ClientPlan = {
      kind: 'raw',
      text: '',
      framing: { kind: 'chunks', chunks: 2, gapMs: 100 },
    }
    const c = byKind(chunks, '127.0.0.1', 7878, bytes)
    expect(c.nc).toBe(
      "{ printf 'GET / HTT'; sleep 0.1; printf 'P/1.1\\r\\n\\r\\n'; } | nc 127.0.0.1 7878",
    )
    expect(c['powershell-raw']).toContain('foreach ($r in @(@(0,9),@(9,9)))')
    expect(c.curl).toBeUndefined()
    const slow = byKind(
      { kind: 'raw', text: '', framing: { kind: 'bytes', intervalMs: 200 } },
      '127.0.0.1',
      7878,
      bytes,
    )
    expect(slow.nc).toContain('for i in $(seq 18); do dd bs=1 count=1 2>/dev/null; sleep 0.2; done')
    expect(slow['powershell-raw']).toContain('$s.WriteByte($x); Start-Sleep -Milliseconds 200')
  })

  it("puts the user's OS first", () => {
    expect(clientCommands(one('/'), 'localhost', 80, 'win32', null).map((c) => c.kind)).toEqual([
      'curl-cmd',
      'powershell',
      'curl',
      'nc',
    ])
    expect(clientCommands(one('/'), 'localhost', 80, 'darwin', null)[0]?.kind).toBe('curl')
  })
})

describe('commands to paste stay one argument, whatever the path or host', () => {
  it('quotes a path with shell characters for sh, cmd and PowerShell', () => {
    const c = byKind(one("/a&b;$(id)`x`|it's"))
    expect(c.curl).toBe("curl -v 'http://127.0.0.1:7878/a&b;$(id)`x`|it'\\''s'")
    expect(c['curl-cmd']).toBe('curl.exe -v "http://127.0.0.1:7878/a&b;$(id)`x`|it\'s"')
    expect(c.powershell).toBe(
      "Invoke-WebRequest -Uri 'http://127.0.0.1:7878/a&b;$(id)`x`|it''s' -UseBasicParsing",
    )
    const several = byKind({ kind: 'http', rows: [{ count: 2, path: '/?a=1&b=2', startMs: 0 }] })
    expect(several.curl).toContain("'http://127.0.0.1:7878/?a=1&b=2' & done")
  })

  it('leaves out the cmd command when cmd cannot quote the path (" or %)', () => {
    expect(byKind(one('/"x"'))['curl-cmd']).toBeUndefined()
    expect(byKind(one('/%PATH%'))['curl-cmd']).toBeUndefined()
    expect(byKind(one('/%PATH%')).curl).toBe('curl -v http://127.0.0.1:7878/%PATH%')
  })

  it('quotes a host that is not a plain name', () => {
    const c = byKind(BOOK, '$(reboot)', 80)
    expect(c.nc).toContain("| nc '$(reboot)' 80")
    expect(c.curl).toContain("'http://$(reboot):80/sleep'")
    // Inside the PowerShell script's double-quoted request, $ is escaped.
    expect(c.powershell).toContain('Host: `$(reboot):80')
    expect(c.powershell).toContain("TcpClient]::new('$(reboot)', 80)")
  })

  it('the POSIX commands hand the URL to curl unchanged (checked with a real sh)', async () => {
    const { execFileSync } = await import('node:child_process')
    const path = "/a&b;$(id)`x`|it's*?"
    const command = byKind(one(path)).curl?.replace(/^curl -v /, "printf '%s' ") ?? ''
    expect(execFileSync('/bin/sh', ['-c', command]).toString()).toBe(`http://127.0.0.1:7878${path}`)
  })
})
