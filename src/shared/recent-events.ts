/**
 * Which events the engine keeps for a snapshot's `recentEvents`, from which a reload rebuilds the
 * event log and the lessons' trail: every event but the capture totals and the forgotten
 * connections (the snapshot carries the count and leaves them out), and of the reads and
 * writes only each connection's first in each direction (the request line and the status line the
 * lessons look at), so a reload rebuilds the same checkpoints without keeping every read.
 */
import type { EngineEvent } from './contract'

export function isRecentEvent(event: EngineEvent): boolean {
  if (event.type === 'capture-totals' || event.type === 'connections-forgotten') return false
  if (event.type !== 'connection-data') return true
  return event.direction === 'in' ? event.chunksIn === 1 : event.chunksOut === 1
}
