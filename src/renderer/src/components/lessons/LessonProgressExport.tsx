/**
 * The student's name and "Export progress": a small file (name, each stage's checkpoints with the
 * time each ticked, the app's version) to hand in; the teacher's class view reads it.
 */
import { useState, type ReactNode } from 'react'
import { serializeProgress } from '../../lessons/progress-file'
import { fileStamp } from '../../download'
import { useI18n } from '../../i18n/context'
import { useStore } from '../../state/StoreContext'
import { saveFile } from '../../shell-io'
import { StudentNameField } from './StudentNameField'

/** A name safe in a file name: letters, digits and dashes (any script), at most 40 of them. */
function fileNamePart(name: string | null): string {
  const cleaned = (name ?? '')
    .normalize('NFC')
    .replace(/[^\p{L}\p{N}]+/gu, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 40)
  return cleaned === '' ? '' : `${cleaned}-`
}

/** The name field and the export button, under the checkpoints. */
export function LessonProgressExport(): ReactNode {
  const { t } = useI18n()
  const store = useStore()
  const [status, setStatus] = useState<string | null>(null)

  const exportProgress = async (): Promise<void> => {
    setStatus(null)
    const { settings } = store.getState()
    const text = serializeProgress({
      student: settings.studentName,
      progress: settings.progress,
      exportedAt: Date.now(),
      appVersion: __APP_VERSION__,
    })
    const file = `socket-lab-progress-${fileNamePart(settings.studentName)}${fileStamp()}.json`
    try {
      const where = await saveFile(text, file, 'progress')
      if (where !== null) setStatus(t('lessons.exported', { file: where }))
    } catch (error) {
      setStatus(
        t('lessons.exportFailed', {
          reason: error instanceof Error ? error.message : String(error),
        }),
      )
    }
  }

  return (
    <div className="lesson-export">
      <StudentNameField className="lesson-name" />
      <button type="button" onClick={() => void exportProgress()}>
        {t('lessons.exportProgress')}
      </button>
      {status && <p role="status">{status}</p>}
    </div>
  )
}
