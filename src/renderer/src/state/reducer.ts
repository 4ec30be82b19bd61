/**
 * The renderer's state and the pure reducer that builds it from a snapshot and event batches.
 *
 * A snapshot replaces everything (a reload or reconnect rebuilds from it); batches with a seq the
 * state already covers are ignored. Events carry totals, so applying one twice changes nothing.
 */
import type { Platform } from '../../../shared/bind-failure'
import type {
  CaptureTotals,
  ConnectionSnapshot,
  EventBatch,
  ListenerSnapshot,
  Snapshot,
} from '../../../shared/contract'
import { assertNever } from '../../../shared/result'
import {
  DEFAULT_SETTINGS,
  type AppSettings,
  type LoadedSettings,
  type SettingsPatch,
} from '../../../shared/settings'
import { applyBatch } from './apply-batch'
import { clientFromEvents, EMPTY_CLIENT, type ClientState } from './client'
import { trailFromEvents, type TrailMark } from './lesson-trail'
import { logFromEvents, type LogEntry } from './log'

/** The transport's link to the engine (always 'open' under Electron). */
export type LinkStatus = 'connecting' | 'open' | 'closed'

export interface AppState {
  /** A snapshot has been loaded: until then batches wait. */
  isLoaded: boolean
  /** The last batch applied (or the snapshot's). */
  seq: number
  platform: Platform | null
  /** Whether privileged ports are refused here (null until known, or from an older engine). */
  privileges: NonNullable<Snapshot['privileges']> | null
  /** Ordered by number. */
  listeners: readonly ListenerSnapshot[]
  /** In accept order. */
  connections: readonly ConnectionSnapshot[]
  /** Connection id → index in {@link AppState.connections}. */
  connectionIndex: ReadonlyMap<string, number>
  /** Oldest first, at most LOG_LIMIT entries. */
  log: readonly LogEntry[]
  nextLogId: number
  /** What the lessons need beside the log, from the same events (see lesson-trail.ts). */
  trail: readonly TrailMark[]
  /** Connections whose request was `GET /sleep` (the most recent ones). */
  sleepConnections: ReadonlySet<string>
  /** The engine's wall clock at the latest event seen (0 before any): lessons count from it. */
  lastEventAt: number
  capture: CaptureTotals | null
  link: LinkStatus
  /** Why the snapshot could not be loaded (developer English; the banner is catalog text). */
  loadError: string | null
  /** The row the table selected and the stream view shows (null: none). */
  selectedConnectionId: string | null
  /** The saved settings as last loaded or changed here (defaults until loaded). */
  settings: AppSettings
  /**
   * loading: not answered yet; loaded: from the engine; failed: the engine could not answer (an
   * older engine, say), so the defaults stay.
   */
  settingsStatus: 'loading' | 'loaded' | 'failed'
  /** Why the saved file was replaced by defaults, until the notice is dismissed. */
  settingsProblem: LoadedSettings['problem']
  /** The test client's recent runs. */
  client: ClientState
}

export type Action =
  | { type: 'snapshot-loaded'; snapshot: Snapshot }
  | { type: 'batch'; batch: EventBatch }
  | { type: 'link-changed'; status: LinkStatus }
  | { type: 'load-failed'; message: string }
  | { type: 'connection-selected'; connectionId: string | null }
  | { type: 'settings-loaded'; loaded: LoadedSettings }
  | { type: 'settings-failed' }
  | { type: 'settings-changed'; patch: SettingsPatch }
  | { type: 'settings-problem-dismissed' }

/** The state before anything is known. */
export const initialState: AppState = {
  isLoaded: false,
  seq: 0,
  platform: null,
  privileges: null,
  listeners: [],
  connections: [],
  connectionIndex: new Map(),
  log: [],
  nextLogId: 1,
  trail: [],
  sleepConnections: new Set(),
  lastEventAt: 0,
  capture: null,
  link: 'connecting',
  loadError: null,
  selectedConnectionId: null,
  settings: DEFAULT_SETTINGS,
  settingsStatus: 'loading',
  settingsProblem: null,
  client: EMPTY_CLIENT,
}

function byNumber(a: ListenerSnapshot, b: ListenerSnapshot): number {
  return a.number - b.number
}

function loadSnapshot(state: AppState, snapshot: Snapshot): AppState {
  const connectionIndex = new Map<string, number>()
  snapshot.connections.forEach((c, i) => connectionIndex.set(c.id, i))
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
    listeners: [...snapshot.listeners].sort(byNumber),
    connections: snapshot.connections,
    connectionIndex,
    log,
    nextLogId: state.nextLogId + log.length + 1,
    capture: snapshot.capture,
    client: clientFromEvents(snapshot.recentEvents),
    loadError: null,
    // A reload keeps the selection while the engine still knows the connection.
    selectedConnectionId:
      state.selectedConnectionId !== null && connectionIndex.has(state.selectedConnectionId)
        ? state.selectedConnectionId
        : null,
  }
}

/** The one reducer: pure, never changes `state`. */
export function reducer(state: AppState, action: Action): AppState {
  switch (action.type) {
    case 'snapshot-loaded':
      return loadSnapshot(state, action.snapshot)
    case 'batch':
      return applyBatch(state, action.batch)
    case 'link-changed':
      return state.link === action.status ? state : { ...state, link: action.status }
    case 'load-failed':
      return { ...state, loadError: action.message }
    case 'connection-selected':
      return state.selectedConnectionId === action.connectionId
        ? state
        : { ...state, selectedConnectionId: action.connectionId }
    case 'settings-loaded':
      return {
        ...state,
        settings: action.loaded.settings,
        settingsStatus: 'loaded',
        settingsProblem: action.loaded.problem,
      }
    case 'settings-failed':
      return { ...state, settingsStatus: 'failed' }
    case 'settings-changed':
      return { ...state, settings: { ...state.settings, ...action.patch } }
    case 'settings-problem-dismissed':
      return state.settingsProblem === null ? state : { ...state, settingsProblem: null }
    default:
      return assertNever(action)
  }
}
