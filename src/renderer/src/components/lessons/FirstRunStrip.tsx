/**
 * The first minutes on a fresh install: three steps to the book's "Connection established!" —
 * start listening, open the address, watch the log — with the button and the address live, and
 * an optional name for the teacher. Dismissed once, for good (saved with the settings).
 */
import { useState, type ReactNode } from 'react'
import { errorText } from '../../error-text'
import { useI18n } from '../../i18n/context'
import { lessonAddress } from '../../lessons/stage-setup'
import type { AppState } from '../../state/app-state'
import { selectListeners } from '../../state/selectors'
import { saveSettings } from '../../state/settings-sync'
import { useApi, useAppState, useStore } from '../../state/StoreContext'
import { openListenerUrl } from '../../shell-io'
import { StudentNameField } from './StudentNameField'
import '../../first-run.css'

const selectIsShown = (s: AppState): boolean =>
  s.settingsStatus !== 'loading' && !s.settings.isFirstRunDismissed

/** A dismissible strip above the workspace, or nothing. */
export function FirstRunStrip(): ReactNode {
  const { t } = useI18n()
  const api = useApi()
  const store = useStore()
  const isShown = useAppState(selectIsShown)
  const listener = useAppState(selectListeners)[0]
  const [problem, setProblem] = useState<string | null>(null)
  if (!isShown || listener === undefined) return null

  const { address, url } = lessonAddress(listener)
  const isListening = listener.state === 'listening'
  const start = (): void => {
    setProblem(null)
    void api.startListener({ listenerId: listener.id }).then((result) => {
      if (!result.ok) setProblem(errorText(t, result.error))
    })
  }
  const dismiss = (): void => {
    void saveSettings(api, store, { isFirstRunDismissed: true })
  }

  return (
    <section className="first-run" aria-label={t('lessons.firstRun.region')}>
      <ol>
        <li>
          {isListening ? (
            <span className="first-run-done">
              {t('lessons.firstRun.listening', { number: listener.number, address })}
            </span>
          ) : (
            <button type="button" onClick={start} disabled={listener.state !== 'stopped'}>
              {t('lessons.firstRun.start', { address })}
            </button>
          )}
        </li>
        <li>
          {t('lessons.firstRun.open')}{' '}
          <a
            href={url}
            target="_blank"
            rel="noreferrer"
            onClick={(event) => {
              event.preventDefault()
              openListenerUrl(url).catch(() => setProblem(t('lessons.firstRun.notListening')))
            }}
          >
            {url}
          </a>{' '}
          {t('lessons.firstRun.orCurl', { url })}
        </li>
        <li>{t('lessons.firstRun.watch')}</li>
      </ol>
      <StudentNameField className="first-run-name" />
      <button type="button" className="small quiet" onClick={dismiss}>
        {t('lessons.firstRun.dismiss')}
      </button>
      {problem && (
        <p role="alert" className="inline-error">
          {problem}
        </p>
      )}
    </section>
  )
}
