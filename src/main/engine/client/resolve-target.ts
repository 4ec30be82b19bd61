/**
 * The client's target host, resolved once before a plan runs: the addresses are checked (any that
 * is not loopback needs the user's confirmation) and then pinned, so every connection of the plan
 * goes to the addresses that were checked, never to what a later lookup might return.
 */
import { lookup as dnsLookup, type LookupAddress } from 'node:dns'
import type { LookupFunction } from 'node:net'
import { isLoopbackHost } from '../../../shared/address'
import { err, ok, type Result } from '../../../shared/result'

/** A lookup that gives every address of `host` (tests may pass their own). */
export type HostLookup = (host: string) => Promise<LookupAddress[]>

/** How long a plan waits for its host to resolve before its requests fail with EAI_AGAIN. */
export const LOOKUP_TIMEOUT_MS = 5000

/** The real lookup: the OS resolver (hosts file, DNS), every address, in its order. */
export const osLookup: HostLookup = (host) =>
  new Promise((resolve, reject) => {
    dnsLookup(host, { all: true }, (err, addresses) => (err ? reject(err) : resolve(addresses)))
  })

/** The target's addresses, or the lookup's error code (its requests fail with it). */
export type ResolvedTarget = Result<LookupAddress[], string>

function codeOf(err: unknown): string {
  const code = (err as { code?: unknown } | null)?.code
  return typeof code === 'string' ? code : 'ENOTFOUND'
}

/** Resolves `host` with `lookup`, giving up after {@link LOOKUP_TIMEOUT_MS}; never rejects. */
export async function resolveTarget(
  host: string,
  lookup: HostLookup = osLookup,
  timeoutMs = LOOKUP_TIMEOUT_MS,
): Promise<ResolvedTarget> {
  let timer: ReturnType<typeof setTimeout> | undefined
  const timeout = new Promise<ResolvedTarget>((resolve) => {
    timer = setTimeout(() => resolve(err('EAI_AGAIN')), timeoutMs)
  })
  const lookedUp = lookup(host).then(
    (addresses): ResolvedTarget => (addresses.length === 0 ? err('ENOTFOUND') : ok(addresses)),
    (error: unknown): ResolvedTarget => err(codeOf(error)),
  )
  try {
    return await Promise.race([lookedUp, timeout])
  } finally {
    clearTimeout(timer)
  }
}

/** 127.0.0.0/8, ::1, or an IPv4-mapped 127.x address: connecting to it stays on this machine. */
export function isLoopbackAddress(address: string): boolean {
  const mapped = /^::ffff:(\d{1,3}(?:\.\d{1,3}){3})$/i.exec(address)
  return isLoopbackHost(mapped?.[1] ?? address) && address.toLowerCase() !== 'localhost'
}

/** The resolved addresses that leave this machine. */
export function remoteAddresses(addresses: readonly LookupAddress[]): string[] {
  return addresses.filter((a) => !isLoopbackAddress(a.address)).map((a) => a.address)
}

/**
 * A `lookup` for `net.connect` that answers with the pinned result: the checked addresses (both
 * forms Node asks for: all of them for Happy Eyeballs, or the first), or the lookup's error.
 */
export function pinnedLookup(target: ResolvedTarget): LookupFunction {
  return (hostname, options, callback) => {
    if (!target.ok) {
      const err: NodeJS.ErrnoException = Object.assign(
        new Error(`getaddrinfo ${target.error} ${hostname}`),
        { code: target.error, syscall: 'getaddrinfo', hostname },
      )
      callback(err, '', 0)
      return
    }
    const first = target.value[0]
    if (options.all === true) callback(null, target.value)
    else callback(null, first?.address ?? '', first?.family ?? 4)
  }
}
