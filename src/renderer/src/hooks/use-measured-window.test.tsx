import { act, fireEvent, render, screen } from '@testing-library/react'
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'
import { stubResizeObserver } from '../test-utils'
import { useMeasuredWindow } from './use-measured-window'

/*
 * jsdom lays nothing out: rows report the height in their data-height, the scroller its size in
 * data-client-*, and rows sit where the window's padding and the rows before them put them.
 */
const proto = HTMLElement.prototype
const saved = {
  offsetHeight: Object.getOwnPropertyDescriptor(proto, 'offsetHeight'),
  offsetTop: Object.getOwnPropertyDescriptor(proto, 'offsetTop'),
  offsetParent: Object.getOwnPropertyDescriptor(proto, 'offsetParent'),
  clientHeight: Object.getOwnPropertyDescriptor(Element.prototype, 'clientHeight'),
  clientWidth: Object.getOwnPropertyDescriptor(Element.prototype, 'clientWidth'),
}
let resized: ReturnType<typeof stubResizeObserver>
const layout = (): void => resized.layout()

beforeAll(() => {
  Object.defineProperty(proto, 'offsetHeight', {
    configurable: true,
    get(this: HTMLElement) {
      return Number(this.dataset.height ?? 0)
    },
  })
  Object.defineProperty(Element.prototype, 'clientHeight', {
    configurable: true,
    get(this: HTMLElement) {
      return Number(this.dataset.clientHeight ?? 0)
    },
  })
  Object.defineProperty(Element.prototype, 'clientWidth', {
    configurable: true,
    get(this: HTMLElement) {
      return Number(this.dataset.clientWidth ?? 0)
    },
  })
  // A row's place in the content: the window's padding, then the rows rendered before it.
  Object.defineProperty(proto, 'offsetParent', {
    configurable: true,
    get(this: HTMLElement) {
      return this.closest('[data-client-height]')
    },
  })
  Object.defineProperty(proto, 'offsetTop', {
    configurable: true,
    get(this: HTMLElement) {
      const scroller = this.closest<HTMLElement>('[data-client-height]')
      if (!scroller || this === scroller) return 0
      let top = Number.parseFloat(scroller.querySelector<HTMLElement>('.pad')?.style.height ?? '0')
      for (const row of scroller.querySelectorAll<HTMLElement>('[data-row-key]')) {
        if (row === this) break
        top += row.offsetHeight
      }
      return top
    },
  })
  resized = stubResizeObserver()
})

afterAll(() => {
  for (const name of ['offsetHeight', 'offsetTop', 'offsetParent'] as const) {
    const descriptor = saved[name]
    if (descriptor) Object.defineProperty(proto, name, descriptor)
  }
  for (const name of ['clientHeight', 'clientWidth'] as const) {
    const descriptor = saved[name]
    if (descriptor) Object.defineProperty(Element.prototype, name, descriptor)
  }
  vi.unstubAllGlobals()
})

function List({
  heights,
  width = 300,
  isAtEnd = false,
}: {
  heights: readonly number[]
  width?: number
  isAtEnd?: boolean
}) {
  const { ref, onScroll, start, end, padTop, padBottom, total } = useMeasuredWindow<HTMLDivElement>(
    { count: heights.length, keyAt: (i) => i, estimate: 20, overscan: 40, isAtEnd },
  )
  const rows = []
  for (let i = start; i < end; i++)
    rows.push(
      <div key={i} data-row-key={i} data-height={heights[i]}>
        row {i}
      </div>,
    )
  return (
    <div
      ref={ref}
      onScroll={onScroll}
      data-testid="scroller"
      data-client-height="100"
      data-client-width={width}
      data-total={total}
      data-pad-bottom={padBottom}
    >
      <div className="pad" style={{ height: padTop }} />
      {rows}
    </div>
  )
}

const shown = (): string[] => screen.queryAllByText(/^row /).map((r) => r.textContent ?? '')

describe('useMeasuredWindow', () => {
  it('places rows by their measured heights and guesses the rest from them', () => {
    render(<List heights={Array.from({ length: 100 }, () => 40)} />)
    layout()
    const scroller = screen.getByTestId('scroller')
    // 100px of view and 40px of overscan below: rows 0 to 3, each 40px high.
    expect(shown()).toEqual(['row 0', 'row 1', 'row 2', 'row 3'])
    expect(scroller.dataset.total).toBe('4000')
    expect(scroller.dataset.padBottom).toBe(String(96 * 40))
  })

  it('keeps the row at the top of the view still when rows above it come in taller', () => {
    // Rows 46 to 48 are two lines (80px), all the others one (40px).
    const heights = Array.from({ length: 100 }, (_, i) => (i >= 46 && i <= 48 ? 80 : 40))
    render(<List heights={heights} />)
    layout()
    const scroller = screen.getByTestId('scroller')
    act(() => {
      scroller.scrollTop = 2000
      fireEvent.scroll(scroller)
    })
    layout()
    // Row 50 is at the top of the view (40px each up to it, as guessed).
    expect(shown()).toContain('row 50')
    expect(shown()).not.toContain('row 47')
    expect(scroller.scrollTop).toBe(2000)

    // The user scrolls up 60px: rows 47 and 48 come in (with 40px of overscan), 40px taller each
    // than guessed. The view moves down with them, so row 50 stays 60px below the view's top.
    act(() => {
      scroller.scrollTop = 1940
      fireEvent.scroll(scroller)
    })
    layout()
    expect(shown()).toContain('row 48')
    expect(scroller.scrollTop).toBe(1940 + 2 * 40)
    const row50 = screen.getByText('row 50')
    expect(row50.offsetTop - scroller.scrollTop).toBe(60)
    expect(scroller.dataset.total).toBe(String(4000 + 2 * 40))
  })

  it('measures again when the width changes, as every line may wrap differently', () => {
    const { rerender } = render(<List heights={Array.from({ length: 10 }, () => 40)} />)
    layout()
    const scroller = screen.getByTestId('scroller')
    expect(scroller.dataset.total).toBe('400')
    rerender(<List heights={Array.from({ length: 10 }, () => 20)} width={600} />)
    layout()
    expect(scroller.dataset.total).toBe('200')
  })

  it('following the end, renders the last rows at once, placed by what is measured', () => {
    const { rerender } = render(<List heights={Array.from({ length: 100 }, () => 40)} isAtEnd />)
    layout()
    // 100px of view and 40px of overscan above: rows 96 to 99 at 40px each.
    expect(shown()).toEqual(['row 96', 'row 97', 'row 98', 'row 99'])
    rerender(<List heights={Array.from({ length: 110 }, () => 40)} isAtEnd />)
    layout()
    expect(shown()).toEqual(['row 106', 'row 107', 'row 108', 'row 109'])
  })
})
