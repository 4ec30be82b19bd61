import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { toHexString } from './byte-formats'
import { parseComposerHex, parseComposerText } from './compose'

const bytes = (...values: number[]) => Uint8Array.from(values)
const ascii = (text: string) => Uint8Array.from(text, (c) => c.charCodeAt(0))

describe('parseComposerText', () => {
  it('encodes typed text as UTF-8', () => {
    expect(parseComposerText('Привет 🦀', 'as-typed')).toEqual({
      ok: true,
      value: new TextEncoder().encode('Привет 🦀'),
    })
  })

  it('reads the escapes', () => {
    expect(parseComposerText('a\\r\\n\\t\\0\\\\b', 'as-typed')).toEqual({
      ok: true,
      value: bytes(0x61, 0x0d, 0x0a, 0x09, 0x00, 0x5c, 0x62),
    })
  })

  it('reads \\xNN as one raw byte, not the UTF-8 of a code point', () => {
    expect(parseComposerText('\\xff\\x00\\x7F\\xC3\\xa9', 'as-typed')).toEqual({
      ok: true,
      value: bytes(0xff, 0x00, 0x7f, 0xc3, 0xa9),
    })
  })

  it('writes the book response with escapes', () => {
    const result = parseComposerText('HTTP/1.1 200 OK\\r\\n\\r\\n', 'lf')
    expect(result).toEqual({ ok: true, value: ascii('HTTP/1.1 200 OK\r\n\r\n') })
  })

  it('converts typed newlines only, never escaped ones', () => {
    const typed = 'GET / HTTP/1.1\nHost: x\r\n\\n\n'
    expect(parseComposerText(typed, 'as-typed')).toEqual({
      ok: true,
      value: ascii('GET / HTTP/1.1\nHost: x\r\n\n\n'),
    })
    expect(parseComposerText(typed, 'crlf')).toEqual({
      ok: true,
      value: ascii('GET / HTTP/1.1\r\nHost: x\r\n\n\r\n'),
    })
    expect(parseComposerText(typed, 'lf')).toEqual({
      ok: true,
      value: ascii('GET / HTTP/1.1\nHost: x\n\n\n'),
    })
    // An escaped \r before a typed \n is not a typed CRLF.
    expect(parseComposerText('a\\r\nb', 'crlf')).toEqual({ ok: true, value: ascii('a\r\r\nb') })
  })

  it('refuses bad escapes with where they start, and returns no bytes', () => {
    expect(parseComposerText('ab\\q', 'as-typed')).toEqual({
      ok: false,
      error: { code: 'unknown-escape', index: 2 },
    })
    expect(parseComposerText('\\x4', 'as-typed')).toEqual({
      ok: false,
      error: { code: 'bad-hex-escape', index: 0 },
    })
    expect(parseComposerText('ok \\xg0', 'as-typed')).toEqual({
      ok: false,
      error: { code: 'bad-hex-escape', index: 3 },
    })
    expect(parseComposerText('end\\', 'crlf')).toEqual({
      ok: false,
      error: { code: 'trailing-backslash', index: 3 },
    })
  })

  it('gives back any bytes written as \\xNN escapes', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 200 }), fc.boolean(), (data, upper) => {
        const hex = [...data].map((b) => b.toString(16).padStart(2, '0'))
        const text = hex.map((h) => `\\x${upper ? h.toUpperCase() : h}`).join('')
        expect(parseComposerText(text, 'crlf')).toEqual({ ok: true, value: data })
      }),
    )
  })

  it('as typed, any text without backslashes is its UTF-8', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 50 }), (text) => {
        fc.pre(!text.includes('\\'))
        expect(parseComposerText(text, 'as-typed')).toEqual({
          ok: true,
          value: new TextEncoder().encode(text),
        })
      }),
    )
  })
})

describe('parseComposerHex', () => {
  it.each([
    ['0d 0a 0d 0a'],
    ['0d0a0d0a'],
    ['0x0d,0x0a,0x0D,0X0A'],
    ['0d:0a:0d:0a'],
    ['  0D0a\n0d\t0A  '],
    ['0x0d0a, 0d0a'],
  ])('reads %j', (text) => {
    expect(parseComposerHex(text)).toEqual({ ok: true, value: bytes(13, 10, 13, 10) })
  })

  it('reads nothing as no bytes', () => {
    expect(parseComposerHex(' , ')).toEqual({ ok: true, value: bytes() })
  })

  it('refuses odd digit counts and non-hex characters, with where they are', () => {
    expect(parseComposerHex('0d 0a 0')).toEqual({
      ok: false,
      error: { code: 'odd-digits', index: 6 },
    })
    expect(parseComposerHex('0x0d0')).toEqual({
      ok: false,
      error: { code: 'odd-digits', index: 2 },
    })
    expect(parseComposerHex('0d zz')).toEqual({ ok: false, error: { code: 'bad-hex', index: 3 } })
    expect(parseComposerHex('0x')).toEqual({ ok: false, error: { code: 'bad-hex', index: 0 } })
    expect(parseComposerHex('0d;0a')).toEqual({ ok: false, error: { code: 'bad-hex', index: 2 } })
  })

  it('gives back any bytes formatted as hex, in every accepted style', () => {
    const style = fc.constantFrom(
      (d: Uint8Array) => toHexString(d),
      (d: Uint8Array) => toHexString(d).replace(/ /g, ''),
      (d: Uint8Array) => [...d].map((b) => `0x${b.toString(16).padStart(2, '0')}`).join(', '),
      (d: Uint8Array) => toHexString(d).toUpperCase().replace(/ /g, ':'),
    )
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 300 }), style, (data, format) => {
        expect(parseComposerHex(format(data))).toEqual({ ok: true, value: data })
      }),
    )
  })
})
