/**
 * Projector mode: large type, a high-contrast palette, and the lesson and the event log side by
 * side; a toggle button saved with the settings.
 */
import type { ReactNode } from 'react'
import { useI18n } from '../../i18n/context'
import { selectSettings } from '../../state/selectors'
import { saveSettings } from '../../state/settings-sync'
import { useApi, useAppState, useStore } from '../../state/StoreContext'

/** `<button aria-pressed>` "Projector". */
export function ProjectorToggle(): ReactNode {
  const { t } = useI18n()
  const api = useApi()
  const store = useStore()
  const { isProjector } = useAppState(selectSettings)
  return (
    <button
      type="button"
      className="small projector-toggle"
      aria-pressed={isProjector}
      title={t('workspace.projector.title')}
      onClick={() => void saveSettings(api, store, { isProjector: !isProjector })}
    >
      {t('workspace.projector')}
    </button>
  )
}
