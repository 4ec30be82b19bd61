/**
 * Selectors: what components read from the state. Each returns a value already in the state, a
 * primitive, or a memoized derivation, so useSyncExternalStore sees a stable result until that
 * part changes.
 */
import type { ConnectionSnapshot, ListenerSnapshot } from '../../../shared/contract'
import type { AppSettings, LoadedSettings, ThemeChoice } from '../../../shared/settings'
import type { AppState } from './app-state'

export const selectListeners = (s: AppState): readonly ListenerSnapshot[] => s.listeners
export const selectConnections = (s: AppState): readonly ConnectionSnapshot[] => s.connections
/** Each connection's position in accept order, by id. */
export const selectConnectionIndex = (s: AppState): AppState['connectionIndex'] => s.connectionIndex
export const selectLog = (s: AppState): AppState['log'] => s.log
export const selectPlatform = (s: AppState): AppState['platform'] => s.platform
export const selectDescriptors = (s: AppState): AppState['descriptors'] => s.descriptors
export const selectLink = (s: AppState): AppState['link'] => s.link
export const selectIsLoaded = (s: AppState): boolean => s.isLoaded
export const selectLoadError = (s: AppState): string | null => s.loadError
export const selectSettings = (s: AppState): AppSettings => s.settings
export const selectSettingsStatus = (s: AppState): AppState['settingsStatus'] => s.settingsStatus
export const selectSettingsProblem = (s: AppState): LoadedSettings['problem'] => s.settingsProblem
export const selectTheme = (s: AppState): ThemeChoice => s.settings.theme
export const selectSelectedConnectionId = (s: AppState): string | null => s.selectedConnectionId
/** Closed connections the engine forgot: counted, no longer listed. */
export const selectForgottenConnections = (s: AppState): number => s.forgottenConnections
export const selectForgottenSelection = (s: AppState): AppState['forgottenSelection'] =>
  s.forgottenSelection
export const selectClient = (s: AppState): AppState['client'] => s.client

/** The listener with this id, or undefined. */
export function selectListener(id: string): (s: AppState) => ListenerSnapshot | undefined {
  return (s) => s.listeners.find((l) => l.id === id)
}

/** The connection with this id (undefined if none or unknown). */
export function selectConnection(
  id: string | null,
): (s: AppState) => ConnectionSnapshot | undefined {
  return (s) => {
    if (id === null) return undefined
    const index = s.connectionIndex.find(s.connections, id)
    return index === undefined ? undefined : s.connections[index]
  }
}

/** The connection the table selected (the one the stream view shows), or undefined. */
export function selectSelectedConnection(s: AppState): ConnectionSnapshot | undefined {
  return selectConnection(s.selectedConnectionId)(s)
}

/** The listener that accepted the selected connection, or undefined. */
export function selectSelectedListener(s: AppState): ListenerSnapshot | undefined {
  const c = selectSelectedConnection(s)
  return c ? s.listeners.find((l) => l.id === c.listenerId) : undefined
}

/** Not closed yet: open, or half-closed by either side. */
export function isConnectionOpen(c: ConnectionSnapshot): boolean {
  return c.state !== 'closed'
}

/**
 * A selector of the listener's connections that are not closed, in accept order. The list is
 * recomputed only when the connections change, so it is a stable value for useSyncExternalStore;
 * make one per listener id (useMemo) rather than per render.
 */
export function makeSelectOpenConnections(
  listenerId: string | null,
): (s: AppState) => readonly ConnectionSnapshot[] {
  let seen: readonly ConnectionSnapshot[] | null = null
  let result: readonly ConnectionSnapshot[] = []
  return (s) => {
    if (s.connections !== seen) {
      seen = s.connections
      const next = s.connections.filter(
        (c) => isConnectionOpen(c) && (listenerId === null || c.listenerId === listenerId),
      )
      // Keep the old list when none of its members changed (events for other listeners, say).
      const isSame = next.length === result.length && next.every((c, i) => c === result[i])
      if (!isSame) result = next
    }
    return result
  }
}

const EMPTY: readonly ConnectionSnapshot[] = []

let selectedListenerOpen: {
  listenerId: string | null
  select: (s: AppState) => readonly ConnectionSnapshot[]
} = { listenerId: null, select: () => [] }

/** The open connections of the selected connection's listener (empty when none is selected). */
export function selectSelectedListenerOpenConnections(s: AppState): readonly ConnectionSnapshot[] {
  const listenerId = selectSelectedConnection(s)?.listenerId ?? null
  if (listenerId === null) return EMPTY
  if (selectedListenerOpen.listenerId !== listenerId)
    selectedListenerOpen = { listenerId, select: makeSelectOpenConnections(listenerId) }
  return selectedListenerOpen.select(s)
}
