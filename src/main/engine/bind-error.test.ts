import { describe, expect, it } from 'vitest'
import { bindFixes, classifyBindError, readUnprivilegedPortStart, toPlatform } from './bind-error'

/** A listen error shaped as Node makes it. */
function listenError(
  code: string,
  errno: number,
  address: string,
  port: number,
): NodeJS.ErrnoException {
  const text: Record<string, string> = {
    EADDRINUSE: 'address already in use',
    EACCES: 'permission denied',
    EADDRNOTAVAIL: 'address not available',
  }
  return Object.assign(new Error(`listen ${code}: ${text[code] ?? 'error'} ${address}:${port}`), {
    code,
    errno,
    syscall: 'listen',
    address,
    port,
  })
}

describe('classifyBindError on macOS', () => {
  it('EADDRINUSE (-48): lsof, port 0, Rust code 48', () => {
    const bind = classifyBindError(listenError('EADDRINUSE', -48, '127.0.0.1', 5000), {
      host: '127.0.0.1',
      port: 5000,
      platform: 'darwin',
    })
    expect(bind).toMatchObject({
      code: 'EADDRINUSE',
      rawCode: 'EADDRINUSE',
      errno: -48,
      syscall: 'listen',
      platform: 'darwin',
      address: '127.0.0.1:5000',
      message: 'listen EADDRINUSE: address already in use 127.0.0.1:5000',
      commands: ['lsof -nP -iTCP:5000 -sTCP:LISTEN'],
      fixes: [{ kind: 'use-port-0' }],
    })
    expect(bind.facts.unprivilegedPortStart).toBeNull()
    expect(bind.rust?.panic[1]).toContain('Os { code: 48, kind: AddrInUse')
  })

  it('EACCES (-13) on 127.0.0.1:80: a port above 1023 or port 0', () => {
    const bind = classifyBindError(listenError('EACCES', -13, '127.0.0.1', 80), {
      host: '127.0.0.1',
      port: 80,
      platform: 'darwin',
      isRoot: false,
    })
    expect(bind).toMatchObject({
      code: 'EACCES',
      commands: [],
      fixes: [{ kind: 'use-port', port: 8080 }, { kind: 'use-port-0' }],
    })
    expect(bind.facts).toEqual({
      unprivilegedPortStart: null,
      isWildcard: false,
      isLoopback: true,
      hostHasBrackets: false,
      isRoot: false,
    })
    expect(bind.rust?.panic[1]).toContain('Os { code: 13, kind: PermissionDenied')
  })

  it('EADDRNOTAVAIL (-49): use 127.0.0.1, Rust code 49', () => {
    const bind = classifyBindError(listenError('EADDRNOTAVAIL', -49, '192.0.2.1', 7878), {
      host: '192.0.2.1',
      port: 7878,
      platform: 'darwin',
    })
    expect(bind.fixes).toEqual([{ kind: 'use-host', host: '127.0.0.1' }])
    expect(bind.rust?.panic[1]).toContain(
      `Os { code: 49, kind: AddrNotAvailable, message: "Can't assign requested address" }`,
    )
  })
})

describe('classifyBindError on Windows', () => {
  it('EADDRINUSE (-4091): netstat and Get-NetTCPConnection, Rust code 10048', () => {
    const bind = classifyBindError(listenError('EADDRINUSE', -4091, '0.0.0.0', 7878), {
      host: '0.0.0.0',
      port: 7878,
      platform: 'win32',
      isRoot: false,
    })
    expect(bind).toMatchObject({
      code: 'EADDRINUSE',
      errno: -4091,
      commands: [
        'netstat -ano | findstr :7878',
        'Get-NetTCPConnection -LocalPort 7878 -State Listen',
      ],
      fixes: [{ kind: 'use-port-0' }],
    })
    expect(bind.facts).toMatchObject({
      isWildcard: true,
      isLoopback: false,
      unprivilegedPortStart: null,
    })
    expect(bind.rust?.bindCall).toBe('TcpListener::bind("0.0.0.0:7878")')
    expect(bind.rust?.panic[1]).toContain('Os { code: 10048, kind: AddrInUse')
  })

  it('EACCES (-4092): the excluded ranges command, another port, Rust code 10013', () => {
    const bind = classifyBindError(listenError('EACCES', -4092, '127.0.0.1', 7878), {
      host: '127.0.0.1',
      port: 7878,
      platform: 'win32',
    })
    expect(bind.commands).toEqual(['netsh interface ipv4 show excludedportrange protocol=tcp'])
    expect(bind.fixes).toEqual([{ kind: 'use-port', port: 7879 }, { kind: 'use-port-0' }])
    expect(bind.rust?.panic[1]).toContain('Os { code: 10013, kind: PermissionDenied')
  })

  it('EADDRNOTAVAIL (-4090): Rust code 10049', () => {
    const bind = classifyBindError(listenError('EADDRNOTAVAIL', -4090, '192.0.2.1', 7878), {
      host: '192.0.2.1',
      port: 7878,
      platform: 'win32',
    })
    expect(bind.rust?.panic[1]).toContain('Os { code: 10049, kind: AddrNotAvailable')
  })
})

describe('classifyBindError, any platform', () => {
  it('keeps an unknown code as OTHER with its raw code, no fixes, no Rust', () => {
    const err = Object.assign(new Error('getaddrinfo EAI_AGAIN example.com'), {
      code: 'EAI_AGAIN',
      errno: -3001,
      syscall: 'getaddrinfo',
    })
    const bind = classifyBindError(err, { host: 'example.com', port: 7878, platform: 'linux' })
    expect(bind).toMatchObject({
      code: 'OTHER',
      rawCode: 'EAI_AGAIN',
      errno: -3001,
      fixes: [],
      commands: [],
      rust: null,
    })
  })

  it('copes with a synchronous throw such as ERR_SOCKET_BAD_PORT, and with non-errors', () => {
    const thrown = Object.assign(
      new RangeError('options.port should be >= 0 and < 65536. Received 70000.'),
      {
        code: 'ERR_SOCKET_BAD_PORT',
      },
    )
    const bind = classifyBindError(thrown, { host: '127.0.0.1', port: 70000, platform: 'linux' })
    expect(bind).toMatchObject({
      code: 'OTHER',
      rawCode: 'ERR_SOCKET_BAD_PORT',
      errno: null,
      syscall: null,
    })
    expect(classifyBindError('weird', { host: 'h', port: 1, platform: 'other' })).toMatchObject({
      code: 'OTHER',
      rawCode: 'UNKNOWN',
      message: 'weird',
      platform: 'other',
      commands: [],
    })
  })

  it('EINVAL: use 127.0.0.1, no Rust output', () => {
    const err = Object.assign(new Error('listen EINVAL: invalid argument fe80::1'), {
      code: 'EINVAL',
      errno: -22,
      syscall: 'listen',
    })
    const bind = classifyBindError(err, { host: 'fe80::1', port: 7878, platform: 'linux' })
    expect(bind).toMatchObject({ code: 'EINVAL', address: '[fe80::1]:7878', rust: null })
    expect(bind.fixes).toEqual([{ kind: 'use-host', host: '127.0.0.1' }])
  })

  it('EACCES fixes keep the digits below 1024 and never suggest the same port', () => {
    expect(bindFixes('EACCES', '127.0.0.1', 443)).toEqual([
      { kind: 'use-port', port: 8443 },
      { kind: 'use-port-0' },
    ])
    expect(bindFixes('EACCES', '127.0.0.1', 5000)).toEqual([
      { kind: 'use-port', port: 7878 },
      { kind: 'use-port-0' },
    ])
    expect(bindFixes('EACCES', '127.0.0.1', 7878)).toEqual([
      { kind: 'use-port', port: 7879 },
      { kind: 'use-port-0' },
    ])
    expect(bindFixes('ENOTFOUND', '[127.0.0.1]', 1)).toEqual([
      { kind: 'use-host', host: '127.0.0.1' },
    ])
  })

  it('maps platforms and reads the unprivileged port start only on Linux', () => {
    expect(toPlatform('linux')).toBe('linux')
    expect(toPlatform('freebsd')).toBe('other')
    expect(readUnprivilegedPortStart('darwin')).toBeNull()
    const linux = readUnprivilegedPortStart('linux')
    if (process.platform === 'linux') expect(Number.isInteger(linux)).toBe(true)
  })
})
