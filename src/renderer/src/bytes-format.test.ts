import { describe, expect, it } from 'vitest'
import {
  decodeUtf8At,
  extendLineStarts,
  formatHexLine,
  hexLine,
  hexLineCount,
  lineRange,
  TEXT_LINE_BYTES,
  tokenize,
  tokenizeSpans,
  base64ToBytes,
} from './bytes-format'

const enc = (s: string): Uint8Array => new TextEncoder().encode(s)
const cat = (...parts: Array<Uint8Array | number[]>): Uint8Array => {
  const arrays = parts.map((p) => (p instanceof Uint8Array ? p : Uint8Array.from(p)))
  const out = new Uint8Array(arrays.reduce((n, a) => n + a.length, 0))
  let at = 0
  for (const a of arrays) {
    out.set(a, at)
    at += a.length
  }
  return out
}

describe('decodeUtf8At', () => {
  it('decodes 1- to 4-byte characters', () => {
    expect(decodeUtf8At(enc('A'), 0)).toEqual({ kind: 'char', codePoint: 0x41, size: 1 })
    expect(decodeUtf8At(enc('ж'), 0)).toEqual({ kind: 'char', codePoint: 0x436, size: 2 })
    expect(decodeUtf8At(enc('€'), 0)).toEqual({ kind: 'char', codePoint: 0x20ac, size: 3 })
    expect(decodeUtf8At(enc('🦀'), 0)).toEqual({ kind: 'char', codePoint: 0x1f980, size: 4 })
  })

  it('refuses overlongs, surrogates, values above U+10FFFF, lone continuations and truncation', () => {
    for (const bad of [
      [0xc0, 0xaf],
      [0xe0, 0x80, 0xaf],
      [0xed, 0xa0, 0x80],
      [0xf4, 0x90, 0x80, 0x80],
      [0x80],
      [0xff],
      [0xe2, 0x82],
    ]) {
      expect(decodeUtf8At(Uint8Array.from(bad), 0)).toEqual({ kind: 'invalid', byte: bad[0] })
    }
  })

  it('does not read past `end`', () => {
    expect(decodeUtf8At(enc('ж'), 0, 1)).toEqual({ kind: 'invalid', byte: 0xd0 })
  })
})

describe('tokenize', () => {
  it('makes control characters visible tokens and keeps text runs whole', () => {
    expect(tokenize(enc('GET / HTTP/1.1\r\n'))).toEqual([
      { kind: 'text', text: 'GET / HTTP/1.1' },
      { kind: 'control', text: '\\r', codePoint: 0x0d },
      { kind: 'control', text: '\\n', codePoint: 0x0a },
    ])
    expect(tokenize(Uint8Array.from([0x09, 0x00, 0x1b, 0x7f])).map((t) => t.text)).toEqual([
      '\\t',
      '\\x00',
      '\\x1b',
      '\\x7f',
    ])
  })

  it('doubles a literal backslash, so a \\ before r never reads as the \\r escape', () => {
    // The client sent a backslash, an r, then a real carriage return.
    expect(tokenize(Uint8Array.from([0x61, 0x5c, 0x72, 0x0d]))).toEqual([
      { kind: 'text', text: 'a' },
      { kind: 'backslash', text: '\\\\' },
      { kind: 'text', text: 'r' },
      { kind: 'control', text: '\\r', codePoint: 0x0d },
    ])
    for (const decoding of ['utf-8', 'latin1'] as const)
      expect(tokenizeSpans(Uint8Array.from([0x61, 0x5c, 0x72]), 0, 3, decoding)).toEqual([
        { kind: 'text', text: 'a', from: 0, to: 1 },
        { kind: 'backslash', text: '\\\\', from: 1, to: 2 },
        { kind: 'text', text: 'r', from: 2, to: 3 },
      ])
  })

  it('marks every byte of invalid UTF-8 as \\xNN and keeps valid text around it', () => {
    const tokens = tokenize(cat(enc('a'), [0xff, 0xe2, 0x82], enc('b€')))
    expect(tokens).toEqual([
      { kind: 'text', text: 'a' },
      { kind: 'invalid', text: '\\xff', byte: 0xff },
      { kind: 'invalid', text: '\\xe2', byte: 0xe2 },
      { kind: 'invalid', text: '\\x82', byte: 0x82 },
      { kind: 'text', text: 'b€' },
    ])
  })

  it('shows bidi overrides and zero-width characters as escapes, not as effects', () => {
    expect(tokenize(enc('a\u202eb\u200bc'))).toEqual([
      { kind: 'text', text: 'a' },
      { kind: 'control', text: '\\u{202e}', codePoint: 0x202e },
      { kind: 'text', text: 'b' },
      { kind: 'control', text: '\\u{200b}', codePoint: 0x200b },
      { kind: 'text', text: 'c' },
    ])
  })
})

describe('extendLineStarts', () => {
  it('breaks after each \\n', () => {
    const bytes = enc('ab\r\ncd\n\nef')
    const starts = extendLineStarts(bytes, bytes.length)
    expect(starts).toEqual([0, 4, 7, 8])
    expect(lineRange(starts, 1, bytes.length)).toEqual([4, 7])
    expect(lineRange(starts, 3, bytes.length)).toEqual([8, 10])
  })

  it('wraps every 128 bytes but never inside a character', () => {
    const bytes = cat(new Uint8Array(127).fill(0x61), enc('ж'), enc('z'))
    const starts = extendLineStarts(bytes, bytes.length)
    expect(starts).toEqual([0, 127])
    const long = new Uint8Array(300).fill(0x61)
    expect(extendLineStarts(long, long.length)).toEqual([0, TEXT_LINE_BYTES, 2 * TEXT_LINE_BYTES])
  })

  it('extends incrementally to the same result as a full scan', () => {
    const bytes = enc('line one\nline two is longer\n' + 'x'.repeat(200) + '\nend')
    const full = extendLineStarts(bytes, bytes.length)
    let starts: number[] = [0]
    for (let len = 1; len <= bytes.length; len += 7) starts = extendLineStarts(bytes, len, starts)
    expect(extendLineStarts(bytes, bytes.length, starts)).toEqual(full)
  })

  it('does not start an empty line after a final \\n', () => {
    const bytes = enc('a\n')
    expect(extendLineStarts(bytes, bytes.length)).toEqual([0])
  })
})

describe('hex lines', () => {
  it('prints offset, 16 lowercase bytes and the ASCII column', () => {
    const bytes = cat(enc('GET / HTTP/1.1\r\n'), [0x00, 0xff])
    expect(hexLineCount(bytes.length)).toBe(2)
    expect(formatHexLine(hexLine(bytes, 0))).toBe(
      '00000000  47 45 54 20 2f 20 48 54 54 50 2f 31 2e 31 0d 0a  |GET / HTTP/1.1..|',
    )
    expect(formatHexLine(hexLine(bytes, 16))).toBe(`00000010  00 ff${' '.repeat(42)}  |..|`)
  })
})

it('decodes base64 to bytes', () => {
  expect([...base64ToBytes('R0VUAP8=')]).toEqual([0x47, 0x45, 0x54, 0x00, 0xff])
})
