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
  const addFirstListener = async (): Promise<void> => {
    const state = store.getState()
    if (state.isLoaded && state.listeners.length === 0) await api.addListener({})
  }
  void sync.ready.then(addFirstListener)
  if (!link) return { store, reconnect: undefined }
  // A page without a token is refused before it subscribes here.
  let wasClosed = link.state === 'closed' || link.state === 'refused'
  let hasOpened = link.state === 'open'
  link.onStateChange((status) => {
    store.dispatch({ type: 'link-changed', status })
    if (status === 'closed' || status === 'refused') wasClosed = true
    if (status === 'open' && wasClosed) {
      wasClosed = false
      // Never open before (the page had no token the server takes): the first load failed.
      if (!hasOpened) void loadSettings(api, store)
      void sync.reload().then(hasOpened ? undefined : addFirstListener)
    }
    if (status === 'open') hasOpened = true
  })
  return { store, reconnect: () => link.reconnect() }
}
