/**
 * One request's response as it arrived, shown when its row is expanded: the kept bytes as Text
 * (UTF-8, control bytes and invalid bytes visible, as the stream view shows them) and Hex, and the
 * response linter's findings, each naming the bytes it is about and marking them in both views.
 *
 * The bytes are decoded only while the row is open; nothing here runs while a plan receives.
 */
import {
  Fragment,
  memo,
  useEffect,
  useId,
  useMemo,
  useRef,
  useState,
  type KeyboardEvent,
  type ReactNode,
  type RefObject,
} from 'react'
import type { ClientFinding, ClientResponse } from '../../../../shared/client-types'
import { assertNever } from '../../../../shared/result'
import {
  asciiChar,
  base64ToBytes,
  charIndexOfOffset,
  extendLineStarts,
  hex2,
  HEX_LINE_BYTES,
  lineRange,
  tokenizeSpans,
  type SpanToken,
} from '../../bytes-format'
import '../../client-results.css'
import { useI18n, type Translate } from '../../i18n/context'
import { tabForKey } from '../../tab-keys'

type View = 'text' | 'hex'

const VIEWS: readonly View[] = ['text', 'hex']

/** A finding's marked bytes, clipped to what was kept: `[start, end)`, finding `index`. */
interface Marked {
  index: number
  start: number
  end: number
}

/** One finding in the user's language. */
export function findingText(t: Translate, finding: ClientFinding): string {
  const w = finding.warning
  switch (w.code) {
    case 'status-line':
      return t('client.finding.status-line', { line: w.line })
    case 'bare-lf':
      return t('client.finding.bare-lf', { line: w.line })
    case 'no-blank-line':
      return t('client.finding.no-blank-line')
    case 'no-content-length':
      return t('client.finding.no-content-length')
    case 'bad-content-length':
      return t('client.finding.bad-content-length', { value: w.value })
    case 'length-short':
      return t('client.finding.length-short', { declared: w.declared, actual: w.actual })
    case 'length-long':
      return t('client.finding.length-long', { declared: w.declared, actual: w.actual })
    case 'close-delimited':
      return t('client.finding.close-delimited', { body: w.body })
    default:
      return assertNever(w)
  }
}

/** Where a finding is: `byte 15`, `bytes 33–34`, or the end for a point. */
export function findingPlace(t: Translate, finding: ClientFinding): string {
  if (finding.length === 0) return t('client.lint.where.end', { offset: finding.offset })
  if (finding.length === 1) return t('client.lint.where.byte', { offset: finding.offset })
  return t('client.lint.where.range', {
    from: finding.offset,
    to: finding.offset + finding.length - 1,
  })
}

/** The finding whose marked bytes hold `offset`, or undefined. */
function markAt(marks: readonly Marked[], offset: number): Marked | undefined {
  return marks.find((m) => offset >= m.start && offset < m.end)
}

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

/** Pieces in a row, those inside a finding's bytes wrapped in a mark. */
function withMarks<T extends { from: number }>(
  pieces: readonly T[],
  marks: readonly Marked[],
  active: number | null,
  render: (piece: T) => ReactNode,
): ReactNode[] {
  return pieces.map((piece) => {
    const mark = markAt(marks, piece.from)
    if (mark === undefined) return <Fragment key={piece.from}>{render(piece)}</Fragment>
    return (
      <mark
        key={piece.from}
        data-finding={mark.index}
        className={mark.index === active ? 'client-marked client-marked-active' : 'client-marked'}
      >
        {render(piece)}
      </mark>
    )
  })
}

function TextBytes({
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
function useHexLineBytes(panel: RefObject<HTMLDivElement | null>): number {
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

function HexBytes({
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

function Findings({
  n,
  response,
  active,
  onShow,
}: {
  n: number
  response: ClientResponse
  active: number | null
  onShow(index: number): void
}): ReactNode {
  const { t } = useI18n()
  if (!response.isHttp) return <p className="field-hint">{t('client.lint.notHttp')}</p>
  if (response.findings.length === 0) return <p className="client-lint-ok">{t('client.lint.ok')}</p>
  return (
    <div className="client-findings">
      <p>{t('client.lint.title')}</p>
      <ul aria-label={t('client.lint.list', { n })}>
        {response.findings.map((finding, index) => (
          <li key={index}>
            {findingText(t, finding)}{' '}
            {finding.length === 0 ? (
              <span className="client-place">({findingPlace(t, finding)})</span>
            ) : (
              <button
                type="button"
                className="small quiet client-place"
                aria-pressed={active === index}
                title={t('client.lint.where.hint')}
                onClick={() => onShow(index)}
              >
                {findingPlace(t, finding)}
              </button>
            )}
          </li>
        ))}
      </ul>
    </div>
  )
}

export interface ClientResponseViewProps {
  /** The request's number as its row shows it (#1, #2, …). */
  n: number
  response: ClientResponse
  /** Every byte received (bytesReceived); more than were kept when the response was cut. */
  received: number
}

/** The expanded response of a row: its size, Text and Hex tabs, and the linter's findings. */
export const ClientResponseView = memo(function ClientResponseView({
  n,
  response,
  received,
}: ClientResponseViewProps): ReactNode {
  const { t } = useI18n()
  const baseId = useId()
  const [view, setView] = useState<View>('text')
  const [active, setActive] = useState<number | null>(null)
  const tabRefs = useRef<Partial<Record<View, HTMLButtonElement | null>>>({})
  const panelRef = useRef<HTMLDivElement>(null)
  const hexLineBytes = useHexLineBytes(panelRef)
  const bytes = useMemo(() => base64ToBytes(response.base64), [response.base64])
  const marks = useMemo(
    () =>
      response.findings.flatMap((f, index): Marked[] => {
        const start = f.offset
        const end = Math.min(f.offset + f.length, bytes.length)
        return end > start ? [{ index, start, end }] : []
      }),
    [response.findings, bytes.length],
  )

  // The finding picked: scroll the panel's own box (vertically only, so the Hex offsets stay in
  // view) to bring its bytes into view; scrollIntoView would also move the page.
  useEffect(() => {
    const panel = panelRef.current
    const mark = active === null ? null : panel?.querySelector(`[data-finding="${active}"]`)
    if (!panel || !mark) return
    const box = panel.getBoundingClientRect()
    const at = mark.getBoundingClientRect()
    if (at.top < box.top || at.bottom > box.bottom)
      panel.scrollTop += at.top - box.top - box.height / 3
  }, [active, view])

  const onTabKey = (e: KeyboardEvent<HTMLDivElement>): void => {
    const next = tabForKey(VIEWS, view, e.key)
    if (!next) return
    e.preventDefault()
    setView(next)
    tabRefs.current[next]?.focus()
  }

  return (
    <section className="client-response" aria-label={t('client.response.region', { n })}>
      <p className="field-hint">
        {response.truncated
          ? t('client.response.truncated', { kept: bytes.length, total: received })
          : t('client.response.size', { count: received })}
      </p>
      <div
        role="tablist"
        aria-label={t('client.response.views')}
        className="tabs client-response-tabs"
        onKeyDown={onTabKey}
      >
        {VIEWS.map((name) => (
          <button
            key={name}
            ref={(el) => {
              tabRefs.current[name] = el
            }}
            type="button"
            role="tab"
            id={`${baseId}-tab-${name}`}
            aria-selected={view === name}
            aria-controls={`${baseId}-panel`}
            tabIndex={view === name ? 0 : -1}
            onClick={() => setView(name)}
          >
            {t(`client.response.${name}`)}
          </button>
        ))}
      </div>
      <div
        ref={panelRef}
        role="tabpanel"
        id={`${baseId}-panel`}
        aria-labelledby={`${baseId}-tab-${view}`}
        className="client-response-panel"
        tabIndex={0}
      >
        {view === 'text' ? (
          <TextBytes bytes={bytes} marks={marks} active={active} />
        ) : (
          <HexBytes bytes={bytes} perLine={hexLineBytes} marks={marks} active={active} />
        )}
      </div>
      {view === 'text' && <p className="field-hint">{t('client.response.textHint')}</p>}
      <Findings n={n} response={response} active={active} onShow={setActive} />
    </section>
  )
})
