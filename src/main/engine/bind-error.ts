/**
 * Turns Node's listen error into a {@link BindFailure}: the code, the facts of this machine, the
 * commands that show who holds a port, one-click fixes and what Listing 20-1 would print.
 */
import { readFileSync } from 'node:fs'
import type { BindErrorCode, BindFailure, BindFix, Platform } from '../../shared/bind-failure'
import { formatHostPort, isLoopbackHost, isWildcardHost } from '../../shared/address'
import { DEFAULT_HOST, DEFAULT_PORT } from '../../shared/contract'
import { assertNever } from '../../shared/result'
import { rustBindOutput } from './rust-output'

const UNPRIVILEGED_PORT_START_FILE = '/proc/sys/net/ipv4/ip_unprivileged_port_start'

/** The explanations' platform: the four the app knows, everything else 'other'. */
export function toPlatform(platform: NodeJS.Platform): Platform {
  return platform === 'linux' || platform === 'darwin' || platform === 'win32' ? platform : 'other'
}

/** Linux's first unprivileged port, or null when unreadable or not Linux. */
export function readUnprivilegedPortStart(platform: Platform): number | null {
  if (platform !== 'linux') return null
  try {
    const value = Number(readFileSync(UNPRIVILEGED_PORT_START_FILE, 'utf8').trim())
    return Number.isInteger(value) ? value : null
  } catch {
    return null
  }
}

/** Whether this process runs as root (false where there are no uids, i.e. Windows). */
export function isRootProcess(): boolean {
  return process.getuid?.() === 0
}

export interface BindErrorContext {
  /** The host and port that were asked for (ENOTFOUND errors carry no port). */
  host: string
  port: number
  platform: Platform
  /** Defaults to reading /proc on Linux. */
  unprivilegedPortStart?: number | null
  /** Defaults to this process's uid. */
  isRoot?: boolean
}

const KNOWN_CODES: readonly BindErrorCode[] = [
  'EACCES',
  'EADDRINUSE',
  'EADDRNOTAVAIL',
  'ENOTFOUND',
  'EINVAL',
]

function classifyCode(rawCode: string): BindErrorCode {
  return KNOWN_CODES.find((code) => code === rawCode) ?? 'OTHER'
}

interface ErrorFields {
  rawCode: string
  errno: number | null
  syscall: string | null
  message: string
}

function errorFields(err: unknown): ErrorFields {
  if (typeof err !== 'object' || err === null)
    return { rawCode: 'UNKNOWN', errno: null, syscall: null, message: String(err) }
  const e = err as { code?: unknown; errno?: unknown; syscall?: unknown; message?: unknown }
  return {
    rawCode: typeof e.code === 'string' ? e.code : 'UNKNOWN',
    errno: typeof e.errno === 'number' ? e.errno : null,
    syscall: typeof e.syscall === 'string' ? e.syscall : null,
    message: typeof e.message === 'string' ? e.message : String(err),
  }
}

/** Who holds the port (EADDRINUSE), or Windows' reserved ranges (EACCES). */
export function bindCommands(code: BindErrorCode, port: number, platform: Platform): string[] {
  const lsof = `lsof -nP -iTCP:${port} -sTCP:LISTEN`
  if (code === 'EADDRINUSE') {
    switch (platform) {
      case 'linux':
        return [`ss -ltnp 'sport = :${port}'`, lsof]
      case 'darwin':
        return [lsof]
      case 'win32':
        return [
          `netstat -ano | findstr :${port}`,
          `Get-NetTCPConnection -LocalPort ${port} -State Listen`,
        ]
      case 'other':
        return []
      default:
        return assertNever(platform)
    }
  }
  if (code === 'EACCES' && platform === 'win32')
    return ['netsh interface ipv4 show excludedportrange protocol=tcp']
  return []
}

/** The one-click fixes the card offers, most likely first. */
export function bindFixes(code: BindErrorCode, host: string, port: number): BindFix[] {
  switch (code) {
    case 'EADDRINUSE':
      return [{ kind: 'use-port-0' }]
    case 'EACCES': {
      // Below 1024 keep the digits people recognise (80 → 8080). On Windows EACCES means an
      // excluded range, not a privileged port, but any other port is the fix there too.
      const other =
        port < 1024 ? port + 8000 : port === DEFAULT_PORT ? DEFAULT_PORT + 1 : DEFAULT_PORT
      return [{ kind: 'use-port', port: other }, { kind: 'use-port-0' }]
    }
    case 'ENOTFOUND':
      if (host.startsWith('[')) {
        const unbracketed = host.replace(/^\[/, '').replace(/\]$/, '')
        if (unbracketed !== '' && unbracketed !== DEFAULT_HOST)
          return [
            { kind: 'use-host', host: unbracketed },
            { kind: 'use-host', host: DEFAULT_HOST },
          ]
      }
      return [{ kind: 'use-host', host: DEFAULT_HOST }]
    case 'EADDRNOTAVAIL':
    case 'EINVAL':
      return [{ kind: 'use-host', host: DEFAULT_HOST }]
    case 'OTHER':
      return []
    default:
      return assertNever(code)
  }
}

/** Classifies a listen error (from 'error' or thrown by listen()) for the host and port asked. */
export function classifyBindError(err: unknown, context: BindErrorContext): BindFailure {
  const { host, port, platform } = context
  const fields = errorFields(err)
  const code = classifyCode(fields.rawCode)
  return {
    code,
    rawCode: fields.rawCode,
    errno: fields.errno,
    syscall: fields.syscall,
    host,
    port,
    address: formatHostPort(host, port),
    message: fields.message,
    platform,
    facts: {
      unprivilegedPortStart:
        context.unprivilegedPortStart !== undefined
          ? context.unprivilegedPortStart
          : readUnprivilegedPortStart(platform),
      isWildcard: isWildcardHost(host),
      isLoopback: isLoopbackHost(host),
      hostHasBrackets: host.startsWith('['),
      isRoot: context.isRoot ?? isRootProcess(),
    },
    commands: bindCommands(code, port, platform),
    fixes: bindFixes(code, host, port),
    rust: rustBindOutput(code, host, port, platform),
  }
}
