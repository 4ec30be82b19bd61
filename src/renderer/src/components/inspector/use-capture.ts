/**
 * One connection's captured conversation as the Stream region reads it: the capture reader's view
 * (both directions and the chunk list, fetched as the store's totals grow) and where Text and Hex
 * read their bytes, that view or, for a large capture, pages fetched for what is on screen.
 */
import { useEffect, useLayoutEffect, useMemo, useSyncExternalStore } from 'react'
import type { ConnectionSnapshot, Direction } from '../../../../shared/contract'
import {
  createCapturePager,
  pagedSource,
  viewSource,
  type ByteSource,
} from '../../state/capture-pager'
import { createCaptureReader, type CaptureView } from '../../state/capture-reader'
import { useApi } from '../../state/StoreContext'

/**
 * Above this many kept bytes in a direction, Text and Hex read pages for what is on screen
 * instead of the whole capture, and Text cuts lines every 128 bytes (see the notice).
 */
export const PAGED_FROM = 4 * 1024 * 1024

export interface Capture {
  /** What the reader holds: the chunks, and both directions' bytes unless paged. */
  view: CaptureView
  /** Kept bytes per direction as the store knows them (the reader may hold fewer yet). */
  totals: Readonly<Record<Direction, number>>
  /** Past {@link PAGED_FROM}: the reader fetches only the chunks, the bytes come by page. */
  isPaged: boolean
  /** Where Text and Hex read bytes (a new source whenever what it holds changes). */
  source: ByteSource
  /** A read failed, the reader's or a page's. */
  hasReadError: boolean
}

/** The capture of `connection`; its reader and pager live as long as the connection's id. */
export function useCapture(connection: ConnectionSnapshot): Capture {
  const api = useApi()
  const { id, captured, capturedOut, chunksIn, chunksOut } = connection

  // Captures only grow: once large, a connection stays paged (the reader then fetches only chunks).
  const isPaged = captured > PAGED_FROM || capturedOut > PAGED_FROM
  const reader = useMemo(() => createCaptureReader(api, id), [api, id])
  useEffect(() => () => reader.dispose(), [reader])
  useEffect(
    () =>
      reader.want({
        captured: isPaged ? 0 : captured,
        capturedOut: isPaged ? 0 : capturedOut,
        chunks: chunksIn + chunksOut,
      }),
    [reader, isPaged, captured, capturedOut, chunksIn, chunksOut],
  )
  const view = useSyncExternalStore(reader.subscribe, reader.getSnapshot)

  const pager = useMemo(() => createCapturePager(api, id), [api, id])
  useEffect(() => () => pager.dispose(), [pager])
  const pageVersion = useSyncExternalStore(pager.subscribe, pager.getVersion)
  const totals = useMemo(() => ({ in: captured, out: capturedOut }), [captured, capturedOut])
  // The pager fetches and clips by the totals it was told. It is told after the render that shows
  // them and before the lines ask it for pages (their passive effects run after layout effects);
  // until then the paged source reads bytes past the old totals as not here yet.
  useLayoutEffect(() => pager.setTotals(totals), [pager, totals])
  const pagedBytes = useMemo(
    () => pagedSource(pager, totals, pageVersion),
    [pager, totals, pageVersion],
  )
  const wholeSource = useMemo(() => viewSource(view), [view])

  return {
    view,
    totals,
    isPaged,
    source: isPaged ? pagedBytes : wholeSource,
    hasReadError: view.error !== null || pager.getError() !== null,
  }
}
