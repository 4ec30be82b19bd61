import { screen, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { describe, expect, it } from 'vitest'
import type { LinkStatus } from '../state/app-state'
import { renderWith } from '../test-utils'
import { DisconnectedBanner } from './DisconnectedBanner'

describe('DisconnectedBanner', () => {
  it('a refused token says to open the address printed in the terminal, in English and Russian', async () => {
    let reconnects = 0
    const { unmount } = renderWith(
      <DisconnectedBanner link="refused" onReconnect={() => reconnects++} />,
    )
    const alert = screen.getByRole('alert')
    expect(alert.textContent).toContain('Open the address Socket Lab printed in the terminal')
    expect(alert.textContent).not.toContain('Disconnected')
    await userEvent.setup().click(within(alert).getByRole('button', { name: 'Reconnect' }))
    expect(reconnects).toBe(1)
    unmount()

    renderWith(<DisconnectedBanner link="refused" onReconnect={() => undefined} />, { lang: 'ru' })
    expect(screen.getByRole('alert').textContent).toContain(
      'Откройте адрес, который Socket Lab напечатал в терминале',
    )
  })

  it('a lost server says disconnected; an open or opening link shows nothing', () => {
    const shown = (link: LinkStatus): string | null => {
      const { unmount } = renderWith(
        <DisconnectedBanner link={link} onReconnect={() => undefined} />,
      )
      const text = screen.queryByRole('alert')?.textContent ?? null
      unmount()
      return text
    }
    expect(shown('closed')).toContain('Disconnected from the Socket Lab server.')
    expect(shown('open')).toBeNull()
    expect(shown('connecting')).toBeNull()
  })
})
