/**
 * What the engine keeps of a connection's bytes, both ways: what it received ('in') and what it
 * sent ('out'), with each read's or write's boundaries, in conversation order.
 *
 * Kept bytes are always a prefix of each direction's stream: once a cap stops a chunk, nothing
 * after it in that direction is kept, even if room appears later. So a stream offset is also a
 * capture offset. Both directions count against the same caps.
 */
import type {
  CaptureTotals,
  CapturedBytes,
  ChunkInfo,
  ConversationChunks,
  Direction,
} from '../../shared/contract'
import { firstChunkEndingAfter, searchStream, sliceStream, type KeptStream } from './capture-stream'

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

/**
 * Kept chunks a connection holds before each further chunk also costs {@link CHUNK_OVERHEAD}
 * bytes of its cap. A chunk's record and buffer view take about 200 bytes of memory besides its
 * bytes, so a peer dripping one byte per read must not fill memory far past the cap.
 */
export const FREE_CHUNKS = 4096
/** What each kept chunk past {@link FREE_CHUNKS} costs against the per-connection cap. */
export const CHUNK_OVERHEAD = 64

/** A small read inside a large pooled allocation would pin the whole allocation: copy those. */
function ownBytes(data: Buffer): Buffer {
  return data.buffer.byteLength > data.length * 2 ? Buffer.from(data) : data
}

/** One direction: counted always, kept up to the caps. */
class DirectionCapture implements KeptStream {
  bytes = 0
  count = 0
  captured = 0
  truncated = false
  readonly chunks: ChunkInfo[] = []
  readonly buffers: Buffer[] = []
}

/** One connection's bytes both ways. */
export class ConnectionCapture {
  private readonly streams: Record<Direction, DirectionCapture> = {
    in: new DirectionCapture(),
    out: new DirectionCapture(),
  }
  /** Every kept chunk of both directions, in the order they happened. */
  private readonly conversation: ChunkInfo[] = []
  /** Engine monotonic ms of the first received byte. */
  firstByteInMono: number | null = null
  /** Engine monotonic ms of the last byte either way. */
  lastByteMono: number | null = null

  get bytesIn(): number {
    return this.streams.in.bytes
  }
  get chunksIn(): number {
    return this.streams.in.count
  }
  get captured(): number {
    return this.streams.in.captured
  }
  get bytesOut(): number {
    return this.streams.out.bytes
  }
  get chunksOut(): number {
    return this.streams.out.count
  }
  get capturedOut(): number {
    return this.streams.out.captured
  }
  /** Either direction hit a cap. */
  get truncated(): boolean {
    return this.streams.in.truncated || this.streams.out.truncated
  }

  /** Whether bytes of `direction` were lost to a cap. */
  isTruncated(direction: Direction): boolean {
    return this.streams[direction].truncated
  }

  /** Kept bytes of `direction`. */
  capturedOf(direction: Direction): number {
    return this.streams[direction].captured
  }

  /**
   * Records one read ('in') or write ('out'). Returns how many of its bytes were kept.
   *
   * @param limit the per-connection cap, for both directions together, as it is now (it may
   *   change while the connection lives)
   */
  append(
    direction: Direction,
    data: Buffer,
    mono: number,
    limit: number,
    budget: CaptureBudget,
  ): number {
    const stream = this.streams[direction]
    const offset = stream.bytes
    stream.bytes += data.length
    stream.count += 1
    if (data.length === 0) return 0
    if (direction === 'in' && this.firstByteInMono === null) this.firstByteInMono = mono
    this.lastByteMono = mono
    let kept = 0
    if (!stream.truncated) {
      const isCharged = this.conversation.length >= FREE_CHUNKS
      const overhead = Math.max(0, this.conversation.length - FREE_CHUNKS) * CHUNK_OVERHEAD
      const used = this.streams.in.captured + this.streams.out.captured + overhead
      const room = Math.max(0, limit - used - (isCharged ? CHUNK_OVERHEAD : 0))
      kept = budget.take(Math.min(data.length, room))
      if (kept < data.length) stream.truncated = true
    }
    if (kept > 0) {
      const chunk: ChunkInfo = { direction, offset, size: data.length, mono, kept }
      stream.chunks.push(chunk)
      stream.buffers.push(ownBytes(kept === data.length ? data : data.subarray(0, kept)))
      stream.captured += kept
      this.conversation.push(chunk)
    }
    return kept
  }

  /**
   * Kept bytes of `direction` in [offset, offset + length), clipped to what was kept, with the
   * chunks overlapping that range (at most `maxChunks` of them). Past the kept bytes the answer
   * is empty. `captured`, `bytesIn` and `truncated` describe that direction.
   */
  read(direction: Direction, offset: number, length: number, maxChunks: number): CapturedBytes {
    const stream = this.streams[direction]
    const start = Math.min(offset, stream.captured)
    const end = Math.min(offset + length, stream.captured)
    const chunks: ChunkInfo[] = []
    if (end > start) {
      for (let i = firstChunkEndingAfter(stream, start); i < stream.chunks.length; i++) {
        const chunk = stream.chunks[i]
        if (chunk === undefined || chunk.offset >= end || chunks.length >= maxChunks) break
        chunks.push({ ...chunk })
      }
    }
    return {
      offset,
      base64: sliceStream(stream, start, end).toString('base64'),
      captured: stream.captured,
      bytesIn: stream.bytes,
      truncated: stream.truncated,
      chunks,
    }
  }

  /** Kept chunks of both directions, in conversation order, from index `from`. */
  chunks(from: number, count: number): ConversationChunks {
    return {
      total: this.conversation.length,
      chunks: this.conversation.slice(from, from + count).map((chunk) => ({ ...chunk })),
    }
  }

  /** See {@link searchStream}: an offset in that direction's kept bytes, or null. */
  search(direction: Direction, pattern: Buffer, from: number, backwards: boolean): number | null {
    return searchStream(this.streams[direction], pattern, from, backwards)
  }

  /**
   * Kept bytes of `direction` from the start, at most `limit` of them, joined (a copy unless one
   * chunk holds them all).
   */
  bytes(direction: Direction, limit = Infinity): Buffer {
    const stream = this.streams[direction]
    return sliceStream(stream, 0, Math.min(stream.captured, limit))
  }

  /** Gives the kept bytes back to the budget; the capture is empty afterwards. */
  release(budget: CaptureBudget): void {
    for (const stream of Object.values(this.streams)) {
      budget.release(stream.captured)
      stream.chunks.length = 0
      stream.buffers.length = 0
      stream.captured = 0
    }
    this.conversation.length = 0
  }
}
