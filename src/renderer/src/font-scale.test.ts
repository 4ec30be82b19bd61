import { describe, expect, it } from 'vitest'
import { MAX_FONT_SCALE, MIN_FONT_SCALE } from '../../shared/settings'
import {
  displayZoom,
  fontActionForKey,
  PROJECTOR_BOOST,
  stepFontScale,
  zoomPercent,
  type KeyLike,
} from './font-scale'

const key = (over: Partial<KeyLike>): KeyLike => ({
  key: '',
  code: '',
  ctrlKey: true,
  metaKey: false,
  altKey: false,
  ...over,
})

describe('font scale', () => {
  it('steps by 10% without drifting, within the bounds, and resets to 100%', () => {
    let scale = 1
    for (let i = 0; i < 3; i++) scale = stepFontScale(scale, 'larger')
    expect(scale).toBe(1.3)
    expect(stepFontScale(1.3, 'smaller')).toBe(1.2)
    expect(stepFontScale(MAX_FONT_SCALE, 'larger')).toBe(MAX_FONT_SCALE)
    expect(stepFontScale(MIN_FONT_SCALE, 'smaller')).toBe(MIN_FONT_SCALE)
    expect(stepFontScale(1.7, 'reset')).toBe(1)
  })

  it('zooms the page by the text size, and more in projector mode', () => {
    expect(displayZoom(1.2, false)).toBe(1.2)
    expect(displayZoom(1, true)).toBe(PROJECTOR_BOOST)
    expect(zoomPercent(displayZoom(1.1, true))).toBe(Math.round(110 * PROJECTOR_BOOST))
  })

  it('reads Ctrl +, =, −, 0 on the main keys and the keypad, and nothing else', () => {
    expect(fontActionForKey(key({ key: '=', code: 'Equal' }))).toBe('larger')
    expect(fontActionForKey(key({ key: '+', code: 'Equal' }))).toBe('larger')
    expect(fontActionForKey(key({ key: '+', code: 'NumpadAdd' }))).toBe('larger')
    expect(fontActionForKey(key({ key: '-', code: 'Minus' }))).toBe('smaller')
    expect(fontActionForKey(key({ key: '-', code: 'NumpadSubtract' }))).toBe('smaller')
    expect(fontActionForKey(key({ key: '0', code: 'Digit0' }))).toBe('reset')
    expect(fontActionForKey(key({ key: '0', code: 'Digit0', ctrlKey: false, metaKey: true }))).toBe(
      'reset',
    )
    expect(fontActionForKey(key({ key: '=', code: 'Equal', ctrlKey: false }))).toBeNull()
    expect(fontActionForKey(key({ key: '=', code: 'Equal', altKey: true }))).toBeNull()
    expect(fontActionForKey(key({ key: 'c', code: 'KeyC' }))).toBeNull()
  })
})
