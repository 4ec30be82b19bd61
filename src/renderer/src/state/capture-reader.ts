/**
 * The captured conversation of one connection, fetched incrementally: the bytes it received
 * ('in'), the bytes it sent ('out') and the list of reads and writes in the order they happened.
 *
 * Keeps what it has and asks only for what is new: at most READ_CHUNK bytes per readBytes and
 * MAX_CHUNKS_PER_READ chunks per readChunks, one request at a time per stream. Components read
 * it with useSyncExternalStore.
 */
import {
  MAX_CHUNKS_PER_READ,
  type Api,
  type ChunkInfo,
  type Direction,
} from '../../../shared/contract'
import type { AppError } from '../../../shared/result'
import { base64ToBytes } from '../bytes-format'

/** Largest single read: 1 MiB. */
export const READ_CHUNK = 1024 * 1024

/** One direction's bytes; only `[0, length)` is meaningful (the buffer grows by doubling). */
export interface StreamBytes {
  bytes: Uint8Array
  length: number
}

export interface CaptureView {
  in: StreamBytes
  out: StreamBytes
  /**
   * The kept reads and writes, in conversation order. The array only grows and is shared between
   * views (it is appended to in place): read `chunks.length` of the view you hold.
   */
  chunks: readonly ChunkInfo[]
  chunkCount: number
  error: AppError | null
}

/** How much there is to fetch: the connection's totals as the store knows them. */
export interface CaptureWant {
  captured: number
  capturedOut: number
  /** Reads plus writes (chunksIn + chunksOut); the engine may keep fewer. */
  chunks: number
}

export interface CaptureReader {
  /** Fetches until this much is here (the latest totals win). */
  want(totals: CaptureWant): void
  getSnapshot(): CaptureView
  subscribe(listener: () => void): () => void
  /** Stops fetching and drops answers on their way (a later want() resumes). */
  dispose(): void
}

const NO_BYTES: StreamBytes = { bytes: new Uint8Array(0), length: 0 }

/** The view of a reader that has nothing yet. */
export const EMPTY_CAPTURE: CaptureView = {
  in: NO_BYTES,
  out: NO_BYTES,
  chunks: [],
  chunkCount: 0,
  error: null,
}

function appendBytes(stream: StreamBytes, chunk: Uint8Array): StreamBytes {
  const length = stream.length + chunk.length
  let bytes = stream.bytes
  if (length > bytes.length) {
    bytes = new Uint8Array(Math.max(length, bytes.length * 2, 4096))
    bytes.set(stream.bytes.subarray(0, stream.length))
  }
  bytes.set(chunk, stream.length)
  return { bytes, length }
}

/** A reader for `connectionId`; it fetches nothing until {@link CaptureReader.want}. */
export function createCaptureReader(api: Api, connectionId: string): CaptureReader {
  const chunks: ChunkInfo[] = []
  let view: CaptureView = { ...EMPTY_CAPTURE, chunks }
  let isDisposed = false
  const listeners = new Set<() => void>()
  /** What to fetch up to, and what was last asked for (so a repeated total does not refetch). */
  const target = { in: 0, out: 0, chunks: 0 }
  const asked = { in: -1, out: -1, chunks: -1 }
  const isBusy = { in: false, out: false, chunks: false }

  const publish = (next: Partial<CaptureView>): void => {
    view = { ...view, ...next, chunkCount: chunks.length }
    for (const listener of [...listeners]) listener()
  }

  const pumpBytes = async (direction: Direction): Promise<void> => {
    if (isBusy[direction]) return
    isBusy[direction] = true
    try {
      while (!isDisposed && view[direction].length < target[direction]) {
        const offset = view[direction].length
        const result = await api.readBytes({
          connectionId,
          offset,
          length: Math.min(target[direction] - offset, READ_CHUNK),
          direction,
        })
        if (isDisposed) return
        if (!result.ok) {
          publish({ error: result.error })
          return
        }
        const bytes = base64ToBytes(result.value.base64)
        // The engine may have released the capture: stop asking for what it no longer has.
        if (bytes.length === 0) {
          target[direction] = offset
          return
        }
        publish({ [direction]: appendBytes(view[direction], bytes) })
      }
    } finally {
      isBusy[direction] = false
    }
  }

  const pumpChunks = async (): Promise<void> => {
    if (isBusy.chunks) return
    isBusy.chunks = true
    try {
      while (!isDisposed && chunks.length < target.chunks) {
        const result = await api.readChunks({
          connectionId,
          from: chunks.length,
          count: MAX_CHUNKS_PER_READ,
        })
        if (isDisposed) return
        if (!result.ok) {
          publish({ error: result.error })
          return
        }
        chunks.push(...result.value.chunks)
        // Reads that kept no byte are not listed: the total is all there is for now.
        if (result.value.chunks.length === 0 || chunks.length >= result.value.total) {
          target.chunks = chunks.length
        }
        if (result.value.chunks.length > 0) publish({})
      }
    } finally {
      isBusy.chunks = false
    }
  }

  const raise = (key: 'in' | 'out' | 'chunks', value: number): boolean => {
    if (value === asked[key]) return false
    asked[key] = value
    target[key] = Math.max(target[key], value)
    return true
  }

  return {
    want(totals) {
      const wasDisposed = isDisposed
      isDisposed = false
      if (raise('in', totals.captured) || wasDisposed) void pumpBytes('in')
      if (raise('out', totals.capturedOut) || wasDisposed) void pumpBytes('out')
      if (raise('chunks', totals.chunks) || wasDisposed) void pumpChunks()
    },
    getSnapshot: () => view,
    subscribe(listener) {
      listeners.add(listener)
      return () => listeners.delete(listener)
    },
    dispose() {
      isDisposed = true
    },
  }
}
