/**
 * What the book's programs do with a connection: the responders, as real bytes on the wire.
 *
 * silent, close-at-once and echo act at accept. The reading responders (Listing 20-2 and the
 * HTTP ones) make a {@link Job} that a worker runs (see handling.ts): it reads the request as
 * the listing does, answers, and drops the stream.
 */
import type { ListenerSettings, Responder } from '../../shared/contract'
import type { ConnectionRuntime } from './connection'
import { firstInvalidUtf8, listing202Output } from './http-listing-20-2'
import { RequestReader, type ReadLine } from './request-reader'

/** The responders that read a request, and so run as jobs under a handling model. */
export function isReadingResponder(responder: Responder): boolean {
  return (
    responder === 'read-request-then-close' ||
    responder === 'http-hello' ||
    responder === 'http-routes' ||
    responder === 'http-slow-route'
  )
}

/**
 * The book's response: `format!("{status_line}\r\nContent-Length: {length}\r\n\r\n{contents}")`,
 * the length in bytes of the UTF-8 body (Listing 20-5 onwards).
 */
export function httpResponse(statusLine: string, body: string): Buffer {
  const bytes = Buffer.from(body, 'utf8')
  return Buffer.concat([
    Buffer.from(`${statusLine}\r\nContent-Length: ${bytes.length}\r\n\r\n`, 'latin1'),
    bytes,
  ])
}

export const STATUS_OK = 'HTTP/1.1 200 OK'
/** The book's status text (Listing 20-7), not the RFC's "Not Found". */
export const STATUS_NOT_FOUND = 'HTTP/1.1 404 NOT FOUND'

export type ProgramOutput = (text: string, connectionId: string | null) => void

/**
 * Acts on a connection just accepted by a non-reading responder. close-at-once is Listing 20-1:
 * the loop body prints and ends, dropping the stream (the peer sees the connection closed, or
 * reset if it had sent something); returns whether its handling finished.
 */
export function respondAtAccept(
  connection: ConnectionRuntime,
  responder: Responder,
  output: ProgramOutput,
): boolean {
  switch (responder) {
    case 'close-at-once':
      output('Connection established!', connection.id)
      void connection.close('destroy')
      return true
    case 'echo':
      connection.observe({ data: (data) => void connection.send(data) })
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
  private isAborted = false
  private cancelSleep: (() => void) | null = null

  constructor(
    readonly connection: ConnectionRuntime,
    /** The settings when it was accepted: later changes apply to later connections. */
    private readonly settings: ListenerSettings,
    private readonly output: ProgramOutput,
  ) {
    this.id = connection.id
    this.reader = new RequestReader(connection)
  }

  /** Stops the job where it is: no more output, no answer (close-all). */
  abort(): void {
    this.isAborted = true
    this.reader.end()
    this.cancelSleep?.()
  }

  /** Reads, answers and drops the stream, as the listing does; never rejects. */
  async run(): Promise<void> {
    try {
      await this.handle()
    } catch (err) {
      console.error(`[engine] job ${this.id} failed:`, err)
    }
    if (!this.isAborted) await this.connection.drop()
  }

  private async handle(): Promise<void> {
    const { responder } = this.settings
    if (responder === 'read-request-then-close' || responder === 'http-hello') {
      const head = await this.readHead()
      if (this.isAborted) return
      if (responder === 'read-request-then-close') {
        const text = listing202Output(head.bytes, head.isAtEof)
        if (text !== null) this.output(text, this.id)
      } else if (!head.isInvalid) this.send(httpResponse(STATUS_OK, this.settings.helloHtml))
      return
    }
    // Listings 20-6 to 20-10 read the request line only: lines().next().unwrap().unwrap().
    const line = await this.reader.nextLine()
    if (this.isAborted || line === null || firstInvalidUtf8(line.text, 0, line.text.length) >= 0)
      return
    const requestLine = line.text.toString('utf8')
    if (requestLine === 'GET / HTTP/1.1') {
      this.send(httpResponse(STATUS_OK, this.settings.helloHtml))
    } else if (responder === 'http-slow-route' && requestLine === 'GET /sleep HTTP/1.1') {
      await this.sleep(this.settings.sleepSeconds * 1000)
      if (!this.isAborted) this.send(httpResponse(STATUS_OK, this.settings.helloHtml))
    } else {
      this.send(httpResponse(STATUS_NOT_FOUND, this.settings.notFoundHtml))
    }
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

  /** thread::sleep: really holds the worker. */
  private sleep(ms: number): Promise<void> {
    return new Promise((resolve) => {
      const timer = setTimeout(done, ms)
      function done(): void {
        clearTimeout(timer)
        resolve()
      }
      this.cancelSleep = done
    })
  }
}
