/**
 * The live app, or a saved session shown read-only in the same views; the live engine keeps
 * running underneath while a session is open.
 */
import { useState, type ReactNode } from 'react'
import type { Api } from '../../../shared/contract'
import type { Session } from '../../../shared/session-file'
import { createSessionApi } from '../session/session-api'
import { StoreProvider } from '../state/StoreContext'
import { initialState } from '../state/app-state'
import { createStore, startSync, type Store } from '../state/store'
import { App } from './App'
import { LessonKeeper } from './lessons'

interface OpenedSession {
  api: Api
  store: Store
  file: string
  savedAt: number
}

export interface RootProps {
  api: Api
  store: Store
  onReconnect?: () => void
}

/** The top of the component tree. */
export function Root({ api, store, onReconnect }: RootProps): ReactNode {
  const [opened, setOpened] = useState<OpenedSession | null>(null)

  const open = (session: Session, file: string): void => {
    const sessionApi = createSessionApi(session, api)
    // The user's settings (text size, projector, theme, panes) are the same in both views: the session's
    // store starts with the live ones, and what changes there comes back with "Back to live".
    const { settings, settingsStatus, settingsProblem } = store.getState()
    const sessionStore = createStore({ ...initialState, settings, settingsStatus, settingsProblem })
    startSync(sessionApi, sessionStore)
    setOpened({ api: sessionApi, store: sessionStore, file, savedAt: session.savedAt })
  }

  const back = (): void => {
    if (opened) {
      const { fontScale, isProjector, theme, panes } = opened.store.getState().settings
      store.dispatch({ type: 'settings-changed', patch: { fontScale, isProjector, theme, panes } })
    }
    setOpened(null)
  }

  if (opened)
    return (
      <StoreProvider
        key={opened.file + opened.savedAt}
        store={opened.store}
        api={opened.api}
        isReadOnly
      >
        <App
          session={{ file: opened.file, savedAt: opened.savedAt, onBack: back }}
          onOpenSession={open}
        />
      </StoreProvider>
    )
  return (
    <StoreProvider store={store} api={api}>
      <LessonKeeper />
      <App onReconnect={onReconnect} onOpenSession={open} />
    </StoreProvider>
  )
}
