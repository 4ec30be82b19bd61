/**
 * A window splitter (the WAI-ARIA pattern): a focusable separator between two panes that sets the
 * share of its container the pane before it takes, by dragging, with the arrow keys (Shift for
 * bigger steps), Home and End; a double click puts the default back.
 *
 * Shares, not pixels: the pointer and the container are both measured on screen, so the text
 * size's zoom cancels out, and the panes keep their proportions when the window is resized.
 */
import type { KeyboardEvent, PointerEvent, ReactNode, RefObject } from 'react'

/** One arrow key press, as a share of the container; Shift makes it five times larger. */
const KEY_STEP = 0.02

export interface SplitterProps {
  /** 'vertical': a bar between a left and a right pane; 'horizontal': between top and bottom. */
  orientation: 'vertical' | 'horizontal'
  /** The accessible name (what it resizes). */
  label: string
  /** The id of the pane before the splitter, whose size it sets. */
  controls: string
  /** The element whose width (or height) the share is of. */
  containerRef: RefObject<HTMLElement | null>
  share: number
  min: number
  max: number
  defaultShare: number
  onChange(share: number): void
  className?: string
}

const clamp = (value: number, min: number, max: number): number =>
  Math.min(max, Math.max(min, value))

/** `<div role="separator">`. */
export function Splitter({
  orientation,
  label,
  controls,
  containerRef,
  share,
  min,
  max,
  defaultShare,
  onChange,
  className,
}: SplitterProps): ReactNode {
  const isVertical = orientation === 'vertical'
  const set = (value: number): void => onChange(clamp(Math.round(value * 1000) / 1000, min, max))

  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>): void => {
    const step = e.shiftKey ? KEY_STEP * 5 : KEY_STEP
    const [less, more] = isVertical ? ['ArrowLeft', 'ArrowRight'] : ['ArrowUp', 'ArrowDown']
    let next: number | null = null
    if (e.key === less) next = share - step
    else if (e.key === more) next = share + step
    else if (e.key === 'Home') next = min
    else if (e.key === 'End') next = max
    if (next === null) return
    e.preventDefault()
    set(next)
  }

  const shareAt = (e: PointerEvent<HTMLDivElement>): number | null => {
    const rect = containerRef.current?.getBoundingClientRect()
    if (!rect || rect.width === 0 || rect.height === 0) return null
    return isVertical ? (e.clientX - rect.left) / rect.width : (e.clientY - rect.top) / rect.height
  }

  const onPointerDown = (e: PointerEvent<HTMLDivElement>): void => {
    if (e.button !== 0) return
    e.preventDefault()
    e.currentTarget.setPointerCapture?.(e.pointerId)
    e.currentTarget.focus()
  }

  const onPointerMove = (e: PointerEvent<HTMLDivElement>): void => {
    if (!e.currentTarget.hasPointerCapture?.(e.pointerId)) return
    const next = shareAt(e)
    if (next !== null) set(next)
  }

  return (
    <div
      role="separator"
      tabIndex={0}
      aria-label={label}
      aria-controls={controls}
      aria-orientation={orientation}
      aria-valuemin={Math.round(min * 100)}
      aria-valuemax={Math.round(max * 100)}
      aria-valuenow={Math.round(share * 100)}
      className={`splitter splitter-${orientation}${className ? ` ${className}` : ''}`}
      onKeyDown={onKeyDown}
      onPointerDown={onPointerDown}
      onPointerMove={onPointerMove}
      onDoubleClick={() => set(defaultShare)}
    />
  )
}
