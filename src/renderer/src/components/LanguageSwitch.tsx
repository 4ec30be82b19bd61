/**
 * English / Русский. Each language is named in itself, so it is not translated.
 */
import type { ReactNode } from 'react'
import { useI18n } from '../i18n/context'
import { LANGS, type Lang } from '../i18n/translate'

const NAMES: Record<Lang, string> = { en: 'English', ru: 'Русский' }

/** A labelled select that switches the app's language. */
export function LanguageSwitch(): ReactNode {
  const { lang, setLang, t } = useI18n()
  return (
    <label className="language">
      <span>{t('app.language')}</span>
      <select
        value={lang}
        onChange={(e) => setLang(LANGS.find((l) => l === e.target.value) ?? 'en')}
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
