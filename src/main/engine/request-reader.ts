/**
 * A connection's request as a worker reads it: `BufReader::lines()` over the bytes received.
 *
 * Bytes arrive whenever the peer sends them (the inspector records them at once); the reader
 * hands them out line by line only when its job asks, as a blocked `read` would.
 */
import type { ConnectionRuntime } from './connection'

/** The most a request head may hold before reading stops as if the stream had ended. */
export const MAX_REQUEST_HEAD_BYTES = 1024 * 1024

export interface ReadLine {
  /** The line without its `\n` and one `\r` before it (a last line at EOF keeps its `\r`). */
  text: Buffer
  /** The bytes it took from the stream, newline included. */
  raw: Buffer
}

export class RequestReader {
  private pending: Buffer = Buffer.alloc(0)
  private scanFrom = 0
  private taken = 0
  private isEnded = false
  private wake: (() => void) | null = null

  constructor(connection: ConnectionRuntime) {
    this.isEnded = connection.hasInputEnded
    connection.observe({
      data: (data) => {
        if (this.isEnded) return
        this.pending = this.pending.length === 0 ? data : Buffer.concat([this.pending, data])
        this.notify()
      },
      end: () => this.end(),
      closed: () => this.end(),
    })
  }

  /** Makes a blocked {@link nextLine} return what it has (the job was abandoned). */
  end(): void {
    this.isEnded = true
    this.notify()
  }

  /** The next line; null at the end of the stream. */
  async nextLine(): Promise<ReadLine | null> {
    for (;;) {
      const newline = this.pending.indexOf(0x0a, this.scanFrom)
      if (newline >= 0) {
        const raw = this.take(newline + 1)
        const cut = newline > 0 && raw[newline - 1] === 0x0d ? newline - 1 : newline
        return { text: raw.subarray(0, cut), raw }
      }
      this.scanFrom = this.pending.length
      if (this.taken + this.pending.length > MAX_REQUEST_HEAD_BYTES) this.isEnded = true
      if (this.isEnded) {
        if (this.pending.length === 0) return null
        const raw = this.take(this.pending.length)
        return { text: raw, raw }
      }
      await new Promise<void>((resolve) => (this.wake = resolve))
    }
  }

  private take(length: number): Buffer {
    const raw = this.pending.subarray(0, length)
    this.pending = this.pending.subarray(length)
    this.scanFrom = 0
    this.taken += length
    return raw
  }

  private notify(): void {
    const wake = this.wake
    this.wake = null
    wake?.()
  }
}
