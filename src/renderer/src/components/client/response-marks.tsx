/**
 * The bytes a response linter's finding is about, marked in the Client's Text and Hex views.
 */
import { Fragment, type ReactNode } from 'react'
import type { ClientFinding } from '../../../../shared/client-types'

/** A finding's marked bytes, clipped to what was kept: `[start, end)`, finding `index`. */
export interface Marked {
  index: number
  start: number
  end: number
}

/** Each finding's bytes among the `kept` bytes of the response (a point at the end marks none). */
export function markedBytes(findings: readonly ClientFinding[], kept: number): Marked[] {
  return findings.flatMap((f, index): Marked[] => {
    const start = f.offset
    const end = Math.min(f.offset + f.length, kept)
    return end > start ? [{ index, start, end }] : []
  })
}

/** The finding whose marked bytes hold `offset`, or undefined. */
function markAt(marks: readonly Marked[], offset: number): Marked | undefined {
  return marks.find((m) => offset >= m.start && offset < m.end)
}

/** Pieces in a row, those inside a finding's bytes wrapped in a mark. */
export function withMarks<T extends { from: number }>(
  pieces: readonly T[],
  marks: readonly Marked[],
  active: number | null,
  render: (piece: T) => ReactNode,
): ReactNode[] {
  return pieces.map((piece) => {
    const mark = markAt(marks, piece.from)
    if (mark === undefined) return <Fragment key={piece.from}>{render(piece)}</Fragment>
    return (
      <mark
        key={piece.from}
        data-finding={mark.index}
        className={mark.index === active ? 'client-marked client-marked-active' : 'client-marked'}
      >
        {render(piece)}
      </mark>
    )
  })
}
