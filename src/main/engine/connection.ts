/**
 * One accepted connection: its socket, its capture (both ways), and the events its life produces.
 *
 * States: open → peer-ended (the peer's FIN; we may still write) or we-ended (our FIN; we still
 * read) → closed. A peer's FIN is not answered automatically: the connection stays peer-ended
 * (the kernel's CLOSE_WAIT) until it is closed with one of the {@link CloseHow} ways, or until
 * the half-closed sweep finds the peer gone (see half-closed-sweep.ts).
 */
import type { Socket } from 'node:net'
import {
  MAX_UNSENT_BYTES,
  PREVIEW_BYTES,
  type CloseHow,
  type CloseReason,
  type ConnectionSnapshot,
  type ConnectionState,
  type Direction,
  type Endpoint,
  type EngineEvent,
  type TargetChange,
  type TargetLeg,
} from '../../shared/contract'
import { assertNever, fail, ok, type Result } from '../../shared/result'
import { CaptureBudget, ConnectionCapture } from './capture'
import { HALF_CLOSED_KEEPALIVE_MS, type HalfClosedProbe } from './half-closed-sweep'

export { MAX_UNSENT_BYTES }

/** What a connection needs from its listener. */
export interface ConnectionHost {
  readonly listenerId: string
  /** The per-connection cap as it is now. */
  captureLimit(): number
  readonly budget: CaptureBudget
  emit(event: EngineEvent): void
  /** Counts bytes into the listener's totals; returns both totals after it. */
  countBytes(direction: Direction, bytes: number): { bytesIn: number; bytesOut: number }
  /** Called once, after the connection-closed event. */
  onClosed(connection: ConnectionRuntime): void
  /** The peer's FIN arrived while we had not ended: probe it until it is no longer half-closed. */
  halfClosed(connection: HalfClosedProbe): void
}

/** A zero-length write: sends nothing, but fails on a socket the peer reset. */
const PROBE = Buffer.alloc(0)

/** An Endpoint from a socket's address fields (undefined when the socket is already gone). */
export function toEndpoint(
  address: string | undefined,
  port: number | undefined,
  family: string | undefined,
): Endpoint {
  return {
    address: address ?? '',
    port: port ?? 0,
    family: family === 'IPv6' ? 'IPv6' : 'IPv4',
  }
}

function copyLeg(leg: TargetLeg): TargetLeg {
  const { local, remote, lastStall } = leg
  return {
    ...leg,
    local: local === null ? null : { ...local },
    ...(remote ? { remote: { ...remote } } : {}),
    ...(lastStall ? { lastStall: { ...lastStall } } : {}),
  }
}

/** What a responder hears of its connection, after the connection recorded it. */
export interface ConnectionObserver {
  data?(data: Buffer): void
  /** The peer's FIN: nothing more will arrive. */
  end?(): void
  closed?(): void
}

export class ConnectionRuntime implements HalfClosedProbe {
  readonly id: string
  readonly capture = new ConnectionCapture()
  private state: ConnectionState = 'open'
  private readonly remote: Endpoint
  private readonly local: Endpoint
  private readonly acceptedAt = Date.now()
  private readonly acceptedMono = performance.now()
  private closedAt: number | null = null
  private closeReason: CloseReason | null = null
  private errorCode: string | null = null
  /** We destroyed it ('us') or reset it ('us-reset'); null otherwise. */
  private closedByUs: 'us' | 'us-reset' | null = null
  /** We sent FIN before the peer did. */
  private weEndedFirst = false
  /** A probe of the half-closed connection failed: the peer is gone (reset or timed out). */
  private isFoundByProbe = false
  private isEchoCapped = false
  /** The forward responder's leg to the target, as last told (see {@link targetChanged}). */
  private target: TargetLeg | null = null
  private readonly closeWaiters: (() => void)[] = []
  private observer: ConnectionObserver = {}
  /**
   * Null once closed: a closed connection stays listed with its capture for as long as its
   * listener lives, and must not keep the socket's buffers and handlers alive with it.
   */
  private socket: Socket | null

  constructor(
    private readonly host: ConnectionHost,
    readonly number: number,
    socket: Socket,
  ) {
    this.socket = socket
    this.id = `${host.listenerId}#${number}`
    this.remote = toEndpoint(socket.remoteAddress, socket.remotePort, socket.remoteFamily)
    this.local = toEndpoint(socket.localAddress, socket.localPort, socket.localFamily)
    // First, before anything can fail: an unhandled socket error would crash the process.
    socket.on('error', (err: NodeJS.ErrnoException) => this.onError(err))
    socket.on('data', (data: Buffer) => {
      this.record('in', data)
      this.observer.data?.(data)
    })
    socket.on('end', () => this.onEnd())
    socket.on('close', () => this.onClose())
  }

  get isClosed(): boolean {
    return this.state === 'closed'
  }

  /** The peer sent FIN (or the connection is gone): no more bytes will arrive. */
  get hasInputEnded(): boolean {
    return this.state === 'peer-ended' || this.socket === null || this.socket.readableEnded
  }

  /** Sets the one observer (a responder); it hears what happens from now on. */
  observe(observer: ConnectionObserver): void {
    this.observer = observer
  }

  /**
   * Drops the stream as Rust does when a TcpStream goes out of scope: what was written is still
   * delivered, then the socket is closed (FIN, reason 'us'). end() and destroy() once flushed,
   * so nothing the peer sends afterwards is read. Resolves once closed.
   */
  drop(): Promise<void> {
    if (this.state === 'closed') return Promise.resolve()
    const closed = new Promise<void>((resolve) => this.closeWaiters.push(resolve))
    const socket = this.socket
    if (socket === null || socket.destroyed) return closed
    this.closedByUs = 'us'
    if (socket.writableEnded) socket.destroy()
    else socket.end(() => socket.destroy())
    return closed
  }

  /**
   * Ends the connection. 'destroy' drops it now (reason 'us') and 'reset' sends RST (the peer
   * reads ECONNRESET; reason 'us-reset'); both close with errorCode null and resolve once closed.
   *
   * 'fin' sends FIN and resolves at once: from open the connection becomes we-ended, still reads
   * what the peer sends, and closes with reason 'us' when the peer's FIN arrives; from peer-ended
   * it closes with reason 'peer' (the peer ended first). Closing a closed connection does nothing.
   */
  close(how: CloseHow = 'destroy'): Promise<void> {
    if (this.state === 'closed') return Promise.resolve()
    switch (how) {
      case 'fin':
        this.sendFin()
        return Promise.resolve()
      case 'reset':
      case 'destroy': {
        const closed = new Promise<void>((resolve) => this.closeWaiters.push(resolve))
        const socket = this.socket
        // A socket an error already destroyed closes for that error, not because of us.
        if (socket === null || socket.destroyed) return closed
        this.closedByUs = how === 'reset' ? 'us-reset' : 'us'
        if (how === 'reset') socket.resetAndDestroy()
        else socket.destroy()
        return closed
      }
      default:
        return assertNever(how)
    }
  }

  /**
   * Writes `data` to the peer and records it as an 'out' chunk, in conversation order. Only while
   * we can still write (open or peer-ended); a write error closes the connection with reason
   * 'error' (or 'reset') and its code, never a crash.
   */
  send(data: Buffer): Result<{ bytes: number }> {
    const socket = this.socket
    if (
      (this.state !== 'open' && this.state !== 'peer-ended') ||
      socket === null ||
      !socket.writable
    )
      return fail({ code: 'BAD_STATE', message: `Connection ${this.id} is ${this.state}` })
    // A peer that does not read would make us buffer without end: refuse until it catches up.
    if (socket.writableLength > MAX_UNSENT_BYTES)
      return fail({
        code: 'BAD_STATE',
        message: `The peer is not reading: ${socket.writableLength} bytes still wait to be sent`,
      })
    // Recorded before the write returns: any answer the peer makes is read after this.
    this.record('out', data)
    socket.write(data)
    return ok({ bytes: data.length })
  }

  /** More than MAX_UNSENT_BYTES wait to be sent: the peer is not reading, sends are refused. */
  get isSendCapped(): boolean {
    return this.socket !== null && this.socket.writableLength > MAX_UNSENT_BYTES
  }

  /** Stops reading from the peer (its bytes wait in the kernel: TCP's window closes). */
  pause(): void {
    this.socket?.pause()
  }

  /** Reads from the peer again after {@link pause}. */
  resume(): void {
    this.socket?.resume()
  }

  /** What was sent is more than the socket buffers before asking the writer to wait. */
  get needsDrain(): boolean {
    return this.socket?.writableNeedDrain === true
  }

  /** Calls `then` once what waits to be sent has gone to the kernel (at once when closed). */
  whenDrained(then: () => void): void {
    const socket = this.socket
    if (socket === null || socket.destroyed || !socket.writableNeedDrain) return then()
    const done = (): void => {
      socket.off('drain', done)
      socket.off('close', done)
      then()
    }
    socket.on('drain', done)
    socket.on('close', done)
  }

  /**
   * What waits in Node's buffer to be sent to the peer, and the buffer's cap (the socket's
   * writableHighWaterMark): what the forward responder tells of a client that does not read.
   */
  get unsent(): { waiting: number; cap: number } {
    const socket = this.socket
    return { waiting: socket?.writableLength ?? 0, cap: socket?.writableHighWaterMark ?? 0 }
  }

  /**
   * The forward responder's leg changed: told to the GUI as it is now. The leg itself is kept, so
   * that a snapshot reads its counts as they are, not as the last change left them.
   */
  targetChanged(change: TargetChange, target: TargetLeg): void {
    this.target = target
    this.host.emit({
      type: 'connection-target',
      at: Date.now(),
      connectionId: this.id,
      listenerId: this.host.listenerId,
      change,
      target: copyLeg(target),
    })
  }

  /** Our end of the connection: the listener's address and port as this client reached them. */
  get localEndpoint(): Endpoint {
    return this.local
  }

  /** Why it closed, once it has (null while open). */
  get closedFor(): CloseReason | null {
    return this.closeReason
  }

  /** The echo responder stopped echoing at the cap: flags it and tells the GUI, once. */
  echoCapped(): void {
    if (this.isEchoCapped) return
    this.isEchoCapped = true
    this.host.emit({
      type: 'echo-capped',
      at: Date.now(),
      connectionId: this.id,
      listenerId: this.host.listenerId,
      unsent: this.socket?.writableLength ?? 0,
      limit: MAX_UNSENT_BYTES,
    })
  }

  /**
   * One probe of a half-closed connection (the sweep's): a zero-length write, which fails once
   * the peer reset; the socket then closes with that error. False once no longer half-closed.
   */
  probe(): boolean {
    const socket = this.socket
    if (this.state !== 'peer-ended' || socket === null || socket.destroyed || !socket.writable)
      return false
    // The callback runs before the socket's 'error' and 'close' events.
    socket.write(PROBE, (err) => {
      if (err) this.isFoundByProbe = true
    })
    return true
  }

  snapshot(): ConnectionSnapshot {
    const capture = this.capture
    return {
      id: this.id,
      listenerId: this.host.listenerId,
      number: this.number,
      remote: { ...this.remote },
      local: { ...this.local },
      acceptedAt: this.acceptedAt,
      acceptedMono: this.acceptedMono,
      state: this.state,
      closedAt: this.closedAt,
      closeReason: this.closeReason,
      errorCode: this.errorCode,
      bytesIn: capture.bytesIn,
      bytesOut: capture.bytesOut,
      chunksIn: capture.chunksIn,
      chunksOut: capture.chunksOut,
      captured: capture.captured,
      capturedOut: capture.capturedOut,
      truncated: capture.truncated,
      firstByteInMono: capture.firstByteInMono,
      lastByteMono: capture.lastByteMono,
      ...(this.isFoundByProbe ? { isFoundByProbe: true } : {}),
      ...(this.isEchoCapped ? { isEchoCapped: true } : {}),
      ...(this.target === null ? {} : { target: copyLeg(this.target) }),
    }
  }

  private sendFin(): void {
    const socket = this.socket
    if (socket === null || socket.destroyed || socket.writableEnded) return
    if (this.state === 'open') {
      this.weEndedFirst = true
      this.state = 'we-ended'
      this.emitLifecycle('connection-we-ended')
    }
    socket.end()
  }

  /** Captures one read or write and tells the GUI. */
  private record(direction: Direction, data: Buffer): void {
    const host = this.host
    const budgetBefore = host.budget.captured
    const mono = performance.now()
    this.capture.append(direction, data, mono, host.captureLimit(), host.budget)
    const listener = host.countBytes(direction, data.length)
    const capture = this.capture
    host.emit({
      type: 'connection-data',
      at: Date.now(),
      connectionId: this.id,
      listenerId: host.listenerId,
      direction,
      chunks: 1,
      bytes: data.length,
      preview: data.subarray(0, PREVIEW_BYTES).toString('base64'),
      bytesIn: capture.bytesIn,
      chunksIn: capture.chunksIn,
      captured: capture.captured,
      bytesOut: capture.bytesOut,
      chunksOut: capture.chunksOut,
      capturedOut: capture.capturedOut,
      truncated: capture.truncated,
      listenerBytesIn: listener.bytesIn,
      listenerBytesOut: listener.bytesOut,
      mono,
    })
    if (host.budget.captured !== budgetBefore)
      host.emit({ type: 'capture-totals', at: Date.now(), totals: host.budget.totals() })
  }

  private emitLifecycle(type: 'connection-peer-ended' | 'connection-we-ended'): void {
    this.host.emit({
      type,
      at: Date.now(),
      connectionId: this.id,
      listenerId: this.host.listenerId,
    })
  }

  private onEnd(): void {
    if (this.state === 'closed') return
    // From we-ended the peer's FIN completes the close (Node destroys the socket next); the
    // event still goes out for the log, the state stays we-ended until then.
    if (this.state === 'open') {
      this.state = 'peer-ended'
      // A peer whose kernel forgot the connection answers a keepalive probe with RST.
      this.socket?.setKeepAlive(true, HALF_CLOSED_KEEPALIVE_MS)
      this.host.halfClosed(this)
    }
    this.emitLifecycle('connection-peer-ended')
    this.observer.end?.()
  }

  private onError(err: NodeJS.ErrnoException): void {
    // Only the first error explains the close; later ones (EPIPE after a reset) are echoes.
    if (this.errorCode === null)
      this.errorCode = typeof err.code === 'string' ? err.code : 'UNKNOWN'
  }

  private onClose(): void {
    if (this.state === 'closed') return
    this.state = 'closed'
    this.socket = null
    this.closedAt = Date.now()
    if (this.closedByUs !== null) this.isFoundByProbe = false
    if (this.closedByUs !== null) this.closeReason = this.closedByUs
    else if (this.errorCode === 'ECONNRESET') this.closeReason = 'reset'
    // After the peer's FIN, EPIPE on our write means its RST arrived (Linux's CLOSE_WAIT).
    else if (this.isFoundByProbe && this.errorCode === 'EPIPE') this.closeReason = 'reset'
    else if (this.errorCode !== null) this.closeReason = 'error'
    else this.closeReason = this.weEndedFirst ? 'us' : 'peer'
    // A connection we closed reports no error code, even if the socket raised one on the way.
    if (this.closedByUs !== null || this.closeReason === 'us' || this.closeReason === 'peer')
      this.errorCode = null
    this.host.emit({
      type: 'connection-closed',
      at: Date.now(),
      connectionId: this.id,
      listenerId: this.host.listenerId,
      reason: this.closeReason,
      errorCode: this.errorCode,
      ...(this.isFoundByProbe ? { isFoundByProbe: true } : {}),
    })
    this.host.onClosed(this)
    for (const resolve of this.closeWaiters.splice(0)) resolve()
    const observer = this.observer
    this.observer = {}
    observer.closed?.()
  }
}
