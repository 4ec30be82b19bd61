/**
 * The tiny translation function: catalog lookup, `{name}` interpolation and plural forms chosen
 * with Intl.PluralRules (English one/other, Russian one/few/many/other).
 */

/** The languages the app speaks. */
export type Lang = 'en' | 'ru'

export const LANGS: readonly Lang[] = ['en', 'ru']

/** A message with a form per plural category; `other` is required, `{count}` picks the form. */
export type PluralMessage = Partial<Record<Intl.LDMLPluralRule, string>> & { other: string }

export type Message = string | PluralMessage

export type Params = Record<string, string | number>

const pluralRules = new Map<Lang, Intl.PluralRules>()
const numberFormats = new Map<Lang, Intl.NumberFormat>()
const decimalFormats = new Map<Lang, Intl.NumberFormat>()

function rulesFor(lang: Lang): Intl.PluralRules {
  let rules = pluralRules.get(lang)
  if (!rules) pluralRules.set(lang, (rules = new Intl.PluralRules(lang)))
  return rules
}

/** A number as people of `lang` write it (digit grouping). */
export function formatNumber(lang: Lang, n: number): string {
  let format = numberFormats.get(lang)
  if (!format) numberFormats.set(lang, (format = new Intl.NumberFormat(lang)))
  return format.format(n)
}

/** A number with a fraction as `lang` writes it (4.7 in English, 4,7 in Russian), not grouped. */
export function formatDecimal(lang: Lang, n: number): string {
  let format = decimalFormats.get(lang)
  if (!format) {
    format = new Intl.NumberFormat(lang, { useGrouping: false, maximumFractionDigits: 3 })
    decimalFormats.set(lang, format)
  }
  return format.format(n)
}

const fixedFormats = new Map<string, Intl.NumberFormat>()

/** `n` with exactly `digits` fraction digits and the language's decimal mark (4.0, 4,0), not grouped. */
export function formatFixed(lang: Lang, n: number, digits: number): string {
  const key = `${lang} ${digits}`
  let format = fixedFormats.get(key)
  if (!format) {
    format = new Intl.NumberFormat(lang, {
      useGrouping: false,
      minimumFractionDigits: digits,
      maximumFractionDigits: digits,
    })
    fixedFormats.set(key, format)
  }
  return format.format(n)
}

/** The plural form of `message` for `count` in `lang`. */
export function pluralForm(lang: Lang, message: PluralMessage, count: number): string {
  return message[rulesFor(lang).select(count)] ?? message.other
}

/**
 * Fills `{name}` placeholders. A numeric `count` picks the plural form and is written with the
 * language's digit grouping; other numbers (ports, offsets) are written plainly, a fraction with
 * the language's decimal mark. Unknown placeholders stay as they are, so a typo shows instead of
 * vanishing.
 */
export function format(lang: Lang, message: Message, params: Params = {}): string {
  const count = params.count
  const text =
    typeof message === 'string'
      ? message
      : pluralForm(lang, message, typeof count === 'number' ? count : 0)
  return text.replace(/\{(\w+)\}/g, (whole, name: string) => {
    const value = params[name]
    if (value === undefined) return whole
    if (typeof value === 'string') return value
    if (name === 'count') return formatNumber(lang, value)
    return Number.isInteger(value) ? String(value) : formatDecimal(lang, value)
  })
}

/** The language to start in: Russian for ru*, English otherwise. */
export function detectLanguage(languages: readonly string[] | undefined): Lang {
  const first = languages?.[0] ?? ''
  return first.toLowerCase().startsWith('ru') ? 'ru' : 'en'
}
