import { screen, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { describe, expect, it, vi } from 'vitest'
import type { ConnectionSnapshot } from '../../../shared/contract'
import { makeConnection, makeListener, renderWith } from '../test-utils'
import { ConnectionsTable } from './ConnectionsTable'

function renderTable(
  connections: ConnectionSnapshot[],
  selectedId: string | null = null,
  lang: 'en' | 'ru' = 'en',
) {
  const onSelect = vi.fn()
  const result = renderWith(
    <ConnectionsTable
      connections={connections}
      listeners={[makeListener()]}
      selectedId={selectedId}
      onSelect={onSelect}
    />,
    { lang },
  )
  return {
    ...result,
    onSelect,
    table: screen.getByRole('table', { name: lang === 'en' ? 'Connections' : 'Соединения' }),
  }
}

describe('ConnectionsTable', () => {
  it('shows a row per connection with the exact remote address', () => {
    const { table } = renderTable([
      makeConnection(1, { bytesIn: 1234 }),
      makeConnection(2, {
        remote: { address: '::1', port: 50002, family: 'IPv6' },
        state: 'closed',
        closedAt: makeConnection(2).acceptedAt + 2500,
        closeReason: 'reset',
        errorCode: 'ECONNRESET',
      }),
    ])
    const rows = within(table).getAllByRole('row')
    expect(rows).toHaveLength(3)
    const first = within(table).getByRole('row', { name: /127\.0\.0\.1:50001/ })
    expect(first.textContent).toContain('#1')
    expect(first.textContent).toContain('127.0.0.1:7878')
    expect(first.textContent).toContain('1,234')
    expect(first.textContent).toContain('open')
    expect(first.textContent).toMatch(/\d\d:\d\d:\d\d\.123/)
    const second = within(table).getByRole('row', { name: /\[::1\]:50002/ })
    expect(second.textContent).toContain('closed: reset by the peer (ECONNRESET)')
    expect(second.textContent).toContain('2.5 s')
  })

  it('selects a row by click and by keyboard', async () => {
    const user = userEvent.setup()
    const { table, onSelect, rerender } = renderTable([makeConnection(1), makeConnection(2)])
    await user.click(within(table).getByRole('row', { name: /50002/ }))
    expect(onSelect).toHaveBeenLastCalledWith('c2')
    const row1 = within(table).getByRole('row', { name: /50001/ })
    row1.focus()
    await user.keyboard('{Enter}')
    expect(onSelect).toHaveBeenLastCalledWith('c1')
    rerender(
      <ConnectionsTable
        connections={[makeConnection(1), makeConnection(2)]}
        listeners={[makeListener()]}
        selectedId="c1"
        onSelect={onSelect}
      />,
    )
    const fresh = screen.getByRole('table', { name: 'Connections' })
    const selected = within(fresh).getByRole('row', { name: /50001/ })
    expect(selected.getAttribute('aria-selected')).toBe('true')
    selected.focus()
    await user.keyboard('{ArrowDown}')
    expect(onSelect).toHaveBeenLastCalledWith('c2')
  })

  it('renders only a window of 5,000 rows, with the total in aria-rowcount', () => {
    const many = Array.from({ length: 5000 }, (_, i) => makeConnection(i + 1))
    const { table } = renderTable(many)
    const rows = within(table).getAllByRole('row')
    expect(rows.length).toBeLessThanOrEqual(51)
    expect(rows.length).toBeGreaterThan(10)
    expect(table.getAttribute('aria-rowcount')).toBe('5001')
    expect(rows[1]?.getAttribute('aria-rowindex')).toBe('2')
    expect(table.querySelectorAll('tbody td').length).toBeLessThan(60 * 8)
  })

  it('is translated', () => {
    const { table } = renderTable([makeConnection(1)], null, 'ru')
    expect(within(table).getByRole('columnheader', { name: 'Удалённый адрес' })).toBeTruthy()
    expect(within(table).getByRole('row', { name: /127\.0\.0\.1:50001/ }).textContent).toContain(
      'открыто',
    )
  })
})
