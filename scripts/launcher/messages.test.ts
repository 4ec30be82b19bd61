import { createRequire } from 'node:module'
import { describe, expect, it } from 'vitest'

const load = createRequire(import.meta.url)
const { CATALOGS, format, pickLanguage, translator } = load(
  './messages.cjs',
) as typeof import('./messages.cjs')

const placeholders = (text: string): string[] =>
  [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]!).sort()
const ru = CATALOGS.ru as Record<string, string>
const en = CATALOGS.en as Record<string, string>

describe('the catalogs', () => {
  it('have exactly the same keys in English and Russian', () => {
    expect(Object.keys(ru).sort()).toEqual(Object.keys(en).sort())
  })

  it.each(Object.keys(en))('%s has the same placeholders in both languages', (key) => {
    expect(placeholders(ru[key]!)).toEqual(placeholders(en[key]!))
  })

  it.each(Object.keys(en))('%s is translated', (key) => {
    // What is left once placeholders, the product name and punctuation are gone must be Russian.
    const words = ru[key]!.replace(/\{\w+\}|Socket Lab/g, '').replace(/[^\p{L}]/gu, '')
    if (en[key]!.replace(/\{\w+\}|Socket Lab/g, '').replace(/[^\p{L}]/gu, '') === '') return
    expect(words).toMatch(/\p{Script=Cyrillic}/u)
  })

  it('keeps the multi-line help within 100 columns', () => {
    for (const catalog of [en, ru])
      for (const line of catalog.help!.split('\n'))
        expect([...line].length).toBeLessThanOrEqual(100)
  })
})

describe('pickLanguage', () => {
  const ruLocale = (): string => 'ru-RU'
  it('takes the first of LC_ALL, LC_MESSAGES, LANG, LANGUAGE that is set', () => {
    expect(pickLanguage({ LANG: 'ru_RU.UTF-8' }, 'linux', ruLocale)).toBe('ru')
    expect(pickLanguage({ LC_ALL: 'C.UTF-8', LANG: 'ru_RU.UTF-8' }, 'linux', ruLocale)).toBe('en')
    expect(pickLanguage({ LC_MESSAGES: 'ru_RU', LANG: 'en_US' }, 'linux', ruLocale)).toBe('ru')
    expect(pickLanguage({ LC_ALL: '', LANG: 'ru_UA.UTF-8' }, 'linux', ruLocale)).toBe('ru')
    expect(pickLanguage({ LANGUAGE: 'ru:en' }, 'linux', ruLocale)).toBe('ru')
    expect(pickLanguage({ LANG: 'en_GB.UTF-8' }, 'darwin', ruLocale)).toBe('en')
  })

  it('uses the system locale on Windows and macOS when none is set, never on Linux', () => {
    expect(pickLanguage({}, 'win32', ruLocale)).toBe('ru')
    expect(pickLanguage({}, 'darwin', ruLocale)).toBe('ru')
    expect(pickLanguage({}, 'linux', ruLocale)).toBe('en')
    expect(pickLanguage({}, 'win32', () => 'en-US')).toBe('en')
    const broken = (): string => {
      throw new Error('no ICU')
    }
    expect(pickLanguage({}, 'win32', broken)).toBe('en')
  })
})

describe('format and translator', () => {
  it('fills placeholders and leaves unknown ones visible', () => {
    expect(format('{a} and {b}', { a: 1 })).toBe('1 and {b}')
    expect(translator('ru')('howSignal', { signal: 'SIGTRAP' })).toBe('сигнал SIGTRAP')
    expect(translator('en')('howExitCode', { code: 3 })).toBe('exit code 3')
  })
})
