/**
 * One connection's captured bytes, fetched by page for the rows on screen instead of all at once.
 *
 * A capture can hold 256 MiB a direction; the views need only what is visible. Pages are
 * PAGE_SIZE bytes aligned to PAGE_SIZE, at most MAX_PAGES stay cached (least recently used goes
 * first), and a page is asked for once while its answer is on the way. A page at the end of a
 * stream may be short; it is fetched again once the stream's total grows past it. Components
 * read `getVersion` with useSyncExternalStore: it changes whenever a page arrives.
 */
import type { Api, Direction } from '../../../shared/contract'
import type { AppError } from '../../../shared/result'
import { base64ToBytes } from '../bytes-format'
import type { CaptureView } from './capture-reader'

/** Bytes in a page: 64 KiB. */
export const PAGE_SIZE = 64 * 1024
/** Pages kept at most (4 MiB). */
export const MAX_PAGES = 64

/** Where the byte views read bytes from: the whole capture in memory, or a pager. */
export interface ByteSource {
  /** Bytes `[from, to)` of `direction` (clipped to what is kept) when all are here, else null. */
  slice(direction: Direction, from: number, to: number): Uint8Array | null
  /** Asks for `[from, to)` to be fetched; the caller re-renders when it arrives. */
  request(direction: Direction, from: number, to: number): void
}

/** The source over a fully fetched capture (small captures: every byte is in `view`). */
export function viewSource(view: CaptureView): ByteSource {
  return {
    slice: (direction, from, to) =>
      view[direction].bytes.subarray(from, Math.max(from, Math.min(to, view[direction].length))),
    request: () => undefined,
  }
}

export interface CapturePager extends ByteSource {
  /** The streams' kept lengths as the store knows them; short pages below a new total are dropped. */
  setTotals(totals: Record<Direction, number>): void
  /** The totals last set: slices and fetches stop there. */
  getTotals(): Readonly<Record<Direction, number>>
  /** Fetches the pages spanning `[from, to)` that are not cached; returns whether all were. */
  request(direction: Direction, from: number, to: number): boolean
  /** How many pages are cached now. */
  readonly size: number
  getVersion(): number
  getError(): AppError | null
  subscribe(listener: () => void): () => void
  /** Drops answers on their way and fetches nothing more. */
  dispose(): void
}

interface Page {
  bytes: Uint8Array
}

const keyOf = (direction: Direction, index: number): string => `${direction}:${index}`

/** A pager for `connectionId`; it fetches nothing until a range is asked for. */
export function createCapturePager(
  api: Api,
  connectionId: string,
  options: { pageSize?: number; maxPages?: number } = {},
): CapturePager {
  const pageSize = options.pageSize ?? PAGE_SIZE
  const maxPages = options.maxPages ?? MAX_PAGES
  /** Insertion order is recency: a hit is moved to the end, eviction takes the first. */
  const pages = new Map<string, Page>()
  const inFlight = new Set<string>()
  const totals: Record<Direction, number> = { in: 0, out: 0 }
  const listeners = new Set<() => void>()
  let version = 0
  let error: AppError | null = null
  let isDisposed = false

  const publish = (): void => {
    version += 1
    for (const listener of [...listeners]) listener()
  }

  const touch = (key: string): Page | undefined => {
    const page = pages.get(key)
    if (!page) return undefined
    pages.delete(key)
    pages.set(key, page)
    return page
  }

  const fetchPage = async (direction: Direction, index: number): Promise<void> => {
    const key = keyOf(direction, index)
    const offset = index * pageSize
    const length = Math.min(pageSize, totals[direction] - offset)
    if (length <= 0 || inFlight.has(key)) return
    inFlight.add(key)
    try {
      const result = await api.readBytes({ connectionId, offset, length, direction })
      if (isDisposed) return
      if (!result.ok) {
        error = result.error
        publish()
        return
      }
      const bytes = base64ToBytes(result.value.base64)
      // The engine may have released the capture: nothing to cache.
      if (bytes.length === 0) return
      pages.delete(key)
      pages.set(key, { bytes })
      while (pages.size > maxPages) {
        const oldest = pages.keys().next().value
        if (oldest === undefined) break
        pages.delete(oldest)
      }
      publish()
    } finally {
      inFlight.delete(key)
    }
  }

  const pager: CapturePager = {
    setTotals(next) {
      for (const direction of ['in', 'out'] as const) {
        if (next[direction] === totals[direction]) continue
        totals[direction] = next[direction]
        for (const [key, page] of pages) {
          const [dir, index] = key.split(':')
          const end = Number(index) * pageSize + page.bytes.length
          if (dir === direction && page.bytes.length < pageSize && end < next[direction])
            pages.delete(key)
        }
      }
    },
    request(direction, from, to) {
      const end = Math.min(to, totals[direction])
      let isComplete = true
      for (let index = Math.floor(from / pageSize); index * pageSize < end; index++) {
        const page = touch(keyOf(direction, index))
        if (page && index * pageSize + page.bytes.length >= Math.min(end, (index + 1) * pageSize))
          continue
        isComplete = false
        if (!isDisposed) void fetchPage(direction, index)
      }
      return isComplete
    },
    slice(direction, from, to) {
      const end = Math.min(to, totals[direction])
      if (end <= from) return new Uint8Array(0)
      const out = new Uint8Array(end - from)
      for (let index = Math.floor(from / pageSize); index * pageSize < end; index++) {
        const page = pages.get(keyOf(direction, index))
        if (!page || index * pageSize + page.bytes.length < Math.min(end, (index + 1) * pageSize))
          return null
        const base = index * pageSize
        const a = Math.max(from, base) - base
        const b = Math.min(end, base + page.bytes.length) - base
        out.set(page.bytes.subarray(a, b), base + a - from)
      }
      return out
    },
    get size() {
      return pages.size
    },
    getTotals: () => totals,
    getVersion: () => version,
    getError: () => error,
    subscribe(listener) {
      listeners.add(listener)
      return () => listeners.delete(listener)
    },
    dispose() {
      isDisposed = true
    },
  }
  return pager
}

/**
 * The pager as the byte views' source for streams of `totals` kept bytes, the totals the rows on
 * screen were laid out with. Bytes past what the pager has been told are not here yet (null) until
 * it is told (after the render); `version` is the pager's, so each arrived page makes a new source.
 */
export function pagedSource(
  pager: CapturePager,
  totals: Readonly<Record<Direction, number>>,
  version: number,
): ByteSource & { version: number } {
  return {
    version,
    slice(direction, from, to) {
      const end = Math.min(to, totals[direction])
      return end > pager.getTotals()[direction] ? null : pager.slice(direction, from, end)
    },
    request: pager.request,
  }
}
