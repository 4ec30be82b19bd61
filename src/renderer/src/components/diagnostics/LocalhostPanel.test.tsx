import { screen, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { describe, expect, it } from 'vitest'
import type { LocalhostReport } from '../../../../shared/diagnostics-types'
import { ok } from '../../../../shared/result'
import { fakeApi, makeListener, renderWith } from '../../test-utils'
import { LocalhostPanel } from './LocalhostPanel'

const listening = makeListener({
  state: 'listening',
  bound: { address: '127.0.0.1', family: 'IPv4', port: 7878 },
})

function trap(): LocalhostReport {
  return {
    port: 7878,
    resolved: [
      { address: '::1', family: 6 },
      { address: '127.0.0.1', family: 4 },
    ],
    lookupError: null,
    probes: [
      { address: '::1', family: 6, isResolved: true, outcome: 'refused', code: 'ECONNREFUSED' },
      { address: '127.0.0.1', family: 4, isResolved: true, outcome: 'accepted', code: null },
    ],
    verdict: 'some',
  }
}

async function test(
  report: LocalhostReport,
  listener = listening,
  lang: 'en' | 'ru' = 'en',
): Promise<ReturnType<typeof fakeApi>> {
  const api = fakeApi()
  api.checkLocalhost.mockResolvedValue(ok(report))
  renderWith(<LocalhostPanel listener={listener} />, { api, lang })
  const user = userEvent.setup()
  await user.click(screen.getByText('localhost', { selector: 'summary' }))
  await user.click(
    screen.getByRole('button', { name: lang === 'en' ? 'Test localhost' : 'Проверить localhost' }),
  )
  await screen.findAllByText(/./, { selector: '.diagnostics-answer > p:not(.muted)' })
  return api
}

describe('LocalhostPanel', () => {
  it('a listening listener: resolution, a row per address, and the ::1 trap explained', async () => {
    const api = await test(trap())
    expect(api.checkLocalhost).toHaveBeenCalledWith({ port: 7878 })
    expect(
      screen.getByText('Here localhost resolves to ::1, 127.0.0.1, in this order.'),
    ).toBeTruthy()
    const table = screen.getByRole('table', {
      name: 'Connections to port 7878 (127.0.0.1 and ::1 are always tried)',
    })
    const rows = within(table)
      .getAllByRole('row')
      .slice(1)
      .map((r) => r.textContent)
    expect(rows).toEqual(['::1yesrefused (ECONNREFUSED)', '127.0.0.1yesaccepted'])
    expect(screen.getByText(/^The trap: localhost also resolves to ::1/).textContent).toContain(
      'Use 127.0.0.1 in the address, or listen on both.',
    )
    expect(screen.getByText(/this listener counts it as accepted/)).toBeTruthy()
  })

  it('a stopped listener: only the lookup, and says why', async () => {
    const api = await test(
      {
        port: null,
        resolved: [{ address: '127.0.0.1', family: 4 }],
        lookupError: null,
        probes: [],
        verdict: 'not-probed',
      },
      makeListener(),
    )
    expect(api.checkLocalhost).toHaveBeenCalledWith({ port: null })
    expect(screen.queryByRole('table')).toBeNull()
    expect(screen.getByText(/This listener is not listening/)).toBeTruthy()
  })

  it('all accept; an address tested though localhost does not give it', async () => {
    await test({
      port: 7878,
      resolved: [{ address: '127.0.0.1', family: 4 }],
      lookupError: null,
      probes: [
        { address: '127.0.0.1', family: 4, isResolved: true, outcome: 'accepted', code: null },
        { address: '::1', family: 6, isResolved: false, outcome: 'error', code: 'EADDRNOTAVAIL' },
      ],
      verdict: 'all',
    })
    const rows = within(screen.getByRole('table')).getAllByRole('row')
    expect(rows[2]?.textContent).toBe('::1noerror: EADDRNOTAVAIL')
    expect(
      screen.getByText('localhost reaches this listener on every address it resolves to.'),
    ).toBeTruthy()
  })

  it('speaks Russian', async () => {
    await test(trap(), listening, 'ru')
    expect(screen.getByText(/^Ловушка: localhost — это ещё и ::1/)).toBeTruthy()
    expect(
      screen.getByRole('table', {
        name: 'Соединения с портом 7878 (127.0.0.1 и ::1 пробуются всегда)',
      }),
    ).toBeTruthy()
  })
})
