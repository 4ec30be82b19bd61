/**
 * The whole window: header, the listener column with the lesson, the connections table, the stream
 * view, and the event log sharing its column with the test client.
 */
import { useState, type ReactNode } from 'react'
import type { Session } from '../../../shared/session-file'
import { useApplySettings } from '../hooks/use-apply-settings'
import { useI18n } from '../i18n/context'
import {
  selectIsLoaded,
  selectLink,
  selectListeners,
  selectLoadError,
  selectLog,
  selectSelectedConnection,
} from '../state/selectors'
import { useApi, useAppState } from '../state/StoreContext'
import { ClientPanel } from './ClientPanel'
import { ConnectionsPanel } from './ConnectionsPanel'
import { DisconnectedBanner } from './DisconnectedBanner'
import { EventLog } from './EventLog'
import { FirstRunStrip } from './FirstRunStrip'
import { LanguageSwitch } from './LanguageSwitch'
import { LESSON_PANEL_ID, LessonPanel } from './LessonPanel'
import { ListenerCard } from './ListenerCard'
import { ProjectorToggle } from './ProjectorToggle'
import { SandboxNotice } from './SandboxNotice'
import { SettingsNotice } from './SettingsNotice'
import { StreamView } from './StreamView'
import { SessionBanner, type SessionBannerProps } from './SessionBanner'
import { SessionBar } from './SessionBar'
import { SideTabs } from './SideTabs'
import { TextSizeControls } from './TextSizeControls'
import { ThemeSwitch } from './ThemeSwitch'
import '../workspace.css'
import '../layout.css'

export interface AppProps {
  /** Browser mode: reopens the WebSocket and reloads the snapshot. Absent under Electron. */
  onReconnect?: () => void
  /** A saved session file was opened and checked. */
  onOpenSession?: (session: Session, file: string) => void
  /** Set while a saved session is shown instead of the live engine. */
  session?: SessionBannerProps
}

/** The app's layout. */
export function App({ onReconnect, onOpenSession, session }: AppProps): ReactNode {
  const { t } = useI18n()
  const api = useApi()
  const listeners = useAppState(selectListeners)
  const log = useAppState(selectLog)
  const isLoaded = useAppState(selectIsLoaded)
  const loadError = useAppState(selectLoadError)
  const link = useAppState(selectLink)
  const selected = useAppState(selectSelectedConnection)
  const [isAdding, setAdding] = useState(false)
  useApplySettings()

  // The lesson sits below the listener cards, often out of view: this brings it in and focuses it.
  // The column scrolls itself (scrollIntoView would also shift the whole window's layout).
  const toLesson = (): void => {
    const lesson = document.getElementById(LESSON_PANEL_ID)
    const column = lesson?.closest('.listeners')
    if (!lesson || !column) return
    const top = lesson.getBoundingClientRect().top - column.getBoundingClientRect().top
    column.scrollTo?.({ top: column.scrollTop + top - 10 })
    lesson.focus({ preventScroll: true })
  }

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
        {onOpenSession && <SessionBar onOpen={onOpenSession} />}
        <div className="header-switches">
          <TextSizeControls />
          <ProjectorToggle />
          <ThemeSwitch />
          <LanguageSwitch />
        </div>
      </header>
      {session && <SessionBanner {...session} />}
      {!session && <FirstRunStrip />}
      <SandboxNotice />
      <SettingsNotice />
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
            {!session && (
              <div className="column-actions">
                <button
                  type="button"
                  className="small quiet"
                  title={t('lessons.jump.title')}
                  onClick={toLesson}
                >
                  {t('lessons.jump')} <span aria-hidden="true">↓</span>
                </button>
                <button type="button" onClick={add} disabled={isAdding || !isLoaded}>
                  {t('app.addListener')}
                </button>
              </div>
            )}
          </div>
          {!isLoaded && !loadError && <p className="empty">{t('app.loading')}</p>}
          {isLoaded && listeners.length === 0 && <p className="empty">{t('app.noListeners')}</p>}
          {/* A saved session's cards show their settings; a disabled fieldset keeps them still. */}
          <fieldset className="plain-fieldset" disabled={session !== undefined}>
            {listeners.map((l) => (
              <ListenerCard key={l.id} listener={l} />
            ))}
          </fieldset>
          {!session && <LessonPanel />}
        </aside>
        <ConnectionsPanel />
        <StreamView connection={selected} />
        {session ? (
          <EventLog entries={log} />
        ) : (
          <SideTabs log={<EventLog entries={log} />} client={<ClientPanel />} />
        )}
      </main>
    </div>
  )
}
