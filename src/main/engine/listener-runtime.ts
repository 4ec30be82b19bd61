/**
 * One listener: its settings, its server through stopped → starting → listening → stopping, and
 * the connections it accepted (closed ones stay, for their captures, until it is removed or the
 * engine forgets them: see kept-closed.ts).
 */
import { createServer, type Server, type Socket } from 'node:net'
import type { Platform } from '../../shared/bind-failure'
import {
  type CloseHow,
  type Endpoint,
  type EngineEvent,
  type ListenerCounters,
  type ListenerSettings,
  type ListenerSnapshot,
  type ListenerState,
  type StopMode,
} from '../../shared/contract'
import { fail, ok, type Result } from '../../shared/result'
import { defaultListenerSettings } from '../../shared/listener-defaults'
import type { SavedListener } from '../../shared/settings'
import { classifyBindError } from './bind-error'
import { CaptureBudget } from './capture'
import { ConnectionRuntime, toEndpoint, type ConnectionHost } from './connection'
import type { Sleep } from './engine-api'
import type { ConnectionAllowance } from './descriptor-limit'
import type { HalfClosedSweep } from './half-closed-sweep'
import type { KeptClosed } from './kept-closed'
import { ListenerStage } from './listener-stage'
import { withPatch, type SettingsPatch } from './settings-patch'

export { toSettingsPatch, type SettingsPatch } from './settings-patch'

export interface ListenerDeps {
  budget: CaptureBudget
  platform: Platform
  emit(event: EngineEvent): void
  sleep: Sleep
  /** The engine's one sweep over half-closed connections. */
  halfClosed: HalfClosedSweep
  /** The engine's places for connections below the open-file limit, shared by all listeners. */
  allowance: ConnectionAllowance
  /** The engine's closed connections, which forgets the oldest past its limit. */
  keptClosed: KeptClosed
}

/** Node's maxConnections for our setting: never 0, whose meaning changed in Node 21. */
function nodeMaxConnections(max: number | null): number {
  return max === null ? Number.POSITIVE_INFINITY : max
}

function badState(message: string): Result<never> {
  return fail({ code: 'BAD_STATE', message })
}

export class ListenerRuntime {
  private settings: ListenerSettings
  private state: ListenerState = 'stopped'
  private bound: Endpoint | null = null
  private lastError: ListenerSnapshot['lastError'] = null
  private readonly counters: ListenerCounters = {
    accepted: 0,
    dropped: 0,
    open: 0,
    bytesIn: 0,
    bytesOut: 0,
  }
  /** Connections turned away at the open-file limit (see accept-failed). */
  private refused = 0
  private server: Server | null = null
  /** Every connection accepted, in order; closed ones too, until forgotten. */
  readonly connections = new Map<string, ConnectionRuntime>()
  private readonly live = new Set<ConnectionRuntime>()
  private nextConnection = 1
  private starting: Promise<unknown> | null = null
  /** Set while stopping: resolves once the server closed and every connection with it. */
  private stopped: Promise<void> | null = null
  private serverClosed = false
  private resolveStopped: (() => void) | null = null
  private readonly connectionHost: ConnectionHost
  /** The current (or last) listening run's responders and workers. */
  private stage: ListenerStage | null = null
  /** Stopping waits for the stage's jobs to finish, too. */
  private isStageDrained = true

  constructor(
    readonly id: string,
    readonly number: number,
    patch: SettingsPatch,
    private readonly deps: ListenerDeps,
  ) {
    this.settings = withPatch(defaultListenerSettings(), patch)
    this.connectionHost = {
      listenerId: id,
      budget: deps.budget,
      captureLimit: () => this.settings.captureLimitPerConnection,
      emit: (event) => deps.emit(event),
      countBytes: (direction, bytes) => {
        if (direction === 'in') this.counters.bytesIn += bytes
        else this.counters.bytesOut += bytes
        return { bytesIn: this.counters.bytesIn, bytesOut: this.counters.bytesOut }
      },
      onClosed: (connection) => this.onConnectionClosed(connection),
      halfClosed: (connection) => deps.halfClosed.watch(connection),
    }
  }

  snapshot(): ListenerSnapshot {
    return {
      id: this.id,
      number: this.number,
      settings: { ...this.settings },
      state: this.state,
      bound: this.bound === null ? null : { ...this.bound },
      lastError: this.lastError,
      counters: {
        ...this.counters,
        open: this.live.size,
        ...(this.refused > 0 ? { refused: this.refused } : {}),
      },
      workers: this.isRunning() ? (this.stage?.workers() ?? []) : [],
      phases: this.isRunning() ? (this.stage?.phases() ?? []) : [],
      queued: this.isRunning() ? (this.stage?.queued() ?? []) : [],
      handled: this.stage?.handledJobs ?? 0,
    }
  }

  /**
   * Host and port only while stopped (unless unchanged); the rest any time: the stage fields
   * apply to connections accepted afterwards.
   */
  update(patch: SettingsPatch): Result<ListenerSnapshot> {
    const movesAddress =
      (patch.host !== undefined && patch.host !== this.settings.host) ||
      (patch.port !== undefined && patch.port !== this.settings.port)
    if (movesAddress && this.state !== 'stopped')
      return badState(`Listener ${this.id} is ${this.state}: stop it before changing host or port`)
    const next = withPatch(this.settings, patch)
    this.settings = next
    if (this.server !== null) this.server.maxConnections = nodeMaxConnections(next.maxConnections)
    if (this.isRunning()) this.stage?.settingsChanged()
    this.endTakeIfDone()
    this.changed()
    return ok(this.snapshot())
  }

  start(): Promise<Result<ListenerSnapshot>> {
    if (this.state !== 'stopped')
      return Promise.resolve(badState(`Listener ${this.id} is ${this.state}`))
    const starting = this.listen()
    this.starting = starting
    void starting.finally(() => {
      if (this.starting === starting) this.starting = null
    })
    return starting
  }

  /**
   * Stops accepting at once. 'let-finish' resolves while 'stopping' if connections remain (the
   * listener becomes 'stopped' when the last closes); 'close-all' destroys them and resolves
   * once 'stopped'. Asked while starting, it waits for the start: a listener that then listens
   * is stopped, one whose start failed is answered as it is (stopped, with the bind error).
   */
  async stop(mode: StopMode): Promise<Result<ListenerSnapshot>> {
    if (this.state === 'starting' && this.starting !== null) {
      await this.starting
      if (!this.isRunning()) return ok(this.snapshot())
    }
    if (this.state === 'stopped' || this.state === 'starting')
      return badState(`Listener ${this.id} is ${this.state}`)
    if (this.state === 'stopping' && mode === 'let-finish')
      return badState(`Listener ${this.id} is already stopping; only close-all can hurry it`)
    const stopped = this.beginStop()
    if (mode === 'close-all') {
      this.stage?.abandon()
      await Promise.all([...this.live].map((connection) => connection.close()))
      await stopped
    } else if (this.live.size === 0) {
      await stopped
    }
    return ok(this.snapshot())
  }

  /**
   * A stage's whole set-up in one go, from any state: waits out a start, stops (closing every
   * connection, also in the middle of a graceful stop), applies `patch`, starts again. The answer
   * is the start's: a bind failure comes back as BIND_FAILED with the settings applied.
   */
  async setUp(patch: SettingsPatch): Promise<Result<ListenerSnapshot>> {
    if (this.starting !== null) await this.starting
    if (this.state === 'listening' || this.state === 'stopping') await this.stop('close-all')
    const updated = this.update(patch)
    if (!updated.ok) return updated
    return this.start()
  }

  /** Closes everything now, whatever the state (waits out a start in progress). */
  async closeAll(): Promise<void> {
    if (this.starting !== null) await this.starting
    if (this.state === 'listening' || this.state === 'stopping') await this.stop('close-all')
    await Promise.all([...this.live].map((connection) => connection.close()))
  }

  /** Closes every live connection `how`; returns how many there were. */
  async closeConnections(how: CloseHow): Promise<number> {
    const live = [...this.live]
    await Promise.all(live.map((connection) => connection.close(how)))
    return live.length
  }

  /** The settings that persist across restarts. */
  savedSettings(): SavedListener {
    return { ...this.settings }
  }

  /** Frees every capture of this listener; returns whether the engine's total changed. */
  releaseCaptures(): boolean {
    const before = this.deps.budget.captured
    for (const connection of this.connections.values()) connection.capture.release(this.deps.budget)
    return this.deps.budget.captured !== before
  }

  private changed(): void {
    this.deps.emit({ type: 'listener-changed', at: Date.now(), listener: this.snapshot() })
  }

  private listen(): Promise<Result<ListenerSnapshot>> {
    const { host, port, maxConnections } = this.settings
    this.state = 'starting'
    this.changed()
    return new Promise((resolve) => {
      const server = createServer({ allowHalfOpen: true })
      this.server = server
      server.maxConnections = nodeMaxConnections(maxConnections)
      let settled = false
      const failed = (err: unknown): void => {
        if (settled) return
        settled = true
        this.server = null
        server.close(() => undefined)
        const bind = classifyBindError(err, { host, port, platform: this.deps.platform })
        this.state = 'stopped'
        this.bound = null
        this.lastError = bind
        this.changed()
        resolve(fail({ code: 'BIND_FAILED', message: bind.message, bind }))
      }
      // Never removed: after listening, errors (accept EMFILE…) must not crash the process.
      server.on('error', (err: NodeJS.ErrnoException) => {
        if (!settled) failed(err)
        else if (err.syscall === 'accept') this.refuse(null, err.code ?? 'UNKNOWN')
        else console.error(`[engine] listener ${this.id}:`, err)
      })
      server.on('listening', () => {
        if (settled) return
        settled = true
        const address = server.address()
        this.bound =
          address !== null && typeof address === 'object'
            ? toEndpoint(address.address, address.port, address.family)
            : null
        this.stage = new ListenerStage({
          listenerId: this.id,
          settings: () => this.settings,
          emit: (event) => this.deps.emit(event),
          sleep: this.deps.sleep,
        })
        this.state = 'listening'
        this.lastError = null
        this.changed()
        resolve(ok(this.snapshot()))
      })
      server.on('connection', (socket: Socket) => this.accept(socket))
      server.on('drop', (data) => {
        this.counters.dropped += 1
        this.deps.emit({
          type: 'connection-dropped',
          at: Date.now(),
          listenerId: this.id,
          remote:
            data?.remoteAddress === undefined
              ? null
              : toEndpoint(data.remoteAddress, data.remotePort, data.remoteFamily),
          dropped: this.counters.dropped,
        })
      })
      try {
        server.listen({ host, port })
      } catch (err) {
        failed(err)
      }
    })
  }

  private accept(socket: Socket): void {
    // Past the capacity one more descriptor brings EMFILE near: refused here, where it shows.
    if (!this.deps.allowance.take()) {
      socket.on('error', () => undefined)
      socket.destroy()
      this.refuse(
        toEndpoint(socket.remoteAddress, socket.remotePort, socket.remoteFamily),
        'EMFILE',
      )
      return
    }
    const connection = new ConnectionRuntime(this.connectionHost, this.nextConnection, socket)
    this.nextConnection += 1
    this.connections.set(connection.id, connection)
    this.live.add(connection)
    this.counters.accepted += 1
    this.deps.emit({
      type: 'connection-accepted',
      at: Date.now(),
      connection: connection.snapshot(),
    })
    this.stage?.accept(connection)
    this.endTakeIfDone()
  }

  /** One connection turned away at the open-file limit: counted and told (remote null: unknown). */
  private refuse(remote: Endpoint | null, code: string): void {
    this.refused += 1
    this.deps.emit({
      type: 'accept-failed',
      at: Date.now(),
      listenerId: this.id,
      code,
      isAtCapacity: remote !== null,
      remote,
      failures: this.refused,
      limit: this.deps.allowance.limit?.soft ?? null,
    })
  }

  private isRunning(): boolean {
    return this.state === 'listening' || this.state === 'stopping'
  }

  /** The book's take(N) let its N connections through: the accept loop ends. */
  private endTakeIfDone(): void {
    if (this.state !== 'listening' || this.stage === null || !this.stage.isTakeDone()) return
    this.stage.printLoopEnded()
    void this.beginStop()
  }

  private onConnectionClosed(connection: ConnectionRuntime): void {
    this.live.delete(connection)
    this.deps.allowance.release()
    this.deps.keptClosed.add(connection.id, () => {
      this.connections.delete(connection.id)
      connection.capture.release(this.deps.budget)
    })
    this.finishStopIfDone()
  }

  /** listening → stopping (server.close() now); the same promise if already stopping. */
  private beginStop(): Promise<void> {
    if (this.stopped !== null) return this.stopped
    const server = this.server
    this.state = 'stopping'
    this.serverClosed = false
    this.stopped = new Promise((resolve) => {
      this.resolveStopped = resolve
    })
    const stopped = this.stopped
    this.changed()
    const stage = this.stage
    this.isStageDrained = stage === null
    void stage?.shutdown().then(() => {
      this.isStageDrained = true
      this.finishStopIfDone()
    })
    if (server === null) this.serverClosed = true
    else
      server.close(() => {
        this.serverClosed = true
        this.finishStopIfDone()
      })
    this.finishStopIfDone()
    return stopped
  }

  /**
   * 'stopped' needs all three: the server's close callback ran, no connection is left, and the
   * stage's workers finished (a pool prints its "Shutting down worker N" lines first).
   */
  private finishStopIfDone(): void {
    if (this.state !== 'stopping' || !this.serverClosed || this.live.size > 0) return
    if (!this.isStageDrained) return
    this.state = 'stopped'
    this.server = null
    this.bound = null
    this.stopped = null
    this.changed()
    const resolve = this.resolveStopped
    this.resolveStopped = null
    resolve?.()
  }
}
