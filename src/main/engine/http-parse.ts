/**
 * One HTTP/1.x parser (http-parser-js) over a direction's bytes: the messages as it reads them,
 * with the stream offsets where it completed a head or a message, or refused a line.
 */
import { HTTPParser } from 'http-parser-js'
import type { Direction } from '../../shared/contract'
import type { HttpHeader } from '../../shared/http-types'

/** An unfinished head is parsed up to this size: enough for the parser's verdict on it. */
const HEAD_PARSE_LIMIT = 128 * 1024

/** Whether an empty line ends the head that starts at `start`. */
function hasHeadEnd(buffer: Buffer, start: number): boolean {
  return buffer.indexOf('\n\n', start) >= 0 || buffer.indexOf('\n\r\n', start) >= 0
}

/** What kOnHeadersComplete returns for "this message has no body". */
const SKIP_BODY = 1

export interface HeadInfo {
  versionMajor: number
  versionMinor: number
  headers: string[]
  method: number
  url: string
  statusCode: number
  statusMessage: string
  upgrade: boolean
}

/** One message as the parser read it, with offsets in the stream. */
export interface ParsedMessage {
  /** First byte of the start line. */
  start: number
  /** The head, once the parser has read it whole. */
  head: HeadInfo | null
  /** Just past the message, once the parser completed it. */
  end: number | null
  /** Content-Length is not a number: the body was kept from the parser. */
  hasBadLength: boolean
  /** The parser refused the line whose `\n` is at `offset`. */
  failure: { offset: number; error: Error } | null
}

const utf8 = new TextDecoder()

/** Parser strings are Latin-1 (see {@link parseStream}); show them as the UTF-8 they were sent as. */
export function fromLatin1(text: string): string {
  return utf8.decode(Uint8Array.from(text, (c) => c.charCodeAt(0)))
}

/** The parser's flat name, value list as headers. */
export function headerList(info: HeadInfo): HttpHeader[] {
  const headers: HttpHeader[] = []
  for (let i = 0; i + 1 < info.headers.length; i += 2)
    headers.push({
      name: fromLatin1(info.headers[i] ?? ''),
      value: fromLatin1(info.headers[i + 1] ?? ''),
    })
  return headers
}

/** 1xx, 204 and 304 responses never have a body, whatever Content-Length says (RFC 9112 6.3). */
export function hasNoBody(status: number): boolean {
  return status < 200 || status === 204 || status === 304
}

/** Content-Length as the parser reads it, or 'bad' when a value is not a plain decimal number. */
export function contentLength(headers: HttpHeader[]): number | 'bad' | null {
  let length: number | null = null
  for (const { name, value } of headers) {
    if (name.toLowerCase() !== 'content-length') continue
    if (!/^\d+$/.test(value) || !Number.isSafeInteger(Number(value))) return 'bad'
    length = Number(value)
  }
  return length
}

/** Whether the parser reads the body as chunked (an upgrade's bytes are not). */
export function isChunked(headers: HttpHeader[], info: HeadInfo): boolean {
  let chunked = false
  for (const { name, value } of headers)
    if (name.toLowerCase() === 'transfer-encoding') chunked = value.toLowerCase() === 'chunked'
  return chunked && !info.upgrade
}

/** Past empty lines before a start line, which HTTP/1.1 lets a reader skip (and the parser does). */
export function skipEmptyLines(bytes: Uint8Array, from: number): number {
  let at = from
  for (;;) {
    if (bytes[at] === 0x0a) at += 1
    else if (bytes[at] === 0x0d && bytes[at + 1] === 0x0a) at += 2
    else return at
  }
}

/**
 * The messages of one direction through one parser. It stops at what nothing after can be read
 * past: a refused line, a Content-Length that is not a number, an upgrade, the end of the bytes.
 *
 * Pieces end at every `\n` and at the end of a body of known length (fed whole, however many
 * lines it has), so whatever the parser reports happens at the end of the piece being fed: a
 * head or a message is complete, or a line refused, there.
 */
export function parseStream(
  bytes: Uint8Array,
  buffer: Buffer,
  direction: Direction,
): ParsedMessage[] {
  const messages: ParsedMessage[] = []
  const open = (from: number): ParsedMessage | null => {
    const start = skipEmptyLines(bytes, from)
    // A lone CR at the very end may yet become an empty line's CRLF.
    if (start >= bytes.length || (start === bytes.length - 1 && bytes[start] === 0x0d)) return null
    const message: ParsedMessage = {
      start,
      head: null,
      end: null,
      hasBadLength: false,
      failure: null,
    }
    messages.push(message)
    return message
  }
  let current = open(0)
  let pieceEnd = 0
  /** Bytes of the body the parser reads now by its length (Infinity: until the end), or null. */
  let bodyLeft: number | null = null

  const nextPieceEnd = (at: number): number => {
    // A body the parser took whole without completing the message (it reads to the end when an
    // upgrade drops both chunked and Content-Length): from there on, a line at a time.
    if (bodyLeft !== null && bodyLeft > 0) return Math.min(bytes.length, at + bodyLeft)
    const newline = bytes.indexOf(0x0a, at)
    return newline < 0 ? bytes.length : newline + 1
  }

  const parser = new HTTPParser(direction === 'in' ? 'REQUEST' : 'RESPONSE')
  parser[HTTPParser.kOnHeadersComplete] = (info) => {
    if (current === null) return SKIP_BODY
    current.head = info
    // The parser would read a body of Content-Length after these; there is none.
    if (direction === 'out' && hasNoBody(info.statusCode)) return SKIP_BODY
    const headers = headerList(info)
    if (isChunked(headers, info)) return undefined
    const length = contentLength(headers)
    if (length === 'bad') {
      // The parser would take `+value` (NaN, or a negative count) as the length.
      current.hasBadLength = true
      return SKIP_BODY
    }
    // Without a length a request has no body (completed at once), a response runs to the end.
    bodyLeft = length ?? Number.POSITIVE_INFINITY
    return undefined
  }
  parser[HTTPParser.kOnBody] = (_chunk, _offset, length) => {
    if (bodyLeft !== null) bodyLeft -= length
  }
  parser[HTTPParser.kOnMessageComplete] = () => {
    bodyLeft = null
    if (current === null) return
    if (current.hasBadLength) {
      current = null
      return
    }
    current.end = pieceEnd
    current = current.head?.upgrade ? null : open(current.end)
  }

  // The default 'ascii' clears each byte's high bit; Latin-1 keeps the bytes for fromLatin1.
  // Heads larger than HTTP_MAX_HEAD are our own problem code, so the parser's limit is lifted (it
  // is read again for each message). Both restored before returning, and nothing runs in
  // between: no other user can see the change.
  const { encoding, maxHeaderSize } = HTTPParser
  HTTPParser.encoding = 'latin1'
  HTTPParser.maxHeaderSize = Number.POSITIVE_INFINITY
  parser.maxHeaderSize = Number.POSITIVE_INFINITY
  try {
    for (let at = 0; current !== null && at < bytes.length; at = pieceEnd) {
      if (current.head === null && at >= current.start + HEAD_PARSE_LIMIT) {
        // Enough of a head that never ends for the parser's verdict on it.
        if (!hasHeadEnd(buffer, current.start)) break
      }
      pieceEnd = nextPieceEnd(at)
      const returned = parser.execute(buffer, at, pieceEnd - at)
      if (returned instanceof Error) {
        // Refusals come as a line is read whole: on the `\n` that ends this piece.
        if (current !== null) current.failure = { offset: pieceEnd - 1, error: returned }
        break
      }
    }
  } finally {
    HTTPParser.encoding = encoding
    HTTPParser.maxHeaderSize = maxHeaderSize
  }
  return messages
}
