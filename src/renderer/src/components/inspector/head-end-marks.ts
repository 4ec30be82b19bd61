/**
 * Where each HTTP head ends, marked in Hex: the empty line (CRLF CRLF, or bare LFs) that the
 * analysis found, as byte ranges.
 */
import type { ByteRange } from '../../conversation-layout'
import type { HttpAnalyses } from '../../hooks/use-http-analysis'
import type { CaptureView } from '../../state/capture-reader'

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
