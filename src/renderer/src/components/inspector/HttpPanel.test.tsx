import { screen } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { describe, expect, it } from 'vitest'
import type { HttpAnalysis } from '../../../../shared/http-types'
import { renderWith } from '../../test-utils'
import { HttpPanel } from './HttpPanel'

const empty = (direction: 'in' | 'out'): HttpAnalysis => ({
  direction,
  isHttp: false,
  messages: [],
  analyzedBytes: 0,
  truncated: false,
})

describe('HttpPanel', () => {
  it('is a named region the keyboard reaches, so that it can be scrolled without a mouse', async () => {
    const user = userEvent.setup()
    renderWith(
      <HttpPanel analyses={{ in: empty('in'), out: empty('out'), error: null }} filter="both" />,
    )
    const region = screen.getByRole('region', { name: 'HTTP analysis' })
    await user.tab()
    expect(document.activeElement).toBe(region)
    expect(region.textContent).toContain('client to server')
  })

  it('is named in Russian too', () => {
    renderWith(<HttpPanel analyses={{ in: null, out: null, error: null }} filter="in" />, {
      lang: 'ru',
    })
    expect(screen.getByRole('region', { name: 'Разбор HTTP' })).toBeTruthy()
  })
})
