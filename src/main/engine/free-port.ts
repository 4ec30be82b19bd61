/**
 * Finding a port to propose: the first one from a starting point that no Socket Lab listener is
 * set to and that the OS lets this process listen on right now (probed with a real listen that is
 * closed at once). Used when a listener is added and when a stage's port is taken.
 */
import { createServer } from 'node:net'
import { FREE_PORT_TRIES } from '../../shared/diagnostics-types'

/** Whether this process could listen on host:port now. Never throws. */
export function canListen(host: string, port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const probe = createServer()
    probe.once('error', () => resolve(false))
    try {
      probe.listen({ host, port, exclusive: true }, () => probe.close(() => resolve(true)))
    } catch {
      resolve(false)
    }
  })
}

/**
 * The first port from `from` (up to FREE_PORT_TRIES of them, never past 65535) not in `taken`
 * and free on `host`; null when none is.
 */
export async function findFreePort(
  host: string,
  from: number,
  taken: ReadonlySet<number>,
  probe: (host: string, port: number) => Promise<boolean> = canListen,
): Promise<number | null> {
  for (let port = from; port < from + FREE_PORT_TRIES && port <= 65535; port++) {
    if (taken.has(port)) continue
    if (await probe(host, port)) return port
  }
  return null
}
