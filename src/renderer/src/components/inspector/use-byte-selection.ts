/**
 * The selection Text and Hex share for one connection: a range of one direction's bytes, the
 * keyboard cursor, and where the views should scroll to (a search match).
 */
import { useState } from 'react'
import { extendRange, type ByteRange, type ScrollTarget } from '../../conversation-layout'
import type { ByteCursor } from '../../hooks/use-byte-cursor'

export interface ByteSelection {
  /** The selected bytes, or null. */
  range: ByteRange | null
  /** The keyboard cursor: one byte, outlined once a key moved it. */
  cursor: ByteCursor | null
  /** Whether the cursor is outlined (after a key moved it; a click or a match only places it). */
  isCursorShown: boolean
  /** Where the views scroll to; a new one per request. */
  scrollTarget: ScrollTarget | null
  /** A click selects bytes; `isExtending` (shift) extends the selection from its anchor. */
  onSelect(range: ByteRange, isExtending: boolean): void
  /** The keyboard moved the cursor; `isExtending` (shift) extends the selection to it. */
  onCursor(cursor: ByteCursor, isExtending: boolean): void
  /** Escape, or copying it away: nothing is selected. */
  onClear(): void
}

/** The selection and its moves, plus `onFound` for search: select a match and scroll to it. */
export function useByteSelection(): ByteSelection & { onFound(range: ByteRange): void } {
  const [range, setRange] = useState<ByteRange | null>(null)
  const [anchor, setAnchor] = useState<ByteRange | null>(null)
  const [cursor, setCursor] = useState<ByteCursor | null>(null)
  const [isCursorShown, setIsCursorShown] = useState(false)
  const [scrollTarget, setScrollTarget] = useState<ScrollTarget | null>(null)

  const onSelect = (next: ByteRange, isExtending: boolean): void => {
    setCursor({ direction: next.direction, offset: next.start })
    setIsCursorShown(false)
    if (isExtending && anchor && anchor.direction === next.direction) {
      setRange(extendRange(anchor, next.start, next.end))
      return
    }
    setAnchor(next)
    setRange(next)
  }
  // The keyboard: a move selects the cursor's byte; Shift extends from the anchor (or from where
  // the cursor was, when nothing of that direction is anchored).
  const onCursor = (next: ByteCursor, isExtending: boolean): void => {
    const byte = { direction: next.direction, start: next.offset, end: next.offset + 1 }
    if (isExtending) {
      const from =
        anchor && range && anchor.direction === next.direction
          ? anchor
          : cursor && cursor.direction === next.direction
            ? { direction: cursor.direction, start: cursor.offset, end: cursor.offset + 1 }
            : byte
      setAnchor(from)
      setRange(extendRange(from, next.offset))
    } else {
      setAnchor(byte)
      setRange(byte)
    }
    setCursor(next)
    setIsCursorShown(true)
  }
  const onClear = (): void => {
    setRange(null)
    setAnchor(null)
  }
  const onFound = (match: ByteRange): void => {
    setCursor({ direction: match.direction, offset: match.start })
    setIsCursorShown(false)
    setAnchor(match)
    setRange(match)
    setScrollTarget((s) => ({
      direction: match.direction,
      offset: match.start,
      seq: (s?.seq ?? 0) + 1,
    }))
  }

  return { range, cursor, isCursorShown, scrollTarget, onSelect, onCursor, onClear, onFound }
}
