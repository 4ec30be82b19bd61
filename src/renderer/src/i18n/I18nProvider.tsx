/**
 * Holds the chosen language and keeps `<html lang>` and the title in step. Saving the choice is
 * the settings' job (state/settings-sync.ts); until they are loaded the OS language is used.
 */
import { useEffect, useMemo, useState, type ReactNode } from 'react'
import { I18nContext, translate, type I18n } from './context'
import { detectLanguage, type Lang } from './translate'

/** The OS (browser) language: ru* → Russian, anything else → English. */
export function osLanguage(): Lang {
  if (typeof navigator === 'undefined') return 'en'
  const languages = navigator.languages?.length ? navigator.languages : [navigator.language]
  return detectLanguage(languages)
}

/** Provides {@link I18n} to the tree; `lang` fixes the starting language (tests). */
export function I18nProvider({
  lang: startLang,
  children,
}: {
  lang?: Lang
  children: ReactNode
}): ReactNode {
  const [lang, setLang] = useState<Lang>(() => startLang ?? osLanguage())
  useEffect(() => {
    document.documentElement.lang = lang
    document.title = translate(lang, 'app.name')
  }, [lang])
  // setLang is React's state setter: stable, so effects that call it do not re-run per language.
  const value = useMemo<I18n>(
    () => ({ lang, setLang, t: (key, params) => translate(lang, key, params) }),
    [lang],
  )
  return <I18nContext.Provider value={value}>{children}</I18nContext.Provider>
}
