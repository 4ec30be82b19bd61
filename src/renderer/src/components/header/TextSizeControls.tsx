/**
 * A− 100% A+: the text size, saved with the settings, also on Ctrl −/+/0 (⌘ on macOS). The
 * percentage is the zoom the page is drawn at (projector mode included); pressing it resets.
 */
import { useEffect, type ReactNode } from 'react'
import { MAX_FONT_SCALE, MIN_FONT_SCALE } from '../../../../shared/settings'
import {
  displayZoom,
  fontActionForKey,
  stepFontScale,
  zoomPercent,
  type FontAction,
} from '../../font-scale'
import { useI18n } from '../../i18n/context'
import { selectSettings } from '../../state/selectors'
import { saveSettings } from '../../state/settings-sync'
import { useApi, useAppState, useStore } from '../../state/StoreContext'

// The buttons' faces; their names start with them, so that "click A minus" works by voice too.
const SMALLER = 'A−'
const LARGER = 'A+'

/** How the shortcuts' modifier is written on this system. */
function modifier(): string {
  return /Mac|iPhone|iPad/.test(navigator.platform) ? '⌘' : 'Ctrl+'
}

/** The three buttons, and the keyboard shortcuts while they are on the page. */
export function TextSizeControls(): ReactNode {
  const { t } = useI18n()
  const api = useApi()
  const store = useStore()
  const { fontScale, isProjector } = useAppState(selectSettings)
  const percent = zoomPercent(displayZoom(fontScale, isProjector))
  const mod = modifier()
  const hint = (action: string, key: string): string =>
    t('workspace.textSize.shortcut', { action, keys: `${mod}${key}` })

  useEffect(() => {
    const onKey = (e: KeyboardEvent): void => {
      const action = fontActionForKey(e)
      if (!action) return
      // The browser would zoom too: this zoom is saved and survives a restart.
      e.preventDefault()
      const current = store.getState().settings.fontScale
      const next = stepFontScale(current, action)
      if (next !== current) void saveSettings(api, store, { fontScale: next })
    }
    window.addEventListener('keydown', onKey)
    return () => window.removeEventListener('keydown', onKey)
  }, [api, store])

  const change = (action: FontAction): void => {
    const next = stepFontScale(fontScale, action)
    if (next !== fontScale) void saveSettings(api, store, { fontScale: next })
  }

  return (
    <div role="group" aria-label={t('workspace.textSize')} className="text-size">
      <button
        type="button"
        className="small"
        aria-label={`${SMALLER} ${t('workspace.textSize.smaller')}`}
        title={hint(t('workspace.textSize.smaller'), '−')}
        disabled={fontScale <= MIN_FONT_SCALE}
        onClick={() => change('smaller')}
      >
        {SMALLER}
      </button>
      <button
        type="button"
        className="small quiet text-size-value"
        aria-label={t('workspace.textSize.reset', { percent })}
        title={hint(t('workspace.textSize.reset', { percent }), '0')}
        onClick={() => change('reset')}
      >
        {percent}%
      </button>
      <button
        type="button"
        className="small"
        aria-label={`${LARGER} ${t('workspace.textSize.larger')}`}
        title={hint(t('workspace.textSize.larger'), '+')}
        disabled={fontScale >= MAX_FONT_SCALE}
        onClick={() => change('larger')}
      >
        {LARGER}
      </button>
    </div>
  )
}
