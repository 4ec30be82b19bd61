import { describe, expect, it } from 'vitest'
import { listing202Output } from './http-listing-20-2'

const bytes = (s: string): Buffer => Buffer.from(s, 'latin1')

describe('listing202Output at the end of the stream', () => {
  it('is still waiting without an empty line, unless the stream ended', () => {
    expect(listing202Output(bytes('GET / HTTP/1.1\r\nHost: x'))).toBeNull()
    expect(listing202Output(bytes('GET / HTTP/1.1\r\nHost: x'), true)).toBe(
      'Request: [\n    "GET / HTTP/1.1",\n    "Host: x",\n]',
    )
  })

  it('keeps the \\r of a last line that has no \\n, as lines() does', () => {
    expect(listing202Output(bytes('A\r\nB\r'), true)).toBe('Request: [\n    "A",\n    "B\\r",\n]')
  })

  it('prints nothing read as an empty request, and stops at the empty line either way', () => {
    expect(listing202Output(bytes(''), true)).toBe('Request: []')
    expect(listing202Output(bytes('A\n\nB'), true)).toBe('Request: [\n    "A",\n]')
  })

  it('panics on a last line that is not UTF-8', () => {
    expect(listing202Output(Buffer.from([0x41, 0x0a, 0xff]), true)).toMatch(
      /^thread 'main' panicked/,
    )
  })
})
