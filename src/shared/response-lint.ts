/**
 * A response linter: what in an HTTP response's bytes makes clients fail, found before it is sent.
 *
 * These are the causes of "connection reset" and blank pages in learners' reports (the book's
 * tracker): no or a wrong Content-Length, bare `\n`, no blank line after the head, a malformed
 * status line. Warnings never block sending: a learner may send a broken response on purpose to
 * see how a client reacts. Pure: the editor lints as the user types, the engine before it writes,
 * and the test client what a server sent back (with where in its bytes each problem is).
 */
import { fillHead, utf8Length } from './response-head'
import { assertNever } from './result'

/**
 * One problem. `line` numbers count from 1 in the head; byte counts are UTF-8 bytes.
 *
 * length-short: Content-Length promises more than the body has, so the connection closes before
 * the promised bytes arrive. length-long: it promises fewer, so the client cuts the body.
 */
export type ResponseWarning =
  | { code: 'status-line'; line: string }
  | { code: 'bare-lf'; line: number }
  | { code: 'no-blank-line' }
  | { code: 'no-content-length' }
  | { code: 'bad-content-length'; value: string }
  | { code: 'length-short'; declared: number; actual: number }
  | { code: 'length-long'; declared: number; actual: number }

export type ResponseWarningCode = ResponseWarning['code']

/** `HTTP/1.x NNN reason` (the reason may be empty, as RFC 9112 allows). */
const STATUS_LINE = /^HTTP\/1\.\d \d{3}(?: .*)?$/

/** Where the head ends: the index just past its blank line, or -1 when it has none. */
export function headEnd(text: string): number {
  let lineStart = 0
  for (;;) {
    const newline = text.indexOf('\n', lineStart)
    if (newline < 0) return -1
    const line = text.slice(lineStart, newline)
    // The status line is never the blank line: an empty first line is a malformed status line.
    if (lineStart > 0 && (line === '' || line === '\r')) return newline + 1
    lineStart = newline + 1
  }
}

/**
 * A warning with the range it is about, `[offset, offset + length)`: in received bytes, byte
 * offsets (length 0 names a point, e.g. the end where a blank line never came).
 */
export interface LocatedWarning {
  warning: ResponseWarning
  offset: number
  length: number
}

/** A header line of a head, with the offset of its trimmed value. */
interface HeadField {
  line: string
  name: string
  value: string
  valueAt: number
}

/** The head's header lines (after the status line), `\r` dropped, each with where its value is. */
function headFields(head: string): HeadField[] {
  const fields: HeadField[] = []
  const lines = head.split('\n')
  let at = (lines[0]?.length ?? 0) + 1
  for (const raw of lines.slice(1)) {
    const line = raw.replace(/\r$/, '')
    const colon = line.indexOf(':')
    const rest = colon < 0 ? '' : line.slice(colon + 1)
    fields.push({
      line,
      name: colon < 0 ? '' : line.slice(0, colon).trim().toLowerCase(),
      value: rest.trim(),
      valueAt: at + colon + 1 + (rest.length - rest.trimStart().length),
    })
    at += raw.length + 1
  }
  return fields
}

/**
 * Every check on `text` (for received bytes, one character per byte). Without a blank line, line
 * breaks count up to `headLimit` only; `bodyLength(end)` is how many bytes the body has when the
 * head ends at `end`.
 */
function lintText(
  text: string,
  headLimit: number,
  bodyLength: (end: number) => number,
): LocatedWarning[] {
  const found: LocatedWarning[] = []
  const end = headEnd(text)
  const head = end < 0 ? text : text.slice(0, end)
  const firstLine = head.split('\n')[0] ?? ''
  const statusLine = firstLine.replace(/\r$/, '')
  if (!STATUS_LINE.test(statusLine))
    found.push({
      warning: { code: 'status-line', line: statusLine },
      offset: 0,
      length: statusLine.length,
    })
  // Line breaks of the head (without a blank line, of the template only: not the page's own).
  const scope = end < 0 ? text.slice(0, headLimit) : head
  for (let line = 1, newline = scope.indexOf('\n'); newline >= 0; line += 1) {
    if (scope[newline - 1] !== '\r') {
      found.push({ warning: { code: 'bare-lf', line }, offset: newline, length: 1 })
      break
    }
    newline = scope.indexOf('\n', newline + 1)
  }
  if (end < 0) {
    found.push({ warning: { code: 'no-blank-line' }, offset: text.length, length: 0 })
    return found
  }
  const fields = headFields(head)
  const lengths = fields.filter((field) => field.name === 'content-length')
  const isChunked = fields.some((field) => /^transfer-encoding\s*:/i.test(field.line))
  const actual = bodyLength(end)
  const first = lengths[0]
  if (first === undefined) {
    const blank = text[end - 2] === '\r' ? 2 : 1
    if (!isChunked)
      found.push({ warning: { code: 'no-content-length' }, offset: end - blank, length: blank })
    return found
  }
  const differing = lengths.find((field) => field.value !== first.value)
  if (!/^\d{1,15}$/.test(first.value) || differing !== undefined) {
    const bad = differing ?? first
    found.push({
      warning: { code: 'bad-content-length', value: bad.value },
      offset: bad.valueAt,
      length: bad.value.length,
    })
    return found
  }
  const declared = Number(first.value)
  if (declared > actual)
    found.push({
      warning: { code: 'length-short', declared, actual },
      offset: first.valueAt,
      length: first.value.length,
    })
  else if (declared < actual)
    found.push({
      warning: { code: 'length-long', declared, actual },
      offset: end + declared,
      length: actual - declared,
    })
  return found
}

/**
 * The warnings for a head template and its body, as {@link responseBytes} would send them.
 *
 * The head's `{length}` is filled in first; bytes of the template after its blank line belong to
 * the body, as a client reads them.
 */
export function lintResponse(headTemplate: string, body: string): ResponseWarning[] {
  const filled = fillHead(headTemplate, utf8Length(body))
  const text = filled + body
  return lintText(text, filled.length, (end) => utf8Length(text.slice(end))).map((f) => f.warning)
}

/** Bytes as text, one character per byte (ISO-8859-1 proper, not the web's windows-1252). */
export function latin1Text(bytes: Uint8Array): string {
  let text = ''
  for (let i = 0; i < bytes.length; i += 8192)
    text += String.fromCharCode(...bytes.subarray(i, i + 8192))
  return text
}

/**
 * The same checks on a response as it arrived, each pointing at its bytes. `bytes` are the first
 * bytes kept of `total` received: the body's length counts them all. When the kept bytes were cut
 * before any blank line, where the head ends is not known, so no-blank-line is not claimed.
 */
export function lintResponseBytes(
  bytes: Uint8Array,
  total: number = bytes.length,
): LocatedWarning[] {
  const text = latin1Text(bytes)
  const found = lintText(text, text.length, (end) => Math.max(0, total - end))
  return total > bytes.length ? found.filter((f) => f.warning.code !== 'no-blank-line') : found
}

/** One warning in English, for the engine's log (the GUI words them through its catalogs). */
export function describeWarning(warning: ResponseWarning): string {
  switch (warning.code) {
    case 'status-line':
      return `the status line "${warning.line}" is not HTTP/1.x NNN reason`
    case 'bare-lf':
      return `line ${warning.line} of the head ends with a bare \\n, not \\r\\n`
    case 'no-blank-line':
      return 'no blank line ends the head: the body is read as more headers'
    case 'no-content-length':
      return 'no Content-Length: the client can find the end of the body only when the connection closes'
    case 'bad-content-length':
      return `Content-Length "${warning.value}" is not one number of bytes`
    case 'length-short':
      return `Content-Length says ${warning.declared} bytes, the body has ${warning.actual}: the connection closes before the promised bytes arrive`
    case 'length-long':
      return `Content-Length says ${warning.declared} bytes, the body has ${warning.actual}: the client cuts the body short`
    default:
      return assertNever(warning)
  }
}
