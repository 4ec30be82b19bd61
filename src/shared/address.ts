/**
 * Formatting and classifying addresses, the same way on every side.
 */

/**
 * True for an IPv6 literal (it has a colon); host names and IPv4 never do.
 *
 * `[::1]` typed with brackets is not a literal: Node looks it up as a host name.
 */
export function isIpv6Literal(host: string): boolean {
  return host.includes(':') && !host.startsWith('[')
}

/** host:port with IPv6 bracketed, as people and Rust's `bind("[::1]:7878")` write it. */
export function formatHostPort(host: string, port: number): string {
  return isIpv6Literal(host) ? `[${host}]:${port}` : `${host}:${port}`
}

/** 0.0.0.0 or :: (any spelling of the IPv6 unspecified address): reachable from the network. */
export function isWildcardHost(host: string): boolean {
  const h = host.trim().toLowerCase()
  return h === '0.0.0.0' || /^(0{0,4}:){2,7}0{0,4}$/.test(h) || h === '::'
}

/** 127.0.0.0/8, ::1 or localhost. */
export function isLoopbackHost(host: string): boolean {
  const h = host.trim().toLowerCase()
  return (
    /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(h) ||
    h === '::1' ||
    h === 'localhost' ||
    /^(0{0,4}:){1,7}0{0,3}1$/.test(h)
  )
}
