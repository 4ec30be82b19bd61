/**
 * The rows Text and Hex show for a capture: its conversation laid out for a mode (Text's decoding,
 * or Hex) and a direction filter, extended as the capture grows.
 */
import { useMemo } from 'react'
import {
  createConversationLayout,
  type ConversationLayout,
  type DirectionFilter,
  type LayoutMode,
} from '../../conversation-layout'
import type { CaptureView } from '../../state/capture-reader'
import type { Capture } from './use-capture'

export interface ConversationRows {
  layout: ConversationLayout
  /** Rows in the layout now (the layout grows in place: a new count is what re-renders lines). */
  count: number
}

/** What the layout reads: the reader's view, or when paged its chunks with the store's totals. */
function layoutInput(view: CaptureView, totals: Capture['totals'], isPaged: boolean): CaptureView {
  if (!isPaged) return view
  // Paged, chunks are laid out by their offsets alone: the totals stand in for fetched bytes.
  return {
    ...view,
    in: { bytes: view.in.bytes, length: totals.in },
    out: { bytes: view.out.bytes, length: totals.out },
  }
}

/** The rows of `capture` in `mode` showing `filter`. */
export function useConversationRows(
  capture: Capture,
  mode: LayoutMode,
  filter: DirectionFilter,
): ConversationRows {
  const { view, totals, isPaged } = capture
  const input = useMemo(() => layoutInput(view, totals, isPaged), [view, totals, isPaged])
  const layout = useMemo(
    () => createConversationLayout(mode, filter, isPaged),
    [mode, filter, isPaged],
  )
  // A cache keyed by what it is built from: the layout only lays out what `input` adds to it, so
  // running this again for the same layout and input changes nothing.
  return useMemo(() => {
    layout.update(input)
    return { layout, count: layout.count }
  }, [layout, input])
}
