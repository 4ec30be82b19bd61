/**
 * The Chunks tab: one row per read the server got and per write it made, virtualized, so "one
 * write is not one read" can be seen: sizes and the time between them.
 */
import { useMemo, type ReactNode } from 'react'
import type { ChunkInfo } from '../../../../shared/contract'
import type { DirectionFilter } from '../../conversation-layout'
import { useVirtualWindow } from '../../hooks/use-virtual-window'
import { useI18n } from '../../i18n/context'
import { formatFixed, formatNumber } from '../../i18n/translate'
import type { CaptureView } from '../../state/capture-reader'

const ROW_HEIGHT = 24
const HEADER_HEIGHT = 28

/** The table of chunks of `view` that `filter` shows; times relative to `acceptedMono`. */
export function ChunksTable({
  view,
  filter,
  acceptedMono,
}: {
  view: CaptureView
  filter: DirectionFilter
  acceptedMono: number
}): ReactNode {
  const { t, lang } = useI18n()
  const { chunks, chunkCount } = view
  // Conversation indexes of the rows; recomputed when chunks arrive (cheap next to rendering).
  const indexes = useMemo(() => {
    const out: number[] = []
    for (let i = 0; i < chunkCount; i++) {
      const chunk = chunks[i]
      if (chunk && (filter === 'both' || chunk.direction === filter)) out.push(i)
    }
    return out
  }, [chunks, chunkCount, filter])
  const { ref, onScroll, start, end, padTop, padBottom } = useVirtualWindow<HTMLDivElement>({
    count: indexes.length,
    rowHeight: ROW_HEIGHT,
    headerHeight: HEADER_HEIGHT,
  })

  if (indexes.length === 0) return <p className="empty">{t('inspector.chunks.empty')}</p>
  const rows: ReactNode[] = []
  for (let r = start; r < end; r++) {
    const i = indexes[r] ?? 0
    const chunk: ChunkInfo | undefined = chunks[i]
    if (!chunk) continue
    const previous = i > 0 ? chunks[i - 1] : undefined
    const isIn = chunk.direction === 'in'
    rows.push(
      <tr key={i} className={`dir-${chunk.direction}`}>
        <td className="num">{i + 1}</td>
        <td>
          <span className="dir-badge">{t(isIn ? 'inspector.dir.in' : 'inspector.dir.out')}</span>
        </td>
        <td className="num">
          {formatNumber(lang, chunk.size)}
          {chunk.kept < chunk.size && (
            <span className="muted">
              {' '}
              ({t('inspector.chunks.partlyKept', { kept: chunk.kept })})
            </span>
          )}
        </td>
        <td className="num">{formatFixed(lang, chunk.mono - acceptedMono, 1)}</td>
        <td className="num">{previous ? formatFixed(lang, chunk.mono - previous.mono, 1) : '—'}</td>
      </tr>,
    )
  }
  return (
    <div className="chunks">
      <p className="chunks-caption">{t('inspector.chunks.caption')}</p>
      <div className="table-scroll" ref={ref} onScroll={onScroll}>
        <table className="chunks-table">
          <thead>
            <tr>
              <th scope="col">{t('inspector.chunks.number')}</th>
              <th scope="col">{t('inspector.chunks.direction')}</th>
              <th scope="col">{t('inspector.chunks.size')}</th>
              <th scope="col">{t('inspector.chunks.sinceAccept')}</th>
              <th scope="col">{t('inspector.chunks.sincePrevious')}</th>
            </tr>
          </thead>
          <tbody>
            {padTop > 0 && (
              <tr className="spacer" aria-hidden="true">
                <td colSpan={5} style={{ height: padTop }} />
              </tr>
            )}
            {rows}
            {padBottom > 0 && (
              <tr className="spacer" aria-hidden="true">
                <td colSpan={5} style={{ height: padBottom }} />
              </tr>
            )}
          </tbody>
        </table>
      </div>
    </div>
  )
}
