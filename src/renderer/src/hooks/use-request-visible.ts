/**
 * Asks a byte source for what the rendered rows of a byte view span, after each render.
 *
 * A view adds each rendered row's range while it renders; the effect then requests, per direction,
 * the span from the first to the last (a screen: a few pages at most). Sources skip what they
 * hold or are already fetching, so asking after every render is cheap and also recovers a page
 * that was dropped (a stream's short last page once it grew).
 */
import { useEffect } from 'react'
import type { Direction } from '../../../shared/contract'
import type { ByteSource } from '../state/capture-pager'

export interface VisibleRanges {
  add(direction: Direction, from: number, to: number): void
  readonly spans: Partial<Record<Direction, { from: number; to: number }>>
}

/** A collector for this render's rows (a new one every render). */
export function useVisibleRanges(): VisibleRanges {
  const spans: VisibleRanges['spans'] & Record<string, { from: number; to: number }> = {}
  return {
    spans,
    add(direction, from, to) {
      const span = spans[direction]
      if (!span) spans[direction] = { from, to }
      else {
        span.from = Math.min(span.from, from)
        span.to = Math.max(span.to, to)
      }
    },
  }
}

/** Requests the spans `visible` collected from `source` once the render is committed. */
export function useRequestVisible(source: ByteSource, visible: VisibleRanges): void {
  useEffect(() => {
    for (const direction of ['in', 'out'] as const) {
      const span = visible.spans[direction]
      if (span) source.request(direction, span.from, span.to)
    }
  })
}
