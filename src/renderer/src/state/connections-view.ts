/**
 * What the connections table shows: the filters above it and the idle flag on its rows. Pure, so
 * the table memoizes one pass per change of the connections or the filter.
 */
import { formatHostPort } from '../../../shared/address'
import { IDLE_FLAG_MS, type ConnectionSnapshot, type Endpoint } from '../../../shared/contract'
import { isConnectionOpen } from './selectors'

export type StateFilter = 'all' | 'open' | 'closed'

export const STATE_FILTERS: readonly StateFilter[] = ['all', 'open', 'closed']

export interface ConnectionFilter {
  state: StateFilter
  /** Only this listener's connections; all listeners' when null. */
  listenerId: string | null
  /** Part of the remote or local address as the table writes it (127.0.0.1:50000, [::1]:80). */
  text: string
}

export const NO_FILTER: ConnectionFilter = { state: 'all', listenerId: null, text: '' }

/** Anything filtered out? */
export function isFilterActive(f: ConnectionFilter): boolean {
  return f.state !== 'all' || f.listenerId !== null || f.text.trim() !== ''
}

// Endpoints keep their identity when a data event replaces the connection object, so an address
// is formatted once per connection, not once per filter pass.
const addressText = new WeakMap<Endpoint, string>()

function addressOf(e: Endpoint): string {
  let text = addressText.get(e)
  if (text === undefined) {
    text = formatHostPort(e.address, e.port).toLowerCase()
    addressText.set(e, text)
  }
  return text
}

/** The connections `filter` lets through, in the same order; the same array when none is set. */
export function filterConnections(
  connections: readonly ConnectionSnapshot[],
  filter: ConnectionFilter,
): readonly ConnectionSnapshot[] {
  if (!isFilterActive(filter)) return connections
  const text = filter.text.trim().toLowerCase()
  return connections.filter((c) => {
    if (filter.listenerId !== null && c.listenerId !== filter.listenerId) return false
    if (filter.state === 'open' && !isConnectionOpen(c)) return false
    if (filter.state === 'closed' && isConnectionOpen(c)) return false
    if (text !== '' && !addressOf(c.remote).includes(text) && !addressOf(c.local).includes(text))
      return false
    return true
  })
}

/**
 * Received nothing IDLE_FLAG_MS after accept and still readable: often a browser's speculative
 * connection, where a server blocked in read() would wait. `now` is wall-clock ms.
 */
export function isIdle(c: ConnectionSnapshot, now: number): boolean {
  return (
    (c.state === 'open' || c.state === 'we-ended') &&
    c.bytesIn === 0 &&
    now - c.acceptedAt >= IDLE_FLAG_MS
  )
}

/** A FIN would still end something: neither closed nor already ended by us. */
export function isClosableWithFin(c: ConnectionSnapshot): boolean {
  return c.state === 'open' || c.state === 'peer-ended'
}
