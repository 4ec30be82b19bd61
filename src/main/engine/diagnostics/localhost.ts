/**
 * What `localhost` resolves to here, and which of those addresses accept a connection on a port.
 *
 * The probes are real connections: the listener accepts them (and counts them) like any other;
 * each is closed as soon as it is established.
 */
import { lookup } from 'node:dns/promises'
import { connect } from 'node:net'
import {
  PROBE_TIMEOUT_MS,
  TOOL_TIMEOUT_MS,
  type LocalhostProbe,
  type LocalhostReport,
  type LocalhostVerdict,
  type ProbeOutcome,
  type ResolvedAddress,
} from '../../../shared/diagnostics-types'

/** Probed even when `localhost` does not resolve to them: the two loopback addresses. */
const LOOPBACKS: readonly ResolvedAddress[] = [
  { address: '127.0.0.1', family: 4 },
  { address: '::1', family: 6 },
]

function errorCode(err: unknown): string {
  const code = (err as { code?: unknown } | null)?.code
  return typeof code === 'string' ? code : 'UNKNOWN'
}

async function resolveLocalhost(): Promise<{ resolved: ResolvedAddress[]; error: string | null }> {
  let timer: NodeJS.Timeout | undefined
  const timeout = new Promise<never>((_resolve, reject) => {
    timer = setTimeout(
      () => reject(Object.assign(new Error('timeout'), { code: 'ETIMEOUT' })),
      TOOL_TIMEOUT_MS,
    )
  })
  try {
    const all = await Promise.race([lookup('localhost', { all: true, verbatim: true }), timeout])
    const resolved = all
      .filter((a) => a.family === 4 || a.family === 6)
      .map((a) => ({ address: a.address, family: a.family === 6 ? 6 : 4 }) as const)
    return { resolved, error: null }
  } catch (err) {
    return { resolved: [], error: errorCode(err) }
  } finally {
    clearTimeout(timer)
  }
}

/** One connection attempt: accepted (then closed at once), refused, timed out, or another error. */
export function probe(
  address: string,
  port: number,
  timeoutMs = PROBE_TIMEOUT_MS,
): Promise<{ outcome: ProbeOutcome; code: string | null }> {
  return new Promise((resolve) => {
    const socket = connect({ host: address, port, timeout: timeoutMs })
    const finish = (outcome: ProbeOutcome, code: string | null): void => {
      socket.destroy()
      resolve({ outcome, code })
    }
    socket.once('connect', () => finish('accepted', null))
    socket.once('timeout', () => finish('timeout', null))
    socket.once('error', (err) => {
      const code = errorCode(err)
      finish(code === 'ECONNREFUSED' ? 'refused' : 'error', code)
    })
  })
}

/** The verdict on the addresses `localhost` resolves to. */
export function localhostVerdict(
  port: number | null,
  lookupError: string | null,
  probes: readonly LocalhostProbe[],
): LocalhostVerdict {
  if (lookupError !== null) return 'lookup-failed'
  if (port === null) return 'not-probed'
  const resolved = probes.filter((p) => p.isResolved)
  const accepted = resolved.filter((p) => p.outcome === 'accepted').length
  if (resolved.length > 0 && accepted === resolved.length) return 'all'
  return accepted > 0 ? 'some' : 'none'
}

/** Resolves `localhost` and, given a port, probes each address; never rejects. */
export async function checkLocalhost(port: number | null): Promise<LocalhostReport> {
  const { resolved, error } = await resolveLocalhost()
  const targets = [...resolved]
  for (const loopback of LOOPBACKS)
    if (!targets.some((t) => t.address === loopback.address)) targets.push(loopback)
  const probes: LocalhostProbe[] =
    port === null
      ? []
      : await Promise.all(
          targets.map(async (t) => ({
            ...t,
            isResolved: resolved.some((r) => r.address === t.address),
            ...(await probe(t.address, port)),
          })),
        )
  return {
    port,
    resolved,
    lookupError: error,
    probes,
    verdict: localhostVerdict(port, error, probes),
  }
}
