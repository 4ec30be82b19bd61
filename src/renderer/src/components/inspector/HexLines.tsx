/**
 * The Hex view: the conversation as offset, 16 bytes in lowercase hex and an ASCII column,
 * virtualized by line, with block headers between directions.
 *
 * Offsets are those of the line's direction stream, lines aligned to 16. Each byte is a span
 * (`data-off`): a click selects it, shift+click extends, and the keyboard moves a cursor (see
 * use-byte-cursor); the selection, the cursor and marks (the end of an HTTP head) are highlighted
 * in both columns.
 */
import type { MouseEvent, ReactNode } from 'react'
import { asciiChar, hex2, HEX_LINE_BYTES } from '../../bytes-format'
import { isInRange, type ByteRange } from '../../conversation-layout'
import { useRequestVisible, useVisibleRanges } from '../../hooks/use-request-visible'
import { useByteRows } from '../../hooks/use-byte-rows'
import { useI18n } from '../../i18n/context'
import { BlockHeader } from './BlockHeader'
import { BYTE_LINE_HEIGHT, type ByteViewProps } from './byte-view'
import { DirectionGutter } from './DirectionGutter'

/** The virtualized lines of the Hex tab; `marks` get a distinct style (the CRLF CRLF boundary). */
export function HexLines({
  rows: { layout, count },
  source,
  selection: { range: selection, cursor, isCursorShown, scrollTarget, onSelect, onCursor, onClear },
  acceptedMono,
  marks,
}: ByteViewProps & { marks: readonly ByteRange[] }): ReactNode {
  const { t } = useI18n()
  const { ref, onScroll, start, end, padTop, padBottom, onKeyDown } = useByteRows({
    count,
    rowHeight: BYTE_LINE_HEIGHT,
    layout,
    scrollTarget,
    cursor,
    selection,
    onCursor,
    onClear,
  })

  const onMouseUp = (e: MouseEvent<HTMLDivElement>): void => {
    const target = e.target instanceof Element ? e.target : null
    const byte = target?.closest<HTMLElement>('[data-off]')
    const direction = target?.closest<HTMLElement>('[data-dir]')?.dataset.dir
    if (!byte || (direction !== 'in' && direction !== 'out')) return
    const offset = Number(byte.dataset.off)
    onSelect({ direction, start: offset, end: offset + 1 }, e.shiftKey)
  }

  const rows: ReactNode[] = []
  const visible = useVisibleRanges()
  for (let index = start; index < end; index++) {
    const row = layout.row(index)
    if (!row) continue
    if (row.kind === 'block') {
      rows.push(<BlockHeader key={index} block={row.block} acceptedMono={acceptedMono} />)
      continue
    }
    const direction = row.block.direction
    const base = Math.floor(row.from / HEX_LINE_BYTES) * HEX_LINE_BYTES
    visible.add(direction, base, row.to)
    // The line's bytes from `base` (bytes before row.from belong to the previous block).
    const bytes = source.slice(direction, base, row.to)
    const hex: ReactNode[] = []
    const ascii: ReactNode[] = []
    for (let i = 0; i < HEX_LINE_BYTES; i++) {
      const offset = base + i
      const separator = i > 0 ? ' ' : ''
      if (offset < row.from || offset >= row.to) {
        hex.push(separator + '  ')
        ascii.push(' ')
        continue
      }
      const value = bytes?.[offset - base]
      if (value === undefined) {
        hex.push(separator + '··')
        ascii.push('·')
        continue
      }
      const classes = [
        isInRange(selection, direction, offset) ? 'selected-bytes' : '',
        marks.some((m) => isInRange(m, direction, offset)) ? 'marked-bytes' : '',
        isCursorShown && cursor && cursor.direction === direction && cursor.offset === offset
          ? 'cursor-byte'
          : '',
      ]
        .filter(Boolean)
        .join(' ')
      if (separator) hex.push(separator)
      hex.push(
        <span key={offset} data-off={offset} className={classes || undefined}>
          {hex2(value)}
        </span>,
      )
      ascii.push(
        <span key={offset} data-off={offset} className={classes || undefined}>
          {asciiChar(value)}
        </span>,
      )
    }
    rows.push(
      <div
        key={index}
        className={`line hex-line dir-${direction}`}
        data-dir={direction}
        data-row={index}
      >
        <DirectionGutter direction={direction} />
        <span className="hex-offset">{base.toString(16).padStart(8, '0')}</span>
        {'  '}
        <span className="hex-bytes">{hex}</span>
        {'  '}
        <span className="hex-ascii">|{ascii}|</span>
      </div>,
    )
  }
  useRequestVisible(source, visible)
  return (
    <div
      className="byte-lines"
      ref={ref}
      role="group"
      tabIndex={0}
      aria-label={t('inspector.bytes.hex')}
      aria-description={t('inspector.bytes.keys')}
      onKeyDown={onKeyDown}
      onScroll={onScroll}
      onMouseUp={onMouseUp}
    >
      <div style={{ height: padTop }} aria-hidden="true" />
      {rows}
      <div style={{ height: padBottom }} aria-hidden="true" />
    </div>
  )
}
