/**
 * Applies the saved settings to the page: the language once they are known (null: the OS
 * language), the theme as `<html data-theme>` (absent: follow prefers-color-scheme), and the
 * text size and projector mode as the page's zoom and `<html data-projector>`.
 */
import { useEffect } from 'react'
import type { ThemeChoice } from '../../../shared/settings'
import { displayZoom } from '../font-scale'
import { useI18n } from '../i18n/context'
import { osLanguage } from '../i18n/I18nProvider'
import { selectSettings, selectSettingsStatus } from '../state/selectors'
import { useAppState } from '../state/StoreContext'

/** Sets or clears `data-theme` on `<html>`; workspace.css keys the forced themes on it. */
export function applyTheme(theme: ThemeChoice, root: HTMLElement = document.documentElement): void {
  if (theme === 'system') delete root.dataset.theme
  else root.dataset.theme = theme
}

/**
 * Sets `--app-zoom` (layout.css zooms the body by it) and `data-projector` (the projector's layout
 * and high-contrast palette) on `<html>`.
 */
export function applyDisplay(
  fontScale: number,
  isProjector: boolean,
  root: HTMLElement = document.documentElement,
): void {
  root.style.setProperty('--app-zoom', String(displayZoom(fontScale, isProjector)))
  if (isProjector) root.dataset.projector = ''
  else delete root.dataset.projector
}

/** Keeps the page's language, theme, text size and projector mode in step with the settings. */
export function useApplySettings(): void {
  const { setLang } = useI18n()
  const status = useAppState(selectSettingsStatus)
  const { language, theme, fontScale, isProjector } = useAppState(selectSettings)

  useEffect(() => {
    // Until the engine answered, the language chosen at start (the OS's) stays.
    if (status === 'loaded') setLang(language ?? osLanguage())
  }, [status, language, setLang])

  useEffect(() => applyTheme(theme), [theme])
  useEffect(() => applyDisplay(fontScale, isProjector), [fontScale, isProjector])
}
