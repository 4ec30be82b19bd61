/**
 * The pure reducer that builds the renderer's state (app-state.ts) from a snapshot and event
 * batches.
 *
 * A snapshot replaces everything (a reload or reconnect rebuilds from it); batches with a seq the
 * state already covers are ignored. Events carry totals, so applying one twice changes nothing.
 */
import type { EventBatch, ListenerSnapshot, Snapshot } from '../../../shared/contract'
import { assertNever } from '../../../shared/result'
import type { LoadedSettings, SettingsPatch } from '../../../shared/settings'
import { applyBatches } from './apply-batch'
import type { AppState, LinkStatus } from './app-state'
import { clientFromEvents } from './client'
import { ConnectionIndex } from './connection-index'
import { trailFromEvents } from './lesson-trail'
import { logFromEvents } from './log'

/** What the store is told: a snapshot, batches, the link, a selection, the settings. */
export type Action =
  | { type: 'snapshot-loaded'; snapshot: Snapshot }
  /** Batches in seq order, applied in one pass (one copy, one commit). */
  | { type: 'batches'; batches: readonly EventBatch[] }
  | { type: 'link-changed'; status: LinkStatus }
  | { type: 'load-failed'; message: string }
  | { type: 'connection-selected'; connectionId: string | null }
  | { type: 'settings-loaded'; loaded: LoadedSettings }
  | { type: 'settings-failed' }
  | { type: 'settings-changed'; patch: SettingsPatch }
  | { type: 'settings-problem-dismissed' }
  /** A save answered: null when it worked, else why not. */
  | { type: 'settings-save-settled'; error: string | null }

function byNumber(a: ListenerSnapshot, b: ListenerSnapshot): number {
  return a.number - b.number
}

function loadSnapshot(state: AppState, snapshot: Snapshot): AppState {
  const connectionIndex = ConnectionIndex.of(snapshot.connections)
  const log = logFromEvents(snapshot.recentEvents, state.nextLogId, {
    listenerNumbers: new Map(snapshot.listeners.map((l) => [l.id, l.number])),
    connectionNumbers: new Map(snapshot.connections.map((c) => [c.id, c.number])),
    listeners: snapshot.listeners,
  })
  const trail = trailFromEvents(snapshot.recentEvents, snapshot.listeners)
  return {
    ...state,
    ...trail,
    isLoaded: true,
    seq: snapshot.seq,
    platform: snapshot.platform,
    privileges: snapshot.privileges ?? null,
    descriptors: snapshot.descriptors ?? null,
    listeners: [...snapshot.listeners].sort(byNumber),
    connections: snapshot.connections,
    connectionIndex,
    forgottenConnections: snapshot.forgottenConnections ?? 0,
    forgottenSelection: null,
    log,
    nextLogId: state.nextLogId + log.length + 1,
    capture: snapshot.capture,
    client: clientFromEvents(snapshot.recentEvents),
    loadError: null,
    // A reload keeps the selection while the engine still knows the connection.
    selectedConnectionId:
      state.selectedConnectionId !== null &&
      connectionIndex.find(snapshot.connections, state.selectedConnectionId) !== undefined
        ? state.selectedConnectionId
        : null,
  }
}

/** The one reducer: pure, never changes `state`. */
export function reducer(state: AppState, action: Action): AppState {
  switch (action.type) {
    case 'snapshot-loaded':
      return loadSnapshot(state, action.snapshot)
    case 'batches':
      return applyBatches(state, action.batches)
    case 'link-changed':
      return state.link === action.status ? state : { ...state, link: action.status }
    case 'load-failed':
      return { ...state, loadError: action.message }
    case 'connection-selected':
      return state.selectedConnectionId === action.connectionId
        ? state
        : { ...state, selectedConnectionId: action.connectionId, forgottenSelection: null }
    case 'settings-loaded':
      return {
        ...state,
        settings: action.loaded.settings,
        settingsStatus: 'loaded',
        settingsProblem: action.loaded.problem,
        settingsSaveError: action.loaded.saveError ?? null,
      }
    case 'settings-failed':
      return { ...state, settingsStatus: 'failed' }
    case 'settings-changed':
      return { ...state, settings: { ...state.settings, ...action.patch } }
    case 'settings-problem-dismissed':
      return state.settingsProblem === null && state.settingsSaveError === null
        ? state
        : { ...state, settingsProblem: null, settingsSaveError: null }
    case 'settings-save-settled':
      return state.settingsSaveError === action.error
        ? state
        : { ...state, settingsSaveError: action.error }
    default:
      return assertNever(action)
  }
}
