import { describe, expect, it } from 'vitest'
import { plannedSnapshot, responseBytesKept } from './client-plan'
import { judgeResponse, looksLikeHttpRequest } from './client-response'
import type { ClientRequestSnapshot } from './client-types'
import { clientVerdict } from './client-verdict'
import { lintResponseBytes } from './response-lint'

const bytes = (text: string): Uint8Array => new Uint8Array(Buffer.from(text, 'latin1'))
const http = { requestIsHttp: true, closedCleanly: true }

describe('the linter on received bytes', () => {
  it('points each finding at its bytes', () => {
    const bare = bytes('HTTP/1.1 200 OK\nContent-Length: 5\n\nhello')
    expect(lintResponseBytes(bare)).toEqual([
      { warning: { code: 'bare-lf', line: 1 }, offset: 15, length: 1 },
    ])
    const short = bytes('HTTP/1.1 200 OK\r\nContent-Length: 10\r\n\r\nhello')
    expect(lintResponseBytes(short)).toEqual([
      { warning: { code: 'length-short', declared: 10, actual: 5 }, offset: 33, length: 2 },
    ])
    // The bytes past the promised length are what a client drops.
    const long = bytes('HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\nhello')
    expect(lintResponseBytes(long)).toEqual([
      { warning: { code: 'length-long', declared: 2, actual: 5 }, offset: 40, length: 3 },
    ])
    const none = bytes('HTTP/1.1 200 OK\r\n\r\nhi')
    expect(lintResponseBytes(none)).toEqual([
      { warning: { code: 'no-content-length' }, offset: 17, length: 2 },
    ])
    expect(lintResponseBytes(bytes('HTTP/1.1 200 OK\r\nServer: x\r\n'))).toEqual([
      { warning: { code: 'no-blank-line' }, offset: 28, length: 0 },
    ])
    expect(lintResponseBytes(bytes('GET / HTTP/1.1\r\n\r\n'))).toEqual([
      { warning: { code: 'status-line', line: 'GET / HTTP/1.1' }, offset: 0, length: 14 },
      { warning: { code: 'no-content-length' }, offset: 16, length: 2 },
    ])
    const bad = bytes('HTTP/1.1 200 OK\r\nContent-Length:  ten \r\n\r\nx')
    expect(lintResponseBytes(bad)).toEqual([
      { warning: { code: 'bad-content-length', value: 'ten' }, offset: 34, length: 3 },
    ])
  })

  it('counts a body in bytes, not characters, and past what was kept', () => {
    // "é" is two bytes: read one character per byte, the length is right.
    const utf8 = new Uint8Array(Buffer.from('HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\né'))
    expect(lintResponseBytes(utf8)).toEqual([])
    // 40 bytes kept of 45: the body is 45 - 38 = 7 bytes, not the 2 kept of it.
    const head = bytes('HTTP/1.1 200 OK\r\nContent-Length: 7\r\n\r\nabcdefg')
    expect(lintResponseBytes(head.subarray(0, 40), 45)).toEqual([])
    expect(lintResponseBytes(head.subarray(0, 40), 46)).toEqual([
      { warning: { code: 'length-long', declared: 7, actual: 8 }, offset: 45, length: 1 },
    ])
    // Cut before its blank line: where the head ends is not known, so nothing is claimed.
    expect(lintResponseBytes(head.subarray(0, 20), 45)).toEqual([])
  })
})

describe('judging a response', () => {
  it('a bare-\\n response is complete, with its finding', () => {
    const judged = judgeResponse(bytes('HTTP/1.1 200 OK\nContent-Length: 5\n\nhello'), 40, http)
    expect(judged).toMatchObject({ isHttp: true, headEnd: 35, contentLength: 5 })
    expect(judged.progress).toBe('complete')
    expect(judged.findings.map((f) => f.warning.code)).toEqual(['bare-lf'])
  })

  it('says how far a response got', () => {
    const progress = (text: string, closedCleanly = true, total = text.length): string =>
      judgeResponse(bytes(text), total, { requestIsHttp: true, closedCleanly }).progress
    expect(progress('')).toBe('nothing')
    expect(progress('HTTP/1.1 200 OK\r\nContent-')).toBe('head')
    expect(progress('HTTP/1.1 200 OK\r\nContent-Length: 10\r\n\r\nhello')).toBe('body')
    expect(progress('HTTP/1.1 200 OK\r\nContent-Length: 5\r\n\r\nhello')).toBe('complete')
    // No length: the clean close ends the body; a reset or no close leaves it unknown.
    expect(progress('HTTP/1.1 200 OK\r\n\r\nhello')).toBe('complete')
    expect(progress('HTTP/1.1 200 OK\r\n\r\nhello', false)).toBe('body')
    expect(progress('HTTP/1.1 204 No Content\r\n\r\n', false)).toBe('complete')
    const chunked = 'HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n5\r\nhello\r\n'
    expect(progress(chunked, false)).toBe('body')
    expect(progress(`${chunked}0\r\n\r\n`, false)).toBe('complete')
  })

  it('names a body after Connection: close without a length', () => {
    const judged = judgeResponse(
      bytes('HTTP/1.1 200 OK\r\nConnection: close\r\n\r\nhello'),
      43,
      http,
    )
    expect(judged.findings).toEqual([
      { warning: { code: 'close-delimited', body: 5 }, offset: 36, length: 2 },
    ])
    // Without a body there is nothing to delimit: the plain warning stays.
    const empty = judgeResponse(bytes('HTTP/1.1 200 OK\r\nConnection: close\r\n\r\n'), 38, http)
    expect(empty.findings.map((f) => f.warning.code)).toEqual(['no-content-length'])
  })

  it('lints only HTTP: an HTTP request, or a response that starts like one', () => {
    const echo = bytes('hello\n')
    expect(judgeResponse(echo, 6, { requestIsHttp: false, closedCleanly: true })).toEqual({
      isHttp: false,
      headEnd: null,
      contentLength: null,
      progress: 'unknown',
      findings: [],
    })
    const answered = judgeResponse(echo, 6, http)
    expect(answered.findings.map((f) => f.warning.code)).toEqual([
      'status-line',
      'bare-lf',
      'no-blank-line',
    ])
    expect(looksLikeHttpRequest(bytes('GET / HTTP/1.1\r\n'))).toBe(true)
    expect(looksLikeHttpRequest(bytes('hello'))).toBe(false)
  })

  it('keeps 64 KiB of each response, less in a plan of many connections', () => {
    expect(responseBytesKept(1)).toBe(64 * 1024)
    expect(responseBytesKept(32)).toBe(64 * 1024)
    expect(responseBytesKept(200)).toBe(10_485)
    expect(responseBytesKept(200) * 200 * 3).toBeLessThanOrEqual(6 * 1024 * 1024)
  })
})

function over(over: Partial<ClientRequestSnapshot>): ClientRequestSnapshot {
  return {
    ...plannedSnapshot({ index: 0, path: '/', startMs: 0, expectedDoneMs: null }, 40),
    phase: 'done',
    connectStartMs: 0,
    connectedMs: 1,
    bytesSent: 40,
    ...over,
  }
}

function judged(text: string, closedCleanly: boolean): ClientRequestSnapshot['response'] {
  return {
    base64: '',
    truncated: false,
    ...judgeResponse(bytes(text), text.length, { requestIsHttp: true, closedCleanly }),
  }
}

describe('the verdict on a request', () => {
  it('is null while the request runs', () => {
    expect(clientVerdict(over({ phase: 'waiting' }))).toBeNull()
  })

  it('tells what the target did', () => {
    const whole = 'HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\nhi'
    expect(clientVerdict(over({ response: judged(whole, true) }))).toEqual({ kind: 'complete' })
    expect(clientVerdict(over({ response: judged('', true) }))).toEqual({
      kind: 'closed-early',
      progress: 'nothing',
    })
    expect(clientVerdict(over({ response: judged(whole.slice(0, -1), true) }))).toEqual({
      kind: 'closed-early',
      progress: 'body',
    })
    const failed = { phase: 'failed' } as const
    expect(
      clientVerdict(over({ ...failed, connectedMs: null, errorCode: 'ECONNREFUSED' })),
    ).toEqual({ kind: 'refused' })
    expect(
      clientVerdict(over({ ...failed, errorCode: 'ECONNRESET', bytesSent: 10, bytesToSend: 40 })),
    ).toEqual({ kind: 'reset', progress: 'nothing', requestSent: false })
    expect(clientVerdict(over({ ...failed, errorCode: 'TIME_LIMIT' }))).toEqual({
      kind: 'timed-out',
      stage: 'response',
      progress: 'nothing',
    })
    expect(
      clientVerdict(over({ ...failed, errorCode: 'TIME_LIMIT', response: judged(whole, false) })),
    ).toEqual({ kind: 'kept-open' })
    expect(
      clientVerdict(over({ ...failed, connectedMs: null, errorCode: 'CONNECT_TIMEOUT' })),
    ).toEqual({ kind: 'timed-out', stage: 'connect', progress: 'nothing' })
    expect(clientVerdict(over({ ...failed, errorCode: 'CANCELLED' }))).toEqual({
      kind: 'stopped',
      code: 'CANCELLED',
    })
    expect(clientVerdict(over({ ...failed, errorCode: 'EHOSTUNREACH' }))).toEqual({
      kind: 'network',
      code: 'EHOSTUNREACH',
    })
  })

  it('without a judged response, tells only whether anything came', () => {
    expect(clientVerdict(over({ bytesReceived: 0 }))).toEqual({
      kind: 'closed-early',
      progress: 'nothing',
    })
    expect(clientVerdict(over({ bytesReceived: 12 }))).toEqual({ kind: 'closed' })
  })
})
