/**
 * The notice shown when the saved settings file could not be read and was replaced by defaults.
 */
import type { ReactNode } from 'react'
import { useI18n } from '../i18n/context'
import { selectSettingsProblem } from '../state/selectors'
import { useAppState, useStore } from '../state/StoreContext'

/** A dismissible `role="alert"` banner, or nothing. */
export function SettingsNotice(): ReactNode {
  const { t } = useI18n()
  const store = useStore()
  const problem = useAppState(selectSettingsProblem)
  if (!problem) return null
  const reason = t(`workspace.settingsProblem.${problem.kind}`)
  return (
    <div role="alert" className="banner settings-notice">
      <span>{t('workspace.settingsProblem', { reason })}</span>
      {problem.message && (
        <details>
          <summary>{t('workspace.settingsProblem.detail')}</summary>
          <code>{problem.message}</code>
        </details>
      )}
      <button
        type="button"
        className="small"
        onClick={() => store.dispatch({ type: 'settings-problem-dismissed' })}
      >
        {t('workspace.dismiss')}
      </button>
    </div>
  )
}
