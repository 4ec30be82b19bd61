import { describe, expect, it } from 'vitest'
import { manualHost } from '../test-utils'
import { BUSY_EVENTS, BUSY_GAP_MS, createPacer } from './pacer'

/**
 * A pacer on a page the test drives: `flushed` holds, per render, the items taken since the one
 * before; `taken` every take as it came.
 */
function paced() {
  const host = manualHost()
  const flushed: number[][] = []
  const taken: number[][] = []
  let unshown: number[] = []
  const pacer = createPacer<number>(
    {
      take(items) {
        taken.push(items)
        unshown.push(...items)
      },
      show() {
        flushed.push(unshown)
        unshown = []
      },
    },
    host,
  )
  return { host, flushed, taken, pacer }
}

describe('the commit pacer', () => {
  it('hands everything queued within a frame over once, at the frame', () => {
    const { host, flushed, pacer } = paced()
    pacer.push(1, 1)
    pacer.push(2, 1)
    pacer.push(3, 1)
    expect(flushed).toEqual([])
    host.paint()
    expect(flushed).toEqual([[1, 2, 3]])
    pacer.push(4, 1)
    host.paint()
    expect(flushed).toEqual([[1, 2, 3], [4]])
  })

  it('in a burst, waits BUSY_GAP_MS between flushes and loses nothing', () => {
    const { host, flushed, pacer } = paced()
    pacer.push(1, BUSY_EVENTS)
    host.paint()
    expect(flushed).toEqual([[1]])
    // The next batches come every frame; the page renders them together after the gap.
    for (let i = 2; i <= 6; i++) {
      pacer.push(i, BUSY_EVENTS)
      host.advance(16)
      host.paint()
    }
    expect(flushed).toEqual([[1]])
    host.advance(BUSY_GAP_MS)
    host.paint()
    expect(flushed).toEqual([[1], [2, 3, 4, 5, 6]])
    // Quiet again: a small batch after the gap is shown at the next frame.
    host.advance(BUSY_GAP_MS)
    pacer.push(7, 1)
    host.paint()
    expect(flushed.at(-1)).toEqual([7])
  })

  it('a busy batch close behind a small one waits for the gap: a burst starts with one render', () => {
    const { host, flushed, taken, pacer } = paced()
    // The burst's first events, few, are shown at once.
    pacer.push(1, 3)
    host.paint()
    expect(flushed).toEqual([[1]])
    // Its next batch, a busy one, a frame later: taken into the state, shown after the gap.
    host.advance(16)
    pacer.push(2, BUSY_EVENTS)
    host.advance(0)
    host.paint()
    expect(taken).toEqual([[1], [2]])
    expect(flushed).toEqual([[1]])
    host.advance(BUSY_GAP_MS)
    host.paint()
    expect(flushed).toEqual([[1], [2]])
    // Long after a render, a busy batch is shown at the next frame as any other.
    host.advance(2 * BUSY_GAP_MS)
    pacer.push(3, BUSY_EVENTS)
    host.paint()
    expect(flushed.at(-1)).toEqual([3])
  })

  it('in a burst, takes each batch into the state soon after it came, and renders after the gap', () => {
    const { host, flushed, taken, pacer } = paced()
    pacer.push(1, BUSY_EVENTS)
    host.paint()
    expect(taken).toEqual([[1]])
    pacer.push(2, BUSY_EVENTS)
    pacer.push(3, BUSY_EVENTS)
    host.advance(0)
    // One small task for what came meanwhile; no render yet.
    expect(taken).toEqual([[1], [2, 3]])
    pacer.push(4, BUSY_EVENTS)
    host.advance(16)
    expect(taken).toEqual([[1], [2, 3], [4]])
    expect(flushed).toEqual([[1]])
    host.advance(BUSY_GAP_MS)
    host.paint()
    expect(flushed).toEqual([[1], [2, 3, 4]])
    expect(taken).toEqual([[1], [2, 3], [4]])
  })

  it('flushes by timer on a hidden page, which has no frames', () => {
    const { host, flushed, pacer } = paced()
    host.hidden = true
    pacer.push(1, 1)
    host.advance(0)
    expect(flushed).toEqual([[1]])
  })

  it('a frame that never comes (hidden after the request) is covered by a timer', () => {
    const { host, flushed, pacer } = paced()
    pacer.push(1, 1)
    host.advance(BUSY_GAP_MS)
    expect(flushed).toEqual([[1]])
    host.paint()
    expect(flushed).toEqual([[1]])
  })

  it('flushNow hands over at once; dispose drops the queue and the timers', () => {
    const { host, flushed, pacer } = paced()
    pacer.push(1, 1)
    pacer.flushNow()
    expect(flushed).toEqual([[1]])
    host.paint()
    expect(flushed).toEqual([[1]])
    pacer.push(2, 1)
    pacer.dispose()
    host.paint()
    host.advance(1000)
    expect(flushed).toEqual([[1]])
  })
})
