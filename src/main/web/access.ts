/**
 * Who may talk to browser mode's server.
 *
 * A web page on another site can make the browser send requests to 127.0.0.1 (CSRF) or, with DNS
 * rebinding, reach it under its own host name. So every request, page, asset or upgrade, must name
 * our Host and, when it sends an Origin, ours. The static files are the public renderer: they need
 * no secret. The WebSocket, which drives the engine, also needs the random token in its query.
 *
 * The token is never a cookie: cookies have no port, so the browser would send it with every
 * request to 127.0.0.1, the learner's own listeners included, into their captures. The page keeps
 * it in session storage (see the renderer's transport/page-token.ts) and presents it only here.
 */
import { timingSafeEqual } from 'node:crypto'
import type { IncomingMessage } from 'node:http'
import { assertNever, err, ok, type Result } from '../../shared/result'

/** Whether a Host header names this server: exactly 127.0.0.1:PORT or localhost:PORT. */
export function isAllowedHost(host: string | undefined, port: number): boolean {
  if (host === undefined) return false
  const value = host.toLowerCase()
  return value === `127.0.0.1:${port}` || value === `localhost:${port}`
}

/** Whether an Origin header is absent or this server's own. */
export function isAllowedOrigin(origin: string | undefined, port: number): boolean {
  if (origin === undefined) return true
  const value = origin.toLowerCase()
  return value === `http://127.0.0.1:${port}` || value === `http://localhost:${port}`
}

/** Compares a presented token with ours in constant time (for equal lengths). */
export function tokenMatches(candidate: string | null | undefined, token: string): boolean {
  if (typeof candidate !== 'string') return false
  const given = Buffer.from(candidate)
  const expected = Buffer.from(token)
  // The length is no secret: every token has the same one.
  return given.length === expected.length && timingSafeEqual(given, expected)
}

/** Why a request is refused: its Host or Origin is not ours, or it lacks the token. */
export type Refusal = 'host' | 'origin' | 'token'

/** The line a refused request is answered with. */
export function refusalText(refusal: Refusal): string {
  switch (refusal) {
    case 'host':
      return 'Forbidden: unknown Host'
    case 'origin':
      return 'Forbidden: foreign Origin'
    case 'token':
      return 'Forbidden: open the address with the token that Socket Lab printed'
    default:
      return assertNever(refusal)
  }
}

/** Checks where a request (page, asset or upgrade) comes from: our Host, our Origin if any. */
export function checkSource(req: IncomingMessage, port: number): Result<null, Refusal> {
  if (!isAllowedHost(req.headers.host, port)) return err('host')
  const origin = req.headers.origin
  if (Array.isArray(origin) || !isAllowedOrigin(origin, port)) return err('origin')
  return ok(null)
}

/** Checks a request for the WebSocket: its source, then the token in its query. */
export function checkSocketAccess(
  req: IncomingMessage,
  url: URL,
  port: number,
  token: string,
): Result<null, Refusal> {
  const source = checkSource(req, port)
  if (!source.ok) return source
  return tokenMatches(url.searchParams.get('token'), token) ? ok(null) : err('token')
}
