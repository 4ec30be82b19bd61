import { act, screen, waitFor, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { describe, expect, it } from 'vitest'
import { fail, ok } from '../../../../shared/result'
import {
  fakeApi,
  makeConnection,
  makeListener,
  makeSnapshot,
  renderWith,
  storeWith,
} from '../../test-utils'
import { ConnectionsPanel } from './ConnectionsPanel'

const l2 = makeListener({
  id: 'l2',
  number: 2,
  settings: { ...makeListener().settings, port: 8080 },
})
const closed = { state: 'closed' as const, closedAt: 1, closeReason: 'peer' as const }
const snapshot = makeSnapshot({
  listeners: [makeListener(), l2],
  connections: [
    makeConnection(1),
    makeConnection(2, closed),
    makeConnection(3, {
      listenerId: 'l2',
      remote: { address: '::1', port: 41000, family: 'IPv6' },
      local: { address: '::1', port: 8080, family: 'IPv6' },
    }),
    makeConnection(4, { state: 'we-ended' }),
  ],
})

function renderPanel(lang: 'en' | 'ru' = 'en', snap = snapshot) {
  const api = fakeApi(snap)
  const result = renderWith(<ConnectionsPanel />, { api, store: storeWith(snap), lang })
  const table = (): HTMLElement =>
    screen.getByRole('table', { name: lang === 'en' ? 'Connections' : 'Соединения' })
  const rowPorts = (): string[] =>
    within(table())
      .getAllByRole('row')
      .slice(1)
      .map(
        (r) => /:(\d+)$/.exec((r as HTMLTableRowElement).cells[2]?.textContent ?? '')?.[1] ?? '?',
      )
  return { ...result, api, table, rowPorts }
}

describe('ConnectionsPanel', () => {
  it('filters by state, listener and address, and says how many are shown', async () => {
    const user = userEvent.setup()
    const { rowPorts } = renderPanel()
    const filters = screen.getByRole('group', { name: 'Connection filters' })
    expect(rowPorts()).toEqual(['50001', '50002', '41000', '50004'])

    await user.selectOptions(within(filters).getByLabelText('Show'), 'closed')
    expect(rowPorts()).toEqual(['50002'])
    expect(filters.textContent).toContain('1 of 4 connections shown')
    await user.selectOptions(within(filters).getByLabelText('Show'), 'open')
    expect(rowPorts()).toEqual(['50001', '41000', '50004'])

    await user.selectOptions(within(filters).getByLabelText('Listener'), 'Listener 2')
    expect(rowPorts()).toEqual(['41000'])
    await user.selectOptions(within(filters).getByLabelText('Listener'), 'All listeners')

    await user.type(within(filters).getByLabelText('Address'), '[[::1]')
    expect(rowPorts()).toEqual(['41000'])
    await user.clear(within(filters).getByLabelText('Address'))
    await user.type(within(filters).getByLabelText('Address'), ':5000')
    expect(rowPorts()).toEqual(['50001', '50004'])
    await user.type(within(filters).getByLabelText('Address'), '9')
    expect(screen.getByText('No connection matches the filters.')).toBeTruthy()

    await user.click(within(filters).getByRole('button', { name: 'Clear filters' }))
    expect(rowPorts()).toEqual(['50001', '50002', '41000', '50004'])
    expect(within(filters).queryByRole('button', { name: 'Clear filters' })).toBeNull()
  })

  it('selects a row into the store', async () => {
    const user = userEvent.setup()
    const { store, table } = renderPanel()
    await user.click(within(table()).getByRole('row', { name: /50004/ }))
    expect(store.getState().selectedConnectionId).toBe('c4')
    expect(within(table()).getByRole('row', { name: /50004/ }).getAttribute('aria-selected')).toBe(
      'true',
    )
  })

  it('closes all open connections with FIN, explaining what clients see', async () => {
    const user = userEvent.setup()
    const { api } = renderPanel()
    api.closeAllConnections.mockResolvedValue(ok({ closed: 2 }))
    const button = screen.getByRole('button', { name: 'Close all' })
    expect(button.getAttribute('aria-describedby')).toBeTruthy()
    const explanation = document.getElementById(button.getAttribute('aria-describedby') ?? '')
    expect(explanation?.textContent).toContain('EOF')
    expect(explanation?.textContent).toContain('every open connection:')
    await user.click(button)
    expect(api.closeAllConnections).toHaveBeenCalledWith({ how: 'fin' })
    expect((await screen.findByRole('status')).textContent).toBe('Sent FIN on 2 connections.')
  })

  it('closes only the filtered listener’s connections', async () => {
    const user = userEvent.setup()
    const { api } = renderPanel()
    await user.selectOptions(screen.getByLabelText('Listener'), 'Listener 2')
    const button = screen.getByRole('button', { name: 'Close all' })
    expect(screen.getByText(/every open connection of Listener 2/).textContent).toContain('EOF')
    await user.click(button)
    expect(api.closeAllConnections).toHaveBeenCalledWith({ listenerId: 'l2', how: 'fin' })
  })

  it('is disabled when nothing is open, and shows a refusal', async () => {
    const user = userEvent.setup()
    const onlyClosed = makeSnapshot({
      connections: [makeConnection(1, closed), makeConnection(2, { state: 'we-ended' })],
    })
    const { api, unmount } = renderPanel('en', onlyClosed)
    const button = screen.getByRole('button', { name: 'Close all' })
    expect((button as HTMLButtonElement).disabled).toBe(true)
    unmount()
    const again = renderPanel()
    again.api.closeAllConnections.mockResolvedValue(
      fail({ code: 'INTERNAL', message: 'Disconnected' }),
    )
    await user.click(screen.getByRole('button', { name: 'Close all' }))
    await waitFor(() =>
      expect(screen.getByRole('alert').textContent).toBe(
        'Something went wrong inside Socket Lab or the link to it.',
      ),
    )
    expect(api.closeAllConnections).not.toHaveBeenCalled()
  })

  it('is translated', async () => {
    const user = userEvent.setup()
    const { api, rowPorts } = renderPanel('ru')
    const filters = screen.getByRole('group', { name: 'Фильтры соединений' })
    await user.selectOptions(within(filters).getByLabelText('Показать'), 'closed')
    expect(rowPorts()).toEqual(['50002'])
    expect(filters.textContent).toContain('показано 1 из 4 соединений')
    await user.click(screen.getByRole('button', { name: 'Закрыть все' }))
    expect(api.closeAllConnections).toHaveBeenCalledWith({ how: 'fin' })
  })

  it('says how many older closed connections the engine forgot, and updates it live', async () => {
    const { store, container } = renderPanel('en')
    const header = (): string => container.querySelector('.panel-header')?.textContent ?? ''
    expect(header()).toContain('4 connections')
    expect(header()).not.toContain('forgotten')
    act(() =>
      store.dispatch({
        type: 'batches',
        batches: [
          {
            seq: 1,
            events: [
              { type: 'connections-forgotten', at: 1, connectionIds: ['c2'], forgotten: 20_001 },
            ],
          },
        ],
      }),
    )
    await waitFor(() =>
      expect(
        screen.getByText('20,001 older closed ones forgotten (the last 20,000 closed are kept)'),
      ).toBeTruthy(),
    )
    // The count stays the header's first .muted on its own: the load and bench scripts read it.
    expect(container.querySelector('.panel-header .muted')?.textContent).toBe('3 connections')
    const forgotten = container.querySelector('.connections-forgotten')
    expect(forgotten?.getAttribute('data-forgotten')).toBe('20001')
    expect(rowsOf(container)).toBe(3)
  })

  it('says it in Russian after a reload, from the snapshot', () => {
    const { container } = renderPanel('ru', { ...snapshot, forgottenConnections: 21 })
    const text = container.querySelector('.panel-header')?.textContent?.replace(/\s/g, ' ')
    expect(text).toContain(
      'забыто 21 старое закрытое соединение (хранятся последние 20 000 закрытых)',
    )
  })
})

function rowsOf(container: HTMLElement): number {
  return container.querySelectorAll('tbody tr').length
}
