/**
 * The keyboard byte cursor of the Text and Hex views: one byte of one direction's stream that the
 * arrow keys move (Shift extends the shared selection from its anchor, Escape clears it).
 *
 * Moves follow the rows as laid out (both directions interleaved when both are shown); a move
 * that extends a selection stays in the anchor's direction, skipping the other's rows, since a
 * selection is one direction's byte range. Offsets alone are needed, so paged captures work too.
 */
import { useCallback, type KeyboardEvent, type RefObject } from 'react'
import type { Direction } from '../../../shared/contract'
import { HEX_LINE_BYTES } from '../bytes-format'
import type { ByteRange, ConversationLayout } from '../conversation-layout'

/** The cursor: one byte of one direction. */
export interface ByteCursor {
  direction: Direction
  offset: number
}

/** What a key asks of the cursor. */
export type CursorMove =
  'left' | 'right' | 'up' | 'down' | 'home' | 'end' | 'first' | 'last' | 'pageUp' | 'pageDown'

/** The move a key stands for, or null for other keys. */
export function keyToMove(key: string, isCtrl: boolean): CursorMove | null {
  switch (key) {
    case 'ArrowLeft':
      return 'left'
    case 'ArrowRight':
      return 'right'
    case 'ArrowUp':
      return 'up'
    case 'ArrowDown':
      return 'down'
    case 'Home':
      return isCtrl ? 'first' : 'home'
    case 'End':
      return isCtrl ? 'last' : 'end'
    case 'PageUp':
      return 'pageUp'
    case 'PageDown':
      return 'pageDown'
    default:
      return null
  }
}

interface LineRow {
  index: number
  direction: Direction
  from: number
  to: number
}

function lineAt(layout: ConversationLayout, index: number): LineRow | null {
  const row = layout.row(index)
  if (!row || row.kind !== 'line' || row.to <= row.from) return null
  return { index, direction: row.block.direction, from: row.from, to: row.to }
}

/** The next line row from `index` by `step` (±1), of `only` direction when given. */
function nextLine(
  layout: ConversationLayout,
  index: number,
  step: 1 | -1,
  only: Direction | null,
): LineRow | null {
  for (let i = index + step; i >= 0 && i < layout.count; i += step) {
    const line = lineAt(layout, i)
    if (line && (!only || line.direction === only)) return line
  }
  return null
}

/** Where a line's columns start: Hex columns are aligned to 16, Text's to the line's start. */
function columnBase(layout: ConversationLayout, line: LineRow): number {
  return layout.mode === 'hex' ? Math.floor(line.from / HEX_LINE_BYTES) * HEX_LINE_BYTES : line.from
}

function atColumn(layout: ConversationLayout, line: LineRow, column: number): ByteCursor {
  const offset = Math.min(line.to - 1, Math.max(line.from, columnBase(layout, line) + column))
  return { direction: line.direction, offset }
}

/** The first byte laid out (of `only` direction when given). */
export function firstCursor(
  layout: ConversationLayout,
  only: Direction | null = null,
): ByteCursor | null {
  const line = nextLine(layout, -1, 1, only)
  return line && { direction: line.direction, offset: line.from }
}

/**
 * Where `move` takes `cursor` in `layout`, `pageRows` rows to a screen; with `only`, rows of the
 * other direction are skipped. Returns the cursor itself where it cannot move, null when the
 * cursor's byte is not laid out (it is then to be reset).
 */
export function moveCursor(
  layout: ConversationLayout,
  cursor: ByteCursor,
  move: CursorMove,
  pageRows: number,
  only: Direction | null = null,
): ByteCursor | null {
  const index = layout.findRow(cursor.direction, cursor.offset)
  const line = index >= 0 ? lineAt(layout, index) : null
  if (!line) return null
  const column = cursor.offset - columnBase(layout, line)
  const vertical = (step: 1 | -1, times: number): ByteCursor => {
    let target = line
    for (let i = 0; i < times; i++) {
      const next = nextLine(layout, target.index, step, only)
      if (!next) break
      target = next
    }
    return target === line ? cursor : atColumn(layout, target, column)
  }
  switch (move) {
    case 'right': {
      if (cursor.offset + 1 < line.to) return { ...cursor, offset: cursor.offset + 1 }
      const next = nextLine(layout, index, 1, only)
      return next ? { direction: next.direction, offset: next.from } : cursor
    }
    case 'left': {
      if (cursor.offset > line.from) return { ...cursor, offset: cursor.offset - 1 }
      const previous = nextLine(layout, index, -1, only)
      return previous ? { direction: previous.direction, offset: previous.to - 1 } : cursor
    }
    case 'down':
      return vertical(1, 1)
    case 'up':
      return vertical(-1, 1)
    case 'pageDown':
      return vertical(1, Math.max(1, pageRows))
    case 'pageUp':
      return vertical(-1, Math.max(1, pageRows))
    case 'home':
      return { ...cursor, offset: line.from }
    case 'end':
      return { ...cursor, offset: line.to - 1 }
    case 'first':
      return firstCursor(layout, only) ?? cursor
    case 'last': {
      const last = nextLine(layout, layout.count, -1, only)
      return last ? { direction: last.direction, offset: last.to - 1 } : cursor
    }
    default: {
      const never: never = move
      return never
    }
  }
}

/** The first byte of the first line row on screen in `container` (lines carry `data-row`). */
function firstShown(layout: ConversationLayout, container: HTMLElement | null): ByteCursor | null {
  const top = container?.getBoundingClientRect().top ?? 0
  for (const line of container?.querySelectorAll<HTMLElement>('[data-row]') ?? []) {
    if (line.getBoundingClientRect().bottom <= top) continue
    const shown = nextLine(layout, Number(line.dataset.row) - 1, 1, null)
    if (shown) return { direction: shown.direction, offset: shown.from }
  }
  return firstCursor(layout)
}

export interface ByteCursorKeysOptions {
  layout: ConversationLayout
  cursor: ByteCursor | null
  selection: ByteRange | null
  /** Moves the cursor; `isExtending` (Shift) extends the selection to it, otherwise selects it. */
  onCursor(cursor: ByteCursor, isExtending: boolean): void
  onClear(): void
  /** The scroll container (its height makes a page) and how to bring a row into view. */
  containerRef: RefObject<HTMLElement | null>
  rowHeight: number
  scrollToIndex(index: number): void
}

/** The keydown handler of a byte view: arrows, Home/End, PageUp/PageDown, Escape. */
export function useByteCursorKeys({
  layout,
  cursor,
  selection,
  onCursor,
  onClear,
  containerRef,
  rowHeight,
  scrollToIndex,
}: ByteCursorKeysOptions): (event: KeyboardEvent<HTMLElement>) => void {
  return useCallback(
    (event: KeyboardEvent<HTMLElement>) => {
      if (event.altKey || event.metaKey) return
      if (event.key === 'Escape') {
        if (!selection) return
        event.preventDefault()
        event.stopPropagation()
        onClear()
        return
      }
      const move = keyToMove(event.key, event.ctrlKey)
      if (!move) return
      event.preventDefault()
      const height = containerRef.current?.clientHeight ?? 0
      const pageRows = height > 0 ? Math.max(1, Math.floor(height / rowHeight) - 1) : 20
      const only = event.shiftKey ? (selection?.direction ?? cursor?.direction ?? null) : null
      // The cursor starts on the selection, or else on the first byte on screen (where an arrow
      // leaves it; Home, End, a page or Ctrl+Home/End move from there).
      const from =
        cursor && layout.findRow(cursor.direction, cursor.offset) >= 0
          ? cursor
          : selection && layout.findRow(selection.direction, selection.start) >= 0
            ? { direction: selection.direction, offset: selection.start }
            : null
      const first = firstShown(layout, containerRef.current)
      const isStep = move === 'left' || move === 'right' || move === 'up' || move === 'down'
      const next = from
        ? (moveCursor(layout, from, move, pageRows, only) ?? first)
        : first && !isStep
          ? moveCursor(layout, first, move, pageRows)
          : first
      if (!next) return
      onCursor(next, event.shiftKey)
      const index = layout.findRow(next.direction, next.offset)
      if (index >= 0) scrollToIndex(index)
    },
    [layout, cursor, selection, onCursor, onClear, containerRef, rowHeight, scrollToIndex],
  )
}
