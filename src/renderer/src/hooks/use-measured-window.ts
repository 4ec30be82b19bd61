/**
 * A virtual window over rows of varying height (wrapped lines): which rows of a long list to
 * render for a scroll container.
 *
 * Rows are placed by their measured heights, and by an estimate until they have been on screen.
 * Each rendered row carries `data-row-key`; after every render the rows on screen are measured,
 * and when rows coming into view above turn out taller or shorter than guessed, the scroll
 * position moves with the row that was at the top of the view, so that what the user reads stays
 * put. A change of width rewraps every line, so the measurements start over. Without a height
 * (jsdom, first paint) the first (or last) `fallbackRows` rows are rendered.
 */
import { useCallback, useLayoutEffect, useRef, useState, type RefObject, type UIEvent } from 'react'

export interface MeasuredWindow<E extends HTMLElement> {
  ref: RefObject<E | null>
  onScroll: (event: UIEvent<E>) => void
  /** First rendered row. */
  start: number
  /** One past the last rendered row. */
  end: number
  /** Space above and below the rendered rows, in px. */
  padTop: number
  padBottom: number
  /** The height of all rows, measured or estimated, in px. */
  total: number
}

export interface MeasuredOptions {
  count: number
  /** A row's stable key (what `data-row-key` says on its element). */
  keyAt: (index: number) => number
  /** A row's height in px before it is measured (one line). */
  estimate: number
  /** Rows rendered beyond each edge of the view, in px. */
  overscan?: number
  fallbackRows?: number
  /** Without a height, render the last rows instead of the first (a log that follows the end). */
  isFallbackAtEnd?: boolean
}

/** The attribute each rendered row carries, for measuring. */
export const ROW_KEY_ATTRIBUTE = 'data-row-key'

const keyOf = (row: HTMLElement): number => Number(row.getAttribute(ROW_KEY_ATTRIBUTE))

/** A row's place in the scrolled content of `el`, in the page's own (unzoomed) px, as scrollTop. */
function placeOf(el: HTMLElement, row: HTMLElement): number {
  return row.offsetTop - (row.offsetParent === el ? 0 : el.offsetTop)
}

/** The first row of `el` still in view, and its place in the content. */
function firstInView(el: HTMLElement): { key: number; at: number } | null {
  const top = el.scrollTop
  for (const row of el.querySelectorAll<HTMLElement>(`[${ROW_KEY_ATTRIBUTE}]`)) {
    const at = placeOf(el, row)
    if (at + row.offsetHeight > top) return { key: keyOf(row), at }
  }
  return null
}

/** What was measured at one width; unmeasured rows count as `typical` (or the estimate). */
interface Measurements {
  width: number
  heights: Map<number, number>
  /**
   * The first rows measured at this width, on average. It stays put until the width changes, so
   * that it never moves rows under the user's eyes.
   */
  typical: number | null
}

/** The rows to render for `count` rows in the container behind `ref`; see the module comment. */
export function useMeasuredWindow<E extends HTMLElement>({
  count,
  keyAt,
  estimate,
  overscan = 400,
  fallbackRows = 200,
  isFallbackAtEnd = false,
}: MeasuredOptions): MeasuredWindow<E> {
  const ref = useRef<E | null>(null)
  const [measured, setMeasured] = useState<Measurements>(() => ({
    width: 0,
    heights: new Map(),
    typical: null,
  }))
  const [scrollTop, setScrollTop] = useState(0)
  const [height, setHeight] = useState(0)
  /** The first row in view at the last render or scroll, and its place in the content. */
  const anchor = useRef<{ key: number; at: number } | null>(null)

  useLayoutEffect(() => {
    const el = ref.current
    if (!el) return
    const resize = (): void => {
      setHeight(el.clientHeight)
      // A new width rewraps every line: what was measured no longer holds.
      setMeasured((m) =>
        m.width === el.clientWidth
          ? m
          : { width: el.clientWidth, heights: new Map(), typical: null },
      )
    }
    resize()
    if (typeof ResizeObserver === 'undefined') return
    const observer = new ResizeObserver(resize)
    observer.observe(el)
    return () => observer.disconnect()
  }, [])

  const onScroll = useCallback((event: UIEvent<E>) => {
    const el = event.currentTarget
    anchor.current = firstInView(el)
    setScrollTop(el.scrollTop)
  }, [])

  const guess = measured.typical ?? estimate
  const heightAt = (index: number): number => measured.heights.get(keyAt(index)) ?? guess

  let start = isFallbackAtEnd ? Math.max(0, count - fallbackRows) : 0
  let end = isFallbackAtEnd ? count : Math.min(count, fallbackRows)
  let padTop = 0
  let padBottom = 0
  let total = 0
  if (height > 0) {
    const from = scrollTop - overscan
    const to = scrollTop + height + overscan
    start = count
    end = count
    for (let i = 0; i < count; i++) {
      const h = heightAt(i)
      if (start === count && total + h > from) {
        start = i
        padTop = total
      }
      if (end === count && total >= to) end = i
      total += h
    }
    if (start === count) padTop = total
    for (let i = end; i < count; i++) padBottom += heightAt(i)
  } else {
    for (let i = 0; i < count; i++) {
      const h = heightAt(i)
      if (i < start) padTop += h
      else if (i >= end) padBottom += h
      total += h
    }
  }
  const firstKey = start < end ? keyAt(start) : -1
  const lastKey = start < end ? keyAt(end - 1) : -1

  // After a render that may have moved rows: keep the row the user was reading where it was,
  // then measure what is on screen (and render again if that changed anything).
  useLayoutEffect(() => {
    const el = ref.current
    if (!el) return
    const settle = (): void => {
      const rows = el.querySelectorAll<HTMLElement>(`[${ROW_KEY_ATTRIBUTE}]`)

      // Rows that came into view above it were guessed shorter or taller than they are: the
      // view moves with the row it showed at its top, instead of the content sliding under it.
      const held = anchor.current
      const heldRow = held && [...rows].find((row) => keyOf(row) === held.key)
      if (held && heldRow) {
        const moved = placeOf(el, heldRow) - held.at
        if (moved !== 0) {
          el.scrollTop += moved
          // The scroll event comes later; the window should follow now.
          setScrollTop(el.scrollTop)
        }
      }

      const news: [number, number][] = []
      let sum = 0
      let shown = 0
      for (const row of rows) {
        const h = row.offsetHeight
        if (h === 0) continue
        sum += h
        shown += 1
        const key = keyOf(row)
        if (measured.heights.get(key) !== h) news.push([key, h])
      }
      const typical = measured.typical ?? (shown > 0 ? sum / shown : null)
      if (news.length > 0 || typical !== measured.typical)
        setMeasured((m) => {
          if (m !== measured) return m
          const heights = new Map(m.heights)
          for (const [key, h] of news) heights.set(key, h)
          return { width: m.width, heights, typical }
        })
      anchor.current = firstInView(el)
    }
    settle()
  }, [measured, start, end, firstKey, lastKey, padTop])

  return { ref, onScroll, start, end, padTop, padBottom, total }
}
