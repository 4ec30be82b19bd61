/**
 * The store and the Api, handed to components through context, and the hook that reads the store.
 */
import { createContext, useCallback, useContext, useSyncExternalStore, type ReactNode } from 'react'
import type { Api } from '../../../shared/contract'
import type { AppState } from './reducer'
import type { Store } from './store'

interface Services {
  store: Store
  api: Api
}

const ServicesContext = createContext<Services | null>(null)

/** Provides the store and the Api to every component below. */
export function StoreProvider({
  store,
  api,
  children,
}: Services & { children: ReactNode }): ReactNode {
  return <ServicesContext.Provider value={{ store, api }}>{children}</ServicesContext.Provider>
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
