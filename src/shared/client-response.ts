/**
 * A test-client request's response as it arrived: how far it got and what the response linter
 * (response-lint.ts) finds in its bytes, each finding pointing at the bytes it is about.
 *
 * Pure: the engine judges the kept bytes once, when the request is over, and sends the result
 * with them; the GUI only shows it.
 */
import type { ClientFinding, ClientResponseProgress, ResponseJudgement } from './response-findings'
import { headEnd, latin1Text, lintResponseBytes } from './response-lint'

export type { ResponseJudgement }

/** Bytes of a request's start enough to tell an HTTP request line. */
const REQUEST_LINE_BYTES = 256

/** True when `bytes` start like an HTTP/1.x request line: `GET /path HTTP/1.1`. */
export function looksLikeHttpRequest(bytes: Uint8Array): boolean {
  const text = latin1Text(bytes.subarray(0, REQUEST_LINE_BYTES))
  return /^[!#$%&'*+.^_`|~0-9A-Za-z-]+ \S+ HTTP\/\d/.test(text)
}

/** The head's fields by lower-case name (values trimmed), from the text of the head. */
function fieldsOf(head: string): Map<string, string[]> {
  const fields = new Map<string, string[]>()
  for (const raw of head.split('\n').slice(1)) {
    const line = raw.replace(/\r$/, '')
    const colon = line.indexOf(':')
    if (colon < 0) continue
    const name = line.slice(0, colon).trim().toLowerCase()
    fields.set(name, [...(fields.get(name) ?? []), line.slice(colon + 1).trim()])
  }
  return fields
}

/** Statuses whose response has no body whatever the head says (RFC 9112 §6.3). */
function hasNoBody(statusLine: string): boolean {
  const status = /^HTTP\/\d(?:\.\d)? (\d{3})/.exec(statusLine)?.[1]
  return status !== undefined && (status.startsWith('1') || status === '204' || status === '304')
}

function hasToken(values: readonly string[] | undefined, token: string): boolean {
  return (values ?? []).some((value) =>
    value
      .toLowerCase()
      .split(',')
      .some((part) => part.trim() === token),
  )
}

/**
 * Judges a response: `bytes` are the first bytes kept of `total` received; `requestIsHttp` says the
 * request was HTTP (then the response is linted even when it does not look like HTTP: that is
 * the status-line finding); `closedCleanly`: the server ended with FIN, which completes a body
 * that has no length.
 */
export function judgeResponse(
  bytes: Uint8Array,
  total: number,
  { requestIsHttp, closedCleanly }: { requestIsHttp: boolean; closedCleanly: boolean },
): ResponseJudgement {
  const startsLikeHttp = latin1Text(bytes.subarray(0, 5)) === 'HTTP/'
  const isHttp = requestIsHttp || startsLikeHttp
  if (total === 0 || !isHttp)
    return {
      isHttp,
      headEnd: null,
      contentLength: null,
      progress: total === 0 ? 'nothing' : 'unknown',
      findings: [],
    }
  const located = lintResponseBytes(bytes, total)
  const text = latin1Text(bytes)
  const end = headEnd(text)
  if (end < 0)
    return {
      isHttp,
      headEnd: null,
      contentLength: null,
      progress: 'head',
      findings: located,
    }
  const fields = fieldsOf(text.slice(0, end))
  const lengths = fields.get('content-length') ?? []
  const first = lengths[0]
  const contentLength =
    first !== undefined && /^\d{1,15}$/.test(first) && lengths.every((v) => v === first)
      ? Number(first)
      : null
  const body = total - end
  const isChunked = fields.has('transfer-encoding')
  let progress: ClientResponseProgress
  if (hasNoBody(text.slice(0, text.indexOf('\n')).replace(/\r$/, ''))) progress = 'complete'
  else if (isChunked)
    progress =
      closedCleanly || (total === bytes.length && text.endsWith('0\r\n\r\n')) ? 'complete' : 'body'
  else if (contentLength !== null) progress = body >= contentLength ? 'complete' : 'body'
  else progress = closedCleanly ? 'complete' : 'body'
  const isCloseDelimited = !isChunked && body > 0 && hasToken(fields.get('connection'), 'close')
  const findings: ClientFinding[] = located.map((found) =>
    found.warning.code === 'no-content-length' && isCloseDelimited
      ? { ...found, warning: { code: 'close-delimited', body } }
      : found,
  )
  return { isHttp, headEnd: end, contentLength, progress, findings }
}
