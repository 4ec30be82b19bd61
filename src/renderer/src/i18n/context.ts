/**
 * The language context and the hook components translate with.
 */
import { createContext, useContext } from 'react'
import { en, type Catalog, type MessageKey } from './en'
import { ru } from './ru'
import { format, type Lang, type Params } from './translate'

export const CATALOGS: Readonly<Record<Lang, Catalog>> = { en, ru }

/** Translates `key` in `lang`. */
export function translate(lang: Lang, key: MessageKey, params?: Params): string {
  return format(lang, CATALOGS[lang][key], params)
}

export type Translate = (key: MessageKey, params?: Params) => string

export interface I18n {
  lang: Lang
  setLang(lang: Lang): void
  t: Translate
}

export const I18nContext = createContext<I18n>({
  lang: 'en',
  setLang: () => {},
  t: (key, params) => translate('en', key, params),
})

/** The current language and its `t`. */
export function useI18n(): I18n {
  return useContext(I18nContext)
}
