/**
 * A response linter: what in an HTTP response's bytes makes clients fail, found before it is sent.
 *
 * These are the causes of "connection reset" and blank pages in learners' reports (the book's
 * tracker): no or a wrong Content-Length, bare `\n`, no blank line after the head, a malformed
 * status line. Warnings never block sending: a learner may send a broken response on purpose to
 * see how a client reacts. Pure: the editor lints as the user types, the engine before it writes.
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
function headEnd(text: string): number {
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
 * The warnings for a head template and its body, as {@link responseBytes} would send them.
 *
 * The head's `{length}` is filled in first; bytes of the template after its blank line belong to
 * the body, as a client reads them.
 */
export function lintResponse(headTemplate: string, body: string): ResponseWarning[] {
  const warnings: ResponseWarning[] = []
  const filled = fillHead(headTemplate, utf8Length(body))
  const text = filled + body
  const end = headEnd(text)
  const head = end < 0 ? text : text.slice(0, end)
  const lines = head.split('\n')
  const statusLine = (lines[0] ?? '').replace(/\r$/, '')
  if (!STATUS_LINE.test(statusLine)) warnings.push({ code: 'status-line', line: statusLine })
  // Line breaks of the head (without a blank line, of the template only: not the page's own).
  const breaks = (end < 0 ? filled : head).split('\n').slice(0, -1)
  const bare = breaks.findIndex((line) => !line.endsWith('\r'))
  if (bare >= 0) warnings.push({ code: 'bare-lf', line: bare + 1 })
  if (end < 0) {
    warnings.push({ code: 'no-blank-line' })
    return warnings
  }
  const headers = lines.slice(1).map((line) => line.replace(/\r$/, ''))
  const lengths = headers.flatMap((line) => {
    const colon = line.indexOf(':')
    if (colon < 0 || line.slice(0, colon).trim().toLowerCase() !== 'content-length') return []
    return [line.slice(colon + 1).trim()]
  })
  const isChunked = headers.some((line) => /^transfer-encoding\s*:/i.test(line))
  const actual = utf8Length(text.slice(end))
  const first = lengths[0]
  if (first === undefined) {
    if (!isChunked) warnings.push({ code: 'no-content-length' })
    return warnings
  }
  const differing = lengths.find((value) => value !== first)
  if (!/^\d{1,15}$/.test(first) || differing !== undefined) {
    warnings.push({ code: 'bad-content-length', value: differing ?? first })
    return warnings
  }
  const declared = Number(first)
  if (declared > actual) warnings.push({ code: 'length-short', declared, actual })
  else if (declared < actual) warnings.push({ code: 'length-long', declared, actual })
  return warnings
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
