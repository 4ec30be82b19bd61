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
  EngineEvent,
  EventBatch,
  ListenerSnapshot,
  Snapshot,
} from '../../../shared/contract'
import { assertNever } from '../../../shared/result'
import { LOG_LIMIT, logFromEvents, logMessagesFor, type LogEntry } from './log'

/** The transport's link to the engine (always 'open' under Electron). */
export type LinkStatus = 'connecting' | 'open' | 'closed'

export interface AppState {
  /** A snapshot has been loaded: until then batches wait. */
  isLoaded: boolean
  /** The last batch applied (or the snapshot's). */
  seq: number
  platform: Platform | null
  /** Ordered by number. */
  listeners: readonly ListenerSnapshot[]
  /** In accept order. */
  connections: readonly ConnectionSnapshot[]
  /** Connection id → index in {@link AppState.connections}. */
  connectionIndex: ReadonlyMap<string, number>
  /** Oldest first, at most LOG_LIMIT entries. */
  log: readonly LogEntry[]
  nextLogId: number
  capture: CaptureTotals | null
  link: LinkStatus
  /** Why the snapshot could not be loaded (developer English; the banner is catalog text). */
  loadError: string | null
}

export type Action =
  | { type: 'snapshot-loaded'; snapshot: Snapshot }
  | { type: 'batch'; batch: EventBatch }
  | { type: 'link-changed'; status: LinkStatus }
  | { type: 'load-failed'; message: string }

/** The state before anything is known. */
export const initialState: AppState = {
  isLoaded: false,
  seq: 0,
  platform: null,
  listeners: [],
  connections: [],
  connectionIndex: new Map(),
  log: [],
  nextLogId: 1,
  capture: null,
  link: 'connecting',
  loadError: null,
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
  })
  return {
    ...state,
    isLoaded: true,
    seq: snapshot.seq,
    platform: snapshot.platform,
    listeners: [...snapshot.listeners].sort(byNumber),
    connections: snapshot.connections,
    connectionIndex,
    log,
    nextLogId: state.nextLogId + log.length + 1,
    capture: snapshot.capture,
    loadError: null,
  }
}

/** Copies made once per batch, then changed in place: the input state is never touched. */
interface Draft {
  listeners: Map<string, ListenerSnapshot>
  hasListenerChanges: boolean
  connections: ConnectionSnapshot[] | null
  connectionIndex: Map<string, number> | null
  newLog: Array<Omit<LogEntry, 'id'>>
  capture: CaptureTotals | null
}

function connectionsOf(state: AppState, draft: Draft): ConnectionSnapshot[] {
  draft.connections ??= state.connections.slice()
  return draft.connections
}

function indexOf(state: AppState, draft: Draft): Map<string, number> {
  draft.connectionIndex ??= new Map(state.connectionIndex)
  return draft.connectionIndex
}

function findConnection(
  state: AppState,
  draft: Draft,
  id: string,
): [number, ConnectionSnapshot] | null {
  const index = (draft.connectionIndex ?? state.connectionIndex).get(id)
  if (index === undefined) return null
  const c = (draft.connections ?? state.connections)[index]
  return c ? [index, c] : null
}

function setConnection(
  state: AppState,
  draft: Draft,
  index: number,
  next: ConnectionSnapshot,
): void {
  connectionsOf(state, draft)[index] = next
}

function updateCounters(
  draft: Draft,
  listenerId: string,
  change: (c: ListenerSnapshot['counters']) => Partial<ListenerSnapshot['counters']>,
): void {
  const l = draft.listeners.get(listenerId)
  if (!l) return
  const counters = { ...l.counters, ...change(l.counters) }
  const same = (Object.keys(counters) as Array<keyof typeof counters>).every(
    (k) => counters[k] === l.counters[k],
  )
  if (same) return
  draft.listeners.set(listenerId, { ...l, counters })
  draft.hasListenerChanges = true
}

function applyEvent(state: AppState, draft: Draft, event: EngineEvent): void {
  draft.newLog.push(
    ...logMessagesFor(event, {
      listener: (id) => draft.listeners.get(id),
      connectionNumber: (id) => findConnection(state, draft, id)?.[1].number,
      isConnectionClosed: (id) => findConnection(state, draft, id)?.[1].state === 'closed',
    }),
  )
  switch (event.type) {
    case 'listener-added':
    case 'listener-changed':
      draft.listeners.set(event.listener.id, event.listener)
      draft.hasListenerChanges = true
      return
    case 'listener-removed':
      draft.listeners.delete(event.listenerId)
      draft.hasListenerChanges = true
      return
    case 'connection-accepted': {
      const c = event.connection
      const found = findConnection(state, draft, c.id)
      if (found) {
        setConnection(state, draft, found[0], c)
        return
      }
      const list = connectionsOf(state, draft)
      indexOf(state, draft).set(c.id, list.length)
      list.push(c)
      // The engine sends no listener-changed per accept: count here, once per connection id.
      updateCounters(draft, c.listenerId, (n) => ({ accepted: n.accepted + 1, open: n.open + 1 }))
      return
    }
    case 'connection-data': {
      const found = findConnection(state, draft, event.connectionId)
      if (found) {
        const [index, c] = found
        setConnection(state, draft, index, {
          ...c,
          bytesIn: Math.max(c.bytesIn, event.bytesIn),
          chunksIn: Math.max(c.chunksIn, event.chunksIn),
          captured: Math.max(c.captured, event.captured),
          truncated: c.truncated || event.truncated,
        })
      }
      updateCounters(draft, event.listenerId, (n) => ({
        bytesIn: Math.max(n.bytesIn, event.listenerBytesIn),
      }))
      return
    }
    case 'connection-peer-ended': {
      const found = findConnection(state, draft, event.connectionId)
      if (found && found[1].state === 'open')
        setConnection(state, draft, found[0], { ...found[1], state: 'peer-ended' })
      return
    }
    case 'connection-closed': {
      const found = findConnection(state, draft, event.connectionId)
      if (!found || found[1].state === 'closed') return
      const [index, c] = found
      setConnection(state, draft, index, {
        ...c,
        state: 'closed',
        closedAt: event.at,
        closeReason: event.reason,
        errorCode: event.errorCode,
      })
      updateCounters(draft, event.listenerId, (n) => ({ open: Math.max(0, n.open - 1) }))
      return
    }
    case 'connection-dropped':
      updateCounters(draft, event.listenerId, () => ({ dropped: event.dropped }))
      return
    case 'capture-totals':
      draft.capture = event.totals
      return
    default:
      assertNever(event)
  }
}

function applyBatch(state: AppState, batch: EventBatch): AppState {
  if (!state.isLoaded || batch.seq <= state.seq) return state
  const draft: Draft = {
    listeners: new Map(state.listeners.map((l) => [l.id, l])),
    hasListenerChanges: false,
    connections: null,
    connectionIndex: null,
    newLog: [],
    capture: state.capture,
  }
  for (const event of batch.events) applyEvent(state, draft, event)
  let log = state.log
  let nextLogId = state.nextLogId
  if (draft.newLog.length > 0) {
    const added = draft.newLog.map((entry) => ({ ...entry, id: nextLogId++ }))
    const joined = log.concat(added)
    log = joined.length > LOG_LIMIT ? joined.slice(joined.length - LOG_LIMIT) : joined
  }
  return {
    ...state,
    seq: batch.seq,
    listeners: draft.hasListenerChanges
      ? [...draft.listeners.values()].sort(byNumber)
      : state.listeners,
    connections: draft.connections ?? state.connections,
    connectionIndex: draft.connectionIndex ?? state.connectionIndex,
    log,
    nextLogId,
    capture: draft.capture,
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
    default:
      return assertNever(action)
  }
}
