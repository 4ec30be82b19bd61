/**
 * What the book's programs do with a connection: the responders, as real bytes on the wire.
 *
 * silent, close-at-once, echo and forward act at accept. The reading responders (Listing 20-2 and the
 * HTTP ones) make a {@link Job} that a worker runs (see handling.ts): it reads the request as
 * the listing does, answers, and drops the stream.
 */
import type { ListenerSettings, WorkerPhase } from '../../shared/contract'
import { responseBytes } from '../../shared/response-head'
import { describeWarning, lintResponse } from '../../shared/response-lint'
import type { ConnectionRuntime } from './connection'
import { forward } from './forward'
import type { Sleep } from './engine-api'
import { firstInvalidUtf8, listing202Output } from './http-listing-20-2'
import { RequestReader, type ReadLine } from './request-reader'

/**
 * The book's response: `format!("{status_line}\r\nContent-Length: {length}\r\n\r\n{contents}")`
 * (Listing 20-5 onwards), with the head as the user edited it: its `{length}` is the UTF-8 length
 * of the body.
 */
export function httpResponse(headTemplate: string, body: string): Buffer {
  return Buffer.from(responseBytes(headTemplate, body))
}

/** A response ready to send: its bytes and what the linter says of it (null: nothing). */
interface PreparedResponse {
  bytes: Buffer
  warning: string | null
}

/**
 * The last responses prepared, by head and body: a listener answers thousands of requests with
 * the same few, so they are built and linted once, not per request. Bytes handed to a socket are
 * never changed, so one Buffer serves every write.
 */
const prepared = new Map<string, Map<string, PreparedResponse>>()
const PREPARED_LIMIT = 16

export function prepareResponse(headTemplate: string, body: string): PreparedResponse {
  // By head, then body: the settings hand over the same strings each time, whose hashes V8 keeps.
  const known = prepared.get(headTemplate)?.get(body)
  if (known) return known
  const warnings = lintResponse(headTemplate, body)
  const response = {
    bytes: httpResponse(headTemplate, body),
    warning:
      warnings.length === 0
        ? null
        : [
            'Socket Lab warning: this response will confuse clients:',
            ...warnings.map(describeWarning),
          ].join('\n  - '),
  }
  if (prepared.size >= PREPARED_LIMIT) prepared.clear()
  let bodies = prepared.get(headTemplate)
  if (!bodies) prepared.set(headTemplate, (bodies = new Map()))
  if (bodies.size >= PREPARED_LIMIT) bodies.clear()
  bodies.set(body, response)
  return response
}

/**
 * How long a job's connection, once its answer is written and FIN sent, keeps reading before it
 * is destroyed if the client has not closed its side (see {@link Job.run}).
 */
export const LINGER_MS = 2000

export type ProgramOutput = (text: string, connectionId: string | null) => void

/** thread::sleep on a real timer (see {@link Sleep}). */
export const timerSleep: Sleep = (ms, signal) =>
  new Promise((resolve) => {
    const done = (): void => {
      clearTimeout(timer)
      signal.removeEventListener('abort', done)
      resolve()
    }
    const timer = setTimeout(done, ms)
    signal.addEventListener('abort', done)
    if (signal.aborted) done()
  })

/**
 * Acts on a connection just accepted by a non-reading responder. close-at-once is Listing 20-1:
 * the loop body prints and ends, dropping the stream (the peer sees the connection closed, or
 * reset if it had sent something); returns whether its handling finished.
 */
export function respondAtAccept(
  connection: ConnectionRuntime,
  settings: ListenerSettings,
  output: ProgramOutput,
): boolean {
  switch (settings.responder) {
    case 'close-at-once':
      output('Connection established!', connection.id)
      void connection.close('destroy')
      return true
    case 'echo':
      connection.observe({
        data: (data) => {
          if (!connection.isSendCapped) return void connection.send(data)
          // The peer reads nothing and 32 MB wait: a gap in the echo would garble it, so it ends.
          connection.observe({})
          connection.echoCapped()
        },
      })
      return false
    case 'forward':
      forward(connection, settings)
      return false
    default:
      return false
  }
}

/**
 * One accepted connection waiting for, or held by, a worker. Bytes that arrive before a worker
 * takes it wait in its reader, as they would in the socket's buffer.
 */
export class Job {
  readonly id: string
  private readonly reader: RequestReader
  /** Made only when a job sleeps (/sleep), the one wait an abort must cut short. */
  private aborted: AbortController | null = null
  private isAbortRequested = false

  constructor(
    readonly connection: ConnectionRuntime,
    /** The settings when it was accepted: later changes apply to later connections. */
    private readonly settings: ListenerSettings,
    private readonly output: ProgramOutput,
    /** thread::sleep for /sleep: it really holds the worker. */
    private readonly sleep: Sleep,
  ) {
    this.id = connection.id
    this.reader = new RequestReader(connection)
  }

  /** Stops the job where it is: no more output, no answer (close-all). */
  abort(): void {
    this.isAbortRequested = true
    this.aborted?.abort()
    this.reader.end()
  }

  private get isAborted(): boolean {
    return this.isAbortRequested
  }

  /** Told when the job moves on from reading its request (the worker's phase). */
  onPhase: (phase: WorkerPhase) => void = () => undefined

  /**
   * Reads, answers and drops the stream, as the listing does; never rejects. Resolves once the
   * stream is dropped: the worker is free.
   *
   * Rust's drop closes the socket at once; a close with request bytes unread (or arriving later)
   * makes the OS send RST, and the client may lose the answer ("connection reset"). So the
   * stream is ended as RFC 9112 §9.6 asks: FIN once everything written is flushed, then the
   * socket keeps reading until the client closes too (at most LINGER_MS), off the worker's time.
   */
  async run(): Promise<void> {
    try {
      await this.handle()
    } catch (err) {
      console.error(`[engine] job ${this.id} failed:`, err)
    }
    if (!this.isAborted) this.endGracefully()
  }

  private endGracefully(): void {
    const connection = this.connection
    if (connection.isClosed) return
    const timer = setTimeout(() => void connection.drop(), LINGER_MS)
    connection.observe({ closed: () => clearTimeout(timer) })
    void connection.close('fin')
  }

  private async handle(): Promise<void> {
    const { responder } = this.settings
    if (responder === 'read-request-then-close' || responder === 'http-hello') {
      const head = await this.readHead()
      if (this.isAborted) return
      this.onPhase('responding')
      if (responder === 'read-request-then-close') {
        const text = listing202Output(head.bytes, head.isAtEof)
        if (text !== null) this.output(text, this.id)
      } else if (!head.isInvalid) this.respond(this.settings.helloHead, this.settings.helloHtml)
      return
    }
    // Listings 20-6 to 20-10 read the request line only: lines().next().unwrap().unwrap().
    const line = await this.reader.nextLine()
    if (this.isAborted || line === null || firstInvalidUtf8(line.text, 0, line.text.length) >= 0)
      return
    const requestLine = line.text.toString('utf8')
    const { helloHead, helloHtml, notFoundHead, notFoundHtml } = this.settings
    if (requestLine === 'GET / HTTP/1.1') {
      this.onPhase('responding')
      this.respond(helloHead, helloHtml)
    } else if (responder === 'http-slow-route' && requestLine === 'GET /sleep HTTP/1.1') {
      this.onPhase('sleeping')
      this.aborted ??= new AbortController()
      if (this.isAbortRequested) this.aborted.abort()
      await this.sleep(this.settings.sleepSeconds * 1000, this.aborted.signal)
      this.onPhase('responding')
      if (!this.isAborted) this.respond(helloHead, helloHtml)
    } else {
      this.onPhase('responding')
      this.respond(notFoundHead, notFoundHtml)
    }
  }

  /**
   * Writes the response, saying first in the log what the linter finds wrong with it: a broken
   * head still goes out, so the learner sees how the client reacts.
   */
  private respond(headTemplate: string, body: string): void {
    const { bytes, warning } = prepareResponse(headTemplate, body)
    if (warning !== null) this.output(warning, this.id)
    this.send(bytes)
  }

  /**
   * `lines().map(unwrap).take_while(|l| !l.is_empty())`: up to the first empty line, the end of
   * the stream, or the first line that is not UTF-8 (where unwrap panics).
   */
  private async readHead(): Promise<{ bytes: Buffer; isAtEof: boolean; isInvalid: boolean }> {
    const raws: Buffer[] = []
    let line: ReadLine | null
    while ((line = await this.reader.nextLine()) !== null) {
      raws.push(line.raw)
      if (firstInvalidUtf8(line.text, 0, line.text.length) >= 0)
        return { bytes: Buffer.concat(raws), isAtEof: true, isInvalid: true }
      if (line.text.length === 0)
        return { bytes: Buffer.concat(raws), isAtEof: false, isInvalid: false }
    }
    return { bytes: Buffer.concat(raws), isAtEof: true, isInvalid: false }
  }

  private send(bytes: Buffer): void {
    // A peer gone already makes write_all fail; the stream is dropped all the same.
    if (!this.connection.isClosed) this.connection.send(bytes)
  }
}
