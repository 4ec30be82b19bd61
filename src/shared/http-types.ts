/**
 * What the engine makes of a connection's bytes as HTTP/1.x (see src/main/engine/http-analysis.ts).
 *
 * Offsets are in that direction's stream, so the views can mark them (the CRLF CRLF boundary in
 * Hex, say). Problems are codes: the renderer explains them through the catalogs.
 */
import type { Direction } from './contract/domain'

export interface HttpHeader {
  name: string
  value: string
}

export type HttpProblemCode =
  | 'bare-lf' // a line ends in \n without \r
  | 'missing-version' // request line without HTTP/1.x
  | 'oversized-header' // the head is larger than HTTP_MAX_HEAD
  | 'incomplete-head' // no empty line yet: a blocking reader is still waiting
  | 'invalid-utf8' // Listing 20-2's lines().unwrap() would panic
  | 'bad-content-length'
  | 'incomplete-body' // Content-Length promises more than arrived
  | 'parse-error' // the parser refused the bytes: see detail

export interface HttpProblem {
  code: HttpProblemCode
  /** Where in the stream, if known. */
  offset: number | null
  /** The parser's own words, for parse-error. */
  detail?: string
}

export interface HttpMessage {
  kind: 'request' | 'response'
  /** First byte of the start line. */
  start: number
  /** Just past the empty line that ends the head (CRLF CRLF), or null while incomplete. */
  headEnd: number | null
  /** Just past the body, or null while incomplete. */
  end: number | null
  startLine: string
  method: string | null
  target: string | null
  version: string | null
  status: number | null
  reason: string | null
  headers: HttpHeader[]
  /** Body bytes present so far. */
  bodyLength: number
  /** From Content-Length; null when absent or chunked. */
  expectedBodyLength: number | null
  problems: HttpProblem[]
  /**
   * What Listing 20-2 prints for this request: `Request: ["GET / HTTP/1.1", "Host: …"]`, or its
   * panic when a line is not UTF-8; null for responses.
   */
  listing202: string | null
}

export interface HttpAnalysis {
  direction: Direction
  /** False when the bytes do not start like HTTP/1.x at all. */
  isHttp: boolean
  messages: HttpMessage[]
  /** Kept bytes looked at. */
  analyzedBytes: number
  /** Bytes past the capture cap were not kept, so the end may be missing. */
  truncated: boolean
}

/** Largest head the analysis accepts before calling it oversized (Node's default is 16 KiB). */
export const HTTP_MAX_HEAD = 16 * 1024
