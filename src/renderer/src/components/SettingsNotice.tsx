/**
 * The notice about the settings file: what load found wrong with it (replaced by defaults, not a
 * regular file, too many listeners), and a save that failed, until a save works. One banner for
 * both, naming the file.
 */
import type { ReactNode } from 'react'
import { MAX_LISTENERS } from '../../../shared/contract/limits'
import { assertNever } from '../../../shared/result'
import { MAX_SETTINGS_FILE_BYTES, type SettingsProblem } from '../../../shared/settings'
import { useI18n, type Translate } from '../i18n/context'
import type { AppState } from '../state/app-state'
import { selectSettingsProblem } from '../state/selectors'
import { useAppState, useStore } from '../state/StoreContext'

const selectSaveError = (s: AppState): string | null => s.settingsSaveError

/** What went wrong, in the user's language. */
function problemText(problem: SettingsProblem, t: Translate): string {
  switch (problem.kind) {
    case 'corrupt':
    case 'unreadable':
      return t('workspace.settingsProblem', {
        reason: t(`workspace.settingsProblem.${problem.kind}`),
      })
    case 'too-large':
      return t('workspace.settingsProblem', {
        reason: t('workspace.settingsProblem.too-large', {
          max: MAX_SETTINGS_FILE_BYTES / (1024 * 1024),
        }),
      })
    case 'not-a-file':
      return t('workspace.settingsProblem.not-a-file', {
        found: t(`workspace.settingsProblem.found.${problem.found}`),
      })
    case 'listeners-capped':
      return t('workspace.settingsProblem.listeners-capped', {
        count: problem.ignored,
        max: MAX_LISTENERS,
      })
    default:
      return assertNever(problem)
  }
}

/** A dismissible `role="alert"` banner, or nothing. */
export function SettingsNotice(): ReactNode {
  const { t } = useI18n()
  const store = useStore()
  const problem = useAppState(selectSettingsProblem)
  const saveError = useAppState(selectSaveError)
  if (!problem && saveError === null) return null
  const movedTo = problem && 'movedTo' in problem ? problem.movedTo : null
  const details = [problem?.message, saveError].filter((text) => !!text)
  return (
    <div role="alert" className="banner settings-notice">
      {problem && <span>{problemText(problem, t)}</span>}
      {saveError !== null && <span>{t('workspace.settingsSaveFailed')}</span>}
      {problem?.file && <span>{t('workspace.settingsProblem.file', { file: problem.file })}</span>}
      {movedTo && <span>{t('workspace.settingsProblem.movedTo', { movedTo })}</span>}
      {details.length > 0 && (
        <details>
          <summary>{t('workspace.settingsProblem.detail')}</summary>
          {details.map((text) => (
            <code key={text}>{text}</code>
          ))}
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
