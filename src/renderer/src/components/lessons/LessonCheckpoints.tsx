/**
 * A stage's checkpoints: read-only checkboxes named by their text, ticked by real events, with
 * how many are done and a reset.
 */
import type { ReactNode } from 'react'
import { useI18n } from '../../i18n/context'
import type { CheckpointId } from '../../lessons/stages'
import { formatClock } from '../../time-format'

export interface LessonCheckpointsProps {
  checkpoints: readonly CheckpointId[]
  /** Each ticked checkpoint and when it ticked (wall-clock ms). */
  ticked: Partial<Record<CheckpointId, number>>
  onReset: () => void
  onResetAll: () => void
}

/** The checklist of the open stage. */
export function LessonCheckpoints({
  checkpoints,
  ticked,
  onReset,
  onResetAll,
}: LessonCheckpointsProps): ReactNode {
  const { t } = useI18n()
  const count = checkpoints.filter((id) => ticked[id] !== undefined).length
  return (
    <fieldset className="lesson-checkpoints">
      <legend>{t('lessons.checkpoints')}</legend>
      <ul>
        {checkpoints.map((id) => {
          const at = ticked[id]
          const isDone = at !== undefined
          return (
            <li
              key={id}
              className={isDone ? 'is-done' : undefined}
              title={isDone ? t('lessons.tickedAt', { time: formatClock(at) }) : undefined}
            >
              <label>
                {/* Controlled without onChange: React puts a click's toggle back (preventDefault
                    would not: it desyncs a controlled checkbox, React issue 9023). */}
                <input type="checkbox" checked={isDone} readOnly aria-readonly="true" />
                {t(`lessons.check.${id}`)}
              </label>
            </li>
          )
        })}
      </ul>
      <div className="lesson-progress">
        <p role="status">{t('lessons.progress', { done: count, total: checkpoints.length })}</p>
        <button type="button" className="small quiet" onClick={onReset}>
          {t('lessons.reset')}
        </button>
        <button type="button" className="small quiet" onClick={onResetAll}>
          {t('lessons.resetAll')}
        </button>
      </div>
    </fieldset>
  )
}
