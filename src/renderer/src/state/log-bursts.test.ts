import { describe, expect, it } from 'vitest'
import type { LogEntry, LogMessage } from './log'
import { BURST_GAP_MS, BURST_MIN_ACCEPTS, logRows } from './log-bursts'

const AT = Date.UTC(2026, 0, 1)
let id = 0
const line = (at: number, message: LogMessage, listenerNumber = 1): LogEntry => ({
  id: ++id,
  at: AT + at,
  listenerId: `l${listenerNumber}`,
  listenerNumber,
  message,
})

/** `count` connections accepted and closed, one every `gapMs`, from `startMs`. */
function connections(count: number, gapMs: number, startMs = 0): LogEntry[] {
  const lines: LogEntry[] = []
  for (let n = 1; n <= count; n++) {
    const at = startMs + n * gapMs
    lines.push(
      line(at, {
        kind: 'connection-established',
        connectionNumber: n,
        remote: '127.0.0.1:5000',
        isBookLine: true,
      }),
      line(at, {
        kind: 'closed',
        connectionNumber: n,
        reason: n % 10 === 0 ? 'reset' : 'us',
        errorCode: null,
      }),
    )
  }
  return lines
}

const listening = (at: number): LogEntry =>
  line(at, { kind: 'listening', address: '127.0.0.1:7878' })

describe('bursts in the log', () => {
  it('sums a fast run of connections into one row that keeps every line', () => {
    const burst = connections(400, 1) // 400 connections in 0.4 s
    const entries = [listening(0), ...burst, line(2000, { kind: 'stopped' })]
    const rows = logRows(entries, new Set())
    expect(rows.map((r) => r.kind)).toEqual(['entry', 'burst', 'entry'])
    const summary = rows[1]
    if (summary?.kind !== 'burst') throw new Error('no burst')
    expect(summary.burst).toMatchObject({ accepted: 400, peerEnded: 0, closed: 400, resets: 40 })
    expect(summary.burst.entries).toEqual(burst)
    expect(summary.burst.to - summary.burst.from).toBe(399)

    // Opened: the summary, then every line in order.
    const open = logRows(entries, new Set([summary.burst.id]))
    expect(open).toHaveLength(3 + burst.length)
    expect(open.slice(2, -1).map((r) => (r.kind === 'entry' ? r.entry : null))).toEqual(burst)
  })

  it('keeps slow traffic and small runs line by line', () => {
    const slow = connections(BURST_MIN_ACCEPTS * 2, 50) // 20 a second
    const few = connections(BURST_MIN_ACCEPTS - 1, 1, 100_000)
    const rows = logRows([...slow, ...few], new Set())
    expect(rows.every((r) => r.kind === 'entry')).toBe(true)
    expect(rows).toHaveLength(slow.length + few.length)
  })

  it('a pause or another kind of line ends a burst', () => {
    const first = connections(200, 1)
    const second = connections(200, 1, 400 + BURST_GAP_MS + 1)
    const third = connections(200, 1, 10_000)
    const rows = logRows([...first, ...second, listening(9_000), ...third], new Set())
    expect(rows.map((r) => r.kind)).toEqual(['burst', 'burst', 'entry', 'burst'])
  })

  it('keeps a forwarded burst in one row, the lines about the target inside it', () => {
    const forwarded = connections(200, 1).flatMap((e) =>
      e.message.kind === 'connection-established'
        ? [
            e,
            line(e.at - AT, {
              kind: 'target',
              connectionNumber: e.message.connectionNumber,
              line: { change: 'connected', address: '127.0.0.1:7879', ms: 0.3 },
            }),
          ]
        : [e],
    )
    const rows = logRows(forwarded, new Set())
    expect(rows.map((r) => r.kind)).toEqual(['burst'])
    expect(rows[0]?.kind === 'burst' && rows[0].burst.entries).toHaveLength(600)
  })

  it('counts the clients that sent FIN (a Silent listener and curl)', () => {
    const lines = connections(150, 1).map((e) =>
      e.message.kind === 'closed'
        ? line(e.at - AT, { kind: 'peer-ended', connectionNumber: e.message.connectionNumber })
        : e,
    )
    const [row] = logRows(lines, new Set())
    expect(row?.kind === 'burst' && row.burst).toMatchObject({
      accepted: 150,
      peerEnded: 150,
      closed: 0,
    })
  })
})
