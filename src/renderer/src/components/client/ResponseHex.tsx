/**
 * The Hex view of a response the client received: offset, bytes and ASCII as the stream view's
 * Hex shows them, 8 bytes a line when the Client column is too narrow for 16, findings marked.
 */
import { useEffect, useState, type ReactNode, type RefObject } from 'react'
import { asciiChar, hex2, HEX_LINE_BYTES } from '../../bytes-format'
import { withMarks, type Marked } from './response-marks'

/** Bytes per Hex line where a full line of 16 does not fit: the Client column is narrow. */
const NARROW_HEX_BYTES = 8

/**
 * Hex digits of the offsets: 4 cover a response kept whole (at most 64 KiB), more only if a
 * longer one ever comes.
 */
function offsetDigits(length: number): number {
  return Math.max(4, Math.max(0, length - 1).toString(16).length)
}

/** Characters a Hex line of `perLine` bytes takes: offset, hex pairs, ASCII between bars. */
function hexLineChars(perLine: number): number {
  return 4 + 2 + perLine * 3 + 1 + perLine + 2
}

/**
 * 16 bytes per Hex line, as the stream view shows them, or 8 when the panel is too narrow for
 * 16 (measured with the width of its own monospace characters).
 */
export function useHexLineBytes(panel: RefObject<HTMLDivElement | null>): number {
  const [perLine, setPerLine] = useState(HEX_LINE_BYTES)
  useEffect(() => {
    const box = panel.current
    if (!box || typeof ResizeObserver === 'undefined') return
    const probe = document.createElement('span')
    probe.className = 'client-bytes client-hex'
    probe.style.position = 'absolute'
    probe.style.visibility = 'hidden'
    probe.textContent = '0'.repeat(10)
    box.append(probe)
    const charWidth = probe.getBoundingClientRect().width / 10
    probe.remove()
    if (charWidth <= 0) return
    const fit = (): void =>
      setPerLine(
        box.clientWidth >= hexLineChars(HEX_LINE_BYTES) * charWidth + 16
          ? HEX_LINE_BYTES
          : NARROW_HEX_BYTES,
      )
    fit()
    const observer = new ResizeObserver(fit)
    observer.observe(box)
    return () => observer.disconnect()
  }, [panel])
  return perLine
}

/** One Hex line: its offset, its bytes and their ASCII, marked bytes in both columns. */
function HexRow({
  bytes,
  offset,
  perLine,
  marks,
  active,
}: {
  bytes: Uint8Array
  offset: number
  perLine: number
  marks: readonly Marked[]
  active: number | null
}): ReactNode {
  const end = Math.min(offset + perLine, bytes.length)
  const cells = Array.from({ length: end - offset }, (_, i) => ({
    from: offset + i,
    byte: bytes[offset + i] ?? 0,
  }))
  const isMarked = marks.some((m) => m.start < end && m.end > offset)
  const pad = ' '.repeat((perLine - cells.length) * 3)
  return (
    <div className="client-bytes-line">
      <span className="hex-offset">
        {offset.toString(16).padStart(offsetDigits(bytes.length), '0')}
      </span>
      {'  '}
      <span className="hex-bytes">
        {isMarked
          ? withMarks(cells, marks, active, (cell) => `${hex2(cell.byte)} `)
          : cells.map((cell) => `${hex2(cell.byte)} `).join('')}
        {pad}
      </span>{' '}
      <span className="hex-ascii">
        |
        {isMarked
          ? withMarks(cells, marks, active, (cell) => asciiChar(cell.byte))
          : cells.map((cell) => asciiChar(cell.byte)).join('')}
        |
      </span>
    </div>
  )
}

/** A response in Hex, `perLine` bytes a line, findings marked in both columns. */
export function ResponseHex({
  bytes,
  perLine,
  marks,
  active,
}: {
  bytes: Uint8Array
  perLine: number
  marks: readonly Marked[]
  active: number | null
}): ReactNode {
  return (
    <div className="client-bytes client-hex">
      {Array.from({ length: Math.ceil(bytes.length / perLine) }, (_, line) => (
        <HexRow
          key={line}
          bytes={bytes}
          offset={line * perLine}
          perLine={perLine}
          marks={marks}
          active={active}
        />
      ))}
    </div>
  )
}
