import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import {
  findBytes,
  fromBase64,
  latin1Decode,
  parseSearchQuery,
  toBase64,
  toCArray,
  toHexString,
  toRustArray,
} from './byte-formats'
import { MAX_SEARCH_PATTERN } from './contract'

const ascii = (text: string) => Uint8Array.from(text, (c) => c.charCodeAt(0))

describe('hex and arrays', () => {
  it('formats hex pairs', () => {
    expect(toHexString(Uint8Array.of(0x0d, 0x0a, 0xff, 0))).toBe('0d 0a ff 00')
    expect(toHexString(new Uint8Array(0))).toBe('')
  })

  it('writes C arrays, 12 bytes a line', () => {
    expect(toCArray(ascii('GET'))).toBe('const unsigned char data[] = { 0x47, 0x45, 0x54 };')
    expect(toCArray(ascii('GET / HTTP/1.1\r\n'), 'request')).toBe(
      'const unsigned char request[] = {\n' +
        '  0x47, 0x45, 0x54, 0x20, 0x2f, 0x20, 0x48, 0x54, 0x54, 0x50, 0x2f, 0x31,\n' +
        '  0x2e, 0x31, 0x0d, 0x0a,\n' +
        '};',
    )
    expect(toCArray(new Uint8Array(0))).toBe('const unsigned char data[] = {};')
  })

  it('writes Rust arrays with their length', () => {
    expect(toRustArray(ascii('GET'))).toBe('const DATA: [u8; 3] = [0x47, 0x45, 0x54];')
    expect(toRustArray(new Uint8Array(0), 'EMPTY')).toBe('const EMPTY: [u8; 0] = [];')
    expect(toRustArray(ascii('HTTP/1.1 200 OK\r\n\r\n'))).toBe(
      'const DATA: [u8; 19] = [\n' +
        '    0x48, 0x54, 0x54, 0x50, 0x2f, 0x31, 0x2e, 0x31, 0x20, 0x32, 0x30, 0x30,\n' +
        '    0x20, 0x4f, 0x4b, 0x0d, 0x0a, 0x0d, 0x0a,\n' +
        '];',
    )
  })

  it('decodes Latin-1 byte for byte, including 0x80-0x9f', () => {
    const all = Uint8Array.from({ length: 256 }, (_, i) => i)
    expect(latin1Decode(all)).toBe(Buffer.from(all).toString('latin1'))
    expect(latin1Decode(new Uint8Array(100_000).fill(0xe9))).toHaveLength(100_000)
  })
})

describe('Base64', () => {
  it('agrees with Node both ways', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 500 }), (data) => {
        const encoded = toBase64(data)
        expect(encoded).toBe(Buffer.from(data).toString('base64'))
        expect(fromBase64(encoded)).toEqual(data)
        expect(fromBase64(encoded.replace(/=+$/, ''))).toEqual(data)
      }),
    )
  })

  it('returns null for what is not Base64', () => {
    for (const bad of [
      'a',
      'ab=c',
      'ab c',
      'ab-_',
      'abc==',
      '====',
      'Zm9v!',
      'Zé==',
      'Zg=='.slice(0, 3),
    ])
      expect(fromBase64(bad), bad).toBeNull()
    expect(fromBase64('')).toEqual(new Uint8Array(0))
  })
})

describe('findBytes', () => {
  const hay = ascii('GET / HTTP/1.1\r\n\r\nGET /x HTTP/1.1\r\n\r\n')
  const crlf2 = ascii('\r\n\r\n')

  it('finds forwards from an offset and backwards before it', () => {
    expect(findBytes(hay, crlf2, 0, false)).toBe(14)
    expect(findBytes(hay, crlf2, 15, false)).toBe(33)
    expect(findBytes(hay, crlf2, 34, false)).toBe(-1)
    expect(findBytes(hay, crlf2, hay.length, true)).toBe(33)
    expect(findBytes(hay, crlf2, 33, true)).toBe(14)
    expect(findBytes(hay, crlf2, 14, true)).toBe(-1)
    expect(findBytes(hay, new Uint8Array(0), 0, false)).toBe(-1)
    expect(findBytes(crlf2, hay, 0, false)).toBe(-1)
  })

  it('agrees with Buffer.indexOf and lastIndexOf', () => {
    fc.assert(
      fc.property(
        fc.uint8Array({ maxLength: 60 }).map((a) => a.map((b) => b % 3)),
        fc.uint8Array({ minLength: 1, maxLength: 3 }).map((a) => a.map((b) => b % 3)),
        fc.integer({ min: -2, max: 70 }),
        (hayRaw, needle, from) => {
          const buffer = Buffer.from(hayRaw)
          expect(findBytes(hayRaw, needle, from, false)).toBe(
            buffer.indexOf(needle, Math.max(from, 0)),
          )
          const before = from - 1
          const expected = before < 0 ? -1 : buffer.lastIndexOf(needle, before)
          expect(findBytes(hayRaw, needle, from, true)).toBe(expected)
        },
      ),
    )
  })
})

describe('parseSearchQuery', () => {
  it('text mode is UTF-8', () => {
    expect(parseSearchQuery('Хост', 'text')).toEqual({
      ok: true,
      value: new TextEncoder().encode('Хост'),
    })
  })

  it('hex mode reads hex as the composer does', () => {
    expect(parseSearchQuery('0d0a 0x0d,0a', 'hex')).toEqual({
      ok: true,
      value: Uint8Array.of(13, 10, 13, 10),
    })
    expect(parseSearchQuery('0d 0', 'hex')).toEqual({
      ok: false,
      error: { code: 'odd-digits', index: 3 },
    })
  })

  it('refuses nothing and too much', () => {
    expect(parseSearchQuery('', 'text')).toEqual({ ok: false, error: { code: 'empty', index: 0 } })
    expect(parseSearchQuery('  ', 'hex')).toEqual({ ok: false, error: { code: 'empty', index: 0 } })
    const long = 'a'.repeat(MAX_SEARCH_PATTERN + 1)
    expect(parseSearchQuery(long, 'text')).toEqual({
      ok: false,
      error: { code: 'too-long', index: long.length },
    })
    expect(parseSearchQuery('a'.repeat(MAX_SEARCH_PATTERN), 'text').ok).toBe(true)
  })
})
