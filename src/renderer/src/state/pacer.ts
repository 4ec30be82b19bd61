/**
 * When the renderer applies what the engine sent: at most one store commit per animation frame,
 * and while events pour in (a burst of connections, a flood of reads) at most one every
 * {@link BUSY_GAP_MS}, so that watching a burst costs the page a few renders, not one per batch.
 * The page's work then grows with what is on screen, not with the number of events; nothing is
 * dropped, the events wait in the queue and are applied together.
 */

/** A flush that applied at least this many events counts as busy: the next one waits. */
export const BUSY_EVENTS = 64

/** The least time between two busy flushes, in ms (four renders a second). */
export const BUSY_GAP_MS = 250

/** What the pacer needs from the page: a frame, a timer and a clock (injected in tests). */
export interface PacerHost {
  now(): number
  /** Runs `run` before the next paint; a hidden page may never paint, see `isHidden`. */
  frame(run: () => void): () => void
  /** Runs `run` after `ms`. */
  later(run: () => void, ms: number): () => void
  /** A hidden page has no frames: the pacer uses the timer alone. */
  isHidden(): boolean
}

/** Collects items and hands them to `flush` together, paced as the module comment says. */
export interface Pacer<T> {
  push(item: T, weight: number): void
  /** Hands over what is queued now (a snapshot was loaded, the sync stops). */
  flushNow(): void
  dispose(): void
}

export function browserHost(): PacerHost {
  const hasFrames = typeof requestAnimationFrame === 'function'
  return {
    now: () => performance.now(),
    frame(run) {
      if (!hasFrames) return this.later(run, 0)
      const id = requestAnimationFrame(run)
      return () => cancelAnimationFrame(id)
    },
    later(run, ms) {
      const id = setTimeout(run, ms)
      return () => clearTimeout(id)
    },
    isHidden: () => typeof document !== 'undefined' && document.visibilityState === 'hidden',
  }
}

export function createPacer<T>(
  flush: (items: T[]) => void,
  host: PacerHost = browserHost(),
): Pacer<T> {
  let queue: T[] = []
  /** The weight (events) of what is queued. */
  let weight = 0
  let cancel: (() => void) | null = null
  /** Before this time the next flush waits (the last one was busy). */
  let notBefore = Number.NEGATIVE_INFINITY

  const run = (): void => {
    cancel?.()
    cancel = null
    const items = queue
    if (items.length === 0) return
    notBefore = weight >= BUSY_EVENTS ? host.now() + BUSY_GAP_MS : Number.NEGATIVE_INFINITY
    queue = []
    weight = 0
    flush(items)
  }

  const schedule = (): void => {
    if (cancel) return
    const wait = notBefore - host.now()
    if (wait > 0) {
      // A timer, then the frame after it (a busy page still paints between renders).
      let cancelFrame: (() => void) | null = null
      const cancelTimer = host.later(() => {
        if (host.isHidden()) run()
        else cancelFrame = host.frame(run)
      }, wait)
      cancel = () => {
        cancelTimer()
        cancelFrame?.()
      }
      return
    }
    if (host.isHidden()) cancel = host.later(run, 0)
    else {
      // A frame, or a timer if no frame comes (a page hidden in the meantime).
      const cancelFrame = host.frame(run)
      const cancelTimer = host.later(run, BUSY_GAP_MS)
      cancel = () => {
        cancelFrame()
        cancelTimer()
      }
    }
  }

  return {
    push(item, itemWeight) {
      queue.push(item)
      weight += itemWeight
      schedule()
    },
    flushNow: run,
    dispose() {
      cancel?.()
      cancel = null
      queue = []
      weight = 0
    },
  }
}
