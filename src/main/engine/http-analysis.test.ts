import fc from 'fast-check'
import { HTTPParser } from 'http-parser-js'
import { describe, expect, it } from 'vitest'
import { HTTP_MAX_HEAD, type HttpMessage } from '../../shared/http-types'
import { analyzeHttp, rustDebugString } from './http-analysis'

const enc = new TextEncoder()
const bytesOf = (...parts: (string | number[])[]): Uint8Array =>
  Uint8Array.from(parts.flatMap((p) => (typeof p === 'string' ? [...enc.encode(p)] : p)))
const codes = (m: HttpMessage | undefined) => m?.problems.map((p) => p.code) ?? []

const CURL =
  'GET / HTTP/1.1\r\nHost: 127.0.0.1:7878\r\nUser-Agent: curl/8.5.0\r\nAccept: */*\r\n\r\n'

describe('analyzeHttp: requests', () => {
  it('reads a curl GET', () => {
    const analysis = analyzeHttp(bytesOf(CURL), 'in', false)
    expect(analysis).toMatchObject({
      direction: 'in',
      isHttp: true,
      analyzedBytes: CURL.length,
      truncated: false,
    })
    expect(analysis.messages).toHaveLength(1)
    expect(analysis.messages[0]).toMatchObject({
      kind: 'request',
      start: 0,
      headEnd: CURL.length,
      end: CURL.length,
      startLine: 'GET / HTTP/1.1',
      method: 'GET',
      target: '/',
      version: 'HTTP/1.1',
      status: null,
      reason: null,
      headers: [
        { name: 'Host', value: '127.0.0.1:7878' },
        { name: 'User-Agent', value: 'curl/8.5.0' },
        { name: 'Accept', value: '*/*' },
      ],
      bodyLength: 0,
      expectedBodyLength: null,
      problems: [],
    })
  })

  it("prints Listing 20-2's exact output for the curl request", () => {
    const [message] = analyzeHttp(bytesOf(CURL), 'in', false).messages
    expect(message?.listing202).toBe(
      'Request: [\n' +
        '    "GET / HTTP/1.1",\n' +
        '    "Host: 127.0.0.1:7878",\n' +
        '    "User-Agent: curl/8.5.0",\n' +
        '    "Accept: */*",\n' +
        ']',
    )
  })

  it('reads a browser GET with many headers, quotes escaped in Listing 20-2', () => {
    const lines = [
      'GET /favicon.ico HTTP/1.1',
      'Host: localhost:7878',
      'Connection: keep-alive',
      'sec-ch-ua: "Chromium";v="124", "Not-A.Brand";v="99"',
      'sec-ch-ua-mobile: ?0',
      'User-Agent: Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko)',
      'sec-ch-ua-platform: "Linux"',
      'Accept: image/avif,image/webp,image/apng,image/svg+xml,image/*,*/*;q=0.8',
      'Sec-Fetch-Site: same-origin',
      'Sec-Fetch-Mode: no-cors',
      'Sec-Fetch-Dest: image',
      'Referer: http://localhost:7878/',
      'Accept-Encoding: gzip, deflate, br, zstd',
      'Accept-Language: ru-RU,ru;q=0.9,en-US;q=0.8,en;q=0.7',
    ]
    const raw = `${lines.join('\r\n')}\r\n\r\n`
    const [message] = analyzeHttp(bytesOf(raw), 'in', false).messages
    expect(message?.headers).toHaveLength(13)
    expect(message?.headers[2]).toEqual({
      name: 'sec-ch-ua',
      value: '"Chromium";v="124", "Not-A.Brand";v="99"',
    })
    expect(message?.target).toBe('/favicon.ico')
    expect(message?.end).toBe(raw.length)
    expect(message?.problems).toEqual([])
    expect(message?.listing202?.split('\n')[4]).toBe(
      '    "sec-ch-ua: \\"Chromium\\";v=\\"124\\", \\"Not-A.Brand\\";v=\\"99\\"",',
    )
    expect(message?.listing202?.split('\n')).toHaveLength(16)
  })

  it('reads a POST body by Content-Length', () => {
    const head = 'POST /submit HTTP/1.1\r\nHost: x\r\nContent-Length: 11\r\n\r\n'
    const [message] = analyzeHttp(bytesOf(head, 'name=Ferris'), 'in', false).messages
    expect(message).toMatchObject({
      method: 'POST',
      headEnd: head.length,
      end: head.length + 11,
      bodyLength: 11,
      expectedBodyLength: 11,
      problems: [],
    })
  })

  it('reads two requests on one connection; only the first gets Listing 20-2 (it reads one)', () => {
    const second = 'GET /sleep HTTP/1.1\r\nHost: x\r\n\r\n'
    const analysis = analyzeHttp(bytesOf(CURL, second), 'in', false)
    expect(analysis.messages.map((m) => [m.start, m.headEnd, m.end, m.target])).toEqual([
      [0, 77, 77, '/'],
      [77, 77 + second.length, 77 + second.length, '/sleep'],
    ])
    expect(analysis.messages[0]?.listing202).toMatch(/^Request: \[/)
    expect(analysis.messages[1]?.listing202).toBeNull()
  })

  it('explains bare LF line endings with their offsets; the parser still accepts them', () => {
    const raw = 'GET / HTTP/1.1\nHost: x\n\n'
    const [message] = analyzeHttp(bytesOf(raw), 'in', false).messages
    expect(message?.problems).toEqual([
      { code: 'bare-lf', offset: 14 },
      { code: 'bare-lf', offset: 22 },
      { code: 'bare-lf', offset: 23 },
    ])
    expect(message).toMatchObject({ method: 'GET', headEnd: 24, end: 24 })
    expect(message?.listing202).toBe('Request: [\n    "GET / HTTP/1.1",\n    "Host: x",\n]')
  })

  it('flags a request line without HTTP version, keeping what it can split by hand', () => {
    const [message] = analyzeHttp(bytesOf('GET /\r\n\r\n'), 'in', false).messages
    expect(codes(message)).toEqual(['missing-version', 'parse-error'])
    expect(message?.problems[0]?.offset).toBe(5)
    expect(message?.problems[1]).toMatchObject({
      offset: 6,
      detail: 'Parse Error (HPE_INVALID_CONSTANT)',
    })
    expect(message).toMatchObject({
      method: 'GET',
      target: '/',
      version: null,
      headEnd: 9,
      end: null,
    })
    expect(message?.listing202).toBe('Request: [\n    "GET /",\n]')
  })

  it('flags a head larger than HTTP_MAX_HEAD', () => {
    const raw = `GET / HTTP/1.1\r\nX-Big: ${'a'.repeat(HTTP_MAX_HEAD)}\r\n\r\n`
    const [message] = analyzeHttp(bytesOf(raw), 'in', false).messages
    expect(message?.problems).toEqual([{ code: 'oversized-header', offset: HTTP_MAX_HEAD }])
    expect(message?.end).toBe(raw.length)
  })

  it('says when the head is not finished: a blocking reader would still wait', () => {
    const raw = 'GET / HTTP/1.1\r\nHost: x\r\n'
    const analysis = analyzeHttp(bytesOf(raw), 'in', true)
    expect(analysis.truncated).toBe(true)
    const [message] = analysis.messages
    expect(message?.problems).toEqual([{ code: 'incomplete-head', offset: raw.length }])
    expect(message).toMatchObject({
      headEnd: null,
      end: null,
      method: 'GET',
      version: 'HTTP/1.1',
      headers: [{ name: 'Host', value: 'x' }],
      listing202: null,
    })
  })

  it('does not flag invalid UTF-8 where the book never reads lines: a second request, a response', () => {
    const second = bytesOf(
      'GET / HTTP/1.1\r\n\r\nGET / HTTP/1.1\r\nX-Name: caf',
      [0xe9],
      '\r\n\r\n',
    )
    const messages = analyzeHttp(second, 'in', false).messages
    expect(messages).toHaveLength(2)
    expect(messages[1]?.problems).toEqual([])
    const response = bytesOf(
      'HTTP/1.1 200 OK\r\nX-Name: caf',
      [0xe9],
      '\r\nContent-Length: 0\r\n\r\n',
    )
    expect(analyzeHttp(response, 'out', false).messages[0]?.problems).toEqual([])
  })

  it("flags invalid UTF-8 in a header: Listing 20-2's unwrap panics", () => {
    const raw = bytesOf('GET / HTTP/1.1\r\nX-Name: caf', [0xe9], '\r\n\r\n')
    const [message] = analyzeHttp(raw, 'in', false).messages
    expect(message?.problems).toEqual([{ code: 'invalid-utf8', offset: 27 }])
    expect(message?.headers).toEqual([{ name: 'X-Name', value: 'caf\ufffd' }])
    expect(message?.end).toBe(raw.length)
    expect(message?.listing202).toBe(
      "thread 'main' panicked at src/main.rs:20:30:\n" +
        'called `Result::unwrap()` on an `Err` value: Error { kind: InvalidData, message: "stream did not contain valid UTF-8" }\n' +
        'note: run with `RUST_BACKTRACE=1` environment variable to display a backtrace',
    )
  })

  it('keeps UTF-8 in targets and header values', () => {
    const [message] = analyzeHttp(
      bytesOf('GET /привет HTTP/1.1\r\nX-Name: Феррис\r\n\r\n'),
      'in',
      false,
    ).messages
    expect(message?.target).toBe('/привет')
    expect(message?.headers).toEqual([{ name: 'X-Name', value: 'Феррис' }])
    expect(message?.listing202).toBe(
      'Request: [\n    "GET /привет HTTP/1.1",\n    "X-Name: Феррис",\n]',
    )
  })

  it('is not HTTP: binary junk, a TLS hello, plain words, nothing', () => {
    for (const raw of [
      bytesOf([0x00, 0xff, 0x13, 0x37, 0x0d, 0x0a]),
      bytesOf([0x16, 0x03, 0x01, 0x02, 0x00, 0x01, 0x00, 0x01, 0xfc, 0x03, 0x03]),
      bytesOf('hello\r\n'),
      bytesOf('get / http/1.1\r\n\r\n'),
      new Uint8Array(0),
    ]) {
      const analysis = analyzeHttp(raw, 'in', false)
      expect(analysis.isHttp, JSON.stringify([...raw])).toBe(false)
      expect(analysis.messages).toEqual([])
    }
    expect(analyzeHttp(bytesOf('hello'), 'out', false).isHttp).toBe(false)
    // The first read may be just the start of a method.
    expect(analyzeHttp(bytesOf('GE'), 'in', false).isHttp).toBe(true)
  })

  it('skips empty lines before a request, as the parser does; Listing 20-2 stops at the first', () => {
    const analysis = analyzeHttp(bytesOf('\r\n', CURL), 'in', false)
    expect(analysis.messages[0]).toMatchObject({ start: 2, end: 79, problems: [] })
    expect(analysis.messages[0]?.listing202).toBe('Request: []')
  })

  it('flags a Content-Length that is not a number and stops there', () => {
    const raw =
      'POST / HTTP/1.1\r\nHost: x\r\nContent-Length: -5\r\n\r\nabcdeGET / HTTP/1.1\r\n\r\n'
    const analysis = analyzeHttp(bytesOf(raw), 'in', false)
    expect(analysis.messages).toHaveLength(1)
    expect(analysis.messages[0]?.problems).toEqual([{ code: 'bad-content-length', offset: 26 }])
    expect(analysis.messages[0]?.end).toBeNull()
  })

  it('flags a body shorter than its Content-Length', () => {
    const head = 'POST / HTTP/1.1\r\nContent-Length: 10\r\n\r\n'
    const [message] = analyzeHttp(bytesOf(head, 'abc'), 'in', false).messages
    expect(message).toMatchObject({ end: null, bodyLength: 3, expectedBodyLength: 10 })
    expect(message?.problems).toEqual([{ code: 'incomplete-body', offset: head.length + 3 }])
  })

  it('an upgrade with both chunked and Content-Length: the parser reads on to the end', () => {
    const head =
      'CONNECT a:1 HTTP/1.1\r\nConnection: upgrade\r\nUpgrade: x\r\n' +
      'Transfer-Encoding: chunked\r\nContent-Length: 5\r\n\r\n'
    const raw = bytesOf(head, 'abcdefgh\r\nGET / HTTP/1.1\r\n\r\n')
    const analysis = analyzeHttp(raw, 'in', false)
    expect(analysis.messages).toHaveLength(1)
    expect(analysis.messages[0]).toMatchObject({
      method: 'CONNECT',
      headEnd: head.length,
      end: null,
      bodyLength: raw.length - head.length,
      expectedBodyLength: 5,
      problems: [{ code: 'incomplete-body', offset: raw.length }],
    })
  })

  it('reports an unknown method as the parser words it', () => {
    const [message] = analyzeHttp(bytesOf('BREW /pot HTTP/1.1\r\n\r\n'), 'in', false).messages
    expect(message?.problems).toEqual([
      { code: 'parse-error', offset: 19, detail: 'invalid request method' },
    ])
    expect(message).toMatchObject({ method: 'BREW', target: '/pot', version: 'HTTP/1.1' })
  })
})

describe('analyzeHttp: responses', () => {
  it("reads the book's `HTTP/1.1 200 OK\\r\\n\\r\\n`: no length, so it ends only when the connection closes", () => {
    const analysis = analyzeHttp(bytesOf('HTTP/1.1 200 OK\r\n\r\n'), 'out', false)
    expect(analysis.isHttp).toBe(true)
    expect(analysis.messages).toEqual([
      {
        kind: 'response',
        start: 0,
        headEnd: 19,
        end: null,
        startLine: 'HTTP/1.1 200 OK',
        method: null,
        target: null,
        version: 'HTTP/1.1',
        status: 200,
        reason: 'OK',
        headers: [],
        bodyLength: 0,
        expectedBodyLength: null,
        problems: [],
        listing202: null,
      },
    ])
  })

  it('knows 204, 304 and 1xx responses have no body, whatever Content-Length says', () => {
    const wire =
      'HTTP/1.1 100 Continue\r\n\r\n' +
      'HTTP/1.1 204 No Content\r\nContent-Length: 5\r\n\r\n' +
      'HTTP/1.1 304 Not Modified\r\nContent-Length: 9\r\n\r\n' +
      'HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\nhi'
    const analysis = analyzeHttp(bytesOf(wire), 'out', false)
    expect(
      analysis.messages.map((m) => [m.status, m.bodyLength, m.end !== null, m.problems]),
    ).toEqual([
      [100, 0, true, []],
      [204, 0, true, []],
      [304, 0, true, []],
      [200, 2, true, []],
    ])
    expect(analysis.messages.at(-1)?.end).toBe(wire.length)
  })

  it('reads a chunked response and the response after it', () => {
    const chunked =
      'HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n5\r\nhello\r\n6\r\n world\r\n0\r\n\r\n'
    const next = 'HTTP/1.1 404 NOT FOUND\r\nContent-Length: 4\r\n\r\nOops'
    const analysis = analyzeHttp(bytesOf(chunked, next), 'out', false)
    const headEnd = chunked.indexOf('\r\n\r\n') + 4
    expect(
      analysis.messages.map((m) => [m.start, m.headEnd, m.end, m.status, m.bodyLength]),
    ).toEqual([
      [0, headEnd, chunked.length, 200, chunked.length - headEnd],
      [chunked.length, chunked.length + next.length - 4, chunked.length + next.length, 404, 4],
    ])
    expect(analysis.messages[0]?.expectedBodyLength).toBeNull()
    expect(analysis.messages[1]?.reason).toBe('NOT FOUND')
  })

  it('points at a broken chunk', () => {
    const raw = 'HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n5\r\nhelloXX\r\n0\r\n\r\n'
    const [message] = analyzeHttp(bytesOf(raw), 'out', false).messages
    expect(message?.problems).toEqual([
      { code: 'parse-error', offset: raw.indexOf('XX') + 3, detail: 'Expected empty line' },
    ])
  })

  it('flags an unfinished chunked body', () => {
    const raw = 'HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n5\r\nhel'
    const [message] = analyzeHttp(bytesOf(raw), 'out', false).messages
    expect(message).toMatchObject({ end: null, bodyLength: 6 })
    expect(codes(message)).toEqual(['incomplete-body'])
  })
})

describe('rustDebugString', () => {
  it("escapes as Rust's {:?} does", () => {
    expect(rustDebugString('a"b\\c\td\re\nf\0g')).toBe('"a\\"b\\\\c\\td\\re\\nf\\0g"')
    expect(rustDebugString('\x1b[0m\x7f')).toBe('"\\u{1b}[0m\\u{7f}"')
    expect(rustDebugString("it's é e\u0301 a\u00a0b \u200b")).toBe(
      '"it\'s é e\\u{301} a\\u{a0}b \\u{200b}"',
    )
    expect(rustDebugString('🦀 Феррис')).toBe('"🦀 Феррис"')
  })
})

interface Spec {
  method: 'GET' | 'POST' | 'PUT'
  path: string
  headers: [string, string][]
  body: string
}

const token = fc.stringMatching(/^[A-Za-z][A-Za-z0-9-]{0,11}$/)
const specArb: fc.Arbitrary<Spec> = fc.record({
  method: fc.constantFrom('GET', 'POST', 'PUT'),
  path: fc.stringMatching(/^\/[a-z0-9/._-]{0,20}$/),
  headers: fc.array(fc.tuple(token, fc.stringMatching(/^[ -~]{0,30}$/)), { maxLength: 6 }),
  body: fc.string({ maxLength: 40 }),
})

function serialize(spec: Spec): { raw: string; headLength: number } {
  const headers = spec.headers
    .filter(([name]) => !/^(content-length|transfer-encoding)$/i.test(name))
    .map(([name, value]) => `${name}: ${value.trim()}\r\n`)
  const bodyBytes = enc.encode(spec.body).length
  const length = bodyBytes > 0 ? `Content-Length: ${bodyBytes}\r\n` : ''
  const head = `${spec.method} ${spec.path} HTTP/1.1\r\n${headers.join('')}${length}\r\n`
  return { raw: head + spec.body, headLength: enc.encode(head).length }
}

/** What a server reading read by read sees, through the same parser. */
function streamParse(
  reads: Uint8Array[],
): { method: string; url: string; headers: string[]; body: number[] }[] {
  const parser = new HTTPParser(HTTPParser.REQUEST)
  const seen: { method: string; url: string; headers: string[]; body: number[] }[] = []
  parser[HTTPParser.kOnHeadersComplete] = (info) => {
    seen.push({
      method: HTTPParser.methods[info.method] ?? '?',
      url: info.url,
      headers: info.headers,
      body: [],
    })
  }
  parser[HTTPParser.kOnBody] = (chunk, offset, length) => {
    seen.at(-1)?.body.push(...chunk.subarray(offset, offset + length))
  }
  for (const read of reads) expect(parser.execute(Buffer.from(read))).not.toBeInstanceOf(Error)
  return seen
}

function splitAt(bytes: Uint8Array, cuts: number[]): Uint8Array[] {
  const points = [...new Set(cuts.map((c) => c % (bytes.length + 1)))].sort((a, b) => a - b)
  const reads: Uint8Array[] = []
  let from = 0
  for (const p of [...points, bytes.length]) {
    reads.push(bytes.subarray(from, p))
    from = p
  }
  return reads
}

describe('analyzeHttp: however the bytes were split into reads', () => {
  it('agrees with a server that parses read by read, and with itself on every prefix', () => {
    fc.assert(
      fc.property(
        fc.array(specArb, { minLength: 1, maxLength: 4 }),
        fc.array(fc.nat(), { maxLength: 12 }),
        (specs, cuts) => {
          const parts = specs.map(serialize)
          const stream = enc.encode(parts.map((p) => p.raw).join(''))
          const reads = splitAt(stream, cuts)
          const joined = Uint8Array.from(reads.flatMap((r) => [...r]))
          const analysis = analyzeHttp(joined, 'in', false)

          // Where each message starts, ends its head and ends, from how the stream was built.
          let at = 0
          const expected = parts.map((p) => {
            const length = enc.encode(p.raw).length
            const offsets = [at, at + p.headLength, at + length]
            at += length
            return offsets
          })
          expect(analysis.messages.map((m) => [m.start, m.headEnd, m.end])).toEqual(expected)
          expect(analysis.messages.every((m) => m.problems.length === 0)).toBe(true)

          const served = streamParse(reads)
          expect(served).toHaveLength(specs.length)
          analysis.messages.forEach((m, i) => {
            const s = served[i]
            expect([m.method, m.target]).toEqual([s?.method, s?.url])
            expect(m.headers.flatMap((h) => [h.name, h.value])).toEqual(s?.headers)
            expect([...joined.subarray(m.headEnd ?? 0, m.end ?? 0)]).toEqual(s?.body)
          })

          // Each read boundary is a moment the analysis may run: what is complete by then is final.
          let prefix = 0
          for (const read of reads) {
            prefix += read.length
            const early = analyzeHttp(joined.subarray(0, prefix), 'in', false)
            const done = early.messages.filter((m) => m.end !== null)
            expect(done).toEqual(analysis.messages.slice(0, done.length))
          }
        },
      ),
      { numRuns: 200 },
    )
  })
})
