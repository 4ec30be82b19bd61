/**
 * Text size and projector mode as the page applies them: the saved `fontScale` (A−/A+, Ctrl
 * +/−/0) times the projector's boost gives the CSS zoom of the whole page, so that every length,
 * the virtual lists' row heights included, scales together as in a browser's own zoom.
 */
import { DEFAULT_SETTINGS, MAX_FONT_SCALE, MIN_FONT_SCALE } from '../../shared/settings'

/** One press of A− / A+ or Ctrl −/+. */
export const FONT_SCALE_STEP = 0.1

/** Projector mode's extra zoom: 1920×1080 then lays out as 1536×864 at the default text size. */
export const PROJECTOR_BOOST = 1.25

/** What a key press asks of the text size, if anything. */
export type FontAction = 'larger' | 'smaller' | 'reset'

/** `scale` one step larger or smaller, kept within the setting's bounds (10% steps). */
export function stepFontScale(scale: number, action: FontAction): number {
  if (action === 'reset') return DEFAULT_SETTINGS.fontScale
  const next = Math.round((scale + (action === 'larger' ? 1 : -1) * FONT_SCALE_STEP) * 10) / 10
  return Math.min(MAX_FONT_SCALE, Math.max(MIN_FONT_SCALE, next))
}

/** The zoom the page is drawn at. */
export function displayZoom(fontScale: number, isProjector: boolean): number {
  return fontScale * (isProjector ? PROJECTOR_BOOST : 1)
}

/** The zoom as people read it: 1.25 → "125%". */
export function zoomPercent(zoom: number): number {
  return Math.round(zoom * 100)
}

export interface KeyLike {
  key: string
  code: string
  ctrlKey: boolean
  metaKey: boolean
  altKey: boolean
}

/**
 * Ctrl (⌘ on macOS) with +, = (the same key without Shift), −, or 0, on the main keys or the
 * keypad; by the key's meaning first, then by its place, so other layouts work too. Alt is left
 * alone: AltGr reports Ctrl+Alt on Windows.
 */
export function fontActionForKey(e: KeyLike): FontAction | null {
  if (!(e.ctrlKey || e.metaKey) || e.altKey) return null
  if (e.key === '+' || e.key === '=' || e.code === 'Equal' || e.code === 'NumpadAdd')
    return 'larger'
  if (e.key === '-' || e.key === '_' || e.code === 'Minus' || e.code === 'NumpadSubtract')
    return 'smaller'
  if (e.key === '0' || e.code === 'Digit0' || e.code === 'Numpad0') return 'reset'
  return null
}
