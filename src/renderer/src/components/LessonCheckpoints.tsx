/**
 * A stage's checkpoints: read-only checkboxes named by their text, ticked by real events, with
 * how many are done and a reset.
 */
import type { ReactNode } from 'react'
import { useI18n } from '../i18n/context'
import type { Checkpoint, CheckpointId } from '../lessons/stages'

export interface LessonCheckpointsProps {
  checkpoints: readonly Checkpoint[]
  done: ReadonlySet<CheckpointId>
  onReset: () => void
}

/** The checklist of the open stage. */
export function LessonCheckpoints({
  checkpoints,
  done,
  onReset,
}: LessonCheckpointsProps): ReactNode {
  const { t } = useI18n()
  const count = checkpoints.filter((c) => done.has(c.id)).length
  return (
    <fieldset className="lesson-checkpoints">
      <legend>{t('lessons.checkpoints')}</legend>
      <ul>
        {checkpoints.map((c) => {
          const isDone = done.has(c.id)
          return (
            <li key={c.id} className={isDone ? 'is-done' : undefined}>
              <label>
                {/* Controlled without onChange: React puts a click's toggle back (preventDefault
                    would not: it desyncs a controlled checkbox, React issue 9023). */}
                <input type="checkbox" checked={isDone} readOnly aria-readonly="true" />
                {t(`lessons.check.${c.id}`)}
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
      </div>
    </fieldset>
  )
}
