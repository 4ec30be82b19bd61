import { act, render } from '@testing-library/react'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { MAX_SCROLL_HEIGHT, useVirtualWindow } from './use-virtual-window'

/** A list that shows its window in data attributes and its padding as heights. */
function Probe({
  count,
  isAtEnd = false,
  onRender,
}: {
  count: number
  isAtEnd?: boolean
  onRender?: () => void
}) {
  onRender?.()
  const { ref, onScroll, start, end, padTop, padBottom } = useVirtualWindow<HTMLDivElement>({
    count,
    rowHeight: 20,
    isAtEnd,
  })
  return (
    <div ref={ref} onScroll={onScroll} data-testid="list" data-start={start} data-end={end}>
      <div data-testid="top" style={{ height: padTop }} />
      <div style={{ height: (end - start) * 20 }} />
      <div data-testid="bottom" style={{ height: padBottom }} />
    </div>
  )
}

function windowOf(el: HTMLElement): { start: number; end: number; height: number } {
  const px = (id: string): number =>
    parseFloat(el.querySelector<HTMLElement>(`[data-testid="${id}"]`)?.style.height ?? 'NaN')
  const start = Number(el.dataset.start)
  const end = Number(el.dataset.end)
  return { start, end, height: px('top') + (end - start) * 20 + px('bottom') }
}

afterEach(() => {
  vi.restoreAllMocks()
})

describe('useVirtualWindow', () => {
  it('maps the scrollbar onto all rows once they are taller than the browser allows', () => {
    vi.spyOn(HTMLElement.prototype, 'clientHeight', 'get').mockReturnValue(400)
    const count = 6_250_000 // 100 MB of Hex lines: 125M px at 20 px a row
    const { getByTestId } = render(<Probe count={count} />)
    const el = getByTestId('list')
    // The content is capped, never count × 20 px.
    expect(windowOf(el).height).toBeLessThanOrEqual(MAX_SCROLL_HEIGHT)

    const scrollTo = (top: number): void => {
      el.scrollTop = top
      act(() => {
        el.dispatchEvent(new Event('scroll'))
      })
    }
    scrollTo((MAX_SCROLL_HEIGHT - 400) / 2)
    expect(Math.abs(windowOf(el).start - count / 2)).toBeLessThan(count / 1000)
    scrollTo(MAX_SCROLL_HEIGHT - 400)
    expect(windowOf(el).end).toBe(count)
    expect(windowOf(el).end - windowOf(el).start).toBeLessThanOrEqual(22)
  })

  it('renders nothing anew for the scroll that following the end makes, and follows a user’s', () => {
    vi.spyOn(HTMLElement.prototype, 'clientHeight', 'get').mockReturnValue(400)
    vi.spyOn(HTMLElement.prototype, 'scrollHeight', 'get').mockReturnValue(1000 * 20)
    const onRender = vi.fn()
    const { getByTestId, rerender } = render(<Probe count={1000} isAtEnd onRender={onRender} />)
    const el = getByTestId('list')
    const scrollTo = (top: number): void => {
      el.scrollTop = top
      act(() => {
        el.dispatchEvent(new Event('scroll'))
      })
    }
    const renders = onRender.mock.calls.length
    // At the bottom (where following put it): the window is the last rows either way.
    scrollTo(1000 * 20 - 400)
    expect(onRender.mock.calls.length).toBe(renders)
    expect(windowOf(el).end).toBe(1000)
    // The user scrolled up: following stops, and the window is where they are.
    scrollTo(200 * 20)
    rerender(<Probe count={1000} onRender={onRender} />)
    expect(windowOf(el).start).toBe(200 - 8)
    // Not following, a scroll to the bottom counts as any other.
    const before = onRender.mock.calls.length
    scrollTo(1000 * 20 - 400)
    expect(onRender.mock.calls.length).toBeGreaterThan(before)
    expect(windowOf(el).end).toBe(1000)
  })

  it('keeps one px per px below the cap', () => {
    vi.spyOn(HTMLElement.prototype, 'clientHeight', 'get').mockReturnValue(400)
    const { getByTestId } = render(<Probe count={1000} />)
    // 400 px show 20 rows, plus 8 of overscan; the rest is padding at 20 px a row.
    expect(windowOf(getByTestId('list'))).toEqual({ start: 0, end: 28, height: 1000 * 20 })
  })

  it('following the end, renders the last rows at once, whatever the last scroll said', () => {
    vi.spyOn(HTMLElement.prototype, 'clientHeight', 'get').mockReturnValue(400)
    const { getByTestId, rerender } = render(<Probe count={1000} isAtEnd />)
    // The last 20 rows fill the view, 8 more of overscan above; no scroll event was needed.
    expect(windowOf(getByTestId('list'))).toMatchObject({ start: 972, end: 1000 })
    rerender(<Probe count={1200} isAtEnd />)
    expect(windowOf(getByTestId('list'))).toMatchObject({ start: 1172, end: 1200 })
  })
})
