/**
 * Holds the chosen language, keeps `<html lang>` and the title in step, remembers the choice.
 */
import { useEffect, useMemo, useState, type ReactNode } from 'react'
import { I18nContext, translate, type I18n } from './context'
import { detectLanguage, LANGS, type Lang } from './translate'

const STORAGE_KEY = 'socket-lab.lang'

function storedLanguage(): Lang | null {
  try {
    const value = window.localStorage.getItem(STORAGE_KEY)
    return LANGS.find((l) => l === value) ?? null
  } catch {
    return null
  }
}

/** The language at start: a remembered choice, else navigator.language (ru* → Russian). */
export function initialLanguage(): Lang {
  return (
    storedLanguage() ??
    detectLanguage(typeof navigator === 'undefined' ? undefined : [navigator.language])
  )
}

/** Provides {@link I18n} to the tree; `lang` fixes the starting language (tests). */
export function I18nProvider({
  lang: startLang,
  children,
}: {
  lang?: Lang
  children: ReactNode
}): ReactNode {
  const [lang, setLangState] = useState<Lang>(() => startLang ?? initialLanguage())
  useEffect(() => {
    document.documentElement.lang = lang
    document.title = translate(lang, 'app.name')
  }, [lang])
  const value = useMemo<I18n>(
    () => ({
      lang,
      setLang(next) {
        setLangState(next)
        try {
          window.localStorage.setItem(STORAGE_KEY, next)
        } catch {
          // Storage may be unavailable; the choice then lasts for this page only.
        }
      },
      t: (key, params) => translate(lang, key, params),
    }),
    [lang],
  )
  return <I18nContext.Provider value={value}>{children}</I18nContext.Provider>
}
