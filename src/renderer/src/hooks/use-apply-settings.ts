/**
 * Applies the saved settings to the page: the language once they are known (null: the OS
 * language), and the theme as `<html data-theme>` (absent: follow prefers-color-scheme).
 */
import { useEffect } from 'react'
import type { ThemeChoice } from '../../../shared/settings'
import { useI18n } from '../i18n/context'
import { osLanguage } from '../i18n/I18nProvider'
import { selectSettings, selectSettingsStatus } from '../state/selectors'
import { useAppState } from '../state/StoreContext'

/** Sets or clears `data-theme` on `<html>`; workspace.css keys the forced themes on it. */
export function applyTheme(theme: ThemeChoice, root: HTMLElement = document.documentElement): void {
  if (theme === 'system') delete root.dataset.theme
  else root.dataset.theme = theme
}

/** Keeps the page's language and theme in step with the settings in the store. */
export function useApplySettings(): void {
  const { setLang } = useI18n()
  const status = useAppState(selectSettingsStatus)
  const { language, theme } = useAppState(selectSettings)

  useEffect(() => {
    // Until the engine answered, the language chosen at start (the OS's) stays.
    if (status === 'loaded') setLang(language ?? osLanguage())
  }, [status, language, setLang])

  useEffect(() => applyTheme(theme), [theme])
}
