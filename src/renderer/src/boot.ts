/**
 * Start-up wiring outside React: the store, the sync with the engine and the link's status.
 */
import type { Api } from '../../shared/contract'
import { loadSettings } from './state/settings-sync'
import { createStore, startSync, type Store } from './state/store'
import type { TransportLink } from './transport/ws-client'

export interface Booted {
  store: Store
  /** Browser mode: reopens the link; the snapshot reloads once it is open. */
  reconnect: (() => void) | undefined
}

/**
 * Creates the store, loads the saved settings, starts the sync, and on first load adds a listener
 * when there is none (the engine restores saved listeners into the snapshot), so "Listener 1" is
 * ready to start.
 */
export function boot(api: Api, link: TransportLink | null): Booted {
  const store = createStore()
  store.dispatch({ type: 'link-changed', status: link ? link.state : 'open' })
  void loadSettings(api, store)
  const sync = startSync(api, store)
  void sync.ready.then(async () => {
    const state = store.getState()
    if (state.isLoaded && state.listeners.length === 0) await api.addListener({})
  })
  if (!link) return { store, reconnect: undefined }
  let wasClosed = false
  link.onStateChange((status) => {
    store.dispatch({ type: 'link-changed', status })
    if (status === 'closed') wasClosed = true
    if (status === 'open' && wasClosed) {
      wasClosed = false
      void sync.reload()
    }
  })
  return { store, reconnect: () => link.reconnect() }
}
