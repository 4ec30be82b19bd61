import { act, fireEvent, render, screen, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import type { ReactNode } from 'react'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { IDLE_FLAG_MS, type ConnectionSnapshot } from '../../../../shared/contract'
import { I18nProvider } from '../../i18n/I18nProvider'
import { makeConnection, makeListener, renderWith, stubResizeObserver } from '../../test-utils'
import { ConnectionIndex } from '../../state/connection-index'
import { ConnectionsTable } from './ConnectionsTable'

function renderTable(
  connections: ConnectionSnapshot[],
  selectedId: string | null = null,
  lang: 'en' | 'ru' = 'en',
  now?: number,
) {
  const onSelect = vi.fn()
  const result = renderWith(
    <ConnectionsTable
      connections={connections}
      listeners={[makeListener()]}
      selectedId={selectedId}
      onSelect={onSelect}
      now={now}
    />,
    { lang },
  )
  return {
    ...result,
    onSelect,
    table: screen.getByRole('table', { name: lang === 'en' ? 'Connections' : 'Соединения' }),
  }
}

/** Gives the scroller a size jsdom does not compute, and a scrollTop clamped as a browser does. */
function layOut(el: HTMLElement, scrollHeight: number, clientHeight: number): void {
  Object.defineProperty(el, 'scrollHeight', { configurable: true, value: scrollHeight })
  Object.defineProperty(el, 'clientHeight', { configurable: true, value: clientHeight })
  let top = 0
  Object.defineProperty(el, 'scrollTop', {
    configurable: true,
    get: () => top,
    set: (value: number) => {
      top = Math.max(0, Math.min(value, el.scrollHeight - el.clientHeight))
    },
  })
}

function scrollTo(el: HTMLElement, top: number): void {
  el.scrollTop = top
  fireEvent.scroll(el)
}

describe('ConnectionsTable', () => {
  afterEach(() => vi.unstubAllGlobals())

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
    // The number under the # header.
    expect(within(first).getAllByRole('cell')[1]?.textContent).toBe('1')
    expect(first.textContent).toContain('127.0.0.1:7878')
    expect(first.textContent).toContain('1,234')
    expect(first.textContent).toContain('open')
    expect(first.textContent).toMatch(/\d\d:\d\d:\d\d\.123/)
    const second = within(table).getByRole('row', { name: /\[::1\]:50002/ })
    expect(second.textContent).toContain('closed: reset by the peer (ECONNRESET)')
    expect(second.textContent).toContain('2.5 s')
  })

  it('says a closed connection was found gone by a probe after the peer’s FIN', () => {
    const { table } = renderTable([
      makeConnection(1, {
        state: 'closed',
        closedAt: makeConnection(1).acceptedAt + 1000,
        closeReason: 'reset',
        errorCode: 'EPIPE',
        isFoundByProbe: true,
      }),
    ])
    const row = within(table).getByRole('row', { name: /50001/ })
    expect(row.textContent).toContain(
      'closed: reset by the peer (EPIPE), found by a probe after its FIN',
    )
  })

  it('says where the echo stopped at its cap', () => {
    const { table } = renderTable([makeConnection(1, { isEchoCapped: true })])
    const row = within(table).getByRole('row', { name: /50001/ })
    expect(row.textContent).toContain('open; echo stopped at 32 MB unsent')
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

  it('writes a million bytes or more in MiB, the exact count in the cell’s title', () => {
    for (const [lang, shown, title, small] of [
      ['en', '4.1 MiB', '4,260,352 bytes', '999,999'],
      ['ru', '4,1 МиБ', '4\u00a0260\u00a0352 байта', '999\u00a0999'],
    ] as const) {
      const { table, unmount } = renderTable(
        [makeConnection(1, { bytesIn: 4_260_352, bytesOut: 999_999 })],
        null,
        lang,
      )
      const cells = within(within(table).getByRole('row', { name: /50001/ })).getAllByRole('cell')
      const byteCells = cells.filter((cell) => cell.hasAttribute('title') && /\d/.test(cell.title))
      expect(byteCells.map((cell) => cell.textContent)).toEqual([shown, small])
      expect(byteCells[0]?.title.replace(/\s/g, ' ')).toBe(title.replace(/\s/g, ' '))
      // Seven characters take the smaller font that keeps them whole in the narrow column.
      expect(byteCells.map((cell) => cell.classList.contains('long'))).toEqual([true, true])
      unmount()
    }
    const { table } = renderTable([makeConnection(1, { bytesIn: 5_000_000_000, bytesOut: 99_999 })])
    const cells = within(within(table).getByRole('row', { name: /50001/ })).getAllByRole('cell')
    expect(cells.map((cell) => cell.textContent)).toContain('4.7 GiB')
    const short = cells.find((cell) => cell.textContent === '99,999')
    expect(short?.classList.contains('long')).toBe(false)
  })

  it('shows bytes out and the we-ended state', () => {
    const { table } = renderTable([
      makeConnection(1, { bytesIn: 10, bytesOut: 4321, state: 'we-ended' }),
    ])
    expect(within(table).getByRole('columnheader', { name: 'Bytes out' })).toBeTruthy()
    const row = within(table).getByRole('row', { name: /50001/ })
    const cells = within(row).getAllByRole('cell')
    const header = within(table).getAllByRole('columnheader')
    const outIndex = header.findIndex((h) => h.textContent === 'Bytes out')
    expect(cells[outIndex]?.textContent).toBe('4,321')
    expect(row.textContent).toContain('we ended (FIN sent)')
  })

  describe('auto-scroll', () => {
    const many = (n: number) => Array.from({ length: n }, (_, i) => makeConnection(i + 1))
    const table = (connections: ConnectionSnapshot[], acceptOrder?: ConnectionIndex) => (
      <ConnectionsTable
        connections={connections}
        listeners={[makeListener()]}
        selectedId={null}
        onSelect={() => {}}
        acceptOrder={acceptOrder}
      />
    )

    const renderFollowing = (
      connections: ConnectionSnapshot[],
      lang: 'en' | 'ru' = 'en',
      acceptOrder?: ConnectionIndex,
    ) => {
      const wrapper = ({ children }: { children: ReactNode }) => (
        <I18nProvider lang={lang}>{children}</I18nProvider>
      )
      const result = render(table(connections, acceptOrder), { wrapper })
      return { ...result, table: screen.getByRole('table') }
    }

    it('follows new rows, pauses when the user scrolls up, counts new rows, and jumps back', async () => {
      const user = userEvent.setup()
      const resized = stubResizeObserver()
      const { rerender, table: t } = renderFollowing(many(40))
      const scroller = t.closest<HTMLElement>('.table-scroll')!
      layOut(scroller, 1150, 200)
      // Following: a new row scrolls the view to the end.
      Object.defineProperty(scroller, 'scrollHeight', { configurable: true, value: 1178 })
      rerender(table(many(41)))
      // Once the browser has laid the new row out (and says the content grew).
      resized.layout()
      expect(scroller.scrollTop).toBe(1178 - 200)
      expect(screen.queryByRole('status')).toBeNull()

      scrollTo(scroller, 400)
      expect(screen.getByRole('status').textContent).toContain('Auto-scroll paused')
      expect(screen.getByRole('status').textContent).not.toContain('below')

      Object.defineProperty(scroller, 'scrollHeight', { configurable: true, value: 1234 })
      rerender(table(many(43)))
      resized.layout()
      expect(screen.getByRole('status').textContent).toContain(
        'Auto-scroll paused — 2 new connections below',
      )
      // Paused: the view stays where the user left it.
      expect(scroller.scrollTop).toBe(400)

      await user.click(screen.getByRole('button', { name: 'Jump to the newest' }))
      expect(screen.queryByRole('status')).toBeNull()
      expect(scroller.scrollTop).toBe(1234 - 200)
      expect(document.activeElement).toBe(scroller)
    })

    it('resumes when the user scrolls back to the bottom', () => {
      const { table: t } = renderFollowing(many(40))
      const scroller = t.closest<HTMLElement>('.table-scroll')!
      layOut(scroller, 1150, 200)
      scrollTo(scroller, 950)
      scrollTo(scroller, 100)
      expect(screen.getByRole('status')).toBeTruthy()
      act(() => scrollTo(scroller, 950))
      expect(screen.queryByRole('status')).toBeNull()
    })

    it('counts only the new rows the filter lets through, in Russian too', () => {
      // Every other connection is filtered out; the order is the store's, across all of them.
      const all = many(46)
      const order = ConnectionIndex.of(all)
      const odd = (n: number) => all.slice(0, n).filter((c) => c.number % 2 === 1)
      const { rerender, table: t } = renderFollowing(odd(40), 'ru', order)
      const scroller = t.closest<HTMLElement>('.table-scroll')!
      layOut(scroller, 590, 200)
      scrollTo(scroller, 390)
      scrollTo(scroller, 100)
      rerender(table(odd(46), order))
      expect(screen.getByRole('status').textContent).toContain(
        'Автопрокрутка приостановлена — ниже 3 новых соединения',
      )
      expect(screen.getByRole('button', { name: 'К последним' })).toBeTruthy()
    })
  })

  describe('idle flag', () => {
    const accepted = makeConnection(1).acceptedAt
    const idleCell = (table: HTMLElement, port: number) =>
      within(within(table).getByRole('row', { name: new RegExp(`:${port}`) })).queryByTitle(
        /no bytes yet/i,
      )

    it('flags open rows that received nothing IDLE_FLAG_MS after accept', () => {
      const rows = [
        makeConnection(1),
        makeConnection(2, { bytesIn: 1, firstByteInMono: 1200 }),
        makeConnection(3, { state: 'closed', closedAt: accepted + 9000, closeReason: 'peer' }),
        makeConnection(4, { state: 'we-ended' }),
        makeConnection(5, { state: 'peer-ended' }),
      ]
      const before = renderTable(rows, null, 'en', accepted + IDLE_FLAG_MS - 1)
      expect(idleCell(before.table, 50001)).toBeNull()
      before.unmount()
      const { table } = renderTable(rows, null, 'en', accepted + IDLE_FLAG_MS)
      const badge = idleCell(table, 50001)
      expect(badge?.textContent).toBe('idle')
      expect(badge?.getAttribute('title')).toBe(
        'No bytes yet — often a browser’s speculative connection; a blocking read would wait here.',
      )
      expect(idleCell(table, 50002)).toBeNull()
      expect(idleCell(table, 50003)).toBeNull()
      expect(idleCell(table, 50004)).not.toBeNull()
      expect(idleCell(table, 50005)).toBeNull()
    })

    it('follows the live clock when no time is given', () => {
      vi.useFakeTimers({ now: accepted + 100 })
      try {
        const { table } = renderTable([makeConnection(1)])
        expect(idleCell(table, 50001)).toBeNull()
        act(() => vi.advanceTimersByTime(IDLE_FLAG_MS))
        expect(idleCell(table, 50001)?.textContent).toBe('idle')
      } finally {
        vi.useRealTimers()
      }
    })

    it('is translated', () => {
      const { table } = renderTable([makeConnection(1)], null, 'ru', accepted + 5000)
      const row = within(table).getByRole('row', { name: /50001/ })
      expect(within(row).getByText('простаивает').getAttribute('title')).toContain(
        'упреждающее соединение браузера',
      )
    })
  })
})
