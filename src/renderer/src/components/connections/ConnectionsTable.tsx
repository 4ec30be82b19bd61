/**
 * Every accepted connection (as filtered above it) in a virtualized table; a row chosen by click or
 * keyboard is the one the stream view shows. Rows that received nothing for a while carry an idle
 * badge.
 */
import { useMemo, useRef, type KeyboardEvent, type ReactNode, type UIEvent } from 'react'
import { formatHostPort } from '../../../../shared/address'
import {
  MAX_UNSENT_BYTES,
  type ConnectionSnapshot,
  type ListenerSnapshot,
} from '../../../../shared/contract'
import { assertNever } from '../../../../shared/result'
import { useNow } from '../../hooks/use-now'
import { useFollowBottom } from '../../hooks/use-follow-bottom'
import { useVirtualWindow } from '../../hooks/use-virtual-window'
import { useI18n, type Translate } from '../../i18n/context'
import type { ConnectionIndex } from '../../state/connection-index'
import { isIdle } from '../../state/connections-view'
import { byteTitle, shortBytes } from '../../byte-count'
import type { Lang } from '../../i18n/translate'
import { formatClock, formatDuration } from '../../time-format'

/** Row height in px: the stylesheet's `.connections tr` matches it. */
export const CONNECTION_ROW_HEIGHT = 28
/** The sticky header's height in px (`.connections th`: room for a header on two lines). */
const HEADER_HEIGHT = 34

export interface ConnectionsTableProps {
  connections: readonly ConnectionSnapshot[]
  listeners: readonly ListenerSnapshot[]
  selectedId: string | null
  onSelect: (connectionId: string) => void
  /** Some connections are filtered out: an empty table says no row matches. */
  isFiltered?: boolean
  /** Wall-clock ms to measure durations and idleness against (tests); live time when absent. */
  now?: number
  /**
   * Each connection's place in accept order across all of them (the store's index), so that new
   * rows can be counted under a filter; positions in `connections` when absent.
   */
  acceptOrder?: Pick<ConnectionIndex, 'placeOf'>
}

const COLUMNS = 9

/** The state column's text: open, peer ended, closed: reason; and where the echo stopped. */
export function connectionStateText(t: Translate, c: ConnectionSnapshot): string {
  const text = stateText(t, c)
  if (c.isEchoCapped !== true) return text
  const limit = String(MAX_UNSENT_BYTES / (1024 * 1024))
  return t('workspace.connections.echoCapped', { state: text, limit })
}

function stateText(t: Translate, c: ConnectionSnapshot): string {
  switch (c.state) {
    case 'open':
      return t('connections.state.open')
    case 'peer-ended':
      return t('connections.state.peer-ended')
    case 'we-ended':
      return t('workspace.connections.state.we-ended')
    case 'closed': {
      const reason = c.closeReason ? t(`reason.${c.closeReason}`) : '?'
      const withCode = c.errorCode ? `${reason} (${c.errorCode})` : reason
      const text = t('connections.state.closed', { reason: withCode })
      return c.isFoundByProbe === true
        ? t('workspace.connections.state.foundByProbe', { state: text })
        : text
    }
    default:
      return assertNever(c.state)
  }
}

/** A byte count in its narrow column: seven characters in a smaller font, the exact count in the title. */
function ByteCell({ t, lang, bytes }: { t: Translate; lang: Lang; bytes: number }): ReactNode {
  const text = shortBytes(t, lang, bytes)
  return (
    <td className={text.length > 6 ? 'num mono long' : 'num mono'} title={byteTitle(t, bytes)}>
      {text}
    </td>
  )
}

/** The connections table: `<table aria-label="Connections">`. */
export function ConnectionsTable({
  connections,
  listeners,
  selectedId,
  onSelect,
  isFiltered = false,
  now: fixedNow,
  acceptOrder,
}: ConnectionsTableProps): ReactNode {
  const { t, lang } = useI18n()
  const count = connections.length
  const ref = useRef<HTMLDivElement | null>(null)
  const sequenceOf = useMemo(() => {
    if (acceptOrder) return (c: ConnectionSnapshot): number => acceptOrder.placeOf(c.id) ?? -1
    const order = new Map(connections.map((c, i) => [c.id, i]))
    return (c: ConnectionSnapshot): number => order.get(c.id) ?? -1
  }, [acceptOrder, connections])
  const follow = useFollowBottom({
    ref,
    items: connections,
    sequenceOf,
    slack: CONNECTION_ROW_HEIGHT,
  })
  const win = useVirtualWindow<HTMLDivElement>({
    ref,
    count,
    rowHeight: CONNECTION_ROW_HEIGHT,
    headerHeight: HEADER_HEIGHT,
    isAtEnd: follow.isFollowing,
  })
  const { start, end, padTop, padBottom, scrollToIndex } = win
  const onScroll = (e: UIEvent<HTMLDivElement>): void => {
    win.onScroll(e)
    follow.onScroll(e)
  }
  const listenerNumbers = useMemo(
    () => new Map(listeners.map((l) => [l.id, l.number])),
    [listeners],
  )
  const visible = connections.slice(start, end)
  const isTicking = fixedNow === undefined && visible.some((c) => c.state !== 'closed')
  const liveNow = useNow(isTicking)
  const now = fixedNow ?? liveNow
  const selectedIndex = useMemo(
    () => (selectedId === null ? -1 : connections.findIndex((c) => c.id === selectedId)),
    [connections, selectedId],
  )

  const move = (index: number): void => {
    const target = connections[Math.max(0, Math.min(count - 1, index))]
    if (!target) return
    onSelect(target.id)
    scrollToIndex(Math.max(0, Math.min(count - 1, index)))
  }

  const onKeyDown = (e: KeyboardEvent<HTMLTableSectionElement>): void => {
    const page = Math.max(
      1,
      Math.floor((ref.current?.clientHeight ?? 0) / CONNECTION_ROW_HEIGHT) - 1,
    )
    const from = selectedIndex < 0 ? -1 : selectedIndex
    const keys: Record<string, number> = {
      ArrowDown: from + 1,
      ArrowUp: from - 1,
      PageDown: from + page,
      PageUp: from - page,
      Home: 0,
      End: count - 1,
    }
    const target = keys[e.key]
    if (target === undefined) return
    e.preventDefault()
    move(target)
    // Keep focus on the selected row as it moves (it may only now be rendered).
    requestAnimationFrame(() => {
      const row = ref.current?.querySelector<HTMLElement>('tr[aria-selected="true"]')
      row?.focus()
    })
  }

  return (
    <>
      {!follow.isFollowing && (
        <p role="status" className="log-paused table-paused">
          <span>
            {follow.newCount > 0
              ? t('inspector.table.pausedNew', { count: follow.newCount })
              : t('inspector.table.paused')}
          </span>
          <button type="button" className="small" onClick={follow.jump}>
            {t('log.jump')}
          </button>
        </p>
      )}
      <div className="table-scroll" ref={ref} onScroll={onScroll} tabIndex={-1}>
        <table
          className="connections"
          aria-label={t('connections.title')}
          aria-rowcount={count + 1}
        >
          <thead>
            <tr aria-rowindex={1}>
              <th scope="col">{t('connections.col.listener')}</th>
              <th scope="col">{t('connections.col.number')}</th>
              <th scope="col">{t('connections.col.remote')}</th>
              <th scope="col">{t('connections.col.local')}</th>
              <th scope="col">{t('connections.col.acceptedAt')}</th>
              <th scope="col" className="num col-bytes-in">
                {t('connections.col.bytesIn')}
              </th>
              <th scope="col" className="num col-bytes-out">
                {t('workspace.connections.col.bytesOut')}
              </th>
              <th scope="col" className="col-state">
                {t('connections.col.state')}
              </th>
              <th scope="col" className="num col-duration">
                {t('connections.col.duration')}
              </th>
            </tr>
          </thead>
          <tbody onKeyDown={onKeyDown}>
            {padTop > 0 && (
              <tr aria-hidden="true" className="spacer" style={{ height: padTop }}>
                <td colSpan={COLUMNS} />
              </tr>
            )}
            {visible.map((c, i) => {
              const index = start + i
              const isSelected = c.id === selectedId
              const isFocusable = isSelected || (selectedIndex < 0 && index === start)
              const end = c.state === 'closed' && c.closedAt !== null ? c.closedAt : now
              const stateText = connectionStateText(t, c)
              const idle = isIdle(c, now)
              // Keyed by place in the window: as the window moves (a burst, following the end),
              // rows are updated in place instead of made anew, so a commit lays out less.
              return (
                <tr
                  key={i}
                  aria-rowindex={index + 2}
                  aria-selected={isSelected}
                  tabIndex={isFocusable ? 0 : -1}
                  className={`state-${c.state}${idle ? ' idle' : ''}${isSelected ? ' selected' : ''}`}
                  onClick={() => onSelect(c.id)}
                  onKeyDown={(e) => {
                    if (e.key === 'Enter' || e.key === ' ') {
                      e.preventDefault()
                      onSelect(c.id)
                    }
                  }}
                >
                  <td>{listenerNumbers.get(c.listenerId) ?? '–'}</td>
                  <td className="mono">{c.number}</td>
                  <td className="mono">{formatHostPort(c.remote.address, c.remote.port)}</td>
                  <td className="mono">{formatHostPort(c.local.address, c.local.port)}</td>
                  <td className="mono">{formatClock(c.acceptedAt)}</td>
                  <ByteCell t={t} lang={lang} bytes={c.bytesIn} />
                  <ByteCell t={t} lang={lang} bytes={c.bytesOut} />
                  <td title={stateText}>
                    {idle && (
                      <span className="idle-badge" title={t('workspace.connections.idleTitle')}>
                        {t('workspace.connections.idle')}
                      </span>
                    )}
                    {stateText}
                  </td>
                  <td className="num mono">{formatDuration(t, end - c.acceptedAt)}</td>
                </tr>
              )
            })}
            {padBottom > 0 && (
              <tr aria-hidden="true" className="spacer" style={{ height: padBottom }}>
                <td colSpan={COLUMNS} />
              </tr>
            )}
          </tbody>
        </table>
        {count === 0 && (
          <p className="empty">
            {isFiltered ? t('workspace.connections.noMatch') : t('connections.empty')}
          </p>
        )}
      </div>
    </>
  )
}
