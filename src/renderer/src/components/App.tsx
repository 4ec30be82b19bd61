/**
 * The whole window: header, the listener column, the connections table, the stream view and the
 * event log.
 */
import { useMemo, useState, type ReactNode } from 'react'
import { useI18n } from '../i18n/context'
import {
  selectConnection,
  selectConnections,
  selectIsLoaded,
  selectLink,
  selectListeners,
  selectLoadError,
  selectLog,
} from '../state/selectors'
import { useApi, useAppState } from '../state/StoreContext'
import { ConnectionsTable } from './ConnectionsTable'
import { DisconnectedBanner } from './DisconnectedBanner'
import { EventLog } from './EventLog'
import { LanguageSwitch } from './LanguageSwitch'
import { ListenerCard } from './ListenerCard'
import { StreamView } from './StreamView'

export interface AppProps {
  /** Browser mode: reopens the WebSocket and reloads the snapshot. Absent under Electron. */
  onReconnect?: () => void
}

/** The app's layout. */
export function App({ onReconnect }: AppProps): ReactNode {
  const { t } = useI18n()
  const api = useApi()
  const listeners = useAppState(selectListeners)
  const connections = useAppState(selectConnections)
  const log = useAppState(selectLog)
  const isLoaded = useAppState(selectIsLoaded)
  const loadError = useAppState(selectLoadError)
  const link = useAppState(selectLink)
  const [selectedId, setSelectedId] = useState<string | null>(null)
  const selector = useMemo(() => selectConnection(selectedId), [selectedId])
  const selected = useAppState(selector)
  const [isAdding, setAdding] = useState(false)

  const add = (): void => {
    setAdding(true)
    void api.addListener({}).finally(() => setAdding(false))
  }

  return (
    <div className="app">
      <header className="app-header">
        <h1>
          {t('app.name')} <span className="tagline">{t('app.tagline')}</span>
        </h1>
        <LanguageSwitch />
      </header>
      {link === 'closed' && onReconnect && <DisconnectedBanner onReconnect={onReconnect} />}
      {loadError && link === 'open' && (
        <p role="alert" className="banner">
          {t('app.loadFailed')}
        </p>
      )}
      <main className="layout">
        <aside className="listeners" aria-label={t('app.listeners')}>
          <div className="column-header">
            <h2>{t('app.listeners')}</h2>
            <button type="button" onClick={add} disabled={isAdding || !isLoaded}>
              {t('app.addListener')}
            </button>
          </div>
          {!isLoaded && !loadError && <p className="empty">{t('app.loading')}</p>}
          {isLoaded && listeners.length === 0 && <p className="empty">{t('app.noListeners')}</p>}
          {listeners.map((l) => (
            <ListenerCard key={l.id} listener={l} />
          ))}
        </aside>
        <div className="panel connections-panel">
          <header className="panel-header">
            <h2>{t('connections.title')}</h2>
            <span className="muted">{t('connections.count', { count: connections.length })}</span>
          </header>
          <ConnectionsTable
            connections={connections}
            listeners={listeners}
            selectedId={selectedId}
            onSelect={setSelectedId}
          />
        </div>
        <StreamView connection={selected} />
        <EventLog entries={log} />
      </main>
    </div>
  )
}
