/**
 * The store and the Api, handed to components through context, and the hook that reads the store.
 */
import { createContext, useCallback, useContext, useSyncExternalStore, type ReactNode } from 'react'
import type { Api } from '../../../shared/contract'
import type { AppState } from './app-state'
import type { Store } from './store'

interface Services {
  store: Store
  api: Api
  /** A saved session is shown: controls that would change something are disabled. */
  isReadOnly?: boolean
}

const ServicesContext = createContext<Services | null>(null)

/** Provides the store and the Api to every component below. */
export function StoreProvider({
  store,
  api,
  isReadOnly = false,
  children,
}: Services & { children: ReactNode }): ReactNode {
  return (
    <ServicesContext.Provider value={{ store, api, isReadOnly }}>
      {children}
    </ServicesContext.Provider>
  )
}

function useServices(): Services {
  const services = useContext(ServicesContext)
  if (!services) throw new Error('StoreProvider is missing')
  return services
}

/** The Api the app talks to (IPC preload or WebSocket client). */
export function useApi(): Api {
  return useServices().api
}

/** True while a saved session is shown instead of the live engine. */
export function useIsReadOnly(): boolean {
  return useServices().isReadOnly === true
}

/** The store itself, for dispatching transport status. */
export function useStore(): Store {
  return useServices().store
}

/** Reads one part of the state; re-renders only when that part changes. */
export function useAppState<T>(selector: (state: AppState) => T): T {
  const { store } = useServices()
  const getSnapshot = useCallback(() => selector(store.getState()), [store, selector])
  return useSyncExternalStore(store.subscribe, getSnapshot, getSnapshot)
}
