/**
 * The Text view: the conversation decoded as UTF-8 or Latin-1, one virtualized visual line per
 * row, block headers between directions, control characters and invalid bytes as boxed tokens.
 *
 * Every token carries its byte range (`data-from`/`data-to`), so a click, a shift+click or a DOM
 * selection maps back to stream offsets, and the shared selection is highlighted byte-exactly.
 */
import type { MouseEvent, ReactNode } from 'react'
import type { Direction } from '../../../../shared/contract'
import { assertNever } from '../../../../shared/result'
import {
  charIndexOfOffset,
  offsetOfCharIndex,
  tokenizeSpans,
  type Decoding,
  type SpanToken,
} from '../../bytes-format'
import type { ByteRange } from '../../conversation-layout'
import { useRequestVisible, useVisibleRanges } from '../../hooks/use-request-visible'
import { useByteRows } from '../../hooks/use-byte-rows'
import { useI18n } from '../../i18n/context'
import type { ByteSource } from '../../state/capture-pager'
import { BlockHeader } from './BlockHeader'
import { BYTE_LINE_HEIGHT, type ByteViewProps } from './byte-view'
import { DirectionGutter } from './DirectionGutter'

/**
 * Splits a text token where `range` (the selection, the cursor's byte) starts and ends, so the
 * part inside is its own span.
 */
function splitAtRange(
  bytes: Uint8Array,
  token: SpanToken,
  range: ByteRange | null,
  direction: Direction,
  decoding: Decoding,
): { token: SpanToken; isIn: boolean }[] {
  if (!range || range.direction !== direction) return [{ token, isIn: false }]
  const start = Math.max(token.from, range.start)
  const end = Math.min(token.to, range.end)
  if (start >= end) return [{ token, isIn: false }]
  if (token.kind !== 'text') return [{ token, isIn: true }]
  const a = charIndexOfOffset(bytes, token, start, decoding)
  const b = charIndexOfOffset(bytes, token, end, decoding)
  const parts: { token: SpanToken; isIn: boolean }[] = []
  const push = (from: number, to: number, i: number, j: number, isIn: boolean): void => {
    if (from < to)
      parts.push({ token: { kind: 'text', text: token.text.slice(i, j), from, to }, isIn })
  }
  push(token.from, start, 0, a, false)
  push(start, end, a, b, true)
  push(end, token.to, b, token.text.length, false)
  return parts
}

/** The stream offset a DOM position (node + offset) inside a token span stands for. */
function offsetAt(
  node: Node | null,
  index: number,
  source: ByteSource,
  decoding: Decoding,
): { direction: Direction; offset: number } | null {
  const element = node instanceof Element ? node : (node?.parentElement ?? null)
  const span = element?.closest<HTMLElement>('[data-from]')
  const line = element?.closest<HTMLElement>('[data-dir]')
  const direction = line?.dataset.dir
  if (!span || !line || (direction !== 'in' && direction !== 'out')) return null
  const from = Number(span.dataset.from)
  const to = Number(span.dataset.to)
  const token: SpanToken =
    span.dataset.kind === 'text'
      ? { kind: 'text', text: span.textContent ?? '', from, to }
      : { kind: 'control', text: '', codePoint: 0, from, to }
  const isTextNode = node !== null && node.nodeType === Node.TEXT_NODE
  // Token offsets are the stream's; the row's bytes start at its own `from` (data-base).
  const base = Number(line.dataset.base)
  const bytes = source.slice(direction, base, Number(line.dataset.end))
  const local = { ...token, from: from - base, to: to - base }
  const offset =
    isTextNode && bytes
      ? base + offsetOfCharIndex(bytes, local, index, decoding)
      : index === 0
        ? from
        : to
  return { direction, offset }
}

/** The virtualized lines of the Text tab. */
export function TextLines({
  rows: { layout, count },
  source,
  selection: { range: selection, cursor, isCursorShown, scrollTarget, onSelect, onCursor, onClear },
  acceptedMono,
  decoding,
}: ByteViewProps & { decoding: Decoding }): ReactNode {
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
    const selected = window.getSelection()
    if (selected && !selected.isCollapsed && selected.anchorNode && selected.focusNode) {
      const a = offsetAt(selected.anchorNode, selected.anchorOffset, source, decoding)
      const b = offsetAt(selected.focusNode, selected.focusOffset, source, decoding)
      if (!a) return
      const other = b && b.direction === a.direction ? b.offset : a.offset
      const range = {
        direction: a.direction,
        start: Math.min(a.offset, other),
        end: Math.max(a.offset, other),
      }
      if (range.end > range.start) {
        selected.removeAllRanges()
        onSelect(range, false)
      }
      return
    }
    const target = e.target instanceof Element ? e.target : null
    const span = target?.closest<HTMLElement>('[data-from]')
    const direction = target?.closest<HTMLElement>('[data-dir]')?.dataset.dir
    if (!span || (direction !== 'in' && direction !== 'out')) return
    onSelect(
      { direction, start: Number(span.dataset.from), end: Number(span.dataset.to) },
      e.shiftKey,
    )
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
    visible.add(direction, row.from, row.to)
    // Work on the row's own bytes (local offsets), then shift back to stream offsets.
    const base = row.from
    const bytes = source.slice(direction, row.from, row.to)
    const toLocal = (range: ByteRange | null): ByteRange | null =>
      range && { ...range, start: range.start - base, end: range.end - base }
    const localSelection = toLocal(selection)
    const localCursor =
      isCursorShown && cursor
        ? toLocal({ direction: cursor.direction, start: cursor.offset, end: cursor.offset + 1 })
        : null
    const pieces = bytes
      ? tokenizeSpans(bytes, 0, bytes.length, decoding).flatMap((token) =>
          splitAtRange(bytes, token, localSelection, direction, decoding).flatMap((part) =>
            splitAtRange(bytes, part.token, localCursor, direction, decoding).map((piece) => ({
              token: piece.token,
              isSelected: part.isIn,
              isCursor: piece.isIn,
            })),
          ),
        )
      : []
    rows.push(
      <div
        key={index}
        className={`line dir-${direction}`}
        data-row={index}
        data-dir={direction}
        data-base={row.from}
        data-end={row.to}
      >
        <DirectionGutter direction={direction} />
        <span className="line-text">
          {!bytes && <span className="muted">…</span>}
          {pieces.map(({ token: shifted, isSelected, isCursor }) => {
            const token = { ...shifted, from: shifted.from + base, to: shifted.to + base }
            const common = {
              'data-from': token.from,
              'data-to': token.to,
              'data-kind': token.kind,
            }
            const selectedClass =
              (isSelected ? ' selected-bytes' : '') + (isCursor ? ' cursor-byte' : '')
            switch (token.kind) {
              case 'text':
                return (
                  <span key={token.from} {...common} className={selectedClass.trim() || undefined}>
                    {token.text}
                  </span>
                )
              case 'control':
                return (
                  <span
                    key={token.from}
                    {...common}
                    className={`token control${selectedClass}`}
                    title={t('stream.control')}
                  >
                    {token.text}
                  </span>
                )
              case 'invalid':
                return (
                  <span
                    key={token.from}
                    {...common}
                    className={`token invalid${selectedClass}`}
                    title={t('stream.invalid')}
                  >
                    {token.text}
                  </span>
                )
              case 'backslash':
                return (
                  <span
                    key={token.from}
                    {...common}
                    className={`token backslash${selectedClass}`}
                    title={t('inspector.text.backslash')}
                  >
                    {token.text}
                  </span>
                )
              default:
                return assertNever(token)
            }
          })}
        </span>
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
      aria-label={t('inspector.bytes.text')}
      aria-description={t('inspector.bytes.keys')}
      onKeyDown={onKeyDown}
      onScroll={onScroll}
      onMouseUp={onMouseUp}
      onMouseDown={(e) => {
        // Shift+click extends our selection; keep the browser from extending its own.
        if (e.shiftKey) e.preventDefault()
      }}
    >
      <div style={{ height: padTop }} aria-hidden="true" />
      {rows}
      <div style={{ height: padBottom }} aria-hidden="true" />
    </div>
  )
}
