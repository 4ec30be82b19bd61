/**
 * The event log: newest at the bottom, virtualized, filtered by kind and text. Long lines wrap
 * (the window measures each row). It follows new entries until the user scrolls up; then it says
 * so, counts what arrived below, and offers a jump back to the newest.
 */
import { useDeferredValue, useMemo, useRef, useState, type ReactNode, type UIEvent } from 'react'
import { assertNever } from '../../../../shared/result'
import { useFollowBottom } from '../../hooks/use-follow-bottom'
import { useMeasuredWindow } from '../../hooks/use-measured-window'
import { useI18n, type Translate } from '../../i18n/context'
import type { Lang } from '../../i18n/translate'
import type { LogEntry, LogMessage } from '../../state/log'
import { filterKindOf, type LogFilterKind } from '../../state/log-filter'
import { logRows, type LogBurst, type LogRow } from '../../state/log-bursts'
import { targetLineText } from '../../target-text'
import { formatClock, formatDuration } from '../../time-format'
import { LogFilters } from './LogFilters'

/** The height of a one-line row in px (`.log-row` in the stylesheet); wrapped rows are taller. */
export const LOG_ROW_HEIGHT = 22

const MIB = 1024 * 1024

/** The book's program output for every accepted connection: never translated. */
export const CONNECTION_ESTABLISHED = 'Connection established!'

function closedText(t: Translate, m: Extract<LogMessage, { kind: 'closed' }>): string {
  const number = String(m.connectionNumber)
  if (m.isFoundByProbe === true) {
    const code = m.errorCode ?? '?'
    return m.reason === 'reset'
      ? t('workspace.log.resetFound', { number, code })
      : t('workspace.log.goneFound', { number, code })
  }
  if (m.reason === 'us-reset') return t('workspace.log.usReset', { number })
  if (m.reason === 'reset')
    return m.errorCode
      ? t('workspace.log.resetCode', { number, code: m.errorCode })
      : t('workspace.log.reset', { number })
  const reason = t(`reason.${m.reason}`)
  return m.errorCode
    ? t('log.closedCode', { number, reason, code: m.errorCode })
    : t('log.closed', { number, reason })
}

function acceptFailedText(t: Translate, m: Extract<LogMessage, { kind: 'accept-failed' }>): string {
  const count = String(m.failures)
  if (m.isAtCapacity && m.remote !== null && m.limit !== null)
    return t('workspace.log.refusedAtLimit', {
      remote: m.remote,
      code: m.code,
      limit: String(m.limit),
      count,
    })
  return t('workspace.log.acceptFailed', { code: m.code, count })
}

function messageText(t: Translate, m: LogMessage): ReactNode {
  switch (m.kind) {
    case 'connection-established':
      if (!m.isBookLine)
        return t('log.accepted', { number: String(m.connectionNumber), remote: m.remote })
      return (
        <>
          <span className="program-output" title={t('log.programOutput')}>
            {CONNECTION_ESTABLISHED}
          </span>{' '}
          <span className="muted">
            {t('log.connectionDetail', { number: String(m.connectionNumber), remote: m.remote })}
          </span>
        </>
      )
    case 'listening':
      return t('log.listening', { address: m.address })
    case 'stopped':
      return t('log.stopped')
    case 'bind-failed':
      return t('log.bindFailed', { address: m.address, code: m.rawCode })
    case 'peer-ended':
      return t('log.peerEnded', { number: String(m.connectionNumber) })
    case 'we-ended':
      return t('workspace.log.weEnded', { number: String(m.connectionNumber) })
    case 'closed':
      return closedText(t, m)
    case 'accept-failed':
      return acceptFailedText(t, m)
    case 'echo-capped':
      return t('workspace.log.echoCapped', {
        number: String(m.connectionNumber),
        limit: String(Math.round(m.limit / MIB)),
      })
    case 'dropped':
      return m.remote ? t('log.dropped', { remote: m.remote }) : t('log.droppedUnknown')
    case 'target':
      return targetLineText(t, m.connectionNumber, m.line)
    case 'program':
      return (
        <>
          <span className="program-output" title={t('log.programOutput')}>
            {m.text}
          </span>
          {m.connectionNumber !== null && (
            <>
              {' '}
              <span className="muted">
                {t('stages.log.connection', { number: String(m.connectionNumber) })}
              </span>
            </>
          )}
        </>
      )
    default:
      return assertNever(m)
  }
}

/** The whole line as plain text, as the search sees it. */
function messageTitle(t: Translate, m: LogMessage): string {
  if (m.kind === 'connection-established' && m.isBookLine)
    return `${CONNECTION_ESTABLISHED} ${t('log.connectionDetail', { number: String(m.connectionNumber), remote: m.remote })}`
  if (m.kind === 'program')
    return m.connectionNumber === null
      ? m.text
      : `${m.text} ${t('stages.log.connection', { number: String(m.connectionNumber) })}`
  const text = messageText(t, m)
  return typeof text === 'string' ? text : ''
}

/** A CSS class per line kind; resets stand out from ordinary closes, as the target's failures. */
function rowClass(m: LogMessage): string {
  const reset = m.kind === 'closed' && m.reason === 'reset' ? ' log-closed-reset' : ''
  const failed = m.kind === 'target' && m.line.change === 'failed' ? ' log-target-failed' : ''
  return `log-row log-${m.kind}${reset}${failed}`
}

// Entries never change, so a line's searchable text is worded once per language.
const searchTexts = new Map<Lang, WeakMap<LogEntry, string>>()

function searchText(t: Translate, lang: Lang, entry: LogEntry): string {
  let texts = searchTexts.get(lang)
  if (!texts) searchTexts.set(lang, (texts = new WeakMap()))
  let text = texts.get(entry)
  if (text === undefined) {
    const listener =
      entry.listenerNumber > 0 ? t('log.listener', { number: String(entry.listenerNumber) }) : ''
    text = `${formatClock(entry.at)} ${listener} ${messageTitle(t, entry.message)}`.toLowerCase()
    texts.set(entry, text)
  }
  return text
}

/** The entries shown: kinds not hidden, text containing the query (any case). */
function filterEntries(
  entries: readonly LogEntry[],
  hidden: ReadonlySet<LogFilterKind>,
  query: string,
  t: Translate,
  lang: Lang,
): readonly LogEntry[] {
  const needle = query.trim().toLowerCase()
  if (hidden.size === 0 && needle === '') return entries
  return entries.filter(
    (e) =>
      !hidden.has(filterKindOf(e.message)) &&
      (needle === '' || searchText(t, lang, e).includes(needle)),
  )
}

const entryId = (entry: LogEntry): number => entry.id

/** A row's key in the window: an entry's id; a burst's first id, negated (its lines may show). */
const rowKey = (row: LogRow | undefined): number =>
  row === undefined ? -1 : row.kind === 'entry' ? row.entry.id : -row.burst.id - 1

/** A line's time and listener (L1), the first two columns of every row. */
function LineStart({ at, listenerNumber }: { at: number; listenerNumber: number }): ReactNode {
  const { t } = useI18n()
  return (
    <>
      <span className="log-time mono">{formatClock(at)}</span>
      {listenerNumber > 0 ? (
        <abbr
          className="log-listener"
          title={t('log.listener', { number: String(listenerNumber) })}
        >
          {t('log.listenerShort', { number: String(listenerNumber) })}
        </abbr>
      ) : (
        <span />
      )}
    </>
  )
}

function BurstRow({
  burst,
  isOpen,
  rowKeyValue,
  onToggle,
}: {
  burst: LogBurst
  isOpen: boolean
  rowKeyValue: number
  onToggle: (id: number) => void
}): ReactNode {
  const { t } = useI18n()
  return (
    <li className="log-row log-burst" data-row-key={rowKeyValue}>
      <LineStart at={burst.from} listenerNumber={burst.listenerNumber} />
      <span className="log-message" title={t('workspace.log.burstTitle')}>
        <strong>
          {t('workspace.log.burst', {
            count: burst.accepted,
            // A burst is often over in milliseconds: "0.0 s" would say nothing.
            duration:
              burst.to - burst.from < 1000
                ? t('workspace.log.burstMs', { ms: String(Math.max(1, burst.to - burst.from)) })
                : formatDuration(t, burst.to - burst.from),
          })}
        </strong>{' '}
        <span className="muted">
          {t('workspace.log.burstDetail', {
            peerEnded: String(burst.peerEnded),
            closed: String(burst.closed),
            resets: String(burst.resets),
          })}
        </span>{' '}
        <button
          type="button"
          className="small"
          aria-expanded={isOpen}
          onClick={() => onToggle(burst.id)}
        >
          {isOpen
            ? t('workspace.log.burstHide')
            : t('workspace.log.burstShow', { count: burst.entries.length })}
        </button>
      </span>
    </li>
  )
}

/** `<section aria-label="Event log">`. */
export function EventLog({ entries }: { entries: readonly LogEntry[] }): ReactNode {
  const { t, lang } = useI18n()
  const [hidden, setHidden] = useState<ReadonlySet<LogFilterKind>>(() => new Set())
  const [query, setQuery] = useState('')
  // Typing stays responsive while thousands of lines are searched.
  const deferredQuery = useDeferredValue(query)
  const shown = useMemo(
    () => filterEntries(entries, hidden, deferredQuery, t, lang),
    [entries, hidden, deferredQuery, t, lang],
  )
  // Bursts open to show their lines; a search shows the matching lines themselves.
  const [openBursts, setOpenBursts] = useState<ReadonlySet<number>>(() => new Set())
  const isSearching = deferredQuery.trim() !== ''
  const rows = useMemo(
    (): readonly LogRow[] =>
      isSearching
        ? shown.map((entry) => ({ kind: 'entry', entry, inBurst: false }))
        : logRows(shown, openBursts),
    [shown, openBursts, isSearching],
  )
  const toggleBurst = (id: number): void =>
    setOpenBursts((open) => {
      const next = new Set(open)
      if (!next.delete(id)) next.add(id)
      return next
    })
  const ref = useRef<HTMLDivElement | null>(null)
  const follow = useFollowBottom({
    ref,
    items: shown,
    sequenceOf: entryId,
    slack: LOG_ROW_HEIGHT,
  })
  const { isFollowing, newCount, jump } = follow
  const win = useMeasuredWindow<HTMLDivElement>({
    ref,
    count: rows.length,
    keyAt: (index) => rowKey(rows[index]),
    estimate: LOG_ROW_HEIGHT,
    fallbackRows: 200,
    isFallbackAtEnd: true,
    isAtEnd: isFollowing,
  })
  const { start, end, padTop, padBottom } = win
  const onScroll = (e: UIEvent<HTMLDivElement>): void => {
    win.onScroll(e)
    follow.onScroll(e)
  }
  return (
    <section role="region" aria-label={t('log.title')} className="panel log">
      <header className="panel-header">
        <h2>{t('log.title')}</h2>
        {!isFollowing && (
          <p role="status" className="log-paused">
            <span>
              {newCount > 0
                ? t('workspace.log.pausedNew', { count: newCount })
                : t('workspace.log.paused')}
            </span>
            <button type="button" className="small" onClick={jump}>
              {t('log.jump')}
            </button>
          </p>
        )}
      </header>
      <LogFilters
        hidden={hidden}
        onHiddenChange={setHidden}
        query={query}
        onQueryChange={setQuery}
        shown={shown.length}
        total={entries.length}
      />
      <div
        className="log-scroll"
        ref={ref}
        onScroll={onScroll}
        tabIndex={0}
        aria-label={t('log.title')}
      >
        {entries.length === 0 && <p className="empty">{t('log.empty')}</p>}
        {entries.length > 0 && shown.length === 0 && (
          <p className="empty">{t('workspace.log.noMatch')}</p>
        )}
        <div style={{ height: padTop }} aria-hidden="true" />
        <ol className="log-list">
          {rows.slice(start, end).map((row) => {
            if (row.kind === 'burst')
              return (
                <BurstRow
                  key={rowKey(row)}
                  burst={row.burst}
                  isOpen={row.isOpen}
                  rowKeyValue={rowKey(row)}
                  onToggle={toggleBurst}
                />
              )
            const { entry } = row
            return (
              <li
                key={entry.id}
                className={`${rowClass(entry.message)}${row.inBurst ? ' log-in-burst' : ''}`}
                data-row-key={entry.id}
              >
                <LineStart at={entry.at} listenerNumber={entry.listenerNumber} />
                <span className="log-message">{messageText(t, entry.message)}</span>
              </li>
            )
          })}
        </ol>
        <div style={{ height: padBottom }} aria-hidden="true" />
      </div>
    </section>
  )
}
