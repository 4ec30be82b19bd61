/**
 * What the book's Listing 20-1 prints when `TcpListener::bind(ADDR).unwrap()` fails.
 *
 * Only what PLATFORM-FACTS.md states: Rust's io::Error Debug output for the OS codes we know per
 * platform. Anything else is null, because we would be guessing.
 */
import type { BindErrorCode, Platform, RustOutput } from '../../shared/bind-failure'
import { formatHostPort } from '../../shared/address'
import { assertNever } from '../../shared/result'

/** Line 4 of Listing 20-1, with the address the book uses. */
export const LISTING_20_1_LINE_NUMBER = 4

/** `address` as a Rust string literal (JSON's escapes for `"` and `\` are Rust's too). */
function rustStringLiteral(address: string): string {
  return JSON.stringify(address)
}

/** Listing 20-1's line 4 with `address` in place of 127.0.0.1:7878. */
export function listingLine(address: string): string {
  return `    let listener = TcpListener::bind(${rustStringLiteral(address)}).unwrap();`
}

/**
 * The 1-based column where `unwrap` starts in {@link listingLine}: the panic location Rust
 * prints (`#[track_caller]` points at the method name). 56 for 127.0.0.1:7878.
 *
 * Rust counts characters, not UTF-16 units, hence the spread.
 */
export function unwrapColumn(address: string): number {
  const line = listingLine(address)
  return [...line.slice(0, line.lastIndexOf('.unwrap()'))].length + 2
}

interface OsError {
  code: number
  kind: string
  message: string
}

const OS_ERRORS: Record<'linux' | 'darwin' | 'win32', Partial<Record<BindErrorCode, OsError>>> = {
  linux: {
    EADDRINUSE: { code: 98, kind: 'AddrInUse', message: 'Address already in use' },
    EACCES: { code: 13, kind: 'PermissionDenied', message: 'Permission denied' },
    EADDRNOTAVAIL: {
      code: 99,
      kind: 'AddrNotAvailable',
      message: 'Cannot assign requested address',
    },
  },
  darwin: {
    EADDRINUSE: { code: 48, kind: 'AddrInUse', message: 'Address already in use' },
    EACCES: { code: 13, kind: 'PermissionDenied', message: 'Permission denied' },
    EADDRNOTAVAIL: {
      code: 49,
      kind: 'AddrNotAvailable',
      message: "Can't assign requested address",
    },
  },
  win32: {
    EADDRINUSE: {
      code: 10048,
      kind: 'AddrInUse',
      message:
        'Only one usage of each socket address (protocol/network address/port) is normally permitted.',
    },
    EACCES: {
      code: 10013,
      kind: 'PermissionDenied',
      message:
        'An attempt was made to access a socket in a way forbidden by its access permissions.',
    },
    EADDRNOTAVAIL: {
      code: 10049,
      kind: 'AddrNotAvailable',
      message: 'The requested address is not valid in its context.',
    },
  },
}

/** The `Err` value as `unwrap` prints it (`{:?}` of io::Error), or null when we do not know it. */
function errorDebug(code: BindErrorCode, platform: Platform): string | null {
  if (platform === 'other') return null
  switch (code) {
    case 'EADDRINUSE':
    case 'EACCES':
    case 'EADDRNOTAVAIL': {
      const os = OS_ERRORS[platform][code]
      if (os === undefined) return null
      return `Os { code: ${os.code}, kind: ${os.kind}, message: ${JSON.stringify(os.message)} }`
    }
    case 'ENOTFOUND':
      // glibc's text for EAI_NONAME; macOS and Windows word it differently and were not observed.
      return platform === 'linux'
        ? 'Custom { kind: Uncategorized, error: "failed to lookup address information: Name or service not known" }'
        : null
    case 'EINVAL':
    case 'OTHER':
      return null
    default:
      return assertNever(code)
  }
}

/**
 * Listing 20-1's output for a bind that failed with `code` on `platform`, or null.
 *
 * A host typed with brackets (`[::1]`) is null too: Rust parses `"[::1]:7878"` as a socket
 * address and binds it, so it would not fail the way Node did.
 */
export function rustBindOutput(
  code: BindErrorCode,
  host: string,
  port: number,
  platform: Platform,
): RustOutput | null {
  if (host.startsWith('[')) return null
  const debug = errorDebug(code, platform)
  if (debug === null) return null
  const address = formatHostPort(host, port)
  return {
    bindCall: `TcpListener::bind(${rustStringLiteral(address)})`,
    panic: [
      `thread 'main' panicked at src/main.rs:${LISTING_20_1_LINE_NUMBER}:${unwrapColumn(address)}:`,
      `called \`Result::unwrap()\` on an \`Err\` value: ${debug}`,
    ],
    exitCode: 101,
  }
}
