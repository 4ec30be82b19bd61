/**
 * The whole window: the header, the banners under it, then the lesson pane (the lesson above the
 * event log and the client) beside the workspace (the listener column, the connections table over
 * the stream view). Projector mode rearranges the same regions: lesson, log and listeners on top,
 * table and stream below.
 */
import { useRef, useState, type CSSProperties, type ReactNode } from 'react'
import { MAX_LISTENERS } from '../../../shared/contract'
import type { Session } from '../../../shared/session-file'
import { PANE_SHARES } from '../../../shared/settings'
import { useApplySettings } from '../hooks/use-apply-settings'
import { usePaneShare } from '../hooks/use-pane-share'
import { useI18n } from '../i18n/context'
import {
  selectIsLoaded,
  selectLink,
  selectListeners,
  selectLoadError,
  selectLog,
  selectSelectedConnection,
  selectSettings,
} from '../state/selectors'
import { useApi, useAppState } from '../state/StoreContext'
import { ClientPanel } from './client'
import { ConnectionsPanel } from './connections'
import { DisconnectedBanner } from './DisconnectedBanner'
import { LanguageSwitch, ProjectorToggle, TextSizeControls, ThemeSwitch } from './header'
import { StreamView } from './inspector'
import { FirstRunStrip, LESSON_PANE_ID, LESSON_PANEL_ID, LessonPane, LessonPanel } from './lessons'
import { ListenerCard } from './listener'
import { EventLog } from './log'
import { SandboxNotice } from './SandboxNotice'
import { SessionBanner, SessionBar, type SessionBannerProps } from './session'
import { SettingsNotice } from './SettingsNotice'
import { SideTabs } from './SideTabs'
import { Splitter } from './ui'
import '../workspace.css'
import '../layout.css'

/** The lesson pane's share of the window's width at first, and its bounds. */

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
  const { isProjector } = useAppState(selectSettings)
  const [isAdding, setAdding] = useState(false)
  const [sideShare, setSideShare] = usePaneShare('side')
  const layoutRef = useRef<HTMLElement>(null)
  useApplySettings()

  // The lesson has its own pane: this moves the focus there, to the top of the lesson.
  const toLesson = (): void => {
    const lesson = document.getElementById(LESSON_PANEL_ID)
    if (!lesson) return
    lesson.querySelector('.lesson-body')?.scrollTo?.({ top: 0 })
    lesson.focus({ preventScroll: true })
  }

  // The engine refuses more (listener:add answers BAD_STATE): the settings file keeps as many.
  const isFull = listeners.length >= MAX_LISTENERS
  const add = (): void => {
    setAdding(true)
    void api.addListener({}).finally(() => setAdding(false))
  }

  const eventLog = <EventLog entries={log} />
  const layoutStyle = { '--side-share': String(sideShare) } as CSSProperties
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
      {/* Banners stack here, between the header and the workspace, each as wide as the window. */}
      <div className="banners">
        {session && <SessionBanner {...session} />}
        {!session && <FirstRunStrip />}
        <SandboxNotice />
        <SettingsNotice />
        {onReconnect && <DisconnectedBanner link={link} onReconnect={onReconnect} />}
        {loadError && link === 'open' && (
          <p role="alert" className="banner">
            {t('app.loadFailed')}
          </p>
        )}
      </div>
      <main
        ref={layoutRef}
        className={`layout${isProjector ? ' layout-projector' : ''}`}
        style={layoutStyle}
      >
        <LessonPane
          lesson={session ? null : <LessonPanel />}
          side={<SideTabs log={eventLog} client={<ClientPanel />} />}
          isSideBySide={isProjector}
        />
        {!isProjector && (
          <Splitter
            orientation="vertical"
            label={t('workspace.split.paneWidth')}
            controls={LESSON_PANE_ID}
            containerRef={layoutRef}
            share={sideShare}
            min={PANE_SHARES.side.min}
            max={PANE_SHARES.side.max}
            defaultShare={PANE_SHARES.side.initial}
            onChange={setSideShare}
            className="pane-splitter"
          />
        )}
        <aside className="listeners" aria-label={t('app.listeners')}>
          <div className="column-header">
            <h2>{t('app.listeners')}</h2>
            {!session && (
              <div className="column-actions">
                <button
                  type="button"
                  className="small quiet"
                  title={t('workspace.lesson.jumpTitle')}
                  onClick={toLesson}
                >
                  <span aria-hidden="true">←</span> {t('lessons.jump')}
                </button>
                <button type="button" onClick={add} disabled={isAdding || !isLoaded || isFull}>
                  {t('app.addListener')}
                </button>
              </div>
            )}
          </div>
          {isFull && !session && (
            <p className="field-hint">
              {t('workspace.listeners.full', { max: String(MAX_LISTENERS) })}
            </p>
          )}
          {!isLoaded && !loadError && <p className="empty">{t('app.loading')}</p>}
          {isLoaded && listeners.length === 0 && <p className="empty">{t('app.noListeners')}</p>}
          {/* A saved session's cards show their settings; a disabled fieldset keeps them still. */}
          <fieldset className="plain-fieldset" disabled={session !== undefined}>
            {listeners.map((l) => (
              <ListenerCard key={l.id} listener={l} />
            ))}
          </fieldset>
        </aside>
        <ConnectionsPanel />
        <StreamView connection={selected} />
      </main>
    </div>
  )
}
