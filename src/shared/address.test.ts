import { describe, expect, it } from 'vitest'
import { formatHostPort, isIpv6Literal, isLoopbackHost, isWildcardHost } from './address'

describe('formatHostPort', () => {
  it('brackets IPv6 literals only', () => {
    expect(formatHostPort('127.0.0.1', 7878)).toBe('127.0.0.1:7878')
    expect(formatHostPort('localhost', 80)).toBe('localhost:80')
    expect(formatHostPort('::1', 7878)).toBe('[::1]:7878')
    expect(formatHostPort('::', 0)).toBe('[::]:0')
    expect(formatHostPort('fe80::1%eth0', 7878)).toBe('[fe80::1%eth0]:7878')
  })

  it('does not bracket a host typed with brackets twice', () => {
    expect(isIpv6Literal('[::1]')).toBe(false)
    expect(formatHostPort('[::1]', 7878)).toBe('[::1]:7878')
  })
})

describe('isWildcardHost', () => {
  it.each(['0.0.0.0', '::', '0:0:0:0:0:0:0:0', '::0', ' :: '])('%j is the wildcard', (host) => {
    expect(isWildcardHost(host)).toBe(true)
  })
  it.each(['127.0.0.1', '::1', 'localhost', '0.0.0.1', '[::]', ''])('%j is not', (host) => {
    expect(isWildcardHost(host)).toBe(false)
  })
})

describe('isLoopbackHost', () => {
  it.each(['127.0.0.1', '127.1.2.3', '::1', '0:0:0:0:0:0:0:1', '::0001', 'LOCALHOST'])(
    '%j is loopback',
    (host) => {
      expect(isLoopbackHost(host)).toBe(true)
    },
  )
  it.each(['0.0.0.0', '::', '192.168.1.1', '128.0.0.1', '[::1]', 'localhost.example', '::11'])(
    '%j is not',
    (host) => {
      expect(isLoopbackHost(host)).toBe(false)
    },
  )
})
