/**
 * What the transports (Electron IPC, browser mode's WebSocket) need from the engine.
 */
import type { EventBatch } from '../../shared/contract'
import type { Result } from '../../shared/result'

export interface EngineOptions {
  /** Bytes kept across all connections; default DEFAULT_CAPTURE_TOTAL. */
  totalCaptureLimit?: number
  /** Overrides process.platform for the explanations (tests). */
  platform?: NodeJS.Platform
  /** Minimum gap between batches; default BATCH_INTERVAL_MS. */
  batchIntervalMs?: number
  /**
   * The settings file (see src/main/settings-store.ts): loaded at start, its listeners restored
   * stopped, listener changes saved back. Null or absent: nothing is read or persisted.
   */
  settingsFile?: string | null
  /**
   * Whether the OS would let a listener use host:port now, for the ports the engine proposes;
   * default: a real listen, closed at once (see free-port.ts). Tests stand in for it.
   */
  portProbe?: (host: string, port: number) => Promise<boolean>
}

export interface Engine {
  /**
   * Validates and runs one request from any transport. Never throws: a bad request is an
   * INVALID_REQUEST/INVALID_INPUT value, a bug is logged and answered INTERNAL.
   */
  handle(channel: unknown, payload: unknown): Promise<Result<unknown>>
  /** Every event batch, to every subscriber; returns the unsubscribe. */
  subscribe(listener: (batch: EventBatch) => void): () => void
  /** Closes every connection and listener now; resolves when all sockets are closed. */
  shutdown(): Promise<void>
}
