/**
 * Applying event batches to the state: copies made once per pass, events applied in order,
 * the log extended. The state passed in is never changed; the one thing shared and extended in
 * place is the append-only connection index (connection-index.ts), which no state can misread.
 * Connections the engine forgot leave once per pass, at its end, with a new list and index.
 */
import type {
  CaptureTotals,
  ConnectionSnapshot,
  EngineEvent,
  EventBatch,
  ListenerSnapshot,
} from '../../../shared/contract'
import { assertNever } from '../../../shared/result'
import { applyClientEvents } from './client'
import { appendCapped } from './capped'
import {
  TRAIL_LIMIT,
  trailMarksFor,
  withSleepers,
  type TrailContext,
  type TrailMark,
} from './lesson-trail'
import { LOG_LIMIT, logMessagesFor, type LogContext, type LogEntry } from './log'
import { isNewerLeg } from './target-leg'
import type { AppState } from './app-state'

function byNumber(a: ListenerSnapshot, b: ListenerSnapshot): number {
  return a.number - b.number
}

/** Copies made once per pass, then changed in place: the input state is never touched. */
interface Draft {
  listeners: Map<string, ListenerSnapshot>
  hasListenerChanges: boolean
  connections: ConnectionSnapshot[] | null
  newLog: Array<Omit<LogEntry, 'id'>>
  newTrail: TrailMark[]
  sleepers: ReadonlySet<string>
  lastEventAt: number
  capture: CaptureTotals | null
  /** Connections forgotten in this pass (null: none), removed once at its end. */
  forgotten: Set<string> | null
  forgottenCount: number
  /** What the trail and the log read of the draft: made once per pass, not per event. */
  trailContext: TrailContext
  logContext: LogContext
  /**
   * Objects this pass copied (connections, listeners, counters): no state holds them yet, so the
   * pass changes them in place. A connection that arrives, is read, answered and closed in one
   * burst is copied once, not five times.
   */
  owned: Set<object>
}

function connectionsOf(state: AppState, draft: Draft): ConnectionSnapshot[] {
  draft.connections ??= state.connections.slice()
  return draft.connections
}

function findConnection(
  state: AppState,
  draft: Draft,
  id: string,
): [number, ConnectionSnapshot] | null {
  const list = draft.connections ?? state.connections
  const index = state.connectionIndex.find(list, id)
  if (index === undefined) return null
  const c = list[index]
  return c ? [index, c] : null
}

/** Changes the connection at `index` (`c`), copying it first unless this pass already did. */
function changeConnection(
  state: AppState,
  draft: Draft,
  index: number,
  c: ConnectionSnapshot,
  patch: Partial<ConnectionSnapshot>,
): void {
  if (draft.owned.has(c)) {
    Object.assign(c, patch)
    return
  }
  const copy = { ...c, ...patch }
  draft.owned.add(copy)
  connectionsOf(state, draft)[index] = copy
}

/** Changes a listener's counters, copying the listener and its counters once per pass. */
function updateCounters(
  draft: Draft,
  listenerId: string,
  change: (c: ListenerSnapshot['counters']) => Partial<ListenerSnapshot['counters']>,
): void {
  const l = draft.listeners.get(listenerId)
  if (!l) return
  const patch = change(l.counters)
  const keys = Object.keys(patch) as Array<keyof typeof patch>
  if (keys.every((k) => patch[k] === l.counters[k])) return
  draft.hasListenerChanges = true
  if (draft.owned.has(l) && draft.owned.has(l.counters)) {
    Object.assign(l.counters, patch)
    return
  }
  const counters = { ...l.counters, ...patch }
  const next = draft.owned.has(l) ? Object.assign(l, { counters }) : { ...l, counters }
  draft.owned.add(counters)
  draft.owned.add(next)
  draft.listeners.set(listenerId, next)
}

type DataEvent = Extract<EngineEvent, { type: 'connection-data' }>

/**
 * What a data event changes in the connection, or null: totals only grow, so a repeated or late
 * event changes nothing.
 */
function dataPatch(c: ConnectionSnapshot, event: DataEvent): Partial<ConnectionSnapshot> | null {
  const bytesIn = Math.max(c.bytesIn, event.bytesIn)
  const chunksIn = Math.max(c.chunksIn, event.chunksIn)
  const captured = Math.max(c.captured, event.captured)
  const bytesOut = Math.max(c.bytesOut, event.bytesOut)
  const chunksOut = Math.max(c.chunksOut, event.chunksOut)
  const capturedOut = Math.max(c.capturedOut, event.capturedOut)
  const truncated = c.truncated || event.truncated
  // A merged event carries its last read's time: the first byte came no later than that.
  const firstByteInMono =
    c.firstByteInMono === null && event.direction === 'in' ? event.mono : c.firstByteInMono
  const lastByteMono = c.lastByteMono === null ? event.mono : Math.max(c.lastByteMono, event.mono)
  const same =
    bytesIn === c.bytesIn &&
    chunksIn === c.chunksIn &&
    captured === c.captured &&
    bytesOut === c.bytesOut &&
    chunksOut === c.chunksOut &&
    capturedOut === c.capturedOut &&
    truncated === c.truncated &&
    firstByteInMono === c.firstByteInMono &&
    lastByteMono === c.lastByteMono
  if (same) return null
  return {
    bytesIn,
    chunksIn,
    captured,
    bytesOut,
    chunksOut,
    capturedOut,
    truncated,
    firstByteInMono,
    lastByteMono,
  }
}

function applyEvent(state: AppState, draft: Draft, event: EngineEvent): void {
  draft.lastEventAt = Math.max(draft.lastEventAt, event.at)
  const marks = trailMarksFor(event, draft.trailContext)
  if (marks.length > 0) {
    draft.newTrail.push(...marks)
    draft.sleepers = withSleepers(draft.sleepers, marks)
  }
  for (const line of logMessagesFor(event, draft.logContext)) draft.newLog.push(line)
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
        connectionsOf(state, draft)[found[0]] = c
        return
      }
      const list = connectionsOf(state, draft)
      state.connectionIndex.add(c.id, list.length)
      list.push(c)
      // The engine sends no listener-changed per accept: count here, once per connection id.
      updateCounters(draft, c.listenerId, (n) => ({ accepted: n.accepted + 1, open: n.open + 1 }))
      return
    }
    case 'connection-data': {
      const found = findConnection(state, draft, event.connectionId)
      if (found) {
        const [index, c] = found
        const patch = dataPatch(c, event)
        if (patch !== null) changeConnection(state, draft, index, c, patch)
      }
      updateCounters(draft, event.listenerId, (n) => ({
        bytesIn: Math.max(n.bytesIn, event.listenerBytesIn),
        bytesOut: Math.max(n.bytesOut, event.listenerBytesOut),
      }))
      return
    }
    case 'connection-peer-ended': {
      // From we-ended both halves are done: the close follows at once, so the state waits for it.
      const found = findConnection(state, draft, event.connectionId)
      if (found && found[1].state === 'open')
        changeConnection(state, draft, found[0], found[1], { state: 'peer-ended' })
      return
    }
    case 'connection-we-ended': {
      const found = findConnection(state, draft, event.connectionId)
      if (found && found[1].state === 'open')
        changeConnection(state, draft, found[0], found[1], { state: 'we-ended' })
      return
    }
    case 'connection-closed': {
      const found = findConnection(state, draft, event.connectionId)
      if (!found || found[1].state === 'closed') return
      const [index, c] = found
      changeConnection(state, draft, index, c, {
        state: 'closed',
        closedAt: event.at,
        closeReason: event.reason,
        errorCode: event.errorCode,
        ...(event.isFoundByProbe === true ? { isFoundByProbe: true } : {}),
      })
      updateCounters(draft, event.listenerId, (n) => ({ open: Math.max(0, n.open - 1) }))
      return
    }
    case 'connection-target': {
      // The event carries the whole leg: the newest wins, a repeat or an older one changes nothing.
      const found = findConnection(state, draft, event.connectionId)
      if (found && isNewerLeg(found[1].target, event.target))
        changeConnection(state, draft, found[0], found[1], { target: event.target })
      return
    }
    case 'echo-capped': {
      const found = findConnection(state, draft, event.connectionId)
      if (found && found[1].isEchoCapped !== true)
        changeConnection(state, draft, found[0], found[1], { isEchoCapped: true })
      return
    }
    case 'accept-failed':
      updateCounters(draft, event.listenerId, () => ({ refused: event.failures }))
      return
    case 'connection-dropped':
      updateCounters(draft, event.listenerId, () => ({ dropped: event.dropped }))
      return
    case 'capture-totals':
      draft.capture = event.totals
      return
    case 'connections-forgotten': {
      const forgotten = (draft.forgotten ??= new Set())
      for (const id of event.connectionIds) forgotten.add(id)
      draft.forgottenCount = Math.max(draft.forgottenCount, event.forgotten)
      return
    }
    case 'worker-changed': {
      const l = draft.listeners.get(event.listenerId)
      const phase = event.connectionId === null ? null : (event.phase ?? null)
      if (!l) return
      const handled = event.handled ?? l.handled
      if (
        l.workers[event.worker] === event.connectionId &&
        (l.phases?.[event.worker] ?? null) === phase &&
        l.handled === handled
      )
        return
      const workers = [...l.workers]
      workers[event.worker] = event.connectionId
      // Parallel to workers (an older snapshot has no phases: null until told).
      const phases = workers.map((_, i) => l.phases?.[i] ?? null)
      phases[event.worker] = phase
      const next = { ...l, workers, phases, handled }
      draft.owned.add(next)
      draft.listeners.set(event.listenerId, next)
      draft.hasListenerChanges = true
      return
    }
    case 'queue-changed': {
      const l = draft.listeners.get(event.listenerId)
      if (!l) return
      const next = { ...l, queued: event.queued }
      draft.owned.add(next)
      draft.listeners.set(event.listenerId, next)
      draft.hasListenerChanges = true
      return
    }
    case 'program-output':
      // Shown by the log only.
      return
    case 'client-run-started':
    case 'client-request-changed':
    case 'client-run-finished':
      // The client panel's slice: see applyClientEvents below.
      return
    default:
      assertNever(event)
  }
}

/**
 * The state after `batches` (in seq order), applied in one pass: the copies are made once. Batches
 * not newer than what the state covers are skipped; the same state comes back when none is newer.
 */
export function applyBatches(state: AppState, batches: readonly EventBatch[]): AppState {
  if (!state.isLoaded) return state
  const newer = batches.filter((b) => b.seq > state.seq)
  const last = newer.at(-1)
  if (!last) return state
  const events = newer.length === 1 ? last.events : newer.flatMap((b) => b.events)
  const draft: Draft = {
    listeners: new Map(state.listeners.map((l) => [l.id, l])),
    hasListenerChanges: false,
    connections: null,
    newLog: [],
    newTrail: [],
    sleepers: state.sleepConnections,
    lastEventAt: state.lastEventAt,
    capture: state.capture,
    forgotten: null,
    forgottenCount: state.forgottenConnections,
    trailContext: {
      listener: (id) => draft.listeners.get(id),
      isSleep: (id) => draft.sleepers.has(id),
    },
    logContext: {
      listener: (id) => draft.listeners.get(id),
      connectionNumber: (id) => findConnection(state, draft, id)?.[1].number,
      isConnectionClosed: (id) => findConnection(state, draft, id)?.[1].state === 'closed',
      target: (id) => findConnection(state, draft, id)?.[1].target,
    },
    owned: new Set(),
  }
  for (const event of events) applyEvent(state, draft, event)
  const connections = draft.connections ?? state.connections
  const remaining =
    draft.forgotten === null ? null : state.connectionIndex.without(connections, draft.forgotten)
  const selected = state.selectedConnectionId
  // The inspector cannot show a connection whose bytes are gone: it says it was forgotten.
  const forgottenSelection =
    selected !== null && draft.forgotten?.has(selected) === true
      ? { id: selected, number: findConnection(state, draft, selected)?.[1].number ?? 0 }
      : null
  let log = state.log
  let nextLogId = state.nextLogId
  if (draft.newLog.length > 0) {
    // Written out, not spread: one literal shape, several times faster in a burst's pass.
    const added = draft.newLog.map((entry): LogEntry => ({
      id: nextLogId++,
      at: entry.at,
      listenerId: entry.listenerId,
      listenerNumber: entry.listenerNumber,
      message: entry.message,
    }))
    log = appendCapped(log, added, LOG_LIMIT)
  }
  return {
    ...state,
    seq: Math.max(...newer.map((b) => b.seq)),
    listeners: draft.hasListenerChanges
      ? [...draft.listeners.values()].sort(byNumber)
      : state.listeners,
    connections: remaining?.list ?? connections,
    connectionIndex: remaining?.index ?? state.connectionIndex,
    forgottenConnections: draft.forgottenCount,
    selectedConnectionId: forgottenSelection === null ? selected : null,
    forgottenSelection: forgottenSelection ?? state.forgottenSelection,
    log,
    nextLogId,
    trail: appendCapped(state.trail, draft.newTrail, TRAIL_LIMIT),
    sleepConnections: draft.sleepers,
    lastEventAt: draft.lastEventAt,
    capture: draft.capture,
    client: applyClientEvents(state.client, events),
  }
}
