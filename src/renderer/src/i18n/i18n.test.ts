import { describe, expect, it } from 'vitest'
import { CATALOGS, translate } from './context'
import { en } from './en'
import { ru } from './ru'
import { detectLanguage, format } from './translate'

describe('catalogs', () => {
  it('have the same keys, each non-empty, with the same placeholders', () => {
    expect(Object.keys(ru).sort()).toEqual(Object.keys(en).sort())
    const placeholders = (m: unknown): string[] =>
      [...new Set(JSON.stringify(m).match(/\{\w+\}/g) ?? [])].sort()
    for (const key of Object.keys(en) as Array<keyof typeof en>) {
      for (const lang of ['en', 'ru'] as const) {
        const m = CATALOGS[lang][key]
        const forms = typeof m === 'string' ? [m] : Object.values(m)
        for (const form of forms) expect(form, `${lang} ${key}`).not.toBe('')
      }
      expect(placeholders(ru[key]), key).toEqual(placeholders(en[key]))
    }
  })

  it('give plural messages the forms each language needs', () => {
    for (const [key, m] of Object.entries(ru)) {
      if (typeof m !== 'string')
        expect(Object.keys(m).sort(), key).toEqual(['few', 'many', 'one', 'other'])
    }
    for (const [key, m] of Object.entries(en)) {
      if (typeof m !== 'string') expect(Object.keys(m).sort(), key).toEqual(['one', 'other'])
    }
  })
})

describe('translate', () => {
  it('interpolates {name} and leaves unknown placeholders visible', () => {
    expect(translate('en', 'listener.status.listening', { address: '127.0.0.1:7878' })).toBe(
      'Listening on 127.0.0.1:7878',
    )
    expect(translate('ru', 'listener.region', { number: '2' })).toBe('Слушатель 2')
    expect(format('en', 'a {x} b {y}', { x: '1' })).toBe('a 1 b {y}')
  })

  it('writes ports plainly but groups counts', () => {
    expect(translate('en', 'bind.fix.port', { port: 10000 })).toBe('Use port 10000')
    expect(translate('en', 'stream.received', { count: 12345 })).toBe('received 12,345 bytes')
  })

  it('writes a fraction with the language’s decimal mark, ungrouped', () => {
    expect(format('en', 'in {ms} ms on {port}', { ms: 4.7, port: 7878 })).toBe('in 4.7 ms on 7878')
    expect(format('ru', 'за {ms} мс на {port}', { ms: 4.7, port: 7878 })).toBe('за 4,7 мс на 7878')
    expect(format('ru', '{ms}', { ms: 12345.5 })).toBe('12345,5')
  })

  it('chooses Russian plural forms for 1, 2, 5 and 21', () => {
    const forms = [1, 2, 5, 21].map((count) => translate('ru', 'connections.count', { count }))
    expect(forms).toEqual(['1 соединение', '2 соединения', '5 соединений', '21 соединение'])
    expect(translate('ru', 'stream.received', { count: 11 })).toBe('получено 11 байт')
  })

  it('chooses English plural forms', () => {
    expect(translate('en', 'connections.count', { count: 1 })).toBe('1 connection')
    expect(translate('en', 'connections.count', { count: 2 })).toBe('2 connections')
  })

  it('starts in Russian for ru* browsers and in English otherwise', () => {
    expect(detectLanguage(['ru-RU'])).toBe('ru')
    expect(detectLanguage(['ru'])).toBe('ru')
    expect(detectLanguage(['en-US'])).toBe('en')
    expect(detectLanguage(['de'])).toBe('en')
    expect(detectLanguage(undefined)).toBe('en')
  })
})
