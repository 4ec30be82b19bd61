/**
 * English / Русский. Each language is named in itself, so it is not translated. The choice is
 * saved with the settings.
 */
import type { ReactNode } from 'react'
import { useI18n } from '../../i18n/context'
import { LANGS, type Lang } from '../../i18n/translate'
import { saveSettings } from '../../state/settings-sync'
import { useApi, useStore } from '../../state/StoreContext'

const NAMES: Record<Lang, string> = { en: 'English', ru: 'Русский' }

/** A labelled select that switches the app's language and saves it. */
export function LanguageSwitch(): ReactNode {
  const { lang, setLang, t } = useI18n()
  const api = useApi()
  const store = useStore()
  return (
    <label className="language">
      <span>{t('app.language')}</span>
      <select
        value={lang}
        onChange={(e) => {
          const next = LANGS.find((l) => l === e.target.value) ?? 'en'
          setLang(next)
          void saveSettings(api, store, { language: next })
        }}
      >
        {LANGS.map((l) => (
          <option key={l} value={l} lang={l}>
            {NAMES[l]}
          </option>
        ))}
      </select>
    </label>
  )
}
