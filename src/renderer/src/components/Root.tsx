/**
 * The live app, or a saved session shown read-only in the same views; the live engine keeps
 * running underneath while a session is open.
 */
import { useState, type ReactNode } from 'react'
import type { Api } from '../../../shared/contract'
import type { Session } from '../../../shared/session-file'
import { createSessionApi } from '../session/session-api'
import { StoreProvider } from '../state/StoreContext'
import { createStore, startSync, type Store } from '../state/store'
import { App } from './App'
import { LessonKeeper } from './LessonKeeper'

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
    const sessionStore = createStore()
    startSync(sessionApi, sessionStore)
    setOpened({ api: sessionApi, store: sessionStore, file, savedAt: session.savedAt })
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
          session={{ file: opened.file, savedAt: opened.savedAt, onBack: () => setOpened(null) }}
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
