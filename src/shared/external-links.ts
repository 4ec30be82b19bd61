/**
 * The only web addresses the desktop app opens in the system browser: the documentation that the
 * lessons and explanations point to. Anything else a page tries to open is refused and logged.
 */

/** The Rust book's web-server chapter (chapter 21 in the current edition, 20 in older ones). */
export const RUST_BOOK_CHAPTER_URL =
  'https://doc.rust-lang.org/book/ch21-00-final-project-a-web-server.html'

/** Prefixes of the allowed documentation; each ends in `/` so no other host can match. */
export const DOC_URL_PREFIXES: readonly string[] = [
  'https://doc.rust-lang.org/book/',
  'https://doc.rust-lang.org/std/',
  'https://nodejs.org/api/',
  'https://www.electronjs.org/docs/',
  'https://learn.microsoft.com/',
  'https://man7.org/linux/man-pages/',
  'https://developer.apple.com/documentation/',
]

/**
 * Whether `url` is an allowed documentation link: https, no credentials, no port, and under one
 * of {@link DOC_URL_PREFIXES} once normalised (so `https://doc.rust-lang.org.evil/` and
 * `https://user@doc.rust-lang.org/` do not pass).
 */
export function isAllowedDocUrl(url: string): boolean {
  let parsed: URL
  try {
    parsed = new URL(url)
  } catch {
    return false
  }
  if (parsed.protocol !== 'https:' || parsed.username || parsed.password || parsed.port)
    return false
  const normalised = parsed.href
  return DOC_URL_PREFIXES.some((prefix) => normalised.startsWith(prefix))
}

/**
 * The port of a loopback http address (`http://127.0.0.1:7878/…`, `localhost`, `[::1]`), or null
 * for anything else: no credentials, no other scheme or host. Whether a listener is really there
 * is for the caller to check.
 */
export function loopbackHttpPort(url: string): number | null {
  let parsed: URL
  try {
    parsed = new URL(url)
  } catch {
    return null
  }
  if (parsed.protocol !== 'http:' || parsed.username || parsed.password) return null
  if (!['127.0.0.1', 'localhost', '[::1]'].includes(parsed.hostname)) return null
  const port = Number(parsed.port || '80')
  return Number.isInteger(port) && port > 0 && port <= 65535 ? port : null
}
