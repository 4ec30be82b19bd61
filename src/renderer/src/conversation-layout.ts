/**
 * The rows of the conversation as the Text and Hex views show it: the kept reads and writes in
 * the order they happened, consecutive ones of one direction merged into a block, each block a
 * header row (its direction) and then its lines.
 *
 * Built incrementally: chunks and bytes only ever grow, so each update lays out only what is new
 * (the last line of the last block is scanned again, as it may still grow). Hex lines are computed
 * from offsets, Text lines keep one start offset each, so a row is found by a binary search over
 * blocks, not by holding an object per row.
 */
import type { ChunkInfo, Direction } from '../../shared/contract'
import { decodeUtf8At, HEX_LINE_BYTES, TEXT_LINE_BYTES, type Decoding } from './bytes-format'
import type { CaptureView } from './state/capture-reader'

/** Which directions a view shows. */
export type DirectionFilter = 'both' | Direction

/** How lines are cut: Text lines by character (per decoding), Hex lines every 16 stream bytes. */
export type LayoutMode = Decoding | 'hex'

/** Consecutive chunks of one direction, laid out together. */
export interface Block {
  direction: Direction
  /** Stream offsets of its bytes in that direction, `[from, to)`. */
  from: number
  to: number
  /** Index of its first chunk in the conversation, and how many it merges. */
  firstChunk: number
  chunkCount: number
  /** Engine monotonic ms of its first chunk. */
  mono: number
  /** Its header's row index. */
  firstRow: number
  /** Text mode: the start offset of each line. Empty in Hex mode. */
  lineStarts: number[]
  lineCount: number
}

export type Row =
  | { kind: 'block'; block: Block; index: number }
  | { kind: 'line'; block: Block; index: number; from: number; to: number }

export interface ConversationLayout {
  readonly mode: LayoutMode
  readonly blocks: readonly Block[]
  /** Rows in all. */
  count: number
  row(index: number): Row | undefined
  /** The row holding `offset` of `direction`, or -1 when that byte is not laid out. */
  findRow(direction: Direction, offset: number): number
  /** Lays out what `view` adds; returns whether anything changed. */
  update(view: CaptureView): boolean
}

function fixedLineCount(from: number, to: number, width: number): number {
  if (to <= from) return 0
  return Math.floor((to - 1) / width) - Math.floor(from / width) + 1
}

/** Extends `starts` (non-empty) to cover `bytes[.., to)`, scanning again from the last start. */
function extendStarts(bytes: Uint8Array, to: number, starts: number[], decoding: Decoding): void {
  let lineStart = starts[starts.length - 1] ?? 0
  let pos = lineStart
  while (pos < to) {
    let size = 1
    let isNewline = bytes[pos] === 0x0a
    if (decoding === 'utf-8') {
      const unit = decodeUtf8At(bytes, pos, to)
      size = unit.kind === 'char' ? unit.size : 1
      isNewline = unit.kind === 'char' && unit.codePoint === 0x0a
    }
    if (pos > lineStart && pos - lineStart + size > TEXT_LINE_BYTES) {
      lineStart = pos
      starts.push(pos)
    }
    pos += size
    if (isNewline && pos < to) {
      lineStart = pos
      starts.push(pos)
    }
  }
}

/**
 * An empty layout for `mode` showing `filter`; feed it views with {@link ConversationLayout.update}.
 *
 * With `isFixed`, Text lines too are cut at stream offsets (every TEXT_LINE_BYTES, aligned), so
 * no byte needs to be read to lay them out: large captures are paged and only counted here.
 */
export function createConversationLayout(
  mode: LayoutMode,
  filter: DirectionFilter,
  isFixed = false,
): ConversationLayout {
  const width = mode === 'hex' ? HEX_LINE_BYTES : isFixed ? TEXT_LINE_BYTES : 0
  const blocks: Block[] = []
  let processed = 0

  const layoutBlock = (block: Block, view: CaptureView): void => {
    if (width > 0 || mode === 'hex') {
      block.lineCount = fixedLineCount(block.from, block.to, width)
      return
    }
    extendStarts(view[block.direction].bytes, block.to, block.lineStarts, mode)
    block.lineCount = block.to > block.from ? block.lineStarts.length : 0
  }

  const layout: ConversationLayout = {
    mode,
    blocks,
    count: 0,
    row(index) {
      let lo = 0
      let hi = blocks.length - 1
      while (lo < hi) {
        const mid = (lo + hi + 1) >> 1
        if ((blocks[mid]?.firstRow ?? 0) <= index) lo = mid
        else hi = mid - 1
      }
      const block = blocks[lo]
      if (!block || index < block.firstRow || index >= layout.count) return undefined
      const line = index - block.firstRow - 1
      if (line < 0) return { kind: 'block', block, index }
      if (line >= block.lineCount) return undefined
      if (width > 0) {
        const base = Math.floor(block.from / width) * width
        const from = line === 0 ? block.from : base + line * width
        const to = Math.min(block.to, base + (line + 1) * width)
        return { kind: 'line', block, index, from, to }
      }
      const from = block.lineStarts[line] ?? block.to
      const to = block.lineStarts[line + 1] ?? block.to
      return { kind: 'line', block, index, from, to }
    },
    findRow(direction, offset) {
      for (const block of blocks) {
        if (block.direction !== direction || offset < block.from || offset >= block.to) continue
        if (width > 0) {
          const line = Math.floor(offset / width) - Math.floor(block.from / width)
          return block.firstRow + 1 + line
        }
        let lo = 0
        let hi = block.lineStarts.length - 1
        while (lo < hi) {
          const mid = (lo + hi + 1) >> 1
          if ((block.lineStarts[mid] ?? 0) <= offset) lo = mid
          else hi = mid - 1
        }
        return block.firstRow + 1 + lo
      }
      return -1
    },
    update(view) {
      let isChanged = false
      const chunks = view.chunks
      while (processed < view.chunkCount) {
        const chunk: ChunkInfo | undefined = chunks[processed]
        if (!chunk) break
        // Lay out a chunk only once its bytes are here, so earlier blocks never change.
        if (chunk.offset + chunk.kept > view[chunk.direction].length) break
        processed += 1
        if (chunk.kept === 0 || (filter !== 'both' && chunk.direction !== filter)) continue
        isChanged = true
        const last = blocks[blocks.length - 1]
        if (last && last.direction === chunk.direction && last.to === chunk.offset) {
          last.to = chunk.offset + chunk.kept
          last.chunkCount += 1
          layoutBlock(last, view)
        } else {
          const block: Block = {
            direction: chunk.direction,
            from: chunk.offset,
            to: chunk.offset + chunk.kept,
            firstChunk: processed - 1,
            chunkCount: 1,
            mono: chunk.mono,
            firstRow: layout.count,
            lineStarts: width > 0 ? [] : [chunk.offset],
            lineCount: 0,
          }
          blocks.push(block)
          layoutBlock(block, view)
        }
        const tail = blocks[blocks.length - 1]
        if (tail) layout.count = tail.firstRow + 1 + tail.lineCount
      }
      return isChanged
    },
  }
  return layout
}

/** Bytes `[start, end)` of one direction's stream: the shared selection, a search match, a mark. */
export interface ByteRange {
  direction: Direction
  start: number
  end: number
}

/** A request to scroll the views to a byte; `seq` changes with every request. */
export interface ScrollTarget {
  direction: Direction
  offset: number
  seq: number
}

/** Whether byte `offset` of `direction` lies in `range`. */
export function isInRange(range: ByteRange | null, direction: Direction, offset: number): boolean {
  return (
    range !== null && range.direction === direction && offset >= range.start && offset < range.end
  )
}

/** The range from `anchor` to `offset` (either side), both bytes included. */
export function extendRange(anchor: ByteRange, offset: number, to = offset + 1): ByteRange {
  return {
    direction: anchor.direction,
    start: Math.min(anchor.start, offset),
    end: Math.max(anchor.end, to),
  }
}
