/**
 * A connection's bytes read as HTTP/1.x, with the explanations the views show beside them.
 *
 * http-parser-js does the parsing: start lines, headers, framing (Content-Length, chunked, no body
 * for 1xx, 204 and 304), bodies, one message after another, and what it refuses. One parser reads
 * the whole direction, as a server would. It is fed a line at a time, and a body of known length
 * whole, so where it reports something is known: at the end of the piece being fed.
 *
 * Around it we keep what only the raw bytes tell (where each message starts, bare LF, invalid
 * UTF-8, an oversized head, what Listing 20-2 prints), what the parser lets through (a
 * Content-Length that is not a number), and what it cannot show: a head it has not finished or has
 * refused, split by hand so the lesson can still point at its parts.
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
import {
  contentLength,
  fromLatin1,
  hasNoBody,
  headerList,
  isChunked,
  parseStream,
  skipEmptyLines,
  type ParsedMessage,
} from './http-parse'

export { rustDebugString } from './http-listing-20-2'

/** Lines of a head without its empty line are kept (for the hand split) up to this size. */
const HEAD_SCAN_LIMIT = 128 * 1024

const utf8 = new TextDecoder()

interface HeadLine {
  start: number
  /** Past the line's text, before `\r\n` or `\n` (or the end of the bytes). */
  end: number
  /** Offset of its `\n`, or -1 while the line is incomplete. */
  newline: number
}

/**
 * The head's lines as the parser splits them, and where the empty line ends it. Lines are kept
 * for the first HEAD_SCAN_LIMIT bytes only; past that we only look for the empty line.
 */
function scanHead(bytes: Uint8Array, start: number): { lines: HeadLine[]; headEnd: number | null } {
  const lines: HeadLine[] = []
  let at = start
  while (at < bytes.length) {
    const newline = bytes.indexOf(0x0a, at)
    if (newline < 0) {
      if (at < start + HEAD_SCAN_LIMIT) lines.push({ start: at, end: bytes.length, newline: -1 })
      break
    }
    const end = newline > at && bytes[newline - 1] === 0x0d ? newline - 1 : newline
    if (end === at && at > start) return { lines, headEnd: newline + 1 }
    if (at < start + HEAD_SCAN_LIMIT) lines.push({ start: at, end, newline })
    at = newline + 1
  }
  return { lines, headEnd: null }
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

/** Request line and headers split by hand, for a head the parser has not read whole. */
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

/** One message for the views: what the parser read, with the problems the raw bytes show. */
function describeMessage(
  bytes: Uint8Array,
  parsed: ParsedMessage,
  direction: Direction,
  isFirst: boolean,
): HttpMessage {
  const { start, head } = parsed
  const problems: HttpProblem[] = []
  const { lines, headEnd } = scanHead(bytes, start)
  const headLength = (headEnd ?? bytes.length) - start

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
  if (direction === 'in' && byHand.version === null && (lines[0]?.newline ?? -1) >= 0)
    problems.push({ code: 'missing-version', offset: lines[0]?.end ?? start })

  const message: HttpMessage = {
    kind: direction === 'in' ? 'request' : 'response',
    start,
    headEnd,
    end: null,
    startLine: lines[0] ? text(bytes, lines[0].start, lines[0].end) : '',
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

  let isFramed = false
  if (head !== null && headEnd !== null) {
    message.headers = headerList(head)
    message.version = `HTTP/${head.versionMajor}.${head.versionMinor}`
    if (direction === 'in') {
      message.method = HTTPParser.methods[head.method] ?? byHand.method
      message.target = fromLatin1(head.url)
    } else {
      message.status = head.statusCode
      message.reason = fromLatin1(head.statusMessage)
    }
    // (Answers to HEAD have no body either, but requests and responses are not paired here.)
    if (direction === 'out' && hasNoBody(head.statusCode)) message.expectedBodyLength = 0
    else if (parsed.hasBadLength) {
      const line = lines.find((l) => /^content-length\s*:/i.test(text(bytes, l.start, l.end)))
      problems.push({ code: 'bad-content-length', offset: line?.start ?? start })
      return message
    } else {
      const chunked = isChunked(message.headers, head)
      const length = chunked ? null : contentLength(message.headers)
      message.expectedBodyLength = length === 'bad' ? null : length
      isFramed = chunked || length !== null
    }
  }
  if (parsed.failure !== null) {
    const { offset, error } = parsed.failure
    const code = (error as Error & { code?: unknown }).code
    const detail = typeof code === 'string' ? `${error.message} (${code})` : error.message
    problems.push({ code: 'parse-error', offset, detail })
    return message
  }
  if (head === null || headEnd === null) return message
  if (parsed.end !== null) {
    message.end = parsed.end
    message.bodyLength = parsed.end - headEnd
    return message
  }
  message.bodyLength = bytes.length - headEnd
  // A response with neither Content-Length nor chunked ends when the connection closes.
  if (isFramed) problems.push({ code: 'incomplete-body', offset: bytes.length })
  return message
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
  analysis.messages = parseStream(bytes, buffer, direction).map((parsed, index) =>
    describeMessage(bytes, parsed, direction, index === 0),
  )
  const first = analysis.messages[0]
  if (direction === 'in' && first) {
    // The program stops reading at the first empty line: nothing past the first head matters.
    const upTo = first.headEnd ?? Math.min(bytes.length, first.start + HEAD_SCAN_LIMIT)
    first.listing202 = listing202Output(bytes.subarray(0, upTo))
  }
  return analysis
}
