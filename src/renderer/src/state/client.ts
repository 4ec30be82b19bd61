/**
 * The client panel's slice of the state: the last few plan runs and each request's timeline,
 * built from the engine's client events only (a snapshot's recent events rebuild it on reload).
 */
import {
  CLIENT_RUNS_KEPT,
  type ClientEvent,
  type ClientRequestSnapshot,
  type ClientRunInfo,
  type ClientRunOutcome,
} from '../../../shared/client-types'
import type { EngineEvent } from '../../../shared/contract'
import { assertNever } from '../../../shared/result'

export { CLIENT_RUNS_KEPT }

export interface ClientRunView {
  run: ClientRunInfo
  /** By index. */
  requests: readonly ClientRequestSnapshot[]
  /** Null while running. */
  outcome: ClientRunOutcome | null
  elapsedMs: number | null
}

export interface ClientState {
  /** Oldest first. */
  runs: readonly ClientRunView[]
}

export const EMPTY_CLIENT: ClientState = { runs: [] }

function isClientEvent(event: EngineEvent): event is ClientEvent {
  return (
    event.type === 'client-run-started' ||
    event.type === 'client-request-changed' ||
    event.type === 'client-run-finished'
  )
}

function updateRun(
  state: ClientState,
  runId: string,
  change: (run: ClientRunView) => ClientRunView,
): ClientState {
  const index = state.runs.findIndex((r) => r.run.runId === runId)
  const run = state.runs[index]
  if (run === undefined) return state
  const runs = state.runs.slice()
  runs[index] = change(run)
  return { runs }
}

/** The state after one client event. */
export function applyClientEvent(state: ClientState, event: ClientEvent): ClientState {
  switch (event.type) {
    case 'client-run-started': {
      if (state.runs.some((r) => r.run.runId === event.run.runId)) return state
      const run: ClientRunView = {
        run: event.run,
        requests: event.requests,
        outcome: null,
        elapsedMs: null,
      }
      return { runs: [...state.runs, run].slice(-CLIENT_RUNS_KEPT) }
    }
    case 'client-request-changed':
      return updateRun(state, event.runId, (run) => {
        const requests = run.requests.slice()
        requests[event.request.index] = event.request
        return { ...run, requests }
      })
    case 'client-run-finished':
      return updateRun(state, event.runId, (run) => ({
        ...run,
        outcome: event.outcome,
        elapsedMs: event.elapsedMs,
      }))
    default:
      return assertNever(event)
  }
}

/** The state after a batch's client events (the same object when there are none). */
export function applyClientEvents(state: ClientState, events: readonly EngineEvent[]): ClientState {
  let next = state
  for (const event of events) if (isClientEvent(event)) next = applyClientEvent(next, event)
  return next
}

/** The runs a snapshot's recent events tell of. */
export function clientFromEvents(events: readonly EngineEvent[]): ClientState {
  return applyClientEvents(EMPTY_CLIENT, events)
}

/** The newest run, or null. */
export function latestRun(state: ClientState): ClientRunView | null {
  return state.runs.at(-1) ?? null
}
