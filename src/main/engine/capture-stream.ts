/**
 * One direction's kept bytes as a list of buffers, and what can be done without joining them:
 * find the reads around an offset, copy a range, search.
 *
 * The kept bytes are a prefix of the direction's stream, so a stream offset is a capture offset.
 */
import type { ChunkInfo } from '../../shared/contract'

/** The kept reads (or writes) of one direction; buffers[i] holds chunks[i]'s kept bytes. */
export interface KeptStream {
  readonly chunks: readonly ChunkInfo[]
  readonly buffers: readonly Buffer[]
  /** Kept bytes in all: the end of the last chunk's kept bytes. */
  readonly captured: number
}

/** Binary search: the first kept chunk whose kept bytes end after `offset`. */
export function firstChunkEndingAfter(stream: KeptStream, offset: number): number {
  let lo = 0
  let hi = stream.chunks.length
  while (lo < hi) {
    const mid = (lo + hi) >>> 1
    const chunk = stream.chunks[mid]
    if (chunk !== undefined && chunk.offset + chunk.kept <= offset) lo = mid + 1
    else hi = mid
  }
  return lo
}

/** The kept bytes in [start, end), clipped to what was kept: views when one chunk holds them. */
export function sliceStream(stream: KeptStream, start: number, end: number): Buffer {
  const from = Math.max(0, start)
  const to = Math.min(end, stream.captured)
  if (to <= from) return Buffer.alloc(0)
  const parts: Buffer[] = []
  for (let i = firstChunkEndingAfter(stream, from); i < stream.chunks.length; i++) {
    const chunk = stream.chunks[i]
    const buffer = stream.buffers[i]
    if (chunk === undefined || buffer === undefined || chunk.offset >= to) break
    parts.push(
      buffer.subarray(
        Math.max(from, chunk.offset) - chunk.offset,
        Math.min(to, chunk.offset + chunk.kept) - chunk.offset,
      ),
    )
  }
  return parts.length === 1 && parts[0] !== undefined ? parts[0] : Buffer.concat(parts)
}

/**
 * The first match of `pattern` starting at or after `from`, or null.
 *
 * Each chunk is searched in place; a match across a boundary is looked for in a small copy of the
 * bytes around it (pattern.length - 1 on each side), so nothing large is ever joined.
 */
function searchForward(stream: KeptStream, pattern: Buffer, from: number): number | null {
  const m = pattern.length
  for (let i = firstChunkEndingAfter(stream, from); i < stream.chunks.length; i++) {
    const chunk = stream.chunks[i]
    const buffer = stream.buffers[i]
    if (chunk === undefined || buffer === undefined) break
    const found = buffer.indexOf(pattern, Math.max(0, from - chunk.offset))
    if (found >= 0) return chunk.offset + found
    const boundary = chunk.offset + chunk.kept
    if (m > 1 && boundary < stream.captured) {
      const windowStart = Math.max(from, boundary - (m - 1))
      const window = sliceStream(stream, windowStart, boundary + m - 1)
      const hit = window.indexOf(pattern)
      // Later hits start in the next chunk, where its own search finds them.
      if (hit >= 0 && windowStart + hit < boundary) return windowStart + hit
    }
  }
  return null
}

/** The last match of `pattern` starting before `before`, or null. */
function searchBackward(stream: KeptStream, pattern: Buffer, before: number): number | null {
  const m = pattern.length
  const last = Math.min(before, stream.captured) - 1
  if (last < 0) return null
  for (let i = firstChunkEndingAfter(stream, last); i >= 0; i--) {
    const chunk = stream.chunks[i]
    const buffer = stream.buffers[i]
    if (chunk === undefined || buffer === undefined) continue
    const boundary = chunk.offset + chunk.kept
    // Matches that start in this chunk and run into the next start later than any inside it.
    if (m > 1 && boundary < stream.captured) {
      const windowStart = Math.max(0, boundary - (m - 1))
      const window = sliceStream(stream, windowStart, boundary + m - 1)
      const limit = Math.min(last, boundary - 1) - windowStart
      const hit = limit >= 0 ? window.lastIndexOf(pattern, limit) : -1
      if (hit >= 0) return windowStart + hit
    }
    const limit = Math.min(last, boundary - 1) - chunk.offset
    if (limit >= 0 && chunk.kept >= m) {
      const found = buffer.lastIndexOf(pattern, limit)
      if (found >= 0) return chunk.offset + found
    }
  }
  return null
}

/**
 * Finds `pattern` in the kept bytes: forward, the first match at or after `from`; backwards, the
 * last match that starts before `from`. Matches may span any number of chunks.
 */
export function searchStream(
  stream: KeptStream,
  pattern: Buffer,
  from: number,
  backwards: boolean,
): number | null {
  if (pattern.length === 0 || pattern.length > stream.captured) return null
  return backwards ? searchBackward(stream, pattern, from) : searchForward(stream, pattern, from)
}
