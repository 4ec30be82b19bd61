/**
 * Auto-scroll for a list that grows at the bottom (the event log, the connections table).
 *
 * While following, every change of `items` scrolls the container to the end. A move up by the
 * user pauses: the view stays put and `newCount` counts the items that arrived since. Scrolling
 * back to the bottom, or `jump`, follows again.
 */
import { useLayoutEffect, useRef, useState, type RefObject, type UIEvent } from 'react'

export interface FollowBottomOptions<E extends HTMLElement, T> {
  /** The scroll container (the virtual window's). */
  ref: RefObject<E | null>
  /** The rows shown, oldest first. */
  items: readonly T[]
  /** Increases with arrival order, so that what came after a pause can be counted. */
  sequenceOf: (item: T) => number
  /** Within this many px of the end counts as at the bottom. */
  slack: number
  /** Called first on every scroll (the virtual window's handler). */
  onScroll?: (event: UIEvent<E>) => void
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
  onScroll: onWindowScroll,
}: FollowBottomOptions<E, T>): FollowBottom<E> {
  /** Null while following; else the sequence of the newest item when the user scrolled away. */
  const [pausedAfter, setPausedAfter] = useState<number | null>(null)
  const isFollowing = pausedAfter === null
  const lastScrollTop = useRef(0)

  useLayoutEffect(() => {
    const el = ref.current
    if (!el || !isFollowing) return
    if (el.scrollTop + el.clientHeight < el.scrollHeight) el.scrollTop = el.scrollHeight
    lastScrollTop.current = el.scrollTop
  }, [items, isFollowing, ref])

  // Only a move up pauses: growth below and our own jumps to the end never do.
  const onScroll = (e: UIEvent<E>): void => {
    onWindowScroll?.(e)
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
