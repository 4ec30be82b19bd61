/**
 * What the transports (Electron IPC, browser mode's WebSocket) need from the engine.
 */
import type { EventBatch } from '../../shared/contract'
import type { Result } from '../../shared/result'
import type { AppSettings, LoadedSettings } from '../../shared/settings'

/**
 * Where the settings are kept between runs: each shell passes its own (both use the file in
 * src/main/settings-store.ts); tests pass one in memory.
 */
export interface SettingsStorage {
  /** The settings saved last time, or defaults with the problem found; never throws. */
  load(): LoadedSettings
  /** Keeps the whole settings; may throw (the engine logs it and goes on with them in memory). */
  save(settings: AppSettings): void
}

/**
 * thread::sleep for the slow route's /sleep: resolves after `ms`, or at once when `signal` aborts
 * (the job was abandoned).
 */
export type Sleep = (ms: number, signal: AbortSignal) => Promise<void>

export interface EngineOptions {
  /** Bytes kept across all connections; default DEFAULT_CAPTURE_TOTAL. */
  totalCaptureLimit?: number
  /** Overrides process.platform for the explanations (tests). */
  platform?: NodeJS.Platform
  /** Minimum gap between batches; default BATCH_INTERVAL_MS. */
  batchIntervalMs?: number
  /**
   * The saved settings: loaded at start, their listeners restored stopped, listener changes and
   * the GUI's choices saved back. Absent: defaults, and nothing is persisted.
   */
  settingsStorage?: SettingsStorage
  /**
   * Whether the OS would let a listener use host:port now, for the ports the engine proposes;
   * default: a real listen, closed at once (see free-port.ts). Tests stand in for it.
   */
  portProbe?: (host: string, port: number) => Promise<boolean>
  /** How /sleep waits; default a real timer. Tests pass one they end when they choose. */
  sleep?: Sleep
  /**
   * Closed connections kept before the oldest closed are forgotten; default
   * MAX_KEPT_CLOSED_CONNECTIONS (tests pass a small one).
   */
  maxKeptClosedConnections?: number
  /** How often half-closed connections are probed for a peer that is gone (half-closed-sweep.ts). */
  halfClosedProbeMs?: number
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
