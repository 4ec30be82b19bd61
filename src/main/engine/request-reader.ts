/**
 * A connection's request as a worker reads it: `BufReader::lines()` over the bytes received.
 *
 * Bytes arrive whenever the peer sends them (the inspector records them at once); the reader
 * hands them out line by line only when its job asks, as a blocked `read` would.
 */
import type { ConnectionRuntime } from './connection'

/** The most a request head may hold before reading stops as if the stream had ended. */
export const MAX_REQUEST_HEAD_BYTES = 1024 * 1024

/** One line of the request as `lines()` yields it, and the raw bytes it consumed. */
export interface ReadLine {
  /** The line without its `\n` and one `\r` before it (a last line at EOF keeps its `\r`). */
  text: Buffer
  /** The bytes it took from the stream, newline included. */
  raw: Buffer
}

/** The request of one connection, read line by line as its job asks (see the module doc). */
export class RequestReader {
  /**
   * The bytes received and not yet taken are `store[from, to)`. It grows by doubling, so a
   * peer that drips a byte per read costs amortized O(1) a byte, not a copy of all it sent; it
   * is never written below `to`, so the lines handed out (views of it) stay intact.
   */
  private store: Buffer = Buffer.alloc(0)
  private from = 0
  private to = 0
  /** Where the search for the next `\n` resumes (an index into `store`). */
  private scanFrom = 0
  private taken = 0
  private isEnded = false
  private wake: (() => void) | null = null

  constructor(connection: ConnectionRuntime) {
    this.isEnded = connection.hasInputEnded
    connection.observe({
      data: (data) => this.append(data),
      end: () => this.end(),
      closed: () => this.end(),
    })
  }

  /** Bytes received and not yet taken as lines (at most MAX_REQUEST_HEAD_BYTES + 1). */
  get buffered(): number {
    return this.to - this.from
  }

  /** Makes a blocked {@link nextLine} return what it has (the job was abandoned). */
  end(): void {
    this.isEnded = true
    this.notify()
  }

  /** The next line; null at the end of the stream. */
  async nextLine(): Promise<ReadLine | null> {
    for (;;) {
      const newline = this.store.subarray(0, this.to).indexOf(0x0a, this.scanFrom)
      if (newline >= 0) {
        const length = newline - this.from
        const raw = this.take(length + 1)
        const cut = length > 0 && raw[length - 1] === 0x0d ? length - 1 : length
        return { text: raw.subarray(0, cut), raw }
      }
      this.scanFrom = this.to
      if (this.taken + this.buffered > MAX_REQUEST_HEAD_BYTES) this.isEnded = true
      if (this.isEnded) {
        if (this.buffered === 0) return null
        const raw = this.take(this.buffered)
        return { text: raw, raw }
      }
      await new Promise<void>((resolve) => (this.wake = resolve))
    }
  }

  /**
   * Keeps what arrived, up to one byte past the head's limit: the rest of a flood is not kept
   * (the capture still records it), as a server that stopped reading would not hold it either.
   */
  private append(data: Buffer): void {
    if (this.isEnded) return
    const room = MAX_REQUEST_HEAD_BYTES + 1 - (this.taken + this.buffered)
    if (room <= 0) return
    const part = data.length > room ? data.subarray(0, room) : data
    if (this.to + part.length > this.store.length) {
      const live = this.buffered
      const next = Buffer.allocUnsafe(Math.max(4096, 2 * (live + part.length)))
      this.store.copy(next, 0, this.from, this.to)
      this.scanFrom -= this.from
      this.store = next
      this.from = 0
      this.to = live
    }
    part.copy(this.store, this.to)
    this.to += part.length
    this.notify()
  }

  private take(length: number): Buffer {
    const raw = this.store.subarray(this.from, this.from + length)
    this.from += length
    this.scanFrom = this.from
    this.taken += length
    return raw
  }

  private notify(): void {
    const wake = this.wake
    this.wake = null
    wake?.()
  }
}
