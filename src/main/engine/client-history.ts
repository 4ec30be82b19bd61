/**
 * What a snapshot brings back of the client's runs: for each of the last CLIENT_RUNS_KEPT runs,
 * its start, the latest state of each request, and its end. Kept apart from the log's recent
 * events, so that a 200-connection plan's many updates never push the log's lines out.
 */
import { CLIENT_RUNS_KEPT, type ClientEvent } from '../../shared/client-types'

type Started = Extract<ClientEvent, { type: 'client-run-started' }>
type Changed = Extract<ClientEvent, { type: 'client-request-changed' }>
type Finished = Extract<ClientEvent, { type: 'client-run-finished' }>

interface RunHistory {
  started: Started
  /** The latest change per request index. */
  requests: Map<number, Changed>
  finished: Finished | null
}

/** The last CLIENT_RUNS_KEPT runs, each kept as its start, latest request states and end. */
export class ClientHistory {
  private readonly runs: RunHistory[] = []

  remember(event: ClientEvent): void {
    if (event.type === 'client-run-started') {
      this.runs.push({ started: event, requests: new Map(), finished: null })
      if (this.runs.length > CLIENT_RUNS_KEPT) this.runs.shift()
      return
    }
    const run = this.runs.find((r) => r.started.run.runId === event.runId)
    if (run === undefined) return
    if (event.type === 'client-request-changed') run.requests.set(event.request.index, event)
    else run.finished = event
  }

  /** Oldest run first; each run's events in the order that rebuilds it. */
  events(): ClientEvent[] {
    return this.runs.flatMap((run) => [
      run.started,
      ...[...run.requests.values()].sort((a, b) => a.request.index - b.request.index),
      ...(run.finished ? [run.finished] : []),
    ])
  }
}
