/**
 * Bursts in the event log: when connections arrive faster than anyone can read, their lines
 * become one summary row ("1,912 connections accepted in 0.4 s") that opens to show them all.
 *
 * A view over the log, derived from the same entries every time: nothing is dropped or stored
 * twice, the lines are only grouped. A burst is a run of connection lines (accept, FIN, close,
 * drop, the program's per-connection lines, a forwarded connection's leg to its target) with no
 * other line between them and no pause longer than {@link BURST_GAP_MS}, that has at least
 * {@link BURST_MIN_ACCEPTS} accepts at {@link BURST_MIN_RATE} or more a second. Slower traffic
 * stays line by line.
 */
import type { LogEntry, LogMessage } from './log'

export const BURST_MIN_ACCEPTS = 100
/** Accepts a second, over the run's first to last line. */
export const BURST_MIN_RATE = 100
/** A pause longer than this ends a run, in ms. */
export const BURST_GAP_MS = 1000

export interface LogBurst {
  /** The first line's id: a stable key while the log keeps that line. */
  id: number
  entries: readonly LogEntry[]
  accepted: number
  /** Connections whose client sent FIN (the browser or curl done sending). */
  peerEnded: number
  closed: number
  resets: number
  /** Wall-clock ms of the first and the last line. */
  from: number
  to: number
  /** The listener's number when all lines are one listener's; 0 otherwise. */
  listenerNumber: number
}

export type LogRow =
  | { kind: 'entry'; entry: LogEntry; inBurst: boolean }
  | { kind: 'burst'; burst: LogBurst; isOpen: boolean }

function isConnectionLine(m: LogMessage): boolean {
  switch (m.kind) {
    case 'connection-established':
    case 'peer-ended':
    case 'we-ended':
    case 'closed':
    case 'dropped':
    case 'target':
      return true
    case 'program':
      return m.connectionNumber !== null
    default:
      return false
  }
}

function summarise(entries: readonly LogEntry[]): LogBurst {
  let accepted = 0
  let peerEnded = 0
  let closed = 0
  let resets = 0
  let listenerNumber = entries[0]?.listenerNumber ?? 0
  for (const e of entries) {
    if (e.message.kind === 'connection-established') accepted++
    else if (e.message.kind === 'peer-ended') peerEnded++
    else if (e.message.kind === 'closed') {
      closed++
      if (e.message.reason === 'reset') resets++
    }
    if (e.listenerNumber !== listenerNumber) listenerNumber = 0
  }
  return {
    id: entries[0]?.id ?? -1,
    entries,
    accepted,
    peerEnded,
    closed,
    resets,
    from: entries[0]?.at ?? 0,
    to: entries.at(-1)?.at ?? 0,
    listenerNumber,
  }
}

function isBurst(b: LogBurst): boolean {
  if (b.accepted < BURST_MIN_ACCEPTS) return false
  const seconds = Math.max(b.to - b.from, 1) / 1000
  return b.accepted / seconds >= BURST_MIN_RATE
}

/**
 * The rows the log shows for `entries` (oldest first): bursts summarised, the bursts whose id is
 * in `open` followed by their lines.
 */
export function logRows(entries: readonly LogEntry[], open: ReadonlySet<number>): LogRow[] {
  const rows: LogRow[] = []
  let run: LogEntry[] = []
  const endRun = (): void => {
    if (run.length === 0) return
    const burst = summarise(run)
    if (isBurst(burst)) {
      const isOpen = open.has(burst.id)
      rows.push({ kind: 'burst', burst, isOpen })
      if (isOpen) for (const entry of run) rows.push({ kind: 'entry', entry, inBurst: true })
    } else for (const entry of run) rows.push({ kind: 'entry', entry, inBurst: false })
    run = []
  }
  for (const entry of entries) {
    if (!isConnectionLine(entry.message)) {
      endRun()
      rows.push({ kind: 'entry', entry, inBurst: false })
      continue
    }
    const last = run.at(-1)
    if (last && entry.at - last.at > BURST_GAP_MS) endRun()
    run.push(entry)
  }
  endRun()
  return rows
}
