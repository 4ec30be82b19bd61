/**
 * "Set up this stage": applies the stage's responder, handling, workers and take(N) to the first
 * listener through the Api, and says what it changed or why the engine refused.
 */
import { useState, type ReactNode } from 'react'
import type { ListenerSnapshot } from '../../../shared/contract'
import type { AppError } from '../../../shared/result'
import { useI18n, type Translate } from '../i18n/context'
import type { StageSetup } from '../lessons/stages'
import { useApi } from '../state/StoreContext'
import { errorText } from './ListenerCard'

/** What the setup sets, as the listener card names it. */
function describeSetup(t: Translate, setup: StageSetup): string {
  const parts: string[] = []
  if (setup.responder !== undefined) parts.push(t(`stages.responder.${setup.responder}`))
  if (setup.handling !== undefined) parts.push(t(`stages.handling.${setup.handling}`))
  if (setup.workers !== undefined) parts.push(t('lessons.setup.workers', { count: setup.workers }))
  if (setup.stopAfter !== undefined && setup.stopAfter !== null)
    parts.push(t('lessons.setup.stopAfter', { count: setup.stopAfter }))
  return parts.join(', ')
}

export interface LessonSetupProps {
  setup: StageSetup
  /** The listener the stage is set up on (the first one), if any. */
  listener: ListenerSnapshot | undefined
}

/** The setup button, its hint, and the outcome. Remount it (key) when the stage changes. */
export function LessonSetup({ setup, listener }: LessonSetupProps): ReactNode {
  const { t } = useI18n()
  const api = useApi()
  const [isBusy, setBusy] = useState(false)
  const [outcome, setOutcome] = useState<{ ok: true } | { ok: false; error: AppError } | null>(null)

  const apply = (target: ListenerSnapshot): void => {
    setBusy(true)
    setOutcome(null)
    void api
      .updateListener({ listenerId: target.id, ...setup })
      .then((result) => setOutcome(result.ok ? { ok: true } : { ok: false, error: result.error }))
      .finally(() => setBusy(false))
  }

  if (listener === undefined) return <p className="field-hint">{t('lessons.setup.noListener')}</p>
  const number = String(listener.number)
  return (
    <div className="lesson-setup">
      <button type="button" onClick={() => apply(listener)} disabled={isBusy}>
        {t('lessons.setup')}
      </button>
      <p className="field-hint">
        {t('lessons.setup.hint', { number, settings: describeSetup(t, setup) })}
      </p>
      {outcome?.ok === true && (
        <p role="status" className="lesson-setup-done">
          {t('lessons.setup.done', { number })}
        </p>
      )}
      {outcome?.ok === false && (
        <p role="alert" className="inline-error">
          {errorText(t, outcome.error)}
        </p>
      )}
    </div>
  )
}
