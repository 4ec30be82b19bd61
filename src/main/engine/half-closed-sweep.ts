/**
 * The sweep over half-closed connections: finds those whose peer is gone.
 *
 * After the peer's FIN, libuv stops reading the socket, so an RST that arrives later (the peer
 * reset, or its kernel forgot the connection once FIN_WAIT_2 timed out and answered a keepalive
 * probe with RST) is noticed only on a write. A responder that never writes would keep such a
 * connection "peer ended" for ever: counted open, holding a place under max connections, keeping
 * a graceful stop waiting. So every few seconds each half-closed connection gets a zero-length
 * write, which sends nothing on a healthy one and fails (EPIPE, ECONNRESET) on a reset one.
 */

/** A connection the sweep probes. */
export interface HalfClosedProbe {
  /** Probes once; false when it is no longer half-closed (nothing more to probe). */
  probe(): boolean
}

/** How often half-closed connections are probed by default. */
export const HALF_CLOSED_PROBE_MS = 3000

/**
 * TCP keepalive's idle time on a half-closed connection: after it, the kernel sends a probe, and a
 * peer whose kernel forgot the connection answers RST (which the next sweep then finds).
 */
export const HALF_CLOSED_KEEPALIVE_MS = 10_000

/**
 * One per engine. Its timer runs only while some connection is half-closed (it costs nothing
 * otherwise), never keeps the process alive, and ends with {@link stop}.
 */
export class HalfClosedSweep {
  private readonly watched = new Set<HalfClosedProbe>()
  private timer: ReturnType<typeof setInterval> | null = null
  private isStopped = false

  constructor(private readonly intervalMs: number = HALF_CLOSED_PROBE_MS) {}

  get isRunning(): boolean {
    return this.timer !== null
  }

  /** Probes `connection` from the next sweep on, until it says it is no longer half-closed. */
  watch(connection: HalfClosedProbe): void {
    if (this.isStopped) return
    this.watched.add(connection)
    if (this.timer !== null) return
    this.timer = setInterval(() => this.sweep(), this.intervalMs)
    this.timer.unref()
  }

  stop(): void {
    this.isStopped = true
    this.watched.clear()
    this.clearTimer()
  }

  private sweep(): void {
    for (const connection of [...this.watched])
      if (!connection.probe()) this.watched.delete(connection)
    if (this.watched.size === 0) this.clearTimer()
  }

  private clearTimer(): void {
    if (this.timer !== null) clearInterval(this.timer)
    this.timer = null
  }
}
