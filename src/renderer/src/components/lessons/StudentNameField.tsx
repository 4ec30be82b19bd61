/**
 * The student's name (optional), saved with the settings when the field loses focus or on Enter:
 * it goes into progress exports and saved sessions for the teacher.
 */
import { useId, useState, type ReactNode } from 'react'
import { MAX_STUDENT_NAME } from '../../../../shared/lesson-progress'
import { useI18n } from '../../i18n/context'
import type { AppState } from '../../state/app-state'
import { saveSettings } from '../../state/settings-sync'
import { useApi, useAppState, useStore } from '../../state/StoreContext'

const selectStudent = (s: AppState): string | null => s.settings.studentName

/** A labelled text field; `className` places it. */
export function StudentNameField({ className }: { className?: string }): ReactNode {
  const { t } = useI18n()
  const api = useApi()
  const store = useStore()
  const id = useId()
  const savedName = useAppState(selectStudent)
  const [name, setName] = useState<string | null>(null)

  const save = (): void => {
    if (name === null) return
    void saveSettings(api, store, { studentName: name.trim() === '' ? null : name.trim() })
    setName(null)
  }

  return (
    <div className={className}>
      <label htmlFor={`${id}-name`}>{t('lessons.student')}</label>
      <input
        id={`${id}-name`}
        type="text"
        maxLength={MAX_STUDENT_NAME}
        value={name ?? savedName ?? ''}
        onChange={(e) => setName(e.target.value)}
        onBlur={save}
        onKeyDown={(e) => {
          if (e.key === 'Enter') save()
        }}
        autoComplete="name"
      />
    </div>
  )
}
