/**
 * One accepted connection: its socket, its capture, and the events its life produces.
 */
import type { Socket } from 'node:net'
import {
  PREVIEW_BYTES,
  type CloseReason,
  type ConnectionSnapshot,
  type ConnectionState,
  type Endpoint,
  type EngineEvent,
} from '../../shared/contract'
import { CaptureBudget, ConnectionCapture } from './capture'

/** What a connection needs from its listener. */
export interface ConnectionHost {
  readonly listenerId: string
  /** The per-connection cap as it is now. */
  captureLimit(): number
  readonly budget: CaptureBudget
  emit(event: EngineEvent): void
  /** Counts a read into the listener's totals; returns the listener's bytesIn after it. */
  countBytesIn(bytes: number): number
  /** Called once, after the connection-closed event. */
  onClosed(connection: ConnectionRuntime): void
}

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

export class ConnectionRuntime {
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
  private bytesOut = 0
  private closedByUs = false
  private readonly closeWaiters: (() => void)[] = []

  constructor(
    private readonly host: ConnectionHost,
    readonly number: number,
    private readonly socket: Socket,
  ) {
    this.id = `${host.listenerId}#${number}`
    this.remote = toEndpoint(socket.remoteAddress, socket.remotePort, socket.remoteFamily)
    this.local = toEndpoint(socket.localAddress, socket.localPort, socket.localFamily)
    // First, before anything can fail: an unhandled socket error would crash the process.
    socket.on('error', (err: NodeJS.ErrnoException) => this.onError(err))
    socket.on('data', (data: Buffer) => this.onData(data))
    socket.on('end', () => this.onEnd())
    socket.on('close', () => this.onClose())
  }

  get isClosed(): boolean {
    return this.state === 'closed'
  }

  /** Bytes written to the peer; final once closed. */
  get bytesWritten(): number {
    return this.state === 'closed' ? this.bytesOut : this.socket.bytesWritten
  }

  /** Destroys the socket now (reason 'us'); resolves once it has closed. */
  close(): Promise<void> {
    if (this.state === 'closed') return Promise.resolve()
    const closed = new Promise<void>((resolve) => this.closeWaiters.push(resolve))
    // A socket an error already destroyed closes for that error, not because of us.
    if (!this.socket.destroyed) this.closedByUs = true
    this.socket.destroy()
    return closed
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
      bytesOut: this.bytesWritten,
      chunksIn: capture.chunksIn,
      captured: capture.captured,
      truncated: capture.truncated,
    }
  }

  private onData(data: Buffer): void {
    const host = this.host
    const budgetBefore = host.budget.captured
    this.capture.append(data, performance.now(), host.captureLimit(), host.budget)
    const listenerBytesIn = host.countBytesIn(data.length)
    const capture = this.capture
    host.emit({
      type: 'connection-data',
      at: Date.now(),
      connectionId: this.id,
      listenerId: host.listenerId,
      chunks: 1,
      bytes: data.length,
      preview: data.subarray(0, PREVIEW_BYTES).toString('base64'),
      bytesIn: capture.bytesIn,
      chunksIn: capture.chunksIn,
      captured: capture.captured,
      truncated: capture.truncated,
      listenerBytesIn,
    })
    if (host.budget.captured !== budgetBefore)
      host.emit({ type: 'capture-totals', at: Date.now(), totals: host.budget.totals() })
  }

  private onEnd(): void {
    if (this.state !== 'open') return
    this.state = 'peer-ended'
    this.host.emit({
      type: 'connection-peer-ended',
      at: Date.now(),
      connectionId: this.id,
      listenerId: this.host.listenerId,
    })
    // The silent responder has nothing to say: finish our half so the connection closes.
    this.socket.end()
  }

  private onError(err: NodeJS.ErrnoException): void {
    // Only the first error explains the close; later ones (EPIPE after a reset) are echoes.
    if (this.errorCode === null)
      this.errorCode = typeof err.code === 'string' ? err.code : 'UNKNOWN'
  }

  private onClose(): void {
    if (this.state === 'closed') return
    this.state = 'closed'
    this.closedAt = Date.now()
    this.bytesOut = this.socket.bytesWritten
    if (this.closedByUs) this.closeReason = 'us'
    else if (this.errorCode === 'ECONNRESET') this.closeReason = 'reset'
    else if (this.errorCode !== null) this.closeReason = 'error'
    else this.closeReason = 'peer'
    // A connection we closed reports no error code, even if the socket raised one on the way.
    if (this.closeReason === 'us' || this.closeReason === 'peer') this.errorCode = null
    this.host.emit({
      type: 'connection-closed',
      at: Date.now(),
      connectionId: this.id,
      listenerId: this.host.listenerId,
      reason: this.closeReason,
      errorCode: this.errorCode,
    })
    this.host.onClosed(this)
    for (const resolve of this.closeWaiters.splice(0)) resolve()
  }
}
