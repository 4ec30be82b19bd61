import { describe, expect, it } from 'vitest'
import { CHUNKS, IN, OUT } from './inspector-test-kit'
import { createConversationLayout } from './conversation-layout'
import { EMPTY_CAPTURE, type CaptureView } from './state/capture-reader'

function viewOf(inLength: number, outLength: number, chunkCount: number): CaptureView {
  return {
    ...EMPTY_CAPTURE,
    in: { bytes: IN, length: inLength },
    out: { bytes: OUT, length: outLength },
    chunks: CHUNKS,
    chunkCount,
  }
}

function rows(layout: ReturnType<typeof createConversationLayout>): string[] {
  const out: string[] = []
  for (let i = 0; i < layout.count; i++) {
    const row = layout.row(i)
    if (!row) out.push('?')
    else if (row.kind === 'block') out.push(`${row.block.direction} block`)
    else out.push(`${row.block.direction} ${row.from}-${row.to}`)
  }
  return out
}

describe('createConversationLayout', () => {
  it('merges consecutive chunks of a direction and lays out text lines', () => {
    const layout = createConversationLayout('utf-8', 'both')
    layout.update(viewOf(IN.length, OUT.length, CHUNKS.length))
    expect(rows(layout)).toEqual([
      'in block',
      'in 0-16',
      'in 16-25',
      'in 25-27',
      'out block',
      'out 0-17',
      'out 17-19',
      'out 19-21',
      'in block',
      'in 27-29',
    ])
    expect(layout.findRow('in', 17)).toBe(2)
    expect(layout.findRow('out', 20)).toBe(7)
    expect(layout.findRow('out', 99)).toBe(-1)
  })

  it('grows incrementally and waits for a chunk’s bytes', () => {
    const layout = createConversationLayout('hex', 'both')
    layout.update(viewOf(5, 0, 1))
    expect(rows(layout)).toEqual([])
    layout.update(viewOf(10, 0, 1))
    expect(rows(layout)).toEqual(['in block', 'in 0-10'])
    layout.update(viewOf(27, 0, 3))
    expect(rows(layout)).toEqual(['in block', 'in 0-16', 'in 16-27'])
    layout.update(viewOf(29, OUT.length, 4))
    expect(rows(layout)).toEqual([
      'in block',
      'in 0-16',
      'in 16-27',
      'out block',
      'out 0-16',
      'out 16-21',
      'in block',
      'in 27-29',
    ])
  })

  it('shows one direction only', () => {
    const layout = createConversationLayout('latin1', 'in')
    layout.update(viewOf(IN.length, OUT.length, CHUNKS.length))
    expect(rows(layout)).toEqual(['in block', 'in 0-16', 'in 16-25', 'in 25-27', 'in 27-29'])
  })
})

describe('createConversationLayout, fixed rows (paged captures)', () => {
  it('cuts Text every 128 stream bytes from the chunks alone, without reading a byte', () => {
    const size = 100 * 1000 * 1000
    const layout = createConversationLayout('utf-8', 'both', true)
    layout.update({
      ...EMPTY_CAPTURE,
      // No bytes at all: only the lengths say the chunks are there.
      in: { bytes: new Uint8Array(0), length: size },
      chunks: [
        { direction: 'in', offset: 0, size: 100, kept: 100, mono: 1 },
        { direction: 'in', offset: 100, size: size - 100, kept: size - 100, mono: 2 },
      ],
      chunkCount: 2,
    })
    expect(layout.count).toBe(1 + Math.ceil(size / 128))
    expect(layout.row(1)).toMatchObject({ kind: 'line', from: 0, to: 128 })
    expect(layout.row(layout.count - 1)).toMatchObject({
      from: Math.floor((size - 1) / 128) * 128,
      to: size,
    })
    expect(layout.findRow('in', size / 2)).toBe(1 + Math.floor(size / 2 / 128))
  })
})
