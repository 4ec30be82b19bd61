/**
 * A listener's stage of the book: the responder, how requests are handled, the pool size, how
 * long /sleep waits, the book's take(N), the HTML pages, and where "Forward to my server" sends.
 * Every change goes to the engine at once (while listening too); a number that is not valid is
 * refused inline and not sent.
 */
import { useId, useState, type ReactNode } from 'react'
import {
  HANDLINGS,
  MAX_MAX_CONNECTIONS,
  MAX_SLEEP_SECONDS,
  MAX_WORKERS,
  RESPONDERS,
  type AddListenerRequest,
  type Handling,
  type ListenerSettings,
  type Responder,
} from '../../../../shared/contract'
import { readsRequest, servesPages } from '../../../../shared/responders'
import type { AppError } from '../../../../shared/result'
import { useI18n } from '../../i18n/context'
import { NumberField } from '../ui'
import { PagesEditor, type PagesChange } from './PagesEditor'
import { parseWhole } from './parse-whole'
import { TargetFields, type TargetSettingsChange } from './TargetFields'

/** The settings this panel changes. */
export type StageChange = Pick<
  AddListenerRequest,
  'responder' | 'handling' | 'workers' | 'sleepSeconds' | 'stopAfter'
> &
  PagesChange &
  TargetSettingsChange

type ChoiceDraft = { responder?: Responder; handling?: Handling }

export interface StageSettingsProps {
  settings: ListenerSettings
  /** Sends the change; resolves to the engine's refusal, or null when it took it. */
  onApply: (change: StageChange) => Promise<AppError | null>
  isDisabled?: boolean
}

/** Text drafts of the number fields: null shows the engine's value. */
interface NumberDrafts {
  workers: string | null
  sleepSeconds: string | null
  stopAfter: string | null
}

const NO_DRAFTS: NumberDrafts = { workers: null, sleepSeconds: null, stopAfter: null }

/** The stage fields of one listener card. */
export function StageSettings({
  settings,
  onApply,
  isDisabled = false,
}: StageSettingsProps): ReactNode {
  const { t } = useI18n()
  const id = useId()
  // A choice shows at once and stays until the engine's settings change or the engine refuses it.
  const [choice, setChoice] = useState<ChoiceDraft>({})
  const [drafts, setDrafts] = useState<NumberDrafts>(NO_DRAFTS)
  const [seen, setSeen] = useState(settings)
  if (seen !== settings) {
    setSeen(settings)
    setChoice({})
    const next = { ...drafts }
    if (seen.workers !== settings.workers) next.workers = null
    if (seen.sleepSeconds !== settings.sleepSeconds) next.sleepSeconds = null
    if (seen.stopAfter !== settings.stopAfter) next.stopAfter = null
    setDrafts(next)
  }

  const responder = choice.responder ?? settings.responder
  const handling = choice.handling ?? settings.handling
  const isReading = readsRequest(responder)

  const workersText = drafts.workers ?? String(settings.workers)
  const sleepText = drafts.sleepSeconds ?? String(settings.sleepSeconds)
  const stopText =
    drafts.stopAfter ?? (settings.stopAfter === null ? '' : String(settings.stopAfter))
  const workers = parseWhole(workersText, 1, MAX_WORKERS)
  const sleepSeconds = parseWhole(sleepText, 0, MAX_SLEEP_SECONDS)
  const stopAfter = parseWhole(stopText, 1, MAX_MAX_CONNECTIONS, true)

  const choose = (change: ChoiceDraft): void => {
    setChoice((c) => ({ ...c, ...change }))
    void onApply(change).then((error) => {
      if (error !== null) setChoice({})
    })
  }

  /** Sends a number field's value when it is valid and new. */
  const commit = <K extends keyof NumberDrafts>(key: K, value: number | null | undefined): void => {
    if (value === undefined || value === settings[key]) return
    void onApply({ [key]: value })
  }

  const setDraft = (key: keyof NumberDrafts, text: string): void =>
    setDrafts((d) => ({ ...d, [key]: text }))

  const responderHelp = `${id}-responder-help`
  const handlingHelp = `${id}-handling-help`
  return (
    <div className="stage">
      <div className="field">
        <label htmlFor={`${id}-responder`}>{t('stages.responder')}</label>
        <select
          id={`${id}-responder`}
          value={responder}
          disabled={isDisabled}
          aria-describedby={responderHelp}
          onChange={(e) => choose({ responder: e.target.value as Responder })}
        >
          {RESPONDERS.map((r) => (
            <option key={r} value={r}>
              {t(`stages.responder.${r}`)}
            </option>
          ))}
        </select>
        <p id={responderHelp} className="field-hint">
          {t(`stages.explain.${responder}`, {
            seconds: String(settings.sleepSeconds),
            port: String(settings.targetPort),
          })}
        </p>
      </div>

      {responder === 'forward' && (
        <TargetFields settings={settings} onApply={onApply} isDisabled={isDisabled} />
      )}

      <div className="field">
        <label htmlFor={`${id}-handling`}>{t('stages.handling')}</label>
        <select
          id={`${id}-handling`}
          value={handling}
          disabled={isDisabled || !isReading}
          aria-describedby={handlingHelp}
          onChange={(e) => choose({ handling: e.target.value as Handling })}
        >
          {HANDLINGS.map((h) => (
            <option key={h} value={h}>
              {t(`stages.handling.${h}`)}
            </option>
          ))}
        </select>
        <p id={handlingHelp} className="field-hint">
          {isReading
            ? t(`stages.handling.explain.${handling}`)
            : t('stages.handling.notApplicable')}
        </p>
      </div>

      <div className="stage-numbers">
        {isReading && handling === 'thread-pool' && (
          <NumberField
            label={t('stages.workers')}
            value={workersText}
            min={1}
            max={MAX_WORKERS}
            isDisabled={isDisabled}
            onChange={(v) => setDraft('workers', v)}
            onCommit={() => commit('workers', workers)}
            error={
              workers === undefined
                ? t('stages.workers.invalid', { max: String(MAX_WORKERS) })
                : null
            }
            hint={t('stages.workers.hint')}
          />
        )}
        {responder === 'http-slow-route' && (
          <NumberField
            label={t('stages.sleep')}
            value={sleepText}
            min={0}
            max={MAX_SLEEP_SECONDS}
            isDisabled={isDisabled}
            onChange={(v) => setDraft('sleepSeconds', v)}
            onCommit={() => commit('sleepSeconds', sleepSeconds)}
            error={
              sleepSeconds === undefined
                ? t('stages.sleep.invalid', { max: String(MAX_SLEEP_SECONDS) })
                : null
            }
            hint={t('stages.sleep.hint')}
          />
        )}
        <NumberField
          label={t('stages.stopAfter')}
          value={stopText}
          min={1}
          max={MAX_MAX_CONNECTIONS}
          isDisabled={isDisabled}
          onChange={(v) => setDraft('stopAfter', v)}
          onCommit={() => commit('stopAfter', stopAfter)}
          error={
            stopAfter === undefined
              ? t('stages.stopAfter.invalid', { max: String(MAX_MAX_CONNECTIONS) })
              : null
          }
          hint={t('stages.stopAfter.hint')}
        />
      </div>

      {servesPages(responder) && (
        <PagesEditor
          settings={settings}
          hasNotFound={responder !== 'http-hello'}
          onApply={async (change) => (await onApply(change)) === null}
          isDisabled={isDisabled}
        />
      )}
    </div>
  )
}
