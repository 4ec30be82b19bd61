/**
 * A connection's bytes read as HTTP/1.x, with the explanations the views show beside them.
 *
 * http-parser-js does the parsing (start lines, headers, Content-Length and chunked bodies,
 * keep-alive). On top of it we find where each message starts and ends, what a learner's program
 * would trip over (bare LF, missing version, invalid UTF-8, …) and what Listing 20-2 prints.
 *
 * Only the concatenated bytes matter: however they were split into reads, the analysis is the same.
 * Malformed input never throws; it yields problems and whatever structure can be recovered.
 */
import { HTTPParser } from 'http-parser-js'
import type { Direction } from '../../shared/contract'
import {
  HTTP_MAX_HEAD,
  type HttpAnalysis,
  type HttpHeader,
  type HttpMessage,
  type HttpProblem,
} from '../../shared/http-types'
import { firstInvalidUtf8, listing202Output } from './http-listing-20-2'

export { rustDebugString } from './http-listing-20-2'

/** An unfinished head is handed to the parser up to this size: enough for its verdict. */
const HEAD_PROBE_LIMIT = 128 * 1024

interface HeadInfo {
  versionMajor: number
  versionMinor: number
  headers: string[]
  method: number
  url: string
  statusCode: number
  statusMessage: string
  upgrade: boolean
}

/** What a fresh parser made of `bytes[start, start + length)`. */
interface Probe {
  head: HeadInfo | null
  completed: boolean
  /** The parser's error, unless it came after the message completed (then it is the next one's). */
  error: Error | null
}

const utf8 = new TextDecoder()

/** Parser strings are Latin-1 (see {@link probe}); show them as the UTF-8 they were sent as. */
function fromLatin1(text: string): string {
  return utf8.decode(Uint8Array.from(text, (c) => c.charCodeAt(0)))
}

function probe(buffer: Buffer, kind: 'REQUEST' | 'RESPONSE', start: number, length: number): Probe {
  const result: Probe = { head: null, completed: false, error: null }
  const parser = new HTTPParser(kind)
  // Heads larger than HTTP_MAX_HEAD are our own problem code; an endless limit also keeps errors
  // monotonic in the length fed, which the searches in analyzeMessage rely on.
  parser.maxHeaderSize = Number.POSITIVE_INFINITY
  parser[HTTPParser.kOnHeadersComplete] = (info) => {
    if (!result.completed) result.head = info
  }
  parser[HTTPParser.kOnMessageComplete] = () => {
    result.completed = true
  }
  // The default 'ascii' clears each byte's high bit; Latin-1 keeps the bytes for fromLatin1.
  // Restored before returning, and nothing runs in between: no other user can see the change.
  const encoding = HTTPParser.encoding
  HTTPParser.encoding = 'latin1'
  try {
    const returned = parser.execute(buffer, start, length)
    if (returned instanceof Error && !result.completed) result.error = returned
  } catch (error) {
    // Only our own callbacks run in user-call mode, and they do not throw; kept for safety.
    result.error = error instanceof Error ? error : new Error(String(error))
  } finally {
    HTTPParser.encoding = encoding
  }
  return result
}

/** The smallest length in (lo, hi] for which `test` holds; `test(hi)` must hold. */
function firstLength(lo: number, hi: number, test: (length: number) => boolean): number {
  let low = lo
  let high = hi
  while (high - low > 1) {
    const mid = Math.floor((low + high) / 2)
    if (test(mid)) high = mid
    else low = mid
  }
  return high
}

interface HeadLine {
  start: number
  /** Past the line's text, before `\r\n` or `\n` (or the end of the bytes). */
  end: number
  /** Offset of its `\n`, or -1 while the line is incomplete. */
  newline: number
}

/**
 * The head's lines as the parser splits them, and where the empty line ends it. Lines are kept
 * for the first HEAD_PROBE_LIMIT bytes only; past that we only look for the empty line.
 */
function scanHead(bytes: Uint8Array, start: number): { lines: HeadLine[]; headEnd: number | null } {
  const lines: HeadLine[] = []
  let at = start
  while (at < bytes.length) {
    const newline = bytes.indexOf(0x0a, at)
    if (newline < 0) {
      if (at < start + HEAD_PROBE_LIMIT) lines.push({ start: at, end: bytes.length, newline: -1 })
      break
    }
    const end = newline > at && bytes[newline - 1] === 0x0d ? newline - 1 : newline
    if (end === at && at > start) return { lines, headEnd: newline + 1 }
    if (at < start + HEAD_PROBE_LIMIT) lines.push({ start: at, end, newline })
    at = newline + 1
  }
  return { lines, headEnd: null }
}

/** Past empty lines before a start line, which HTTP/1.1 lets a reader skip (and the parser does). */
function skipEmptyLines(bytes: Uint8Array, from: number): number {
  let at = from
  for (;;) {
    if (bytes[at] === 0x0a) at += 1
    else if (bytes[at] === 0x0d && bytes[at + 1] === 0x0a) at += 2
    else return at
  }
}

const REQUEST_START = /^[A-Z][A-Z-]{0,23} [\x21-\x7e]/

/** Whether the bytes start like an HTTP/1.x request or response (or a prefix of one). */
function looksLikeHttp(bytes: Uint8Array, direction: Direction): boolean {
  const from = skipEmptyLines(bytes, 0)
  const first = new TextDecoder('latin1').decode(bytes.subarray(from, from + 32))
  if (first === '') return false
  if (direction === 'out') return /^HTTP\/\d/.test(first) || 'HTTP/1.'.startsWith(first)
  if (REQUEST_START.test(first)) return true
  return HTTPParser.methods.some((m) => `${m} `.startsWith(first))
}

/** Bare LFs reported per message: enough to mark them, not a problem per line of a huge head. */
const MAX_BARE_LF = 32

/** Longest line we decode for display. */
const MAX_LINE_TEXT = 8 * 1024

function text(bytes: Uint8Array, from: number, to: number): string {
  return utf8.decode(bytes.subarray(from, Math.min(to, from + MAX_LINE_TEXT)))
}

/** Request line and headers split by hand, for explanation when the parser refused the head. */
function splitByHand(
  bytes: Uint8Array,
  lines: HeadLine[],
): Pick<HttpMessage, 'method' | 'target' | 'version' | 'status' | 'reason' | 'headers'> & {
  isRequest: boolean
} {
  const startLine = lines[0] ? text(bytes, lines[0].start, lines[0].end) : ''
  const headers: HttpHeader[] = []
  for (const line of lines.slice(1)) {
    if (line.newline < 0) continue
    const raw = text(bytes, line.start, line.end)
    const colon = raw.indexOf(':')
    if (colon > 0)
      headers.push({ name: raw.slice(0, colon).trim(), value: raw.slice(colon + 1).trim() })
  }
  const parts = startLine.split(' ')
  if (/^HTTP\/\d/.test(startLine)) {
    const status = /^\d{3}$/.test(parts[1] ?? '') ? Number(parts[1]) : null
    return {
      isRequest: false,
      method: null,
      target: null,
      version: parts[0] ?? null,
      status,
      reason: parts.slice(2).join(' ') || null,
      headers,
    }
  }
  const version = parts[2] !== undefined && /^HTTP\/\d\.\d$/.test(parts[2]) ? parts[2] : null
  return {
    isRequest: true,
    method: parts[0] || null,
    target: parts[1] ?? null,
    version,
    status: null,
    reason: null,
    headers,
  }
}

/** Content-Length as the parser reads it, or 'bad' when a value is not a plain decimal number. */
function contentLength(headers: HttpHeader[]): number | 'bad' | null {
  let length: number | null = null
  for (const { name, value } of headers) {
    if (name.toLowerCase() !== 'content-length') continue
    if (!/^\d+$/.test(value) || !Number.isSafeInteger(Number(value))) return 'bad'
    length = Number(value)
  }
  return length
}

function isChunked(headers: HttpHeader[]): boolean {
  let chunked = false
  for (const { name, value } of headers)
    if (name.toLowerCase() === 'transfer-encoding') chunked = value.toLowerCase() === 'chunked'
  return chunked
}

/**
 * One message from `start`: its head, body, problems. `stop` when nothing after it can be read
 * as HTTP (an error, an unframed body, an upgrade).
 */
function analyzeMessage(
  bytes: Uint8Array,
  buffer: Buffer,
  direction: Direction,
  start: number,
  isFirst: boolean,
): { message: HttpMessage; stop: boolean } {
  const kind = direction === 'in' ? 'REQUEST' : 'RESPONSE'
  const problems: HttpProblem[] = []
  const { lines, headEnd } = scanHead(bytes, start)
  const available = bytes.length - start
  const headLength = headEnd === null ? available : headEnd - start

  const bareLf = lines.filter((l) => l.newline >= 0 && l.end === l.newline).map((l) => l.newline)
  if (headEnd !== null && bytes[headEnd - 2] !== 0x0d) bareLf.push(headEnd - 1)
  for (const offset of bareLf.slice(0, MAX_BARE_LF)) problems.push({ code: 'bare-lf', offset })
  // Listing 20-2 reads the first request's head with lines().unwrap(): only there does invalid
  // UTF-8 make the book's program panic.
  if (direction === 'in' && isFirst) {
    const invalid = firstInvalidUtf8(bytes, start, start + headLength)
    if (invalid >= 0) problems.push({ code: 'invalid-utf8', offset: invalid })
  }
  if (headLength > HTTP_MAX_HEAD)
    problems.push({ code: 'oversized-header', offset: start + HTTP_MAX_HEAD })
  if (headEnd === null) problems.push({ code: 'incomplete-head', offset: bytes.length })

  const byHand = splitByHand(bytes, lines)
  const startLine = lines[0] ? text(bytes, lines[0].start, lines[0].end) : ''
  if (direction === 'in' && byHand.version === null && (lines[0]?.newline ?? -1) >= 0)
    problems.push({ code: 'missing-version', offset: lines[0]?.end ?? start })

  const message: HttpMessage = {
    kind: direction === 'in' ? 'request' : 'response',
    start,
    headEnd,
    end: null,
    startLine,
    method: byHand.isRequest ? byHand.method : null,
    target: byHand.isRequest ? byHand.target : null,
    version: byHand.version,
    status: byHand.status,
    reason: byHand.reason,
    headers: byHand.headers,
    bodyLength: 0,
    expectedBodyLength: null,
    problems,
    listing202: null,
  }

  const failAt = (
    error: Error,
    lo: number,
    hi: number,
  ): { message: HttpMessage; stop: boolean } => {
    const length = firstLength(lo, hi, (l) => probe(buffer, kind, start, l).error !== null)
    const code = (error as Error & { code?: unknown }).code
    const detail = typeof code === 'string' ? `${error.message} (${code})` : error.message
    problems.push({ code: 'parse-error', offset: start + length - 1, detail })
    return { message, stop: true }
  }

  const probeLength = headEnd === null ? Math.min(available, HEAD_PROBE_LIMIT) : headLength
  const head = probe(buffer, kind, start, probeLength)
  if (head.error) return failAt(head.error, 0, probeLength)
  if (!head.head || headEnd === null) return { message, stop: true }

  const info = head.head
  const headers: HttpHeader[] = []
  for (let i = 0; i + 1 < info.headers.length; i += 2)
    headers.push({
      name: fromLatin1(info.headers[i] ?? ''),
      value: fromLatin1(info.headers[i + 1] ?? ''),
    })
  message.headers = headers
  message.version = `HTTP/${info.versionMajor}.${info.versionMinor}`
  if (direction === 'in') {
    message.method = HTTPParser.methods[info.method] ?? byHand.method
    message.target = fromLatin1(info.url)
  } else {
    message.status = info.statusCode
    message.reason = fromLatin1(info.statusMessage)
  }

  // 1xx, 204 and 304 responses never have a body, whatever Content-Length says (RFC 9112 6.3).
  // (Answers to HEAD have none either, but requests and responses are not paired here.)
  const status = info.statusCode
  if (direction === 'out' && (status < 200 || status === 204 || status === 304)) {
    message.expectedBodyLength = 0
    message.end = headEnd
    return { message, stop: info.upgrade }
  }

  const chunked = isChunked(headers) && !info.upgrade
  const length = chunked ? null : contentLength(headers)
  if (length === 'bad') {
    const line = lines.find((l) => /^content-length\s*:/i.test(text(bytes, l.start, l.end)))
    problems.push({ code: 'bad-content-length', offset: line?.start ?? start })
    return { message, stop: true }
  }
  message.expectedBodyLength = length
  if (head.completed) {
    message.end = headEnd
    return { message, stop: info.upgrade }
  }

  let end: number | null = null
  if (length !== null) {
    const want = headLength + length
    const body = probe(buffer, kind, start, Math.min(want, available))
    if (body.error) return failAt(body.error, headLength, Math.min(want, available))
    if (body.completed) end = start + want
  } else if (chunked) {
    // Grow the probe until the last chunk is in, then find the exact byte it ended on.
    for (let step = 256, hi = headLength; hi < available; step *= 2) {
      hi = Math.min(available, hi + step)
      const body = probe(buffer, kind, start, hi)
      if (body.error) return failAt(body.error, headLength, hi)
      if (body.completed) {
        const fed = firstLength(headLength, hi, (l) => probe(buffer, kind, start, l).completed)
        end = start + fed
        break
      }
    }
  }
  if (end === null) {
    message.bodyLength = available - headLength
    // A response with neither Content-Length nor chunked ends when the connection closes.
    if (length !== null || chunked) problems.push({ code: 'incomplete-body', offset: bytes.length })
    return { message, stop: true }
  }
  message.end = end
  message.bodyLength = end - headEnd
  return { message, stop: info.upgrade }
}

/**
 * The HTTP/1.x messages in one direction of a connection: requests ('in') or responses ('out').
 *
 * Offsets are in that direction's stream. A chunked body's `bodyLength` counts its bytes on the
 * wire (sizes and CRLFs included), so `headEnd + bodyLength` is where it ends. A response framed by
 * neither Content-Length nor chunked ends when the connection closes: its `end` stays null. The
 * first request carries `listing202`: Listing 20-2 reads one request per connection.
 */
export function analyzeHttp(
  bytes: Uint8Array,
  direction: Direction,
  truncated: boolean,
): HttpAnalysis {
  const analysis: HttpAnalysis = {
    direction,
    isHttp: false,
    messages: [],
    analyzedBytes: bytes.length,
    truncated,
  }
  if (!looksLikeHttp(bytes, direction)) return analysis
  analysis.isHttp = true
  const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.length)
  let at = skipEmptyLines(bytes, 0)
  while (at < bytes.length) {
    // A lone CR at the very end may yet become an empty line's CRLF.
    if (at === bytes.length - 1 && bytes[at] === 0x0d) break
    const isFirst = analysis.messages.length === 0
    const { message, stop } = analyzeMessage(bytes, buffer, direction, at, isFirst)
    analysis.messages.push(message)
    if (stop || message.end === null) break
    at = skipEmptyLines(bytes, message.end)
  }
  const first = analysis.messages[0]
  if (direction === 'in' && first) {
    // The program stops reading at the first empty line: nothing past the first head matters.
    const upTo = first.headEnd ?? Math.min(bytes.length, first.start + HEAD_PROBE_LIMIT)
    first.listing202 = listing202Output(bytes.subarray(0, upTo))
  }
  return analysis
}
