import { describe, expect, it } from 'vitest'
import { translate, type Translate } from '../i18n/context'
import { fileSize, tickTime } from './format'

describe('tickTime', () => {
  const now = new Date(2026, 4, 14, 15, 0).getTime()

  it('shows the time alone for today, in 24-hour form', () => {
    const at = new Date(2026, 4, 14, 9, 5).getTime()
    expect(tickTime(at, 'en', now)).toBe('09:05')
    expect(tickTime(at, 'ru', now)).toBe('09:05')
  })

  it('adds the day for another day', () => {
    const at = new Date(2026, 4, 12, 14, 7).getTime()
    expect(tickTime(at, 'en', now)).toMatch(/^12 May,? 14:07$/)
    expect(tickTime(at, 'ru', now)).toMatch(/^12 мая,? 14:07$/)
  })
})

describe('fileSize', () => {
  const en: Translate = (key, params) => translate('en', key, params)
  const ru: Translate = (key, params) => translate('ru', key, params)

  it('picks the unit', () => {
    expect(fileSize(en, 900)).toBe('900 bytes')
    expect(fileSize(en, 256 * 1024)).toBe('256 KiB')
    expect(fileSize(en, 3.25 * 1024 * 1024)).toBe('3.3 MiB')
    expect(fileSize(en, 64 * 1024 * 1024)).toBe('64 MiB')
    expect(fileSize(ru, 64 * 1024 * 1024)).toBe('64 МиБ')
  })
})
