import { describe, expect, it } from 'vitest'
import { listingLine, rustBindOutput, unwrapColumn } from './rust-output'

describe('Listing 20-1 line and the panic column', () => {
  it('reproduces the book line and column 56 for 127.0.0.1:7878', () => {
    expect(listingLine('127.0.0.1:7878')).toBe(
      '    let listener = TcpListener::bind("127.0.0.1:7878").unwrap();',
    )
    expect(unwrapColumn('127.0.0.1:7878')).toBe(56)
  })

  it('moves the column with the address length', () => {
    expect(unwrapColumn('127.0.0.1:80')).toBe(54)
    expect(unwrapColumn('[::1]:7878')).toBe(52)
    expect(unwrapColumn('0.0.0.0:65535')).toBe(55)
    // Rust counts characters: one non-ASCII letter is one column.
    expect(unwrapColumn('é:1')).toBe(45)
  })
})

describe('rustBindOutput', () => {
  const panicLine = (debug: string): string =>
    `called \`Result::unwrap()\` on an \`Err\` value: ${debug}`

  it('Linux: AddrInUse 98, PermissionDenied 13, AddrNotAvailable 99, lookup failure', () => {
    expect(rustBindOutput('EADDRINUSE', '127.0.0.1', 7878, 'linux')).toEqual({
      bindCall: 'TcpListener::bind("127.0.0.1:7878")',
      panic: [
        "thread 'main' panicked at src/main.rs:4:56:",
        panicLine('Os { code: 98, kind: AddrInUse, message: "Address already in use" }'),
      ],
      exitCode: 101,
    })
    expect(rustBindOutput('EACCES', '127.0.0.1', 80, 'linux')?.panic).toEqual([
      "thread 'main' panicked at src/main.rs:4:54:",
      panicLine('Os { code: 13, kind: PermissionDenied, message: "Permission denied" }'),
    ])
    expect(rustBindOutput('EADDRNOTAVAIL', '192.0.2.1', 7878, 'linux')?.panic[1]).toBe(
      panicLine(
        'Os { code: 99, kind: AddrNotAvailable, message: "Cannot assign requested address" }',
      ),
    )
    expect(rustBindOutput('ENOTFOUND', 'nope.invalid', 7878, 'linux')?.panic[1]).toBe(
      panicLine(
        'Custom { kind: Uncategorized, error: "failed to lookup address information: Name or service not known" }',
      ),
    )
  })

  it('brackets IPv6 in the bind call', () => {
    expect(rustBindOutput('EADDRINUSE', '::1', 7878, 'linux')?.bindCall).toBe(
      'TcpListener::bind("[::1]:7878")',
    )
  })

  it('macOS: 48, 13, 49', () => {
    expect(rustBindOutput('EADDRINUSE', '127.0.0.1', 7878, 'darwin')?.panic[1]).toBe(
      panicLine('Os { code: 48, kind: AddrInUse, message: "Address already in use" }'),
    )
    expect(rustBindOutput('EACCES', '127.0.0.1', 80, 'darwin')?.panic[1]).toBe(
      panicLine('Os { code: 13, kind: PermissionDenied, message: "Permission denied" }'),
    )
    expect(rustBindOutput('EADDRNOTAVAIL', '192.0.2.1', 7878, 'darwin')?.panic[1]).toBe(
      panicLine(
        'Os { code: 49, kind: AddrNotAvailable, message: "Can\'t assign requested address" }',
      ),
    )
  })

  it('Windows: 10048, 10013, 10049', () => {
    expect(rustBindOutput('EADDRINUSE', '127.0.0.1', 7878, 'win32')?.panic[1]).toBe(
      panicLine(
        'Os { code: 10048, kind: AddrInUse, message: "Only one usage of each socket address (protocol/network address/port) is normally permitted." }',
      ),
    )
    expect(rustBindOutput('EACCES', '127.0.0.1', 50000, 'win32')?.panic[1]).toBe(
      panicLine(
        'Os { code: 10013, kind: PermissionDenied, message: "An attempt was made to access a socket in a way forbidden by its access permissions." }',
      ),
    )
    expect(rustBindOutput('EADDRNOTAVAIL', '192.0.2.1', 7878, 'win32')?.panic[1]).toBe(
      panicLine(
        'Os { code: 10049, kind: AddrNotAvailable, message: "The requested address is not valid in its context." }',
      ),
    )
  })

  it('is null where we would be guessing', () => {
    expect(rustBindOutput('EINVAL', 'fe80::1', 7878, 'linux')).toBeNull()
    expect(rustBindOutput('OTHER', '127.0.0.1', 7878, 'linux')).toBeNull()
    expect(rustBindOutput('ENOTFOUND', 'nope.invalid', 7878, 'darwin')).toBeNull()
    expect(rustBindOutput('ENOTFOUND', 'nope.invalid', 7878, 'win32')).toBeNull()
    expect(rustBindOutput('EADDRINUSE', '127.0.0.1', 7878, 'other')).toBeNull()
    // Rust parses "[::1]:7878" as an address and binds it: it would not fail like Node.
    expect(rustBindOutput('ENOTFOUND', '[::1]', 7878, 'linux')).toBeNull()
  })
})
