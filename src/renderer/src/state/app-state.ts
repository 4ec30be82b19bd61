/**
 * The renderer's state: its shape and its value before anything is known.
 *
 * A leaf: the reducer, the batch applier, selectors and components all name these types, so they
 * live apart from the code that builds the state.
 */
import { ConnectionIndex } from './connection-index'
import type { Platform } from '../../../shared/bind-failure'
import type {
  DescriptorLimit,
  CaptureTotals,
  ConnectionSnapshot,
  ListenerSnapshot,
  Snapshot,
} from '../../../shared/contract'
import { DEFAULT_SETTINGS, type AppSettings, type LoadedSettings } from '../../../shared/settings'
import { EMPTY_CLIENT, type ClientState } from './client'
import type { TrailMark } from './lesson-trail'
import type { LogEntry } from './log'

/** The transport's link to the engine (always 'open' under Electron); see LinkState in ws-client. */
export type LinkStatus = 'connecting' | 'open' | 'closed' | 'refused'

export interface AppState {
  /** A snapshot has been loaded: until then batches wait. */
  isLoaded: boolean
  /** The last batch applied (or the snapshot's). */
  seq: number
  platform: Platform | null
  /** Whether privileged ports are refused here (null until known, or from an older engine). */
  privileges: NonNullable<Snapshot['privileges']> | null
  /** The engine's open-file limit and connection capacity (null: unknown, or an older engine). */
  descriptors: DescriptorLimit | null
  /** Ordered by number. */
  listeners: readonly ListenerSnapshot[]
  /** In accept order. */
  connections: readonly ConnectionSnapshot[]
  /** Connection id → index in {@link AppState.connections} (shared, append-only). */
  connectionIndex: ConnectionIndex
  /**
   * Closed connections the engine forgot (MAX_KEPT_CLOSED_CONNECTIONS): no longer in
   * {@link AppState.connections}, still in the listeners' counters.
   */
  forgottenConnections: number
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
  /**
   * The selected connection, when the engine forgot it (its bytes are gone): the stream view says
   * so instead of going blank, until another row is selected.
   */
  forgottenSelection: { id: string; number: number } | null
  /** The saved settings as last loaded or changed here (defaults until loaded). */
  settings: AppSettings
  /**
   * loading: not answered yet; loaded: from the engine; failed: the engine could not answer (an
   * older engine, say), so the defaults stay.
   */
  settingsStatus: 'loading' | 'loaded' | 'failed'
  /** Why the saved file was replaced by defaults, until the notice is dismissed. */
  settingsProblem: LoadedSettings['problem']
  /**
   * Why the last settings save failed (the engine's English), until a save works or the notice
   * is dismissed.
   */
  settingsSaveError: string | null
  /** The test client's recent runs. */
  client: ClientState
}

/** The state before anything is known. */
export const initialState: AppState = {
  isLoaded: false,
  seq: 0,
  platform: null,
  privileges: null,
  descriptors: null,
  listeners: [],
  connections: [],
  connectionIndex: ConnectionIndex.of([]),
  forgottenConnections: 0,
  log: [],
  nextLogId: 1,
  trail: [],
  sleepConnections: new Set(),
  lastEventAt: 0,
  capture: null,
  link: 'connecting',
  loadError: null,
  selectedConnectionId: null,
  forgottenSelection: null,
  settings: DEFAULT_SETTINGS,
  settingsStatus: 'loading',
  settingsProblem: null,
  settingsSaveError: null,
  client: EMPTY_CLIENT,
}
