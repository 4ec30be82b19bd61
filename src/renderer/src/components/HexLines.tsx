/**
 * The Hex view: offset, 16 bytes in lowercase hex and an ASCII column, virtualized by line.
 */
import type { ReactNode } from 'react'
import { HEX_LINE_BYTES, hexLine, hexLineCount } from '../bytes-format'
import { useVirtualWindow } from '../hooks/use-virtual-window'
import { BYTE_LINE_HEIGHT } from './TextLines'

/** The virtualized lines of the Hex tab. */
export function HexLines({ bytes, length }: { bytes: Uint8Array; length: number }): ReactNode {
  const count = hexLineCount(length)
  const { ref, onScroll, start, end, padTop, padBottom } = useVirtualWindow<HTMLDivElement>({
    count,
    rowHeight: BYTE_LINE_HEIGHT,
  })
  const rows: ReactNode[] = []
  for (let index = start; index < end; index++) {
    const line = hexLine(bytes, index * HEX_LINE_BYTES, length)
    rows.push(
      <div key={index} className="line hex-line">
        <span className="hex-offset">{line.offset}</span>
        {'  '}
        <span className="hex-bytes">{line.hex}</span>
        {'  '}
        <span className="hex-ascii">|{line.ascii}|</span>
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
