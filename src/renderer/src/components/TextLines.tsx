/**
 * The Text view: captured bytes decoded as UTF-8, one virtualized visual line per row, with
 * control characters and invalid bytes shown as boxed tokens.
 */
import type { ReactNode } from 'react'
import { lineRange, tokenize } from '../bytes-format'
import { useVirtualWindow } from '../hooks/use-virtual-window'
import { useI18n } from '../i18n/context'

/** Line height in px; `.byte-lines > div` in the stylesheet matches it. */
export const BYTE_LINE_HEIGHT = 20

export interface TextLinesProps {
  bytes: Uint8Array
  length: number
  lineStarts: readonly number[]
}

/** The virtualized lines of the Text tab. */
export function TextLines({ bytes, length, lineStarts }: TextLinesProps): ReactNode {
  const { t } = useI18n()
  const count = length === 0 ? 0 : lineStarts.length
  const { ref, onScroll, start, end, padTop, padBottom } = useVirtualWindow<HTMLDivElement>({
    count,
    rowHeight: BYTE_LINE_HEIGHT,
  })
  const rows: ReactNode[] = []
  for (let index = start; index < end; index++) {
    const [from, to] = lineRange(lineStarts, index, length)
    const tokens = tokenize(bytes, from, to)
    rows.push(
      <div key={index} className="line">
        {tokens.map((token, i) => {
          switch (token.kind) {
            case 'text':
              return <span key={i}>{token.text}</span>
            case 'control':
              return (
                <span key={i} className="token control" title={t('stream.control')}>
                  {token.text}
                </span>
              )
            case 'invalid':
              return (
                <span key={i} className="token invalid" title={t('stream.invalid')}>
                  {token.text}
                </span>
              )
            default:
              return null
          }
        })}
      </div>,
    )
  }
  return (
    <div className="byte-lines" ref={ref} onScroll={onScroll}>
      <div style={{ height: padTop }} aria-hidden="true" />
      {rows}
      <div style={{ height: padBottom }} aria-hidden="true" />
    </div>
  )
}
