import { describe, expect, it } from 'vitest'
import { DESKTOP_MESSAGE_KEYS, desktopTranslator } from './desktop-messages'

describe('the main process catalog', () => {
  it('has every key in both languages, with the same placeholders', () => {
    const en = desktopTranslator('en')
    const ru = desktopTranslator('ru')
    const placeholders = (text: string): string[] =>
      [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]!).sort()
    for (const key of DESKTOP_MESSAGE_KEYS) {
      // Without values the placeholders stay as written, so the raw texts can be compared.
      expect(placeholders(ru(key)), key).toEqual(placeholders(en(key)))
      expect(ru(key).trim(), key).not.toBe('')
    }
    expect(en('title.listening', { count: 2 })).toBe('Socket Lab — 2 listening')
    expect(ru('failure.quit')).toBe('Выйти')
  })
})
