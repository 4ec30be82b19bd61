/**
 * The connections panel: its header with the count, the filters, "Close all", and the table of the
 * connections the filters let through.
 */
import { useCallback, useMemo, useState, type ReactNode } from 'react'
import { MAX_KEPT_CLOSED_CONNECTIONS } from '../../../../shared/contract'
import { useI18n } from '../../i18n/context'
import { formatNumber } from '../../i18n/translate'
import {
  filterConnections,
  isClosableWithFin,
  isFilterActive,
  NO_FILTER,
  type ConnectionFilter,
} from '../../state/connections-view'
import {
  selectConnectionIndex,
  selectConnections,
  selectForgottenConnections,
  selectListeners,
  selectSelectedConnectionId,
} from '../../state/selectors'
import { useAppState, useIsReadOnly, useStore } from '../../state/StoreContext'
import { CloseAllButton } from './CloseAllButton'
import { ConnectionFilters } from './ConnectionFilters'
import { ConnectionsTable } from './ConnectionsTable'

/** `<div class="panel connections-panel">`; the table inside is labelled "Connections". */
export function ConnectionsPanel(): ReactNode {
  const { t, lang } = useI18n()
  const isReadOnly = useIsReadOnly()
  const store = useStore()
  const connections = useAppState(selectConnections)
  const listeners = useAppState(selectListeners)
  const selectedId = useAppState(selectSelectedConnectionId)
  const acceptOrder = useAppState(selectConnectionIndex)
  const forgotten = useAppState(selectForgottenConnections)
  const [filter, setFilter] = useState<ConnectionFilter>(NO_FILTER)

  // A removed listener's filter would hide everything with no way to pick it again.
  const listenerId =
    filter.listenerId !== null && listeners.some((l) => l.id === filter.listenerId)
      ? filter.listenerId
      : null
  const effective = useMemo(() => ({ ...filter, listenerId }), [filter, listenerId])
  const shown = useMemo(() => filterConnections(connections, effective), [connections, effective])
  // From the newest back: open connections are the recent ones, so a burst's render stops at the
  // first instead of counting every connection kept.
  const hasClosable = useMemo(
    () =>
      connections.findLast(
        (c) => isClosableWithFin(c) && (listenerId === null || c.listenerId === listenerId),
      ) !== undefined,
    [connections, listenerId],
  )
  const onSelect = useCallback(
    (connectionId: string) => store.dispatch({ type: 'connection-selected', connectionId }),
    [store],
  )
  const listenerNumber =
    listenerId === null ? null : (listeners.find((l) => l.id === listenerId)?.number ?? null)

  return (
    <div className="panel connections-panel">
      <header className="panel-header">
        <h2>{t('connections.title')}</h2>
        <span className="muted">{t('connections.count', { count: connections.length })}</span>
        {/* Apart from the count, which scripts read as the first .muted of the header; they read
            the forgotten count from data-forgotten (shown + forgotten = every accept). */}
        {forgotten > 0 && (
          <span className="muted connections-forgotten" data-forgotten={forgotten}>
            {t('workspace.connections.forgotten', {
              count: forgotten,
              kept: formatNumber(lang, MAX_KEPT_CLOSED_CONNECTIONS),
            })}
          </span>
        )}
        {!isReadOnly && (
          <CloseAllButton
            listenerId={listenerId}
            listenerNumber={listenerNumber}
            hasClosable={hasClosable}
          />
        )}
      </header>
      <ConnectionFilters
        filter={effective}
        onChange={setFilter}
        listeners={listeners}
        shown={shown.length}
        total={connections.length}
      />
      <ConnectionsTable
        connections={shown}
        listeners={listeners}
        selectedId={selectedId}
        onSelect={onSelect}
        isFiltered={isFilterActive(effective)}
        acceptOrder={acceptOrder}
      />
    </div>
  )
}
