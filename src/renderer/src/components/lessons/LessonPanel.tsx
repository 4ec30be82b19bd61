/**
 * The lesson of a stage of the chapter (issue 4, section 5), or of the learner's own server
 * (issue 14): a stage picker, what the listing does, its Rust code (the own server's bound to the
 * listener's target), what to see and try, a button that sets the first listener up for it, and
 * checkpoints that tick from the store's log and trail since the stage was opened or reset. The
 * progress is saved with the settings (see lessons/use-lesson.ts).
 */
import { useId, type ReactNode } from 'react'
import { RUST_BOOK_CHAPTER_URL } from '../../../../shared/external-links'
import { useI18n } from '../../i18n/context'
import { checkpointsOf } from '../../lessons/progress'
import { lessonAddress, lessonTarget } from '../../lessons/stage-setup'
import { stageById, stageCode, STAGES, type StageId } from '../../lessons/stages'
import { useLessonActions } from '../../lessons/use-lesson'
import type { AppState } from '../../state/app-state'
import { selectListeners } from '../../state/selectors'
import { useAppState } from '../../state/StoreContext'
import { LessonCheckpoints } from './LessonCheckpoints'
import { LessonCode } from './LessonCode'
import { LessonProgressExport } from './LessonProgressExport'
import { LessonSetup } from './LessonSetup'
import '../../lessons.css'

const selectProgress = (s: AppState): AppState['settings']['progress'] => s.settings.progress
const selectPlatform = (s: AppState): AppState['platform'] => s.platform
const selectPrivileges = (s: AppState): AppState['privileges'] => s.privileges

/**
 * Why port 80 will not fail here (root, Windows, a Linux threshold at or below 80), in words, or
 * null when it will (or the engine did not say).
 */
function useNoPrivilegedReason(): string | null {
  const { t } = useI18n()
  const platform = useAppState(selectPlatform)
  const privileges = useAppState(selectPrivileges)
  if (platform === 'win32') return t('lessons.stage.bind-errors.why.windows')
  if (privileges?.isRoot) return t('lessons.stage.bind-errors.why.root')
  const start = privileges?.unprivilegedPortStart ?? null
  if (platform === 'linux' && start !== null && start <= 80)
    return t('lessons.stage.bind-errors.why.threshold', { start })
  return null
}

/** The lesson region's element id: the listener column's "Lesson ↓" button scrolls to it. */
export const LESSON_PANEL_ID = 'lesson-panel'

/** `<section aria-label="Lesson">` in the listener column. */
export function LessonPanel(): ReactNode {
  const { t } = useI18n()
  const id = useId()
  const listeners = useAppState(selectListeners)
  const progress = useAppState(selectProgress)
  const actions = useLessonActions()
  const stage = stageById(progress.stageId)
  const ticked = progress.stages[stage.id]?.ticked ?? {}
  const noPrivilegedReason = useNoPrivilegedReason()
  const key = `lessons.stage.${stage.id}` as const
  const target = lessonTarget(listeners[0])
  return (
    <section
      id={LESSON_PANEL_ID}
      tabIndex={-1}
      role="region"
      aria-label={t('lessons.region')}
      className="panel lesson"
    >
      <header className="panel-header">
        <h2>{t('lessons.region')}</h2>
        {/* The desktop app opens it in the system browser (an allow-listed documentation link). */}
        <a className="lesson-book" href={RUST_BOOK_CHAPTER_URL} target="_blank" rel="noreferrer">
          {t('lessons.readBook')}
        </a>
      </header>
      <div className="lesson-body">
        <div className="field">
          <label htmlFor={`${id}-stage`}>{t('lessons.stage')}</label>
          <select
            id={`${id}-stage`}
            value={stage.id}
            onChange={(e) => actions.open(e.target.value as StageId)}
          >
            {STAGES.map((s, index) => (
              <option key={s.id} value={s.id}>
                {s.listings === null
                  ? t('lessons.stageOption.own', {
                      number: String(index + 1),
                      title: t(`lessons.stage.${s.id}.title`),
                    })
                  : t('lessons.stageOption', {
                      number: String(index + 1),
                      title: t(`lessons.stage.${s.id}.title`),
                      listings: s.listings,
                    })}
              </option>
            ))}
          </select>
        </div>
        <p>{t(`${key}.does`)}</p>
        <LessonCode code={stageCode(stage, target.target)} />
        <details className="lesson-see" open>
          <summary>{t('lessons.see')}</summary>
          <p>{t(`${key}.see`, { ...lessonAddress(listeners[0]), ...target })}</p>
          {stage.id === 'own-server' && (
            <p className="lesson-note">{t('lessons.stage.own-server.mistakes', target)}</p>
          )}
          {stage.id === 'bind-errors' && noPrivilegedReason !== null && (
            <p className="lesson-note">
              {t('lessons.stage.bind-errors.noPrivileged', { why: noPrivilegedReason })}
            </p>
          )}
        </details>
        <LessonSetup key={stage.id} setup={stage.setup} listener={listeners[0]} />
        <LessonCheckpoints
          checkpoints={checkpointsOf(stage.id)}
          ticked={ticked}
          onReset={() => actions.reset(stage.id)}
          onResetAll={actions.resetAll}
        />
        <LessonProgressExport />
      </div>
    </section>
  )
}
