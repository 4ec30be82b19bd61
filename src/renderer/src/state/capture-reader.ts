/**
 * The captured bytes of one connection, fetched incrementally with readBytes.
 *
 * Keeps what it has and asks only for what is new, at most READ_CHUNK bytes per request, one
 * request at a time. Components read it with useSyncExternalStore.
 */
import type { Api } from '../../../shared/contract'
import type { AppError } from '../../../shared/result'
import { base64ToBytes, extendLineStarts } from '../bytes-format'

/** Largest single read: 1 MiB. */
export const READ_CHUNK = 1024 * 1024

export interface CaptureView {
  /** The bytes; only `[0, length)` is meaningful (the buffer grows by doubling). */
  bytes: Uint8Array
  length: number
  /** Start offsets of the Text view's visual lines. */
  lineStarts: readonly number[]
  error: AppError | null
}

export interface CaptureReader {
  /** Fetches until `captured` bytes are here (the latest total wins). */
  want(captured: number): void
  getSnapshot(): CaptureView
  subscribe(listener: () => void): () => void
  /** Stops fetching and drops answers on their way (a later want() resumes). */
  dispose(): void
}

const EMPTY: CaptureView = { bytes: new Uint8Array(0), length: 0, lineStarts: [0], error: null }

/** A reader for `connectionId`; it fetches nothing until {@link CaptureReader.want}. */
export function createCaptureReader(api: Api, connectionId: string): CaptureReader {
  let view = EMPTY
  let target = 0
  let isFetching = false
  let isDisposed = false
  const listeners = new Set<() => void>()

  const publish = (next: CaptureView): void => {
    view = next
    for (const listener of [...listeners]) listener()
  }

  const append = (chunk: Uint8Array): void => {
    const length = view.length + chunk.length
    let bytes = view.bytes
    if (length > bytes.length) {
      bytes = new Uint8Array(Math.max(length, bytes.length * 2, 4096))
      bytes.set(view.bytes.subarray(0, view.length))
    }
    bytes.set(chunk, view.length)
    publish({
      bytes,
      length,
      lineStarts: extendLineStarts(bytes, length, view.lineStarts),
      error: null,
    })
  }

  const pump = async (): Promise<void> => {
    if (isFetching) return
    isFetching = true
    try {
      while (!isDisposed && view.length < target) {
        const offset = view.length
        const result = await api.readBytes({
          connectionId,
          offset,
          length: Math.min(target - offset, READ_CHUNK),
        })
        if (isDisposed) return
        if (!result.ok) {
          publish({ ...view, error: result.error })
          return
        }
        const chunk = base64ToBytes(result.value.base64)
        // The engine may have released the capture: stop asking for what it no longer has.
        if (chunk.length === 0) {
          target = Math.min(target, result.value.captured, offset)
          return
        }
        append(chunk)
      }
    } finally {
      isFetching = false
    }
  }

  return {
    want(captured) {
      isDisposed = false
      target = Math.max(target, captured)
      void pump()
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
