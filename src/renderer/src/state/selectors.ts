/**
 * Selectors: what components read from the state. Each returns a value already in the state (or a
 * primitive), so useSyncExternalStore sees a stable result until that part changes.
 */
import type { ConnectionSnapshot, ListenerSnapshot } from '../../../shared/contract'
import type { AppState } from './reducer'

export const selectListeners = (s: AppState): readonly ListenerSnapshot[] => s.listeners
export const selectConnections = (s: AppState): readonly ConnectionSnapshot[] => s.connections
export const selectLog = (s: AppState): AppState['log'] => s.log
export const selectPlatform = (s: AppState): AppState['platform'] => s.platform
export const selectLink = (s: AppState): AppState['link'] => s.link
export const selectIsLoaded = (s: AppState): boolean => s.isLoaded
export const selectLoadError = (s: AppState): string | null => s.loadError

/** The listener with this id, or undefined. */
export function selectListener(id: string): (s: AppState) => ListenerSnapshot | undefined {
  return (s) => s.listeners.find((l) => l.id === id)
}

/** The connection with this id (null if none or unknown). */
export function selectConnection(
  id: string | null,
): (s: AppState) => ConnectionSnapshot | undefined {
  return (s) => {
    if (id === null) return undefined
    const index = s.connectionIndex.get(id)
    return index === undefined ? undefined : s.connections[index]
  }
}
