import { describe, expect, it } from 'vitest'
import type { ChunkInfo } from '../../../shared/contract'
import { createConversationLayout } from '../conversation-layout'
import type { CaptureView } from '../state/capture-reader'
import { firstCursor, keyToMove, moveCursor } from './use-byte-cursor'

const enc = (s: string): Uint8Array => new TextEncoder().encode(s)

function viewOf(inText: string, outText: string, chunks: ChunkInfo[]): CaptureView {
  const a = enc(inText)
  const b = enc(outText)
  return {
    in: { bytes: a, length: a.length },
    out: { bytes: b, length: b.length },
    chunks,
    chunkCount: chunks.length,
    error: null,
  }
}

// Text lines: "ab\n", "cdef" (in), then "xy" (out).
const VIEW = viewOf('ab\ncdef', 'xy', [
  { direction: 'in', offset: 0, size: 7, kept: 7, mono: 1 },
  { direction: 'out', offset: 0, size: 2, kept: 2, mono: 2 },
])

describe('keyToMove', () => {
  it('maps keys to moves, Ctrl+Home/End to the stream ends', () => {
    expect(keyToMove('ArrowLeft', false)).toBe('left')
    expect(keyToMove('Home', false)).toBe('home')
    expect(keyToMove('Home', true)).toBe('first')
    expect(keyToMove('End', true)).toBe('last')
    expect(keyToMove('PageDown', false)).toBe('pageDown')
    expect(keyToMove('a', false)).toBeNull()
  })
})

describe('moveCursor in Text lines', () => {
  const layout = createConversationLayout('utf-8', 'both')
  layout.update(VIEW)

  it('steps over line ends and into the other direction', () => {
    expect(firstCursor(layout)).toEqual({ direction: 'in', offset: 0 })
    expect(moveCursor(layout, { direction: 'in', offset: 2 }, 'right', 10)).toEqual({
      direction: 'in',
      offset: 3,
    })
    expect(moveCursor(layout, { direction: 'in', offset: 6 }, 'right', 10)).toEqual({
      direction: 'out',
      offset: 0,
    })
    expect(moveCursor(layout, { direction: 'out', offset: 0 }, 'left', 10)).toEqual({
      direction: 'in',
      offset: 6,
    })
  })

  it('keeps the column going up and down, clamped to the line', () => {
    expect(moveCursor(layout, { direction: 'in', offset: 6 }, 'up', 10)).toEqual({
      direction: 'in',
      offset: 2,
    })
    expect(moveCursor(layout, { direction: 'in', offset: 5 }, 'down', 10)).toEqual({
      direction: 'out',
      offset: 1,
    })
  })

  it('stays in one direction when extending, and at the ends', () => {
    expect(moveCursor(layout, { direction: 'in', offset: 4 }, 'down', 10, 'in')).toEqual({
      direction: 'in',
      offset: 4,
    })
    expect(moveCursor(layout, { direction: 'in', offset: 0 }, 'left', 10)).toEqual({
      direction: 'in',
      offset: 0,
    })
    expect(moveCursor(layout, { direction: 'in', offset: 1 }, 'last', 10)).toEqual({
      direction: 'out',
      offset: 1,
    })
    expect(moveCursor(layout, { direction: 'in', offset: 1 }, 'last', 10, 'in')).toEqual({
      direction: 'in',
      offset: 6,
    })
    expect(moveCursor(layout, { direction: 'in', offset: 4 }, 'home', 10)).toEqual({
      direction: 'in',
      offset: 3,
    })
    expect(moveCursor(layout, { direction: 'in', offset: 0 }, 'pageDown', 10)).toEqual({
      direction: 'out',
      offset: 0,
    })
  })

  it('reports a byte that is not laid out', () => {
    expect(moveCursor(layout, { direction: 'in', offset: 99 }, 'right', 10)).toBeNull()
  })
})
