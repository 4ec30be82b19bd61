/**
 * Collects engine events into batches: at most one batch per interval, so a flood of reads
 * costs the GUI ~60 updates a second rather than one per read.
 */
import {
  BURST_QUIET_MS,
  BUSY_BATCH_EVENTS,
  BUSY_BATCH_INTERVAL_MS,
  MAX_BATCH_EVENTS,
  RECENT_EVENTS,
  type EngineEvent,
  type EventBatch,
} from '../../shared/contract'
import { isRecentEvent } from '../../shared/recent-events'
import { ClientHistory } from './client-history'

type DataEvent = Extract<EngineEvent, { type: 'connection-data' }>
type ForgottenEvent = Extract<EngineEvent, { type: 'connections-forgotten' }>

/**
 * `next` folded into `prev` (same connection, same direction): counts summed, the first preview,
 * the last totals and mono.
 */
export function mergeDataEvents(prev: DataEvent, next: DataEvent): DataEvent {
  return {
    ...next,
    at: prev.at,
    chunks: prev.chunks + next.chunks,
    bytes: prev.bytes + next.bytes,
    preview: prev.preview,
  }
}

export class Batcher {
  /** In order; null where a queue-changed event was folded into a later one. */
  private pending: (EngineEvent | null)[] = []
  /** Per listener, where its pending queue-changed event is. */
  private readonly pendingQueues = new Map<string, number>()
  /** Per listener, per worker, where its last pending worker-changed event is. */
  private readonly pendingWorkers = new Map<string, Map<number, number>>()
  /** Some pending event was folded into a later one (a null in `pending`). */
  private hasFolded = false
  /** Kept apart, so each replaces the last and data events around it still merge; sent last. */
  private pendingTotals: EngineEvent | null = null
  /** Likewise the forgotten connections: one event per batch, their ids joined, sent last. */
  private pendingForgotten: ForgottenEvent | null = null
  private timer: ReturnType<typeof setTimeout> | null = null
  private lastFlush = Number.NEGATIVE_INFINITY
  /** When the last event came: in a burst's gap, a quiet spell ends the wait (BURST_QUIET_MS). */
  private lastPushAt = Number.NEGATIVE_INFINITY
  /** The least time from the last flush to the next: longer after a burst's batch. */
  private gapMs: number
  private lastSeq = 0
  private readonly subscribers = new Set<(batch: EventBatch) => void>()
  /** The last RECENT_EVENTS logged events, as a ring: `recentStart` is the oldest. */
  private readonly recent: EngineEvent[] = []
  private recentStart = 0
  private readonly clientHistory = new ClientHistory()

  constructor(
    private readonly intervalMs: number,
    private readonly now: () => number = () => performance.now(),
  ) {
    this.gapMs = intervalMs
  }

  /** The seq of the last batch delivered (0 before the first). */
  get seq(): number {
    return this.lastSeq
  }

  subscribe(listener: (batch: EventBatch) => void): () => void {
    // A wrapper, so the same function subscribed twice gets two independent subscriptions.
    const entry = (batch: EventBatch): void => listener(batch)
    this.subscribers.add(entry)
    return () => {
      this.subscribers.delete(entry)
    }
  }

  push(event: EngineEvent): void {
    this.lastPushAt = this.now()
    if (isRecentEvent(event)) this.remember(event)
    if (event.type === 'connection-data') {
      const last = this.pending[this.pending.length - 1]
      if (
        last?.type === 'connection-data' &&
        last.connectionId === event.connectionId &&
        last.direction === event.direction
      ) {
        this.pending[this.pending.length - 1] = mergeDataEvents(last, event)
        return
      }
    }
    if (event.type === 'queue-changed') {
      // A queue-changed event replaces the whole queue, adds no line or mark, and nothing reads
      // the queue in between (a worker going idle carries its own `waiting`): within a batch
      // only a listener's last one says anything. Under the single thread with 20 clients, two
      // per request listed the whole queue.
      const earlier = this.pendingQueues.get(event.listenerId)
      if (earlier !== undefined) this.fold(earlier)
      this.pendingQueues.set(event.listenerId, this.pending.length)
    }
    if (event.type === 'worker-changed') {
      // A worker that moves on with the same connection (reading, then responding) changes only
      // its phase, which nothing reads but the picture of the workers: within a batch only the
      // last phase is ever drawn. Who holds which connection is the same in both, so the
      // lessons' marks read the same.
      let workers = this.pendingWorkers.get(event.listenerId)
      if (workers === undefined) this.pendingWorkers.set(event.listenerId, (workers = new Map()))
      const earlier = workers.get(event.worker)
      const before = earlier === undefined ? null : this.pending[earlier]
      if (
        earlier !== undefined &&
        before?.type === 'worker-changed' &&
        before.connectionId !== null &&
        before.connectionId === event.connectionId
      )
        this.fold(earlier)
      workers.set(event.worker, this.pending.length)
    }
    if (event.type === 'capture-totals') this.pendingTotals = event
    else if (event.type === 'connections-forgotten') {
      const prev = this.pendingForgotten
      this.pendingForgotten =
        prev === null
          ? event
          : { ...event, connectionIds: [...prev.connectionIds, ...event.connectionIds] }
    } else this.pending.push(event)
    this.schedule()
  }

  /** Delivers the pending events now, as one batch, if there are any. */
  flush(): void {
    if (this.timer !== null) {
      clearTimeout(this.timer)
      this.timer = null
    }
    const events: EngineEvent[] = this.hasFolded
      ? this.pending.filter((e): e is EngineEvent => e !== null)
      : (this.pending as EngineEvent[])
    this.pendingQueues.clear()
    this.pendingWorkers.clear()
    this.hasFolded = false
    if (this.pendingForgotten !== null) events.push(this.pendingForgotten)
    if (this.pendingTotals !== null) events.push(this.pendingTotals)
    this.pending = []
    this.pendingForgotten = null
    this.pendingTotals = null
    if (events.length === 0) return
    this.lastFlush = this.now()
    this.gapMs =
      events.length >= BUSY_BATCH_EVENTS
        ? Math.max(this.intervalMs, BUSY_BATCH_INTERVAL_MS)
        : this.intervalMs
    this.lastSeq += 1
    const batch: EventBatch = { seq: this.lastSeq, events }
    for (const subscriber of [...this.subscribers]) {
      try {
        subscriber(batch)
      } catch (err) {
        console.error('[engine] an event subscriber threw; the engine goes on', err)
      }
    }
  }

  /** The pending event at `index` says nothing a later one does not: it leaves the batch. */
  private fold(index: number): void {
    this.pending[index] = null
    this.hasFolded = true
  }

  /** The logged events, oldest first, then what rebuilds the last client runs. */
  recentEvents(): EngineEvent[] {
    return [
      ...this.recent.slice(this.recentStart),
      ...this.recent.slice(0, this.recentStart),
      ...this.clientHistory.events(),
    ]
  }

  /** Delivers what is pending and stops the timer. */
  dispose(): void {
    this.flush()
  }

  private schedule(): void {
    // Full (`pending` only grows until a flush, so this is true once): it goes out now, so that
    // no batch is a long task for the page.
    if (this.pending.length === MAX_BATCH_EVENTS) {
      if (this.timer !== null) clearTimeout(this.timer)
      this.timer = setTimeout(() => {
        this.timer = null
        this.flush()
      }, 0)
    } else if (this.timer === null) this.arm()
  }

  /**
   * Sets the timer for the next flush: at the end of the gap, or in a burst's (longer) gap as
   * soon as events stop coming. A burst keeps the events coming, so then it checks every
   * BURST_QUIET_MS at most.
   */
  private arm(): void {
    const due = this.lastFlush + this.gapMs
    const quietAt = this.lastPushAt + BURST_QUIET_MS
    const isQuietCheck = this.gapMs > this.intervalMs && quietAt < due
    // Rounded up: Node's timers run on a millisecond clock that may lag performance.now().
    const delay = Math.max(0, Math.ceil((isQuietCheck ? quietAt : due) - this.now()))
    this.timer = setTimeout(() => {
      this.timer = null
      // A check finds the burst still going when an event came since it was set.
      if (isQuietCheck && this.lastPushAt + BURST_QUIET_MS > quietAt) this.arm()
      else this.flush()
    }, delay)
  }

  private remember(event: EngineEvent): void {
    switch (event.type) {
      case 'client-run-started':
      case 'client-request-changed':
      case 'client-run-finished':
        this.clientHistory.remember(event)
        return
      default:
        break
    }
    if (this.recent.length < RECENT_EVENTS) {
      this.recent.push(event)
      return
    }
    this.recent[this.recentStart] = event
    this.recentStart = (this.recentStart + 1) % RECENT_EVENTS
  }
}
