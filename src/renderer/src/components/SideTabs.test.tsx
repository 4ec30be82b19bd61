import { screen } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { describe, expect, it } from 'vitest'
import { renderWith } from '../test-utils'
import { SideTabs } from './SideTabs'

describe('SideTabs', () => {
  it('follows the WAI-ARIA tabs pattern: one tab stop, arrows, Home and End, aria-controls', async () => {
    const user = userEvent.setup()
    renderWith(<SideTabs log={<p>the log</p>} client={<p>the client</p>} />)
    const log = screen.getByRole('tab', { name: 'Event log' })
    const client = screen.getByRole('tab', { name: 'Client' })
    expect(log.getAttribute('aria-selected')).toBe('true')
    expect(client.getAttribute('tabindex')).toBe('-1')
    const logPanel = screen.getByRole('tabpanel', { name: 'Event log' })
    expect(log.getAttribute('aria-controls')).toBe(logPanel.id)
    expect(logPanel.textContent).toBe('the log')

    await user.tab()
    expect(document.activeElement).toBe(log)
    await user.keyboard('{ArrowRight}')
    expect(document.activeElement).toBe(client)
    expect(client.getAttribute('aria-selected')).toBe('true')
    const clientPanel = screen.getByRole('tabpanel', { name: 'Client' })
    expect(client.getAttribute('aria-controls')).toBe(clientPanel.id)
    expect(clientPanel.textContent).toBe('the client')
    // Both stay mounted; the hidden one is out of the accessibility tree.
    expect(screen.queryByRole('tabpanel', { name: 'Event log' })).toBeNull()
    expect(screen.getByText('the log', { selector: 'p' })).toBeTruthy()

    await user.keyboard('{ArrowRight}')
    expect(document.activeElement).toBe(log)
    await user.keyboard('{End}')
    expect(document.activeElement).toBe(client)
    await user.keyboard('{Home}')
    expect(document.activeElement).toBe(log)
    expect(log.getAttribute('aria-selected')).toBe('true')
  })
})
