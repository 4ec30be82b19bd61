/**
 * What the engine tells every GUI: events in batches, and the snapshot a GUI starts from.
 */
import type { Platform } from '../bind-failure'
import type { ClientEvent } from '../client-types'
import type {
  CaptureTotals,
  CloseReason,
  ConnectionSnapshot,
  DescriptorLimit,
  Direction,
  Endpoint,
  ListenerSnapshot,
  TargetLeg,
  WorkerPhase,
} from './domain'

/**
 * What happened to a forwarded connection's target leg: connecting (begun), connected, answered
 * (its first byte from the target), client-ended / target-ended (a FIN passed on), paused (a side
 * has not read for STALL_REPORT_MS: see TargetLeg.stalled), resumed (a paused side read what
 * waited for it), closed (both ended, or the client's leg closed), failed (see
 * TargetLeg.failure).
 */
export type TargetChange =
  | 'connecting'
  | 'connected'
  | 'answered'
  | 'client-ended'
  | 'target-ended'
  | 'paused'
  | 'resumed'
  | 'closed'
  | 'failed'

export type EngineEvent =
  | { type: 'listener-added'; at: number; listener: ListenerSnapshot }
  | { type: 'listener-changed'; at: number; listener: ListenerSnapshot }
  | { type: 'listener-removed'; at: number; listenerId: string }
  | { type: 'connection-accepted'; at: number; connection: ConnectionSnapshot }
  | {
      type: 'connection-data'
      at: number
      connectionId: string
      listenerId: string
      /** Events of the two directions are never merged with each other. */
      direction: Direction
      /** Reads merged into this event (the batcher merges a connection's reads within a batch). */
      chunks: number
      /** Bytes in those reads. */
      bytes: number
      /** Base64 of at most PREVIEW_BYTES bytes from the first of those reads. */
      preview: string
      /** Totals after these reads, so applying an event twice changes nothing. */
      bytesIn: number
      chunksIn: number
      captured: number
      bytesOut: number
      chunksOut: number
      capturedOut: number
      truncated: boolean
      listenerBytesIn: number
      listenerBytesOut: number
      /** Engine monotonic ms of these reads/writes (the last one). */
      mono: number
    }
  | { type: 'connection-peer-ended'; at: number; connectionId: string; listenerId: string }
  | { type: 'connection-we-ended'; at: number; connectionId: string; listenerId: string }
  | {
      type: 'connection-closed'
      at: number
      connectionId: string
      listenerId: string
      reason: CloseReason
      errorCode: string | null
      /** See ConnectionSnapshot.isFoundByProbe. */
      isFoundByProbe?: boolean
    }
  | {
      /**
       * A forwarded connection's leg to the target changed: `change` says how, `target` is the
       * whole leg after it (the connection's `target`).
       */
      type: 'connection-target'
      at: number
      connectionId: string
      listenerId: string
      change: TargetChange
      target: TargetLeg
    }
  | {
      /**
       * The echo responder stopped echoing this connection: its peer does not read, and `unsent`
       * bytes (more than `limit`) wait to be sent. What arrives afterwards is recorded, not echoed.
       */
      type: 'echo-capped'
      at: number
      connectionId: string
      listenerId: string
      unsent: number
      limit: number
    }
  | {
      /**
       * A connection turned away at the open-file limit. `isAtCapacity`: the engine refused it,
       * accepted, because its connections fill what the limit leaves (DescriptorLimit.capacity;
       * one more descriptor would bring EMFILE near); otherwise accept() itself failed with `code`
       * (EMFILE, ENFILE, …) and the peer is not known.
       */
      type: 'accept-failed'
      at: number
      listenerId: string
      code: string
      isAtCapacity: boolean
      remote: Endpoint | null
      /** The listener's refusals so far (ListenerCounters.refused). */
      failures: number
      /** The soft open-file limit, or null where it is not known. */
      limit: number | null
    }
  | {
      type: 'connection-dropped'
      at: number
      listenerId: string
      remote: Endpoint | null
      dropped: number
    }
  | { type: 'capture-totals'; at: number; totals: CaptureTotals }
  | {
      /**
       * Closed connections the engine no longer keeps (MAX_KEPT_CLOSED_CONNECTIONS): they leave
       * every list, their captures are released. Listener counters keep counting them.
       */
      type: 'connections-forgotten'
      at: number
      connectionIds: string[]
      /** Connections the engine has forgotten in all, these included. */
      forgotten: number
    }
  | {
      type: 'worker-changed'
      at: number
      listenerId: string
      worker: number
      /** The connection it took, or null: idle again (or shut down, see program-output). */
      connectionId: string | null
      /** With a connection: what the worker does with it now (a new event when that changes). */
      phase?: WorkerPhase
      /** The listener's handled count (ListenerSnapshot.handled) after this change. */
      handled?: number
      /**
       * With connectionId null: the connections waiting in the queue as the worker let go. The
       * single thread's lesson reads it here, so that the queue's own events can be folded.
       */
      waiting?: number
    }
  | { type: 'queue-changed'; at: number; listenerId: string; queued: string[] }
  | {
      /** A line the book's program would print at this moment (Request: [...], Worker 0 got a job; executing.). */
      type: 'program-output'
      at: number
      listenerId: string
      connectionId: string | null
      text: string
    }
  | ClientEvent

export type EngineEventType = EngineEvent['type']

export interface EventBatch {
  /** 1, 2, … per engine; a snapshot tells the last seq it includes. */
  seq: number
  events: EngineEvent[]
}

export interface Snapshot {
  /** Batches with seq ≤ this are already in the snapshot. */
  seq: number
  platform: Platform
  listeners: ListenerSnapshot[]
  connections: ConnectionSnapshot[]
  /** Recent events (no data events), oldest first, so a reloaded GUI gets its log back. */
  recentEvents: EngineEvent[]
  capture: CaptureTotals
  /**
   * Whether a privileged port would be refused here: the engine runs as root, and Linux's first
   * unprivileged port (null elsewhere or unreadable). Absent from older engines.
   */
  privileges?: { isRoot: boolean; unprivilegedPortStart: number | null }
  /** Closed connections forgotten so far (connections-forgotten). Absent from older engines. */
  forgottenConnections?: number
  /** The open-file limit (Linux; null where unknown). Absent from older engines. */
  descriptors?: DescriptorLimit | null
}
