/**
 * Who may talk to browser mode's server: the same rules for page requests and WebSocket upgrades.
 *
 * A web page on another site can make the browser send requests to 127.0.0.1 (CSRF) or, with DNS
 * rebinding, reach it under its own host name. So: the Host must be ours, an Origin (when sent)
 * must be ours, and the request must carry the random token, in the query or in our cookie.
 */
import { timingSafeEqual } from 'node:crypto'
import type { IncomingMessage } from 'node:http'
import { err, ok, type Result } from '../../shared/result'

/** The cookie that lets the page's asset requests and reloads in without a query. */
export const TOKEN_COOKIE = 'socketlab_token'

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

/** Every value of one cookie in a Cookie header (a browser may send the same name twice). */
export function readCookies(header: string | undefined, name: string): string[] {
  if (!header) return []
  const values: string[] = []
  for (const part of header.split(';')) {
    const eq = part.indexOf('=')
    if (eq < 0) continue
    if (part.slice(0, eq).trim() === name) values.push(part.slice(eq + 1).trim())
  }
  return values
}

/** The Set-Cookie value that carries the token. */
export function tokenCookie(token: string): string {
  return `${TOKEN_COOKIE}=${token}; HttpOnly; SameSite=Strict; Path=/`
}

/** How the request showed the token, or why it is refused. */
export type AccessDecision = Result<'query' | 'cookie', string>

/** Checks one request (page, asset or upgrade) against the rules above, Host first. */
export function checkAccess(
  req: IncomingMessage,
  url: URL,
  port: number,
  token: string,
): AccessDecision {
  if (!isAllowedHost(req.headers.host, port)) return err('Forbidden: unknown Host')
  const origin = req.headers.origin
  if (Array.isArray(origin) || !isAllowedOrigin(origin, port))
    return err('Forbidden: foreign Origin')
  if (tokenMatches(url.searchParams.get('token'), token)) return ok('query')
  if (readCookies(req.headers.cookie, TOKEN_COOKIE).some((value) => tokenMatches(value, token)))
    return ok('cookie')
  return err('Forbidden: open the address with the token that Socket Lab printed')
}
