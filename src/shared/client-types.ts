/**
 * The test client's contract (issue 4, section 3): plans, runs and their events.
 * PLACEHOLDER shapes: the client's module owns this file and refines them.
 */

export interface ClientRunRequest {
  /** host:port as the user typed it. */
  target: string
}

export interface ClientRunStarted {
  runId: string
}

export interface ClientCancelRequest {
  runId: string
}

/** Events of a client run; part of EngineEvent. */
export type ClientEvent = { type: 'client-run-finished'; at: number; runId: string }
