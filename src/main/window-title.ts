/**
 * The window title: how many listeners are listening, kept from the engine's event batches.
 */
import type { EventBatch, ListenerState } from '../shared/contract'

/** Tracks listener states from batches and says what the title should read. */
export interface ListenerTally {
  /** Applies a batch; true when the title changed. */
  apply(batch: EventBatch): boolean
  title(): string
}

/** The title for a number of listening listeners. */
export function windowTitle(listening: number): string {
  return listening > 0 ? `Socket Lab — ${listening} listening` : 'Socket Lab — stopped'
}

/** A fresh tally; the engine starts with no listeners. */
export function createListenerTally(): ListenerTally {
  const states = new Map<string, ListenerState>()
  const listening = (): number => [...states.values()].filter((s) => s === 'listening').length
  return {
    apply(batch) {
      const before = listening()
      for (const event of batch.events) {
        if (event.type === 'listener-added' || event.type === 'listener-changed')
          states.set(event.listener.id, event.listener.state)
        else if (event.type === 'listener-removed') states.delete(event.listenerId)
      }
      return listening() !== before
    },
    title: () => windowTitle(listening()),
  }
}
