/**
 * The external store the components read with useSyncExternalStore, and the start-up sequence
 * that fills it: subscribe first, then load a snapshot, then apply the batches that are newer.
 */
import type { Api, EventBatch } from '../../../shared/contract'
import { initialState, type AppState } from './app-state'
import { createPacer, type PacerHost } from './pacer'
import { reducer, type Action } from './reducer'

/** A tiny external store around {@link reducer}. */
export interface Store {
  getState(): AppState
  dispatch(action: Action): void
  /**
   * Changes the state without telling subscribers (a burst's batches between two renders);
   * {@link Store.publish} or the next dispatch that changes something tells them.
   */
  absorb(action: Action): void
  /** Tells subscribers of what {@link Store.absorb} changed, if anything. */
  publish(): void
  subscribe(listener: () => void): () => void
}

/** A store holding `initial` (tests pass a prepared state). */
export function createStore(initial: AppState = initialState): Store {
  let state = initial
  let isUnpublished = false
  const listeners = new Set<() => void>()
  const publish = (): void => {
    isUnpublished = false
    for (const listener of [...listeners]) listener()
  }
  return {
    getState: () => state,
    dispatch(action) {
      const next = reducer(state, action)
      if (next === state) return
      state = next
      publish()
    },
    absorb(action) {
      const next = reducer(state, action)
      if (next === state) return
      state = next
      isUnpublished = true
    },
    publish() {
      if (isUnpublished) publish()
    },
    subscribe(listener) {
      listeners.add(listener)
      return () => listeners.delete(listener)
    },
  }
}

/** Bytes of a data event that weigh as much as one event: a flood of reads is a burst too. */
export const BYTES_PER_EVENT_WEIGHT = 16 * 1024

/**
 * What a batch weighs for the pacer: its events, and its reads' bytes. The engine merges a
 * connection's reads into one event per batch, so 64 MB/s into one connection is one event per
 * batch by count, but ~64 by weight (busy: BUSY_EVENTS).
 */
export function batchWeight(batch: EventBatch): number {
  let weight = batch.events.length
  for (const event of batch.events)
    if (event.type === 'connection-data') weight += event.bytes / BYTES_PER_EVENT_WEIGHT
  return weight
}

/** A running sync between the engine and a store. */
export interface Sync {
  /** Settles when the first snapshot was loaded (or failed to). */
  ready: Promise<void>
  /** Loads a fresh snapshot (after a reconnect); batches keep flowing meanwhile. */
  reload(): Promise<void>
  stop(): void
}

/**
 * Subscribes to events, then loads a snapshot and applies every batch newer than it.
 *
 * Batches that arrive while a snapshot is loading are buffered, not dropped: the reducer skips
 * those the snapshot already covers (seq ≤ snapshot.seq). Batches are applied together, at most
 * once per animation frame and less often in a burst (pacer.ts); `host` replaces the page's
 * frames and timers in tests.
 */
export function startSync(api: Api, store: Store, host?: PacerHost): Sync {
  let buffer: EventBatch[] | null = []
  let isStopped = false
  const pacer = createPacer<EventBatch>(
    {
      take: (batches) => store.absorb({ type: 'batches', batches }),
      show: () => store.publish(),
    },
    host,
  )
  const unsubscribe = api.onEvents((batch) => {
    if (buffer) buffer.push(batch)
    else pacer.push(batch, batchWeight(batch))
  })
  const reload = async (): Promise<void> => {
    buffer ??= []
    const result = await api.snapshot({})
    if (isStopped) return
    // What was queued before the snapshot is applied first (the reducer skips what it covers).
    pacer.flushNow()
    if (result.ok) store.dispatch({ type: 'snapshot-loaded', snapshot: result.value })
    else store.dispatch({ type: 'load-failed', message: result.error.message })
    const pending = buffer
    buffer = null
    if (pending.length > 0) store.dispatch({ type: 'batches', batches: pending })
  }
  const ready = reload()
  return {
    ready,
    reload,
    stop() {
      isStopped = true
      pacer.dispose()
      unsubscribe()
    },
  }
}
