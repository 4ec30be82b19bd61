/**
 * The event log: newest at the bottom, virtualized, following new entries until the user scrolls
 * up (then a button jumps back to the newest).
 */
import { useLayoutEffect, useRef, useState, type ReactNode, type UIEvent } from 'react'
import { assertNever } from '../../../shared/result'
import { useVirtualWindow } from '../hooks/use-virtual-window'
import { useI18n, type Translate } from '../i18n/context'
import type { LogEntry, LogMessage } from '../state/log'
import { formatClock } from '../time-format'

/** Row height in px; `.log-row` in the stylesheet matches it. */
export const LOG_ROW_HEIGHT = 22

/** The book's program output for every accepted connection: never translated. */
export const CONNECTION_ESTABLISHED = 'Connection established!'

function messageText(t: Translate, m: LogMessage): ReactNode {
  switch (m.kind) {
    case 'connection-established':
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
    case 'closed': {
      const reason = t(`reason.${m.reason}`)
      return m.errorCode
        ? t('log.closedCode', { number: String(m.connectionNumber), reason, code: m.errorCode })
        : t('log.closed', { number: String(m.connectionNumber), reason })
    }
    case 'dropped':
      return m.remote ? t('log.dropped', { remote: m.remote }) : t('log.droppedUnknown')
    default:
      return assertNever(m)
  }
}

/** The whole line as plain text, for the tooltip of a line cut short. */
function messageTitle(t: Translate, m: LogMessage): string {
  if (m.kind === 'connection-established')
    return `${CONNECTION_ESTABLISHED} ${t('log.connectionDetail', { number: String(m.connectionNumber), remote: m.remote })}`
  const text = messageText(t, m)
  return typeof text === 'string' ? text : ''
}

/** `<section aria-label="Event log">`. */
export function EventLog({ entries }: { entries: readonly LogEntry[] }): ReactNode {
  const { t } = useI18n()
  const win = useVirtualWindow<HTMLDivElement>({
    count: entries.length,
    rowHeight: LOG_ROW_HEIGHT,
    fallbackRows: 200,
    isFallbackAtEnd: true,
  })
  const [isFollowing, setFollowing] = useState(true)
  const programmatic = useRef(false)
  const { ref, onScroll: onWindowScroll } = win

  useLayoutEffect(() => {
    const el = ref.current
    if (!el || !isFollowing) return
    if (el.scrollTop + el.clientHeight < el.scrollHeight) {
      programmatic.current = true
      el.scrollTop = el.scrollHeight
    }
  }, [entries.length, isFollowing, ref])

  const onScroll = (e: UIEvent<HTMLDivElement>): void => {
    onWindowScroll(e)
    const el = e.currentTarget
    if (programmatic.current) {
      programmatic.current = false
      return
    }
    const atBottom = el.scrollTop + el.clientHeight >= el.scrollHeight - LOG_ROW_HEIGHT
    setFollowing(atBottom)
  }

  const { start, end, padTop, padBottom } = win

  return (
    <section role="region" aria-label={t('log.title')} className="panel log">
      <header className="panel-header">
        <h2>{t('log.title')}</h2>
        {!isFollowing && (
          <>
            <span className="muted">{t('log.paused')}</span>
            <button type="button" className="small" onClick={() => setFollowing(true)}>
              {t('log.jump')}
            </button>
          </>
        )}
      </header>
      <div
        className="log-scroll"
        ref={ref}
        onScroll={onScroll}
        tabIndex={0}
        aria-label={t('log.title')}
      >
        {entries.length === 0 && <p className="empty">{t('log.empty')}</p>}
        <div style={{ height: padTop }} aria-hidden="true" />
        <ol className="log-list">
          {entries.slice(start, end).map((entry) => (
            <li key={entry.id} className={`log-row log-${entry.message.kind}`}>
              <span className="log-time mono">{formatClock(entry.at)}</span>
              {entry.listenerNumber > 0 ? (
                <abbr
                  className="log-listener"
                  title={t('log.listener', { number: String(entry.listenerNumber) })}
                >
                  {t('log.listenerShort', { number: String(entry.listenerNumber) })}
                </abbr>
              ) : (
                <span />
              )}
              <span className="log-message" title={messageTitle(t, entry.message)}>
                {messageText(t, entry.message)}
              </span>
            </li>
          ))}
        </ol>
        <div style={{ height: padBottom }} aria-hidden="true" />
      </div>
    </section>
  )
}
