/**
 * What the engine keeps of the bytes it received: per connection, with the reads' boundaries.
 *
 * Kept bytes are always a prefix of the connection's stream: once a cap stops a read, nothing
 * after it is kept, even if room appears later. So a stream offset is also a capture offset.
 */
import type { CaptureTotals, CapturedBytes, ChunkInfo } from '../../shared/contract'

/** The engine-wide cap: every connection's kept bytes count against it. */
export class CaptureBudget {
  private capturedBytes = 0

  constructor(readonly limit: number) {}

  get captured(): number {
    return this.capturedBytes
  }

  /** Reserves up to `wanted` bytes; returns how many may be kept. */
  take(wanted: number): number {
    const granted = Math.max(0, Math.min(wanted, this.limit - this.capturedBytes))
    this.capturedBytes += granted
    return granted
  }

  release(bytes: number): void {
    this.capturedBytes = Math.max(0, this.capturedBytes - bytes)
  }

  totals(): CaptureTotals {
    return { captured: this.capturedBytes, limit: this.limit }
  }
}

/** A small read inside a large pooled allocation would pin the whole allocation: copy those. */
function ownBytes(data: Buffer): Buffer {
  return data.buffer.byteLength > data.length * 2 ? Buffer.from(data) : data
}

/** One connection's received bytes: counted always, kept up to the caps. */
export class ConnectionCapture {
  bytesIn = 0
  chunksIn = 0
  captured = 0
  truncated = false
  /** One entry per read that kept at least one byte; buffers[i] holds chunks[i]'s kept bytes. */
  private readonly chunks: ChunkInfo[] = []
  private readonly buffers: Buffer[] = []

  /**
   * Records one read. Returns how many of its bytes were kept.
   *
   * @param limit the per-connection cap as it is now (it may change while the connection lives)
   */
  append(data: Buffer, mono: number, limit: number, budget: CaptureBudget): number {
    const offset = this.bytesIn
    this.bytesIn += data.length
    this.chunksIn += 1
    if (data.length === 0) return 0
    let kept = 0
    if (!this.truncated) {
      kept = budget.take(Math.min(data.length, Math.max(0, limit - this.captured)))
      if (kept < data.length) this.truncated = true
    }
    if (kept > 0) {
      this.chunks.push({ offset, size: data.length, mono, kept })
      this.buffers.push(ownBytes(kept === data.length ? data : data.subarray(0, kept)))
      this.captured += kept
    }
    return kept
  }

  /**
   * Kept bytes in [offset, offset + length), clipped to what was kept, with the reads overlapping
   * that range (at most `maxChunks` of them). Past the kept bytes the answer is empty.
   */
  read(offset: number, length: number, maxChunks: number): CapturedBytes {
    const start = Math.min(offset, this.captured)
    const end = Math.min(offset + length, this.captured)
    const parts: Buffer[] = []
    const chunks: ChunkInfo[] = []
    if (end > start) {
      for (let i = this.firstChunkEndingAfter(start); i < this.chunks.length; i++) {
        const chunk = this.chunks[i]
        const buffer = this.buffers[i]
        if (chunk === undefined || buffer === undefined || chunk.offset >= end) break
        const from = Math.max(start, chunk.offset) - chunk.offset
        const to = Math.min(end, chunk.offset + chunk.kept) - chunk.offset
        parts.push(buffer.subarray(from, to))
        if (chunks.length < maxChunks) chunks.push({ ...chunk })
      }
    }
    return {
      offset,
      base64: Buffer.concat(parts).toString('base64'),
      captured: this.captured,
      bytesIn: this.bytesIn,
      truncated: this.truncated,
      chunks,
    }
  }

  /** Gives the kept bytes back to the budget; the capture is empty afterwards. */
  release(budget: CaptureBudget): void {
    budget.release(this.captured)
    this.chunks.length = 0
    this.buffers.length = 0
    this.captured = 0
  }

  /** Binary search: the first kept read whose kept bytes end after `offset`. */
  private firstChunkEndingAfter(offset: number): number {
    let lo = 0
    let hi = this.chunks.length
    while (lo < hi) {
      const mid = (lo + hi) >>> 1
      const chunk = this.chunks[mid]
      if (chunk !== undefined && chunk.offset + chunk.kept <= offset) lo = mid + 1
      else hi = mid
    }
    return lo
  }
}
