/**
 * A virtual window over rows of varying height (wrapped lines): which rows of a long list to
 * render for a scroll container.
 *
 * Rows are placed by their measured heights, and by an estimate until they have been on screen.
 * Each rendered row carries `data-row-key` and is watched by a ResizeObserver, which reports
 * sizes after the browser's own layout: nothing here reads a size or a position right after a
 * render, so a render never forces a synchronous layout. The heights live in one mutable map (a
 * version number tells React when they changed), so a burst of new rows copies nothing.
 *
 * When rows above the one at the top of the view turn out taller or shorter than guessed, the
 * scroll position moves by the difference, so that what the user reads stays put. A change of
 * width rewraps every line, so the measurements start over. Without a height (jsdom, first
 * paint) the first (or last) `fallbackRows` rows are rendered.
 */
import { useCallback, useLayoutEffect, useRef, useState, type RefObject, type UIEvent } from 'react'
import { watchExactly } from './watch-exactly'

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
  /**
   * The view follows the end (use-follow-bottom): the window is the last rows whatever the last
   * scroll event said, so new rows render where they will be seen, in one render.
   */
  isAtEnd?: boolean
  /** The scroll container's ref, when the component made it (to share it with another hook). */
  ref?: RefObject<HTMLElement | null>
}

/** The attribute each rendered row carries, for measuring. */
export const ROW_KEY_ATTRIBUTE = 'data-row-key'

const keyOf = (row: Element): number => Number(row.getAttribute(ROW_KEY_ATTRIBUTE))

/**
 * What was measured at one width; unmeasured rows count as `typical` (or the estimate). One
 * mutable object for the hook's life: the observers write it, renders read it, and the hook's
 * version state says when it changed.
 */
class Measurements {
  width = 0
  heights = new Map<number, number>()
  /**
   * The first rows measured at this width, on average. It stays put until the width changes, so
   * that it never moves rows under the user's eyes.
   */
  typical: number | null = null

  /** A new width: every line may wrap differently, so everything is measured again. */
  restart(width: number): void {
    this.width = width
    this.heights = new Map()
    this.typical = null
  }

  heightOf(key: number, estimate: number): number {
    return this.heights.get(key) ?? this.typical ?? estimate
  }
}

/** The rows of the last render: their keys in order and where the first one starts. */
interface Rendered {
  keys: number[]
  padTop: number
  /** Following the end: the follower scrolls, the anchor is not held. */
  isAtEnd: boolean
}

/** A row's border-box height as the observer reports it (whole px, as offsetHeight would). */
function observedHeight(entry: ResizeObserverEntry): number {
  const box = entry.borderBoxSize as ResizeObserverSize[] | ResizeObserverSize | undefined
  const size = Array.isArray(box) ? box[0] : box
  return Math.round(size?.blockSize ?? (entry.target as HTMLElement).offsetHeight)
}

/** The rows to render for `count` rows in the container behind `ref`; see the module comment. */
export function useMeasuredWindow<E extends HTMLElement>({
  count,
  keyAt,
  estimate,
  overscan = 400,
  fallbackRows = 200,
  isFallbackAtEnd = false,
  isAtEnd = false,
  ref: givenRef,
}: MeasuredOptions): MeasuredWindow<E> {
  const ownRef = useRef<E | null>(null)
  const ref = (givenRef as RefObject<E | null> | undefined) ?? ownRef
  const [measured] = useState(() => new Measurements())
  /** Bumped when a measurement changes what the window computes. */
  const [, setVersion] = useState(0)
  const [scrollTop, setScrollTop] = useState(0)
  const [height, setHeight] = useState(0)
  const rendered = useRef<Rendered>({ keys: [], padTop: 0, isAtEnd: false })
  /** The key of the rendered row at the top of the view (as of the last scroll or measure). */
  const anchor = useRef<number | null>(null)

  /** The first rendered row in view at `top`, by the heights known now. */
  const anchorAt = useCallback(
    (top: number): number | null => {
      const { keys, padTop } = rendered.current
      let at = padTop
      for (const key of keys) {
        at += measured.heightOf(key, estimate)
        if (at > top) return key
      }
      return null
    },
    [estimate, measured],
  )

  useLayoutEffect(() => {
    const el = ref.current
    if (!el) return
    const resize = (): void => {
      setHeight(el.clientHeight)
      // A new width rewraps every line: what was measured no longer holds.
      if (measured.width !== el.clientWidth) {
        measured.restart(el.clientWidth)
        setVersion((v) => v + 1)
      }
    }
    resize()
    if (typeof ResizeObserver === 'undefined') return
    const observer = new ResizeObserver(resize)
    observer.observe(el)
    return () => observer.disconnect()
  }, [measured, ref])

  // Rows are measured when the browser has laid them out (and again when they change size).
  const rowObserver = useRef<ResizeObserver | null>(null)
  const watched = useRef(new Set<Element>())
  useLayoutEffect(() => {
    if (typeof ResizeObserver === 'undefined') return
    const observer = new ResizeObserver((entries) => {
      const el = ref.current
      if (!el) return
      const m = measured
      const held = anchor.current
      const heldIndex = held === null ? -1 : rendered.current.keys.indexOf(held)
      let isChanged = false
      let shift = 0
      let sum = 0
      let shown = 0
      for (const entry of entries) {
        if (!entry.target.isConnected) continue
        const h = observedHeight(entry)
        if (h === 0) continue
        sum += h
        shown += 1
        const key = keyOf(entry.target)
        const before = m.heights.get(key)
        if (before === h) continue
        m.heights.set(key, h)
        isChanged = true
        // Rows above the one the user reads push it down (or pull it up) by what they changed.
        const index = rendered.current.keys.indexOf(key)
        if (heldIndex >= 0 && index >= 0 && index < heldIndex)
          shift += h - (before ?? m.typical ?? estimate)
      }
      if (m.typical === null && shown > 0) {
        m.typical = sum / shown
        isChanged = true
      }
      if (shift !== 0 && !rendered.current.isAtEnd) {
        el.scrollTop += shift
        // The scroll event comes later; the window should follow now.
        setScrollTop(el.scrollTop)
      }
      if (isChanged) setVersion((v) => v + 1)
    })
    rowObserver.current = observer
    const rows = watched.current
    return () => {
      observer.disconnect()
      rows.clear()
      rowObserver.current = null
    }
  }, [estimate, measured, ref])

  const onScroll = useCallback(
    (event: UIEvent<E>) => {
      const top = event.currentTarget.scrollTop
      anchor.current = anchorAt(top)
      setScrollTop(top)
    },
    [anchorAt],
  )

  const heightAt = (index: number): number => measured.heightOf(keyAt(index), estimate)

  let start = isFallbackAtEnd ? Math.max(0, count - fallbackRows) : 0
  let end = isFallbackAtEnd ? count : Math.min(count, fallbackRows)
  let padTop = 0
  let padBottom = 0
  let total = 0
  if (height > 0) {
    let top = scrollTop
    if (isAtEnd) {
      let all = 0
      for (let i = 0; i < count; i++) all += heightAt(i)
      top = Math.max(0, all - height)
    }
    const from = top - overscan
    const to = top + height + overscan
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

  // After each render: remember which rows are where, watch the new rows, let go of the gone.
  useLayoutEffect(() => {
    const keys: number[] = []
    for (let i = start; i < end; i++) keys.push(keyAt(i))
    rendered.current = { keys, padTop, isAtEnd }
    anchor.current ??= anchorAt(scrollTop)
    const el = ref.current
    const observer = rowObserver.current
    if (!el || !observer) return
    watchExactly(observer, watched.current, new Set(el.querySelectorAll(`[${ROW_KEY_ATTRIBUTE}]`)))
  })

  return { ref, onScroll, start, end, padTop, padBottom, total }
}
