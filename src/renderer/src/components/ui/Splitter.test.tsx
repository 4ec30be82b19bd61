import { fireEvent, screen } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { useRef, useState } from 'react'
import { describe, expect, it } from 'vitest'
import { renderWith } from '../../test-utils'
import { Splitter } from './Splitter'

function Split({ orientation }: { orientation: 'vertical' | 'horizontal' }) {
  const ref = useRef<HTMLDivElement>(null)
  const [share, setShare] = useState(0.3)
  return (
    <div ref={ref}>
      <div id="pane">pane</div>
      <Splitter
        orientation={orientation}
        label="Width of the pane"
        controls="pane"
        containerRef={ref}
        share={share}
        min={0.2}
        max={0.6}
        defaultShare={0.3}
        onChange={setShare}
      />
    </div>
  )
}

describe('Splitter', () => {
  it('is a focusable separator the arrow keys, Home and End move, within its bounds', async () => {
    const user = userEvent.setup()
    renderWith(<Split orientation="vertical" />)
    const bar = screen.getByRole('separator', { name: 'Width of the pane' })
    expect(bar.getAttribute('aria-orientation')).toBe('vertical')
    expect(bar.getAttribute('aria-controls')).toBe('pane')
    expect(bar.getAttribute('aria-valuenow')).toBe('30')
    expect(bar.getAttribute('aria-valuemin')).toBe('20')
    expect(bar.getAttribute('aria-valuemax')).toBe('60')
    await user.tab()
    expect(document.activeElement).toBe(bar)
    await user.keyboard('{ArrowRight}{ArrowRight}')
    expect(bar.getAttribute('aria-valuenow')).toBe('34')
    await user.keyboard('{Shift>}{ArrowLeft}{/Shift}')
    expect(bar.getAttribute('aria-valuenow')).toBe('24')
    await user.keyboard('{ArrowUp}')
    expect(bar.getAttribute('aria-valuenow')).toBe('24')
    await user.keyboard('{End}')
    expect(bar.getAttribute('aria-valuenow')).toBe('60')
    await user.keyboard('{ArrowRight}')
    expect(bar.getAttribute('aria-valuenow')).toBe('60')
    await user.keyboard('{Home}')
    expect(bar.getAttribute('aria-valuenow')).toBe('20')
    await user.dblClick(bar)
    expect(bar.getAttribute('aria-valuenow')).toBe('30')
  })

  it('between top and bottom it takes Up and Down, and follows a drag', () => {
    renderWith(<Split orientation="horizontal" />)
    const bar = screen.getByRole('separator', { name: 'Width of the pane' })
    fireEvent.keyDown(bar, { key: 'ArrowDown' })
    expect(bar.getAttribute('aria-valuenow')).toBe('32')
    fireEvent.keyDown(bar, { key: 'ArrowLeft' })
    expect(bar.getAttribute('aria-valuenow')).toBe('32')

    const container = bar.parentElement!
    container.getBoundingClientRect = () => new DOMRect(0, 100, 800, 500)
    let captured = false
    bar.setPointerCapture = () => (captured = true)
    bar.hasPointerCapture = () => captured
    fireEvent.pointerDown(bar, { button: 0, pointerId: 1, clientY: 260 })
    fireEvent.pointerMove(bar, { pointerId: 1, clientY: 350 })
    expect(bar.getAttribute('aria-valuenow')).toBe('50')
    fireEvent.pointerMove(bar, { pointerId: 1, clientY: 590 })
    expect(bar.getAttribute('aria-valuenow')).toBe('60')
  })
})
