/**
 * When the renderer applies what the engine sent, and when it shows it: at most one store commit
 * per animation frame, and while events pour in (a burst of connections, a flood of reads) at most
 * one render every {@link BUSY_GAP_MS}, so that watching a burst costs the page a few renders, not
 * one per batch. Between those renders the batches are still taken into the state as they come,
 * in small quiet steps, so that no single task grows with the length of the gap. The page's work
 * then grows with what is on screen, not with the number of events; nothing is dropped.
 */

/**
 * A render after at least this much weight counts as busy: the next one waits. The weight is the
 * events pushed (the sync adds a read's bytes to it, see batchWeight in store.ts).
 */
export const BUSY_EVENTS = 64

/**
 * The least time between two busy renders, in ms (two a second). Each render of a burst costs
 * the page tens of ms whatever it shows (issue 12's HTTP figures rose by a tenth from four to
 * two); a flood's rows and burst lines still move twice a second.
 */
export const BUSY_GAP_MS = 500

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

/** Where paced items go: taken into the state, then shown. */
export interface PacerSink<T> {
  /** Takes items into the state, without a render. */
  take(items: T[]): void
  /** Renders what was taken. */
  show(): void
}

/** Collects items and hands them to the sink, paced as the module comment says. */
export interface Pacer<T> {
  push(item: T, weight: number): void
  /** Takes and shows what is queued now (a snapshot was loaded, the sync stops). */
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

export function createPacer<T>(sink: PacerSink<T>, host: PacerHost = browserHost()): Pacer<T> {
  let queue: T[] = []
  /** The weight (events) taken or queued since the last render. */
  let weight = 0
  /** Something was taken since the last render. */
  let isTaken = false
  let cancel: (() => void) | null = null
  let cancelTake: (() => void) | null = null
  /** Before this time the next render waits (the last one was busy). */
  let notBefore = Number.NEGATIVE_INFINITY
  /** When the last render was. */
  let shownAt = Number.NEGATIVE_INFINITY

  const take = (): void => {
    cancelTake?.()
    cancelTake = null
    if (queue.length === 0) return
    const items = queue
    queue = []
    isTaken = true
    sink.take(items)
  }

  const run = (): void => {
    cancel?.()
    cancel = null
    if (queue.length === 0 && !isTaken) return
    shownAt = host.now()
    notBefore = weight >= BUSY_EVENTS ? shownAt + BUSY_GAP_MS : Number.NEGATIVE_INFINITY
    weight = 0
    take()
    isTaken = false
    sink.show()
  }

  const schedule = (): void => {
    const wait = notBefore - host.now()
    // Within a busy gap each batch is taken soon after it came, in its own small task.
    if (wait > 0) cancelTake ??= host.later(take, 0)
    if (cancel) return
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
      // A burst's first batch is often small (the engine sends its first events at once) and
      // shown at the next frame; a busy one close behind it waits for the gap, not for a render
      // of its own.
      if (itemWeight >= BUSY_EVENTS) notBefore = Math.max(notBefore, shownAt + BUSY_GAP_MS)
      schedule()
    },
    flushNow: run,
    dispose() {
      cancel?.()
      cancel = null
      cancelTake?.()
      cancelTake = null
      queue = []
      weight = 0
      isTaken = false
    },
  }
}
