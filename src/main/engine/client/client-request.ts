/**
 * One request of a client plan on its own real TCP connection: connect, write the bytes as the
 * framing says, read until the server closes, and keep the timeline.
 *
 * Every socket has an 'error' listener; nothing here throws. A connection that gets no answer is
 * given up after CLIENT_CONNECT_TIMEOUT_MS; stop() destroys the socket at once.
 */
import { connect, type LookupFunction, type Socket } from 'node:net'
import { chunkSizes, plannedSnapshot } from '../../../shared/client-plan'
import { judgeResponse } from '../../../shared/client-response'
import {
  CLIENT_CONNECT_TIMEOUT_MS,
  type ClientFraming,
  type ClientRequestSnapshot,
} from '../../../shared/client-types'
import { assertNever } from '../../../shared/result'

/** The most of a response's start looked at to find its status line. */
const STATUS_LINE_BYTES = 512
/** The response buffer's first size; it doubles up to the request's share as bytes arrive. */
const FIRST_BUFFER_BYTES = 4096

/** What a request needs from its run: the target, the run's clock, and where to report. */
export interface RequestContext {
  host: string
  port: number
  /** Answers with the addresses checked when the run started (see resolve-target.ts). */
  lookup: LookupFunction
  /** ms since the run started. */
  now(): number
  /** The snapshot changed; `isMilestone`: a timeline mark (else byte progress). */
  changed(request: ClientRequest, isMilestone: boolean): void
  /** The request is over: closed, failed, or never opened. */
  ended(request: ClientRequest): void
}

/** One request of a plan as the runner built it: its bytes, framing and expected done time. */
export interface RequestPlan {
  index: number
  path: string | null
  startMs: number
  expectedDoneMs: number | null
  /** The model says it never finishes (see ClientRequestSnapshot.expectedBlocked). */
  expectedBlocked?: boolean
  /** An idle connection: it connects and sends nothing (bytes is empty). */
  idle?: boolean
  bytes: Buffer
  framing: ClientFraming
  /** The most response bytes this request keeps (see responseBytesKept). */
  responseCap: number
  /** The request is HTTP, so its response is linted as HTTP whatever it looks like. */
  isHttp: boolean
}

/** `HTTP/1.1 404 NOT FOUND` → 404; null when it does not look like a status line. */
export function parseStatusCode(line: string): number | null {
  const match = /^HTTP\/\d(?:\.\d)? (\d{3})(?: |$)/.exec(line)
  return match?.[1] === undefined ? null : Number(match[1])
}

/** One request on its own connection, with its timeline as {@link ClientRequest.snap}. */
export class ClientRequest {
  readonly snap: ClientRequestSnapshot
  private socket: Socket | null = null
  private readonly timers = new Set<ReturnType<typeof setTimeout>>()
  /** The response's first bytes (at most plan.responseCap): `kept` of `buffer` hold them. */
  private buffer: Buffer | null = null
  private kept = 0
  private isOver = false
  private readonly overWaiters: (() => void)[] = []

  constructor(
    private readonly plan: RequestPlan,
    private readonly ctx: RequestContext,
  ) {
    this.snap = plannedSnapshot(plan, plan.bytes.length)
  }

  get isFinished(): boolean {
    return this.isOver
  }

  get isIdle(): boolean {
    return this.plan.idle === true
  }

  /** Connected or over: an idle connection no longer holds up the requests behind it. */
  get isSettled(): boolean {
    return this.isOver || this.snap.connectedMs !== null
  }

  /** Opens the connection (after its start offset). */
  schedule(): void {
    if (this.plan.startMs <= 0) this.open()
    else this.later(() => this.open(), this.plan.startMs)
  }

  /** Ends it now with `code` (TIME_LIMIT, CANCELLED); resolves once the socket has closed. */
  stop(code: string): Promise<void> {
    if (this.isOver) return Promise.resolve()
    this.snap.errorCode ??= code
    if (this.socket === null) {
      this.finish()
      return Promise.resolve()
    }
    const closed = new Promise<void>((resolve) => this.overWaiters.push(resolve))
    this.socket.destroy()
    return closed
  }

  private open(): void {
    if (this.isOver) return
    const { host, port } = this.ctx
    const snap = this.snap
    snap.phase = 'connecting'
    snap.connectStartMs = this.ctx.now()
    this.ctx.changed(this, true)
    const socket = connect({ host, port, lookup: this.ctx.lookup })
    this.socket = socket
    socket.setNoDelay(true)
    const connectTimer = this.later(() => {
      if (snap.connectedMs !== null) return
      snap.errorCode ??= 'CONNECT_TIMEOUT'
      socket.destroy()
    }, CLIENT_CONNECT_TIMEOUT_MS)
    socket.on('error', (err: NodeJS.ErrnoException) => {
      snap.errorCode ??= err.code ?? 'ERROR'
    })
    socket.once('connect', () => {
      this.clear(connectTimer)
      snap.connectedMs = this.ctx.now()
      snap.localPort = socket.localPort ?? null
      // An idle connection sends nothing: it waits, as a browser's speculative connection does.
      snap.phase = this.plan.idle === true ? 'waiting' : 'sending'
      this.ctx.changed(this, true)
      if (this.plan.idle !== true) this.sendAll(socket)
    })
    socket.on('data', (data: Buffer) => this.received(data))
    socket.once('close', () => {
      this.takeStatusLine(true)
      snap.doneMs = this.ctx.now()
      this.finish()
    })
  }

  private received(data: Buffer): void {
    const snap = this.snap
    if (snap.firstReceivedMs === null) snap.firstReceivedMs = this.ctx.now()
    snap.bytesReceived += data.length
    if (snap.phase === 'sending' || snap.phase === 'waiting') snap.phase = 'receiving'
    this.keep(data)
    const hadLine = snap.statusLine !== null
    this.takeStatusLine(false)
    this.ctx.changed(
      this,
      snap.bytesReceived === data.length || (!hadLine && snap.statusLine !== null),
    )
  }

  /** Appends what fits of `data` to the kept bytes, growing the buffer up to the cap. */
  private keep(data: Buffer): void {
    const cap = this.plan.responseCap
    if (this.kept >= cap) return
    const size = Math.min(data.length, cap - this.kept)
    const need = this.kept + size
    if (this.buffer === null || this.buffer.length < need) {
      let length = Math.max(this.buffer?.length ?? 0, FIRST_BUFFER_BYTES)
      while (length < need) length *= 2
      const grown = Buffer.allocUnsafe(Math.min(length, cap))
      this.buffer?.copy(grown, 0, 0, this.kept)
      this.buffer = grown
    }
    data.copy(this.buffer, this.kept, 0, size)
    this.kept = need
  }

  /** The first line of the response, once it is complete (or at close, what there is). */
  private takeStatusLine(isAtClose: boolean): void {
    if (this.snap.statusLine !== null || this.buffer === null) return
    const head = this.buffer.subarray(0, Math.min(this.kept, STATUS_LINE_BYTES))
    const end = head.indexOf(0x0a)
    if (end < 0 && !isAtClose && head.length < STATUS_LINE_BYTES) return
    const line = head
      .subarray(0, end < 0 ? head.length : end)
      .toString('latin1')
      .replace(/\r$/, '')
      .slice(0, 200)
    this.snap.statusLine = line
    this.snap.statusCode = parseStatusCode(line)
  }

  /** Writes the bytes as the framing says; stops when the socket can no longer be written. */
  private sendAll(socket: Socket): void {
    const { bytes, framing } = this.plan
    const { sizes, gapMs } = writesOf(bytes.length, framing)
    const snap = this.snap
    let index = 0
    let at = 0
    const next = (): void => {
      const size = sizes[index]
      if (size === undefined || this.isOver || !socket.writable) return
      const part = bytes.subarray(at, at + size)
      at += size
      index += 1
      socket.write(part, (err) => {
        if (err) return // the 'error' listener has it
        snap.bytesSent += part.length
        snap.writes += 1
        const isFirst = snap.firstSentMs === null
        if (isFirst) snap.firstSentMs = this.ctx.now()
        if (index === sizes.length) {
          snap.lastSentMs = this.ctx.now()
          if (snap.phase === 'sending') snap.phase = 'waiting'
          this.ctx.changed(this, true)
        } else {
          this.ctx.changed(this, isFirst)
          this.later(next, gapMs)
        }
      })
    }
    next()
  }

  private finish(): void {
    if (this.isOver) return
    this.isOver = true
    for (const timer of this.timers) clearTimeout(timer)
    this.timers.clear()
    const snap = this.snap
    snap.phase = snap.errorCode === null ? 'done' : 'failed'
    const bytes = this.buffer?.subarray(0, this.kept) ?? Buffer.alloc(0)
    snap.response = {
      base64: bytes.toString('base64'),
      truncated: snap.bytesReceived > bytes.length,
      ...judgeResponse(bytes, snap.bytesReceived, {
        requestIsHttp: this.plan.isHttp,
        closedCleanly: snap.errorCode === null,
      }),
    }
    this.buffer = null
    this.ctx.changed(this, true)
    this.ctx.ended(this)
    for (const resolve of this.overWaiters.splice(0)) resolve()
  }

  private later(fn: () => void, ms: number): ReturnType<typeof setTimeout> {
    const timer = setTimeout(() => {
      this.timers.delete(timer)
      fn()
    }, ms)
    this.timers.add(timer)
    return timer
  }

  private clear(timer: ReturnType<typeof setTimeout>): void {
    clearTimeout(timer)
    this.timers.delete(timer)
  }
}

/** The sizes of the writes and the pause between them. */
export function writesOf(
  total: number,
  framing: ClientFraming,
): { sizes: number[]; gapMs: number } {
  switch (framing.kind) {
    case 'whole':
      return { sizes: [total], gapMs: 0 }
    case 'chunks':
      return { sizes: chunkSizes(total, framing.chunks), gapMs: framing.gapMs }
    case 'bytes':
      return { sizes: Array<number>(total).fill(1), gapMs: framing.intervalMs }
    default:
      return assertNever(framing)
  }
}
