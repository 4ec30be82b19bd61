/**
 * What the response linter says of a response that arrived (the client's, or what the learner's
 * server sent through a forwarding listener): a leaf, so the contract's domain can name it.
 */
import type { ResponseWarning } from './response-lint'

/**
 * How far a response got when its connection ended: nothing; part of the head (no blank line
 * yet); the head and part of the body (less than Content-Length promised, or no length and no
 * clean close to end it); complete; or unknown (bytes that are not HTTP, which nothing judges).
 */
export type ClientResponseProgress = 'nothing' | 'head' | 'body' | 'complete' | 'unknown'

/**
 * A finding about a received response: one of the response linter's warnings, or
 * close-delimited — a body (of `body` bytes) after `Connection: close` with no length, whose end
 * only the server's close marks.
 */
export type ClientFindingWarning = ResponseWarning | { code: 'close-delimited'; body: number }

/** What the linter found, and the response bytes it is about: `[offset, offset + length)`. */
export interface ClientFinding {
  warning: ClientFindingWarning
  /** Byte offset in the response; for no-blank-line, the end of the bytes. */
  offset: number
  /** 0: a point (where something is missing). */
  length: number
}

/** A response judged once it is over (see client-response.ts, judgeResponse). */
export interface ResponseJudgement {
  /** The request or the response is HTTP, so the linter looked at it. */
  isHttp: boolean
  /** Just past the blank line that ends the head, or null (none, or not HTTP). */
  headEnd: number | null
  /** The Content-Length the head gives, when it is one number. */
  contentLength: number | null
  progress: ClientResponseProgress
  /** The linter's findings, in the order of the bytes' checks; [] when not HTTP. */
  findings: ClientFinding[]
}
