/**
 * A failed listen, as a value: what Node reported plus what the app can say about it on this OS.
 *
 * The engine fills it in (it alone can read the OS); the renderer turns `code`, `platform` and
 * `facts` into catalog text. Commands and the Rust output are not translated: they are what a person
 * types or what the program prints.
 */

export type Platform = 'linux' | 'darwin' | 'win32' | 'other'

export type BindErrorCode =
  'EACCES' | 'EADDRINUSE' | 'EADDRNOTAVAIL' | 'ENOTFOUND' | 'EINVAL' | 'OTHER'

/** A one-click fix: the renderer applies it to the card's fields and starts the listener again. */
export type BindFix =
  { kind: 'use-port-0' } | { kind: 'use-port'; port: number } | { kind: 'use-host'; host: string }

export interface BindFacts {
  /** Linux: the value of /proc/sys/net/ipv4/ip_unprivileged_port_start, or null if unreadable. */
  unprivilegedPortStart: number | null
  /** 0.0.0.0 or :: */
  isWildcard: boolean
  isLoopback: boolean
  /** `[::1]` typed with brackets is looked up as a host name and fails. */
  hostHasBrackets: boolean
  /** The process runs as root (Unix) — then EACCES is not about privileged ports. */
  isRoot: boolean
}

export interface RustOutput {
  /** The call as Listing 20-1 would write it for this address: `TcpListener::bind("127.0.0.1:80")`. */
  bindCall: string
  /** What the program prints to stderr, line by line. */
  panic: string[]
  exitCode: number
}

export interface BindFailure {
  code: BindErrorCode
  /** err.code exactly as Node gave it (e.g. EAI_AGAIN for an OTHER lookup failure). */
  rawCode: string
  errno: number | null
  syscall: string | null
  host: string
  port: number
  /** host:port, IPv6 bracketed: `[::1]:7878`. */
  address: string
  /** Node's own message, e.g. `listen EACCES: permission denied 127.0.0.1:80`. */
  message: string
  platform: Platform
  facts: BindFacts
  /** Commands that show who holds the port (EADDRINUSE) or the reserved ranges (EACCES on Windows). */
  commands: string[]
  fixes: BindFix[]
  /** Null when we cannot say truthfully what the Rust program would print on this OS. */
  rust: RustOutput | null
}
