/**
 * System / Light / Dark: the colour theme, saved with the settings.
 */
import type { ReactNode } from 'react'
import type { ThemeChoice } from '../../../../shared/settings'
import { useI18n } from '../../i18n/context'
import { selectTheme } from '../../state/selectors'
import { saveSettings } from '../../state/settings-sync'
import { useApi, useAppState, useStore } from '../../state/StoreContext'

const THEMES: readonly ThemeChoice[] = ['system', 'light', 'dark']

/** A labelled select that switches and saves the theme. */
export function ThemeSwitch(): ReactNode {
  const { t } = useI18n()
  const api = useApi()
  const store = useStore()
  const theme = useAppState(selectTheme)
  return (
    <label className="language theme">
      <span>{t('workspace.theme')}</span>
      <select
        value={theme}
        onChange={(e) => {
          const next = THEMES.find((th) => th === e.target.value) ?? 'system'
          void saveSettings(api, store, { theme: next })
        }}
      >
        {THEMES.map((th) => (
          <option key={th} value={th}>
            {t(`workspace.theme.${th}`)}
          </option>
        ))}
      </select>
    </label>
  )
}
