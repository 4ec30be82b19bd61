/**
 * Auto-scroll for a list that grows at the bottom (the event log, the connections table).
 *
 * While following, the container is scrolled to the end whenever its content grows. That is done
 * when a ResizeObserver reports the growth, after the browser's own layout, so a render that adds
 * rows never forces a synchronous layout. A move up by the user pauses: the view stays put and
 * `newCount` counts the items that arrived since. Scrolling back to the bottom, or `jump`, follows
 * again.
 */
import { useLayoutEffect, useRef, useState, type RefObject, type UIEvent } from 'react'
import { watchExactly } from './watch-exactly'

export interface FollowBottomOptions<E extends HTMLElement, T> {
  /** The scroll container (the virtual window's). */
  ref: RefObject<E | null>
  /** The rows shown, oldest first. */
  items: readonly T[]
  /** Increases with arrival order, so that what came after a pause can be counted. */
  sequenceOf: (item: T) => number
  /** Within this many px of the end counts as at the bottom. */
  slack: number
}

export interface FollowBottom<E extends HTMLElement> {
  isFollowing: boolean
  /** Items shown that arrived after the user scrolled away; 0 while following. */
  newCount: number
  onScroll: (event: UIEvent<E>) => void
  /** Follow again from the newest item and focus the container. */
  jump: () => void
}

/** How many of `items` (in arrival order) have a sequence above `after`. */
function countAfter<T>(
  items: readonly T[],
  sequenceOf: (item: T) => number,
  after: number,
): number {
  let n = 0
  for (let i = items.length - 1; i >= 0; i--) {
    const item = items[i]
    if (item === undefined || sequenceOf(item) <= after) break
    n++
  }
  return n
}

/** Follows the end of the list in `ref` until the user scrolls up; see the module comment. */
export function useFollowBottom<E extends HTMLElement, T>({
  ref,
  items,
  sequenceOf,
  slack,
}: FollowBottomOptions<E, T>): FollowBottom<E> {
  /** Null while following; else the sequence of the newest item when the user scrolled away. */
  const [pausedAfter, setPausedAfter] = useState<number | null>(null)
  const isFollowing = pausedAfter === null
  const lastScrollTop = useRef(0)

  const isFollowingRef = useRef(isFollowing)
  useLayoutEffect(() => {
    isFollowingRef.current = isFollowing
  }, [isFollowing])
  const toEnd = (el: HTMLElement): void => {
    if (el.scrollTop + el.clientHeight < el.scrollHeight) el.scrollTop = el.scrollHeight
    lastScrollTop.current = el.scrollTop
  }

  // Following again (a jump, a scroll to the end): go to the end now.
  useLayoutEffect(() => {
    const el = ref.current
    if (el && isFollowing) toEnd(el)
  }, [isFollowing, ref])

  // The content grew (new rows, rows measured taller): the end moved, follow it.
  const observer = useRef<ResizeObserver | null>(null)
  const watched = useRef(new Set<Element>())
  useLayoutEffect(() => {
    if (typeof ResizeObserver === 'undefined') return
    const watching = new ResizeObserver(() => {
      const el = ref.current
      if (el && isFollowingRef.current) toEnd(el)
    })
    observer.current = watching
    const children = watched.current
    return () => {
      watching.disconnect()
      children.clear()
      observer.current = null
    }
  }, [ref])
  // The container's children (spacers, the list) are what grows.
  useLayoutEffect(() => {
    const el = ref.current
    const watching = observer.current
    if (!el || !watching) return
    watchExactly(watching, watched.current, new Set(el.children))
  }, [items, ref])

  // Only a move up pauses: growth below and our own jumps to the end never do.
  const onScroll = (e: UIEvent<E>): void => {
    const el = e.currentTarget
    const top = el.scrollTop
    const isAtBottom = top + el.clientHeight >= el.scrollHeight - slack
    const isMovedUp = top < lastScrollTop.current
    lastScrollTop.current = top
    if (isAtBottom) setPausedAfter(null)
    else if (isMovedUp && isFollowing) {
      const last = items.at(-1)
      setPausedAfter(last === undefined ? -Infinity : sequenceOf(last))
    }
  }

  const jump = (): void => {
    setPausedAfter(null)
    ref.current?.focus()
  }

  const newCount = pausedAfter === null ? 0 : countAfter(items, sequenceOf, pausedAfter)
  return { isFollowing, newCount, onScroll, jump }
}
