import { describe, expect, it } from 'vitest'
import { HELLO_HEAD, HELLO_HTML, NOT_FOUND_HEAD, NOT_FOUND_HTML } from './book-pages'
import { fillHead, headToText, responseBytes, textToHead, utf8Length } from './response-head'
import { describeWarning, lintResponse } from './response-lint'

const decoder = new TextDecoder()

describe('response heads', () => {
  it('the default heads make the book’s bytes (Listings 20-5 and 20-7)', () => {
    const hello = responseBytes(HELLO_HEAD, HELLO_HTML)
    const length = new TextEncoder().encode(HELLO_HTML).length
    expect(decoder.decode(hello)).toBe(
      `HTTP/1.1 200 OK\r\nContent-Length: ${length}\r\n\r\n${HELLO_HTML}`,
    )
    expect(decoder.decode(responseBytes(NOT_FOUND_HEAD, NOT_FOUND_HTML))).toBe(
      `HTTP/1.1 404 NOT FOUND\r\nContent-Length: ${utf8Length(NOT_FOUND_HTML)}\r\n\r\n${NOT_FOUND_HTML}`,
    )
  })

  it('{length} counts UTF-8 bytes, everywhere it appears', () => {
    expect(utf8Length('Привет')).toBe(12)
    expect(fillHead('A: {length}\r\nB: {length}\r\n', 12)).toBe('A: 12\r\nB: 12\r\n')
    const bytes = responseBytes('X {length}\n', 'é')
    expect([...bytes]).toEqual([0x58, 0x20, 0x32, 0x0a, 0xc3, 0xa9])
  })

  it('shows CR as \\r with line breaks kept, and reads it back', () => {
    expect(headToText(HELLO_HEAD)).toBe('HTTP/1.1 200 OK\\r\nContent-Length: {length}\\r\n\\r\n')
    expect(textToHead(headToText(HELLO_HEAD))).toEqual({ ok: true, value: HELLO_HEAD })
    const odd = 'a\\b\tc\r'
    expect(textToHead(headToText(odd))).toEqual({ ok: true, value: odd })
    // A line typed without \r is a bare LF; \n may be typed as an escape too.
    expect(textToHead('A\nB\\nC\r\nD')).toEqual({ ok: true, value: 'A\nB\nC\nD' })
  })

  it('refuses an unknown escape or a trailing backslash, saying where', () => {
    expect(textToHead('HTTP\\q')).toEqual({
      ok: false,
      error: { code: 'unknown-escape', index: 4 },
    })
    expect(textToHead('abc\\')).toEqual({
      ok: false,
      error: { code: 'trailing-backslash', index: 3 },
    })
  })
})

describe('the response linter', () => {
  it('passes the book’s responses clean', () => {
    expect(lintResponse(HELLO_HEAD, HELLO_HTML)).toEqual([])
    expect(lintResponse(NOT_FOUND_HEAD, NOT_FOUND_HTML)).toEqual([])
    expect(lintResponse(HELLO_HEAD, 'Привет, мир')).toEqual([])
    expect(lintResponse('HTTP/1.1 204 \r\nContent-Length: 0\r\n\r\n', '')).toEqual([])
  })

  it('warns about a missing Content-Length (Listing 20-3’s bare status line)', () => {
    expect(lintResponse('HTTP/1.1 200 OK\r\n\r\n', HELLO_HTML)).toEqual([
      { code: 'no-content-length' },
    ])
    // Chunked bodies carry their own length.
    expect(
      lintResponse('HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n', '0\r\n\r\n'),
    ).toEqual([])
  })

  it('warns when Content-Length does not match the body’s UTF-8 bytes', () => {
    // "Привет" is 6 characters but 12 bytes: a length counted in characters is too small.
    expect(lintResponse('HTTP/1.1 200 OK\r\nContent-Length: 6\r\n\r\n', 'Привет')).toEqual([
      { code: 'length-long', declared: 6, actual: 12 },
    ])
    expect(lintResponse('HTTP/1.1 200 OK\r\nContent-Length: 20\r\n\r\n', 'Привет')).toEqual([
      { code: 'length-short', declared: 20, actual: 12 },
    ])
    // Text after the template's blank line is body too.
    expect(lintResponse('HTTP/1.1 200 OK\r\nContent-Length: {length}\r\n\r\nextra', 'x')).toEqual([
      { code: 'length-long', declared: 1, actual: 6 },
    ])
  })

  it('warns about a Content-Length that is not one number', () => {
    expect(lintResponse('HTTP/1.1 200 OK\r\nContent-Length: ten\r\n\r\n', 'x')).toEqual([
      { code: 'bad-content-length', value: 'ten' },
    ])
    expect(
      lintResponse('HTTP/1.1 200 OK\r\nContent-Length: 1\r\ncontent-length: 2\r\n\r\n', 'x'),
    ).toEqual([{ code: 'bad-content-length', value: '2' }])
  })

  it('warns about bare \\n in the head, naming the first line, not the page’s own newlines', () => {
    expect(lintResponse('HTTP/1.1 200 OK\nContent-Length: {length}\n\n', HELLO_HTML)).toEqual([
      { code: 'bare-lf', line: 1 },
    ])
    expect(lintResponse('HTTP/1.1 200 OK\r\nContent-Length: {length}\n\r\n', HELLO_HTML)).toEqual([
      { code: 'bare-lf', line: 2 },
    ])
  })

  it('warns about a head without its blank line', () => {
    expect(lintResponse('HTTP/1.1 200 OK\r\nContent-Length: {length}\r\n', HELLO_HTML)).toEqual([
      { code: 'no-blank-line' },
    ])
    expect(lintResponse('HTTP/1.1 200 OK', 'hi')).toEqual([{ code: 'no-blank-line' }])
  })

  it('warns about a status line that is not HTTP/1.x NNN reason', () => {
    for (const line of ['HTTP/1.1 OK', 'HTTP/2 200 OK', 'HTTP/1.1 20 OK', 'http/1.1 200 OK', ''])
      expect(lintResponse(`${line}\r\nContent-Length: {length}\r\n\r\n`, 'x')).toEqual([
        { code: 'status-line', line },
      ])
  })

  it('describes each warning in English for the engine’s log', () => {
    expect(describeWarning({ code: 'no-content-length' })).toMatch(/no Content-Length/)
    expect(describeWarning({ code: 'length-short', declared: 9, actual: 3 })).toMatch(
      /says 9 bytes, the body has 3/,
    )
    expect(describeWarning({ code: 'bare-lf', line: 2 })).toBe(
      'line 2 of the head ends with a bare \\n, not \\r\\n',
    )
  })
})
