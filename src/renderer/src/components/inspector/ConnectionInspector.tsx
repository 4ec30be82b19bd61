/**
 * Everything the Stream region shows for one connection: counters, view options, search, the
 * selection and its copy, the tab panel, the composer and Close/Reset.
 *
 * It owns the connection's capture reader (both directions and the chunk list, fetched as the
 * store's totals grow) and the selection shared by Text and Hex.
 */
import { useEffect, useMemo, useState, useSyncExternalStore, type ReactNode } from 'react'
import type { ConnectionSnapshot, Direction } from '../../../../shared/contract'
import type { Decoding } from '../../bytes-format'
import {
  createConversationLayout,
  extendRange,
  type ByteRange,
  type DirectionFilter,
  type ScrollTarget,
} from '../../conversation-layout'
import type { ByteCursor } from '../../hooks/use-byte-cursor'
import { useHttpAnalysis, type HttpAnalyses } from '../../hooks/use-http-analysis'
import { useI18n } from '../../i18n/context'
import { createCapturePager, viewSource } from '../../state/capture-pager'
import { createCaptureReader, type CaptureView } from '../../state/capture-reader'
import { useApi, useIsReadOnly } from '../../state/StoreContext'
import { Composer } from '../composer'
import { ChunksTable } from './ChunksTable'
import { CopyMenu } from './CopyMenu'
import { HexLines } from './HexLines'
import { HttpPanel } from './HttpPanel'
import { StreamActions } from './StreamActions'
import { StreamSearch } from './StreamSearch'
import { StreamStats } from './StreamStats'
import type { StreamOptions } from './stream-options'
import { TextLines } from './TextLines'

/** The end of each HTTP head (its empty line: CRLF CRLF, or bare LFs) as ranges to mark in Hex. */
export function headEndMarks(analyses: HttpAnalyses, view: CaptureView): ByteRange[] {
  const marks: ByteRange[] = []
  for (const direction of ['in', 'out'] as const) {
    const bytes = view[direction].bytes
    for (const message of analyses[direction]?.messages ?? []) {
      const end = message.headEnd
      if (end === null || end > view[direction].length) continue
      let start = end
      while (
        start > end - 4 &&
        start > 0 &&
        (bytes[start - 1] === 0x0d || bytes[start - 1] === 0x0a)
      )
        start -= 1
      if (start < end) marks.push({ direction, start, end })
    }
  }
  return marks
}

/**
 * Above this many kept bytes in a direction, Text and Hex read pages for what is on screen
 * instead of the whole capture, and Text cuts lines every 128 bytes (see the notice).
 */
export const PAGED_FROM = 4 * 1024 * 1024

export interface ConnectionInspectorProps {
  connection: ConnectionSnapshot
  options: StreamOptions
  onFilter(filter: DirectionFilter): void
  onDecoding(decoding: Decoding): void
}

/** The inspector of `connection`; render it keyed by the connection's id. */
export function ConnectionInspector({
  connection,
  options,
  onFilter,
  onDecoding,
}: ConnectionInspectorProps): ReactNode {
  const { t } = useI18n()
  const isReadOnly = useIsReadOnly()
  const api = useApi()
  const { tab, filter, decoding, baseId } = options
  const { captured, capturedOut, chunksIn, chunksOut } = connection

  // Captures only grow: once large, a connection stays paged (the reader then fetches only chunks).
  const isPaged = captured > PAGED_FROM || capturedOut > PAGED_FROM
  const reader = useMemo(() => createCaptureReader(api, connection.id), [api, connection.id])
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
  const pager = useMemo(() => createCapturePager(api, connection.id), [api, connection.id])
  useEffect(() => () => pager.dispose(), [pager])
  pager.setTotals({ in: captured, out: capturedOut })
  const pageVersion = useSyncExternalStore(pager.subscribe, pager.getVersion)
  // A new source object per arrived page, so the lines re-render with it.
  const source = useMemo(
    () =>
      isPaged ? { slice: pager.slice, request: pager.request, pageVersion } : viewSource(view),
    [isPaged, pager, pageVersion, view],
  )

  const mode = tab === 'hex' ? 'hex' : decoding
  const layout = useMemo(
    () => createConversationLayout(mode, filter, isPaged),
    [mode, filter, isPaged],
  )
  // The layout grows in place with every new view; its row count is what re-renders the lines.
  // Paged, it lays out chunks by their offsets alone: the totals stand in for fetched bytes.
  const count = useMemo(() => {
    layout.update(
      isPaged
        ? {
            ...view,
            in: { bytes: view.in.bytes, length: captured },
            out: { bytes: view.out.bytes, length: capturedOut },
          }
        : view,
    )
    return layout.count
  }, [layout, view, isPaged, captured, capturedOut])

  const [selection, setSelection] = useState<ByteRange | null>(null)
  const [anchor, setAnchor] = useState<ByteRange | null>(null)
  const [cursor, setCursor] = useState<ByteCursor | null>(null)
  // The cursor is outlined once the keyboard moves it; a click or a match only places it.
  const [isCursorShown, setIsCursorShown] = useState(false)
  const [scrollTarget, setScrollTarget] = useState<ScrollTarget | null>(null)
  const onSelect = (range: ByteRange, isExtending: boolean): void => {
    setCursor({ direction: range.direction, offset: range.start })
    setIsCursorShown(false)
    if (isExtending && anchor && anchor.direction === range.direction) {
      setSelection(extendRange(anchor, range.start, range.end))
      return
    }
    setAnchor(range)
    setSelection(range)
  }
  // The keyboard: a move selects the cursor's byte; Shift extends from the anchor (or from where
  // the cursor was, when nothing of that direction is anchored).
  const onCursor = (next: ByteCursor, isExtending: boolean): void => {
    const byte = { direction: next.direction, start: next.offset, end: next.offset + 1 }
    if (isExtending) {
      const from =
        anchor && selection && anchor.direction === next.direction
          ? anchor
          : cursor && cursor.direction === next.direction
            ? { direction: cursor.direction, start: cursor.offset, end: cursor.offset + 1 }
            : byte
      setAnchor(from)
      setSelection(extendRange(from, next.offset))
    } else {
      setAnchor(byte)
      setSelection(byte)
    }
    setCursor(next)
    setIsCursorShown(true)
  }
  const onClear = (): void => {
    setSelection(null)
    setAnchor(null)
  }
  const onFound = (range: ByteRange): void => {
    setCursor({ direction: range.direction, offset: range.start })
    setIsCursorShown(false)
    setAnchor(range)
    setSelection(range)
    setScrollTarget((s) => ({
      direction: range.direction,
      offset: range.start,
      seq: (s?.seq ?? 0) + 1,
    }))
  }

  const analyses = useHttpAnalysis(api, connection.id, captured, capturedOut)
  const marks = useMemo(() => headEndMarks(analyses, view), [analyses, view])

  let body: ReactNode
  const common = {
    layout,
    count,
    view,
    source,
    acceptedMono: connection.acceptedMono,
    selection,
    onSelect,
    scrollTarget,
    cursor,
    isCursorShown,
    onCursor,
    onClear,
  }
  if ((view.error || pager.getError()) && (tab === 'text' || tab === 'hex'))
    body = (
      <p role="alert" className="inline-error">
        {t('stream.readFailed')}
      </p>
    )
  else if (tab === 'chunks')
    body = <ChunksTable view={view} filter={filter} acceptedMono={connection.acceptedMono} />
  else if (tab === 'http') body = <HttpPanel analyses={analyses} filter={filter} />
  else if (count === 0) {
    const key =
      captured + capturedOut === 0
        ? 'stream.empty'
        : filter !== 'both' && (filter === 'in' ? captured : capturedOut) === 0
          ? 'inspector.nothingShown'
          : 'stream.loading'
    body = <p className="empty">{t(key)}</p>
  } else if (tab === 'text') body = <TextLines {...common} decoding={decoding} />
  else body = <HexLines {...common} marks={marks} />

  const notCaptured = connection.bytesIn - captured + (connection.bytesOut - capturedOut)
  const directions: Direction[] = filter === 'both' ? ['in', 'out'] : [filter]
  return (
    <>
      <StreamStats connection={connection} />
      {connection.truncated && notCaptured > 0 && (
        <p className="notice">{t('stream.truncated', { count: notCaptured })}</p>
      )}
      {isPaged && tab === 'text' && <p className="notice">{t('stream.pagedText')}</p>}
      <div className="stream-toolbar">
        <label>
          {t('inspector.show')}{' '}
          <select value={filter} onChange={(e) => onFilter(e.target.value as DirectionFilter)}>
            <option value="both">{t('inspector.show.both')}</option>
            <option value="in">{t('inspector.show.in')}</option>
            <option value="out">{t('inspector.show.out')}</option>
          </select>
        </label>
        {tab === 'text' && (
          <label>
            {t('inspector.decoding')}{' '}
            <select value={decoding} onChange={(e) => onDecoding(e.target.value as Decoding)}>
              <option value="utf-8">{t('inspector.decoding.utf-8')}</option>
              <option value="latin1">{t('inspector.decoding.latin1')}</option>
            </select>
          </label>
        )}
        <StreamSearch
          connectionId={connection.id}
          selection={selection}
          filter={filter}
          totals={{ in: captured, out: capturedOut }}
          onFound={onFound}
        />
      </div>
      <CopyMenu
        connection={connection}
        view={view}
        selection={selection}
        decoding={decoding}
        directions={directions}
        onClear={onClear}
      />
      <div
        role="tabpanel"
        id={`${baseId}-panel`}
        aria-labelledby={`${baseId}-tab-${tab}`}
        className="tabpanel"
      >
        {body}
      </div>
      {isReadOnly ? (
        <p className="stream-bottom muted">{t('session.readOnly')}</p>
      ) : (
        <div className="stream-bottom">
          <Composer connection={connection} />
          <StreamActions connection={connection} />
        </div>
      )}
    </>
  )
}
