/**
 * "Forward to my server": each accepted connection opens one to the learner's server (the
 * target) and the bytes flow both ways unchanged, in the order and chunking they arrive, so that
 * the learner sees in the inspector what their own program sends and how it closes.
 *
 * The two legs are one connection to the GUI: the client's leg is the {@link ConnectionRuntime}
 * (its capture holds the request as the client sent it and the response as the target sent it),
 * the target's leg is a {@link TargetLeg} the connection carries. FIN and RST are passed on in
 * each direction; a slow reader on either side pauses the other (TCP's own backpressure), and a
 * pause that lasts long enough is told as a stall (forward-stall.ts).
 */
import { connect, type Socket } from 'node:net'
import type { ListenerSettings, TargetChange, TargetFailure } from '../../shared/contract'
import { CLIENT_RESPONSE_BYTES } from '../../shared/client-types'
import { judgeResponse, looksLikeHttpRequest } from '../../shared/client-response'
import { isLoopbackHost, isWildcardHost } from '../../shared/address'
import { toEndpoint, type ConnectionRuntime } from './connection'
import { StallWatch, type EngineLeg } from './forward-stall'

/** Where to forward and how long to wait: the listener's settings when the connection came. */
export type ForwardSettings = Pick<
  ListenerSettings,
  'targetHost' | 'targetPort' | 'targetTimeoutSeconds'
>

/** A zero-length write: sends nothing, but fails on a socket the peer reset. */
const PROBE = Buffer.alloc(0)

/** Socket error codes that mean the target reset the connection. */
const RESET_CODES = new Set(['ECONNRESET', 'EPIPE'])

/** Starts forwarding `connection` to the target; its life follows the two sockets. */
export function forward(connection: ConnectionRuntime, settings: ForwardSettings): void {
  if (!isSelf(connection, settings)) return new Forward(connection, settings).start()
  // Never tried: said, and the client's connection dropped.
  const leg = newLeg(settings)
  connection.targetChanged('failed', {
    ...leg,
    state: 'closed',
    closedMono: leg.connectMono,
    failure: 'self',
    response: judgeResponse(new Uint8Array(0), 0, { requestIsHttp: false, closedCleanly: false }),
  })
  void connection.close('destroy')
}

/** A leg about to connect to the target. */
function newLeg(settings: ForwardSettings): EngineLeg {
  return {
    host: settings.targetHost,
    port: settings.targetPort,
    state: 'connecting',
    local: null,
    connectMono: performance.now(),
    connectedMono: null,
    firstByteToTargetMono: null,
    firstByteFromTargetMono: null,
    bytesToTarget: 0,
    bytesFromTarget: 0,
    clientEnded: false,
    targetEnded: false,
    firstEnded: null,
    failure: null,
    errorCode: null,
    response: null,
    remote: null,
    clientEndedMono: null,
    targetEndedMono: null,
    closedMono: null,
    stalled: null,
    lastStall: null,
    stalls: 0,
  }
}

/**
 * Whether the target is the listener that accepted `connection`: its port, on this machine. Each
 * connection would open one more to itself until the descriptors ran out.
 */
export function isSelf(connection: ConnectionRuntime, settings: ForwardSettings): boolean {
  const local = connection.localEndpoint
  const host = settings.targetHost
  return (
    settings.targetPort === local.port &&
    (isLoopbackHost(host) || isWildcardHost(host) || host === local.address)
  )
}

class Forward {
  private readonly leg: EngineLeg
  private readonly target: Socket
  private timer: ReturnType<typeof setTimeout> | null = null
  private readonly timeoutMs: number
  /** Tells a pause of either side that lasts STALL_REPORT_MS. */
  private readonly stalls: StallWatch

  constructor(
    private readonly connection: ConnectionRuntime,
    settings: ForwardSettings,
  ) {
    this.timeoutMs = settings.targetTimeoutSeconds * 1000
    this.leg = newLeg(settings)
    this.stalls = new StallWatch({
      leg: this.leg,
      buffered: (side) =>
        side === 'target'
          ? { waiting: this.target.writableLength, cap: this.target.writableHighWaterMark }
          : this.connection.unsent,
      tell: (change) => this.tell(change),
    })
    // allowHalfOpen: the target's FIN is passed on, not answered by Node with ours.
    this.target = connect({
      host: settings.targetHost,
      port: settings.targetPort,
      allowHalfOpen: true,
    })
  }

  start(): void {
    const { connection, target } = this
    this.tell('connecting')
    this.arm('connect-timeout')
    target.on('connect', () => this.onConnect())
    target.on('data', (data: Buffer) => this.fromTarget(data))
    target.on('end', () => this.onTargetEnd())
    target.on('error', (err: NodeJS.ErrnoException) => this.onTargetError(err))
    target.on('close', () => this.onTargetClose())
    connection.observe({
      data: (data) => this.fromClient(data),
      end: () => this.onClientEnd(),
      closed: () => this.onClientClosed(),
    })
  }

  private onConnect(): void {
    this.disarm()
    const { target, leg } = this
    leg.state = 'open'
    leg.connectedMono = performance.now()
    // Bytes the client sent while connecting left for the target only now.
    if (leg.firstByteToTargetMono !== null) leg.firstByteToTargetMono = leg.connectedMono
    leg.local = toEndpoint(target.localAddress, target.localPort, target.localFamily)
    leg.remote = toEndpoint(target.remoteAddress, target.remotePort, target.remoteFamily)
    // The target could not read before it accepted: a pause counts from now.
    this.stalls.connected(leg.connectedMono)
    this.tell('connected')
    // Bytes the client sent while the target was connecting are in the socket's buffer.
    if (leg.bytesToTarget > 0 && leg.bytesFromTarget === 0) this.arm('answer-timeout')
  }

  /** Client → target. Before the connect, Node keeps the bytes and writes them once connected. */
  private fromClient(data: Buffer): void {
    const { leg, target } = this
    if (target.destroyed || target.writableEnded) return
    leg.firstByteToTargetMono ??= performance.now()
    leg.bytesToTarget += data.length
    // The target has something to answer: it must answer in time (unless it already does).
    if (leg.state === 'open' && leg.bytesFromTarget === 0 && this.timer === null)
      this.arm('answer-timeout')
    if (!target.write(data) && !this.stalls.isPaused('target')) {
      // The target reads slower than the client sends: the client waits (its window closes).
      this.connection.pause()
      this.stalls.paused('target')
      target.once('drain', () => {
        this.connection.resume()
        this.stalls.resumed('target')
      })
    }
  }

  /** Target → client, recorded by the connection as what Socket Lab sent. */
  private fromTarget(data: Buffer): void {
    const { leg, connection, target } = this
    if (leg.firstByteFromTargetMono === null) {
      leg.firstByteFromTargetMono = performance.now()
      leg.bytesFromTarget += data.length
      this.disarm()
      this.tell('answered')
    } else leg.bytesFromTarget += data.length
    if (!connection.send(data).ok) return
    if (connection.needsDrain && !this.stalls.isPaused('client')) {
      // The client reads slower than the target sends: the target waits.
      target.pause()
      this.stalls.paused('client')
      connection.whenDrained(() => {
        target.resume()
        // Gone rather than drained: the leg closes next, nothing resumed.
        if (!connection.isClosed) this.stalls.resumed('client')
      })
    }
  }

  private onClientEnd(): void {
    const { leg, target } = this
    if (leg.state === 'closed' || leg.clientEnded) return
    leg.clientEnded = true
    leg.clientEndedMono = performance.now()
    leg.firstEnded ??= 'client'
    target.end()
    this.tell('client-ended')
  }

  /**
   * The target's end of input: its FIN, or (on Linux) its RST right after data, which the
   * socket reads as an end too. A program that answers without reading the request sends just
   * that. A zero-length write tells them apart: it fails on a socket the peer reset.
   */
  private onTargetEnd(): void {
    const { target } = this
    if (!target.writable || target.writableEnded) return this.onTargetFin()
    target.write(PROBE, (err?: NodeJS.ErrnoException | null) => {
      if (err) this.fail('target-reset', typeof err.code === 'string' ? err.code : 'ECONNRESET')
      else this.onTargetFin()
    })
  }

  private onTargetFin(): void {
    const { leg } = this
    if (leg.targetEnded || leg.failure !== null) return
    leg.targetEnded = true
    leg.targetEndedMono = performance.now()
    leg.firstEnded ??= 'target'
    this.disarm()
    this.judge()
    // Said first, so that the log reads cause before effect: the client's leg then becomes
    // we-ended from open, or closes from peer-ended (the client ended first).
    this.tell('target-ended')
    void this.connection.close('fin')
  }

  private onTargetError(err: NodeJS.ErrnoException): void {
    const code = typeof err.code === 'string' ? err.code : 'UNKNOWN'
    if (this.leg.failure !== null) return
    if (code === 'ECONNREFUSED') this.fail('refused', code)
    else if (RESET_CODES.has(code)) this.fail('target-reset', code)
    else this.fail('error', code)
  }

  private onTargetClose(): void {
    this.disarm()
    this.stalls.end()
    if (this.leg.state === 'closed') return
    this.leg.state = 'closed'
    this.leg.closedMono = performance.now()
    this.judge()
    // Closed without an error: both FINs went through (or we destroyed it after the client).
    if (this.leg.failure === null) this.tell('closed')
    // The client's leg goes when the target's does, whichever way: nothing more will come.
    if (this.leg.targetEnded) return
    void this.connection.close(this.leg.failure === 'target-reset' ? 'reset' : 'destroy')
  }

  private onClientClosed(): void {
    const { leg, target } = this
    this.disarm()
    if (leg.state === 'closed' || target.destroyed) return
    if (this.connection.closedFor === 'reset') {
      this.fail('client-reset', null)
      return
    }
    // The client's leg closed (both FINs, or we dropped it): the target's leg goes too, after
    // what is still on its way to the target.
    if (leg.clientEnded && !target.writableFinished) target.once('finish', () => target.destroy())
    else target.destroy()
  }

  /** The leg failed: said once, both legs closed (a reset passed on as a reset). */
  private fail(failure: TargetFailure, code: string | null): void {
    const { leg, target, connection } = this
    if (leg.failure !== null) return
    this.disarm()
    leg.failure = failure
    leg.errorCode = code
    leg.state = 'closed'
    leg.closedMono = performance.now()
    this.stalls.end()
    this.judge()
    this.tell('failed')
    if (failure === 'client-reset') target.resetAndDestroy()
    else if (!target.destroyed) target.destroy()
    void connection.close(failure === 'target-reset' ? 'reset' : 'destroy')
  }

  /**
   * The linter's word on what the target sent (the connection's bytes out, as kept), once: the
   * target has said all it will. Only its FIN completes a body that has no length.
   */
  private judge(): void {
    const { leg, connection } = this
    if (leg.response !== null) return
    const capture = connection.capture
    leg.response = judgeResponse(capture.bytes('out', CLIENT_RESPONSE_BYTES), leg.bytesFromTarget, {
      requestIsHttp: looksLikeHttpRequest(capture.bytes('in', 256)),
      closedCleanly: leg.targetEnded && leg.failure === null,
    })
  }

  /** The target must connect, or answer, within the listener's timeout. */
  private arm(failure: 'connect-timeout' | 'answer-timeout'): void {
    this.disarm()
    this.timer = setTimeout(() => {
      this.timer = null
      this.fail(failure, null)
    }, this.timeoutMs)
  }

  private disarm(): void {
    if (this.timer === null) return
    clearTimeout(this.timer)
    this.timer = null
  }

  private tell(change: TargetChange): void {
    this.connection.targetChanged(change, this.leg)
  }
}
