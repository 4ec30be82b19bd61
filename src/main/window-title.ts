/**
 * The window title: how many listeners are listening, kept from the engine's event batches, in
 * the app's language, and saying so when the sandbox is off.
 */
import type { EventBatch, ListenerState } from '../shared/contract'
import type { DesktopTranslate } from './desktop-messages'

/** Tracks listener states from batches and says what the title should read. */
export interface ListenerTally {
  /** Applies a batch; true when the title changed. */
  apply(batch: EventBatch): boolean
  /** How many listeners are listening now. */
  listening(): number
}

/** The title for a number of listening listeners. */
export function windowTitle(listening: number, t: DesktopTranslate, isSandboxed = true): string {
  const title = listening > 0 ? t('title.listening', { count: listening }) : t('title.stopped')
  return isSandboxed ? title : t('title.sandboxOff', { title })
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
    listening,
  }
}
