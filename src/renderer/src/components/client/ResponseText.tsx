/**
 * The Text view of a response the client received: decoded as UTF-8 the way the stream view's
 * Text shows bytes (control and invalid bytes boxed), the findings' bytes marked.
 */
import { useMemo, type ReactNode } from 'react'
import { assertNever } from '../../../../shared/result'
import {
  charIndexOfOffset,
  extendLineStarts,
  lineRange,
  tokenizeSpans,
  type SpanToken,
} from '../../bytes-format'
import { useI18n, type Translate } from '../../i18n/context'
import { withMarks, type Marked } from './response-marks'

/** A text token cut where marks start and end, so each piece is inside one mark or none. */
function cutToken(bytes: Uint8Array, token: SpanToken, marks: readonly Marked[]): SpanToken[] {
  if (token.kind !== 'text') return [token]
  const cuts = marks
    .flatMap((m) => [m.start, m.end])
    .filter((at) => at > token.from && at < token.to)
    .sort((a, b) => a - b)
  if (cuts.length === 0) return [token]
  const pieces: SpanToken[] = []
  let from = token.from
  let index = 0
  for (const at of [...cuts, token.to]) {
    if (at <= from) continue
    const next = charIndexOfOffset(bytes, token, at, 'utf-8')
    pieces.push({ kind: 'text', text: token.text.slice(index, next), from, to: at })
    from = at
    index = next
  }
  return pieces
}

/** A token as the stream view's Text shows it: control and invalid bytes boxed. */
function tokenNode(t: Translate, token: SpanToken): ReactNode {
  switch (token.kind) {
    case 'text':
      return <span>{token.text}</span>
    case 'control':
      return (
        <span className="token control" title={t('stream.control')}>
          {token.text}
        </span>
      )
    case 'invalid':
      return (
        <span className="token invalid" title={t('stream.invalid')}>
          {token.text}
        </span>
      )
    case 'backslash':
      return (
        <span className="token backslash" title={t('inspector.text.backslash')}>
          {token.text}
        </span>
      )
    default:
      return assertNever(token)
  }
}

/** A response as UTF-8 text, a row per line, control and invalid bytes boxed, findings marked. */
export function ResponseText({
  bytes,
  marks,
  active,
}: {
  bytes: Uint8Array
  marks: readonly Marked[]
  active: number | null
}): ReactNode {
  const { t } = useI18n()
  const starts = useMemo(() => extendLineStarts(bytes, bytes.length), [bytes])
  return (
    <div className="client-bytes client-text">
      {starts.map((_, line) => {
        const [start, end] = lineRange(starts, line, bytes.length)
        const pieces = tokenizeSpans(bytes, start, end, 'utf-8').flatMap((token) =>
          cutToken(bytes, token, marks),
        )
        return (
          <div key={start} className="client-bytes-line">
            {withMarks(pieces, marks, active, (token) => tokenNode(t, token))}
          </div>
        )
      })}
    </div>
  )
}
