/**
 * A fixed-row-height virtual window: which rows of a long list to render for a scroll container.
 *
 * Only the visible rows plus an overscan are rendered, with padding for the rest. Where the
 * container has no height yet (jsdom, first paint) a first window of `fallbackRows` is rendered.
 */
import { useCallback, useLayoutEffect, useRef, useState, type RefObject, type UIEvent } from 'react'

/** Tallest scroll content rendered; taller lists scale the scroll position (see below). */
export const MAX_SCROLL_HEIGHT = 15_000_000

export interface VirtualWindow<E extends HTMLElement> {
  ref: RefObject<E | null>
  onScroll: (event: UIEvent<E>) => void
  /** First rendered row. */
  start: number
  /** One past the last rendered row. */
  end: number
  /** Space above and below the rendered rows, in px. */
  padTop: number
  padBottom: number
  /** The container has a height: the window follows the scroll position. */
  isMeasured: boolean
  /** Scrolls so that row `index` is visible. */
  scrollToIndex: (index: number) => void
}

export interface VirtualOptions<E extends HTMLElement = HTMLElement> {
  count: number
  rowHeight: number
  overscan?: number
  fallbackRows?: number
  /** Height taken by content above the rows inside the container (a sticky header). */
  headerHeight?: number
  /** Without a height, render the last rows instead of the first (a log that follows the end). */
  isFallbackAtEnd?: boolean
  /**
   * The view follows the end (use-follow-bottom): the window is the last rows whatever the last
   * scroll event said, so new rows render where they will be seen, in one render.
   */
  isAtEnd?: boolean
  /** The scroll container's ref, when the component made it (to share it with another hook). */
  ref?: RefObject<E | null>
}

/** The rows to render for `count` rows of `rowHeight` px in the container behind `ref`. */
export function useVirtualWindow<E extends HTMLElement>({
  count,
  rowHeight,
  overscan = 8,
  fallbackRows = 50,
  headerHeight = 0,
  isFallbackAtEnd = false,
  isAtEnd = false,
  ref: givenRef,
}: VirtualOptions<E>): VirtualWindow<E> {
  const ownRef = useRef<E | null>(null)
  const ref = givenRef ?? ownRef
  const [scrollTop, setScrollTop] = useState(0)
  const [height, setHeight] = useState(0)

  useLayoutEffect(() => {
    const el = ref.current
    if (!el) return
    const measure = (): void => setHeight(el.clientHeight)
    measure()
    if (typeof ResizeObserver === 'undefined') return
    const observer = new ResizeObserver(measure)
    observer.observe(el)
    return () => observer.disconnect()
  }, [ref])

  // Browsers cap an element's height (Chromium near 33.5M px): past MAX_SCROLL_HEIGHT the
  // scrollbar maps proportionally onto the rows instead of one px per px.
  const fullHeight = count * rowHeight
  const isScaled = fullHeight > MAX_SCROLL_HEIGHT && height > 0

  /** The window is the last rows whatever scrollTop is (following the end, not scaled). */
  const isEndWindow = useRef(false)
  useLayoutEffect(() => {
    isEndWindow.current = isAtEnd && !isScaled
  })
  const onScroll = useCallback((event: UIEvent<E>) => {
    const el = event.currentTarget
    // Following the end, each render's scroll to the new bottom fires a scroll event: the window
    // is the same, and a render for it cost a burst's page a table's worth of work each time.
    // Anywhere else (the user scrolled up) the position counts, and following stops.
    if (isEndWindow.current && el.scrollTop + el.clientHeight >= el.scrollHeight - 1) return
    setScrollTop(el.scrollTop)
  }, [])
  const ratio = isScaled ? (fullHeight - height) / Math.max(1, MAX_SCROLL_HEIGHT - height) : 1

  const scrollToIndex = (index: number): void => {
    const el = ref.current
    if (!el || el.clientHeight === 0) return
    const top = (index * rowHeight) / ratio
    const visible = el.clientHeight - headerHeight
    if (top < el.scrollTop) el.scrollTop = top
    else if (top + rowHeight > el.scrollTop + visible) el.scrollTop = top + rowHeight - visible
  }

  let start = isFallbackAtEnd ? Math.max(0, count - fallbackRows) : 0
  let end = isFallbackAtEnd ? count : Math.min(count, fallbackRows)
  if (isScaled) {
    const top = Math.max(0, scrollTop - headerHeight)
    const virtualTop = Math.min(top * ratio, fullHeight - height)
    start = Math.max(0, Math.floor(virtualTop / rowHeight))
    end = Math.min(count, Math.ceil((virtualTop + height) / rowHeight) + 1)
    const padTop = Math.max(0, top - (virtualTop - start * rowHeight))
    return {
      ref,
      onScroll,
      start,
      end,
      padTop,
      padBottom: Math.max(0, MAX_SCROLL_HEIGHT - padTop - (end - start) * rowHeight),
      isMeasured: true,
      scrollToIndex,
    }
  }
  if (height > 0) {
    // At the end, scrollTop is (header + rows) − height: the rows' top is that less the header.
    const top = isAtEnd ? Math.max(0, fullHeight - height) : Math.max(0, scrollTop - headerHeight)
    start = Math.max(0, Math.floor(top / rowHeight) - overscan)
    end = Math.min(count, Math.ceil((top + height) / rowHeight) + overscan)
    if (start > end) start = Math.max(0, end - overscan)
  }

  return {
    ref,
    onScroll,
    start,
    end,
    padTop: start * rowHeight,
    padBottom: (count - end) * rowHeight,
    isMeasured: height > 0,
    scrollToIndex,
  }
}
