/**
 * The process's open-file limit, and the engine's share of it for accepted connections.
 *
 * Every accepted connection holds a file descriptor. At the soft RLIMIT_NOFILE, accept() fails
 * with EMFILE and libuv quietly accepts and closes what waits in the backlog (its "EMFILE trick",
 * which Node does not report): clients would be turned away with nothing shown. So the engine
 * keeps its connections below the limit, with room for its own files and the GUI's sockets, and
 * refuses the rest visibly (ListenerRuntime's accept-failed event).
 *
 * Standalone Node raises the soft limit to the hard one at start on POSIX (src/node.cc,
 * PlatformInit, unless an embedder opts out); where the soft limit is still lower (an embedder
 * that did not), the engine raises it on Linux with prlimit(1), if present.
 */
import { spawnSync } from 'node:child_process'
import { readdirSync, readFileSync } from 'node:fs'
import type { Platform } from '../../shared/bind-failure'
import type { DescriptorLimit } from '../../shared/contract'

/** The soft and hard "Max open files" of /proc/self/limits; null for a missing or odd line. */
export function parseOpenFileLimit(limits: string): { soft: number; hard: number | null } | null {
  const line = limits.split('\n').find((l) => l.startsWith('Max open files'))
  const fields = line?.slice('Max open files'.length).trim().split(/\s+/) ?? []
  const [soft, hard] = fields.map((f) => (f === 'unlimited' ? null : Number(f)))
  if (soft === undefined || soft === null || !Number.isSafeInteger(soft) || soft <= 0) return null
  if (hard === undefined || (hard !== null && !Number.isSafeInteger(hard))) return null
  return { soft, hard }
}

/**
 * Descriptors kept free for what is not an accepted connection: the app's own files, the GUI's
 * sockets, the client's connections, a diagnostic's pipes.
 */
export function descriptorHeadroom(soft: number): number {
  return Math.max(32, Math.ceil(soft / 16))
}

/** How many accepted connections fit below `soft` when `inUse` descriptors are open already. */
export function connectionCapacity(soft: number, inUse: number): number {
  return Math.max(1, soft - inUse - descriptorHeadroom(soft))
}

function readLinuxLimit(): { soft: number; hard: number | null } | null {
  try {
    return parseOpenFileLimit(readFileSync('/proc/self/limits', 'utf8'))
  } catch {
    return null
  }
}

/**
 * The open-file limit and the connections that fit below it (Linux; null elsewhere, where it is
 * not known). Raises the soft limit to the hard one first where it is lower and prlimit allows.
 */
export function readDescriptorLimit(platform: Platform): DescriptorLimit | null {
  if (platform !== 'linux') return null
  let limit = readLinuxLimit()
  if (limit === null) return null
  if (limit.hard !== null && limit.soft < limit.hard) {
    spawnSync('prlimit', ['--pid', String(process.pid), `--nofile=${limit.hard}:${limit.hard}`], {
      stdio: 'ignore',
      timeout: 2000,
    })
    limit = readLinuxLimit() ?? limit
  }
  let inUse = 0
  try {
    inUse = readdirSync('/proc/self/fd').length
  } catch {
    // Unknown: the headroom alone stands for it.
  }
  return { ...limit, capacity: connectionCapacity(limit.soft, inUse) }
}

/**
 * The engine's accepted connections against the capacity, across all listeners. Without a known
 * limit it never refuses.
 */
export class ConnectionAllowance {
  private live = 0

  constructor(readonly limit: DescriptorLimit | null) {}

  /** Takes a place for a connection just accepted; false when none is left (refuse it). */
  take(): boolean {
    if (this.limit !== null && this.live >= this.limit.capacity) return false
    this.live += 1
    return true
  }

  /** A connection that took a place closed. */
  release(): void {
    this.live = Math.max(0, this.live - 1)
  }
}
