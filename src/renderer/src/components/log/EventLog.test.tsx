import { act, fireEvent, render, screen, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import type { ReactNode } from 'react'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { I18nProvider } from '../../i18n/I18nProvider'
import type { Lang } from '../../i18n/translate'
import type { LogEntry, LogMessage } from '../../state/log'
import { stubResizeObserver } from '../../test-utils'
import { EventLog } from './EventLog'

const AT = Date.UTC(2025, 0, 1, 12, 0, 0)

function entry(id: number, message: LogMessage, listenerNumber = 1): LogEntry {
  return { id, at: AT + id, listenerId: `l${listenerNumber}`, listenerNumber, message }
}

const ENTRIES: LogEntry[] = [
  entry(1, { kind: 'listening', address: '127.0.0.1:7878' }),
  entry(2, {
    kind: 'connection-established',
    connectionNumber: 1,
    remote: '127.0.0.1:50001',
    isBookLine: true,
  }),
  entry(3, { kind: 'peer-ended', connectionNumber: 1 }),
  entry(4, { kind: 'we-ended', connectionNumber: 3 }),
  entry(5, { kind: 'closed', connectionNumber: 1, reason: 'peer', errorCode: null }),
  entry(6, { kind: 'closed', connectionNumber: 2, reason: 'reset', errorCode: 'ECONNRESET' }),
  entry(7, { kind: 'dropped', remote: '[::1]:5555' }, 2),
  entry(8, {
    kind: 'bind-failed',
    code: 'EADDRINUSE',
    rawCode: 'EADDRINUSE',
    address: '127.0.0.1:80',
  }),
  entry(9, { kind: 'stopped' }),
]

function renderLog(entries: readonly LogEntry[], lang: Lang = 'en') {
  const wrapper = ({ children }: { children: ReactNode }) => (
    <I18nProvider lang={lang}>{children}</I18nProvider>
  )
  const result = render(<EventLog entries={entries} />, { wrapper })
  const region = screen.getByRole('region', {
    name: lang === 'en' ? 'Event log' : 'Журнал событий',
  })
  const lines = (): string[] => [...region.querySelectorAll('li')].map((li) => li.textContent ?? '')
  const scroller = region.querySelector<HTMLDivElement>('.log-scroll')!
  return { ...result, region, lines, scroller }
}

/**
 * Gives the scroller a size jsdom does not compute, and a scrollTop that keeps what is set,
 * clamped as a browser clamps it.
 */
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

describe('EventLog', () => {
  afterEach(() => vi.unstubAllGlobals())

  it('words every kind of line, telling resets and our FIN apart', () => {
    const { lines, region } = renderLog(ENTRIES)
    expect(lines()).toEqual([
      expect.stringContaining('Listening on 127.0.0.1:7878'),
      expect.stringContaining('Connection established! #1 from 127.0.0.1:50001'),
      expect.stringContaining('#1: the peer ended its side (FIN)'),
      expect.stringContaining('#3: we ended our side (FIN)'),
      expect.stringContaining('#1 closed: by the peer'),
      expect.stringContaining('#2 closed by a reset (RST) from the peer: ECONNRESET'),
      expect.stringContaining('Dropped a connection from [::1]:5555'),
      expect.stringContaining('Could not listen on 127.0.0.1:80: EADDRINUSE'),
      expect.stringContaining('Stopped'),
    ])
    const items = region.querySelectorAll('li')
    expect(items[5]?.className).toContain('log-closed-reset')
    expect(items[4]?.className).not.toContain('log-closed-reset')
  })

  it('says when a probe found a half-closed connection gone, in both languages', () => {
    const found: LogEntry[] = [
      entry(1, {
        kind: 'closed',
        connectionNumber: 4,
        reason: 'reset',
        errorCode: 'EPIPE',
        isFoundByProbe: true,
      }),
      entry(2, {
        kind: 'closed',
        connectionNumber: 5,
        reason: 'error',
        errorCode: 'ETIMEDOUT',
        isFoundByProbe: true,
      }),
    ]
    const en = renderLog(found)
    expect(en.lines()).toEqual([
      expect.stringContaining(
        '#4 closed: after its FIN the peer reset the connection (RST); a zero-length write found it: EPIPE',
      ),
      expect.stringContaining(
        '#5 closed after the peer’s FIN: a zero-length write found the connection gone: ETIMEDOUT',
      ),
    ])
    expect(en.region.querySelectorAll('li')[0]?.className).toContain('log-closed-reset')
    en.unmount()
    const ru = renderLog(found, 'ru')
    expect(ru.lines()[0]).toContain('№4 закрыто: после своего FIN клиент сбросил соединение (RST)')
    expect(ru.lines()[1]).toContain('ETIMEDOUT')
  })

  it('says where the echo stopped at its cap, in both languages', () => {
    const capped = [entry(1, { kind: 'echo-capped', connectionNumber: 3, limit: 32 * 1024 * 1024 })]
    const en = renderLog(capped)
    expect(en.lines()[0]).toContain(
      '#3: echo stopped at its cap: more than 32 MB wait to be sent and the peer is not reading them',
    )
    en.unmount()
    expect(renderLog(capped, 'ru').lines()[0]).toContain('№3: эхо остановлено на пределе')
  })

  it('names the refusals at the open-file limit EMFILE, with the count and the limit', () => {
    const refused = [
      entry(1, {
        kind: 'accept-failed',
        code: 'EMFILE',
        isAtCapacity: true,
        remote: '127.0.0.1:50007',
        failures: 3,
        limit: 1024,
      }),
      entry(2, {
        kind: 'accept-failed',
        code: 'ENFILE',
        isAtCapacity: false,
        remote: null,
        failures: 4,
        limit: null,
      }),
    ]
    const en = renderLog(refused)
    expect(en.lines()).toEqual([
      expect.stringContaining(
        'Refused a connection from 127.0.0.1:50007: EMFILE, the open-file limit (1024) leaves no room for more connections. Refused so far: 3.',
      ),
      expect.stringContaining('accept() failed: ENFILE. Refused so far: 4.'),
    ])
    en.unmount()
    const ru = renderLog(refused, 'ru')
    expect(ru.lines()[0]).toContain('Отклонено соединение от 127.0.0.1:50007: EMFILE')
  })

  it("prints the book's line only where the listener's program would", () => {
    const { lines } = renderLog([
      entry(1, {
        kind: 'connection-established',
        connectionNumber: 4,
        remote: '127.0.0.1:50004',
        isBookLine: false,
      }),
    ])
    expect(lines()).toEqual([expect.stringContaining('Accepted #4 from 127.0.0.1:50004')])
    expect(lines()[0]).not.toContain('Connection established!')
  })

  it('filters by event kind', async () => {
    const user = userEvent.setup()
    const { lines } = renderLog(ENTRIES)
    const kinds = screen.getByRole('group', { name: 'Event kinds' })
    await user.click(within(kinds).getByRole('checkbox', { name: 'Accepted' }))
    await user.click(within(kinds).getByRole('checkbox', { name: 'Listener state' }))
    expect(lines().join('\n')).not.toContain('Connection established!')
    expect(lines().join('\n')).not.toContain('Listening on')
    expect(lines().join('\n')).not.toContain('Stopped')
    expect(lines()).toHaveLength(6)
    expect(screen.getByText('6 of 9 events shown')).toBeTruthy()
    for (const name of ['Peer ended', 'We ended', 'Closed', 'Dropped', 'Bind failed'])
      await user.click(within(kinds).getByRole('checkbox', { name }))
    expect(lines()).toEqual([])
    expect(screen.getByText('No event matches the filters.')).toBeTruthy()
    await user.click(within(kinds).getByRole('checkbox', { name: 'Accepted' }))
    expect(lines()).toEqual([expect.stringContaining('Connection established!')])
  })

  it('searches the text of the lines, in any case, listener names included', async () => {
    const user = userEvent.setup()
    const { lines } = renderLog(ENTRIES)
    const search = screen.getByRole('searchbox', { name: 'Search the log' })
    await user.type(search, 'econnreset')
    expect(lines()).toEqual([expect.stringContaining('ECONNRESET')])
    await user.clear(search)
    await user.type(search, 'listener 2')
    expect(lines()).toEqual([expect.stringContaining('[::1]:5555')])
    await user.clear(search)
    await user.type(search, 'connection established')
    expect(lines()).toHaveLength(1)
  })

  it('pauses auto-scroll when the user scrolls up, counts new events, and jumps back', async () => {
    const user = userEvent.setup()
    const many = Array.from({ length: 40 }, (_, i) => entry(i + 1, { kind: 'stopped' }))
    const resized = stubResizeObserver()
    const { scroller, rerender, region } = renderLog(many)
    layOut(scroller, 880, 200)
    scrollTo(scroller, 680)
    expect(within(region).queryByRole('status')).toBeNull()

    scrollTo(scroller, 300)
    const status = within(region).getByRole('status')
    expect(status.textContent).toContain('Auto-scroll paused')
    expect(status.textContent).not.toContain('below')

    const more = [...many, entry(41, { kind: 'stopped' }), entry(42, { kind: 'stopped' })]
    rerender(<EventLog entries={more} />)
    resized.layout()
    expect(within(region).getByRole('status').textContent).toContain(
      'Auto-scroll paused — 2 new events below',
    )
    // Paused: the view stays where the user left it.
    expect(scroller.scrollTop).toBe(300)

    Object.defineProperty(scroller, 'scrollHeight', { configurable: true, value: 924 })
    await user.click(within(region).getByRole('button', { name: 'Jump to the newest' }))
    expect(within(region).queryByRole('status')).toBeNull()
    expect(scroller.scrollTop).toBe(924 - 200)
    expect(document.activeElement).toBe(scroller)

    // Following again: new entries scroll the view to the end.
    Object.defineProperty(scroller, 'scrollHeight', { configurable: true, value: 946 })
    rerender(<EventLog entries={[...more, entry(43, { kind: 'stopped' })]} />)
    // The end is followed once the browser has laid the new line out (and says it grew).
    resized.layout()
    expect(scroller.scrollTop).toBe(946 - 200)
  })

  it('resumes following when the user scrolls back to the bottom', () => {
    const many = Array.from({ length: 40 }, (_, i) => entry(i + 1, { kind: 'stopped' }))
    const { scroller, region } = renderLog(many)
    layOut(scroller, 880, 200)
    scrollTo(scroller, 680)
    scrollTo(scroller, 100)
    expect(within(region).getByRole('status')).toBeTruthy()
    scrollTo(scroller, 400)
    expect(within(region).getByRole('status')).toBeTruthy()
    act(() => scrollTo(scroller, 680))
    expect(within(region).queryByRole('status')).toBeNull()
  })

  it('is translated', async () => {
    const user = userEvent.setup()
    const { lines, region, scroller, rerender } = renderLog(ENTRIES, 'ru')
    expect(lines()[3]).toContain('№3: мы завершили свою сторону (FIN)')
    expect(lines()[5]).toContain('№2 закрыто сбросом (RST) от клиента: ECONNRESET')
    const kinds = screen.getByRole('group', { name: 'Виды событий' })
    await user.click(within(kinds).getByRole('checkbox', { name: 'Мы завершили' }))
    expect(lines().join('\n')).not.toContain('мы завершили')
    expect(screen.getByText('показано 8 из 9 событий')).toBeTruthy()
    await user.type(screen.getByRole('searchbox', { name: 'Поиск по журналу' }), 'сбросом')
    expect(lines()).toHaveLength(1)
    await user.clear(screen.getByRole('searchbox', { name: 'Поиск по журналу' }))
    layOut(scroller, 880, 200)
    scrollTo(scroller, 680)
    scrollTo(scroller, 100)
    rerender(<EventLog entries={[...ENTRIES, entry(10, { kind: 'stopped' })]} />)
    expect(within(region).getByRole('status').textContent).toContain(
      'Автопрокрутка приостановлена — ниже 1 новое событие',
    )
    expect(within(region).getByRole('button', { name: 'К последним' })).toBeTruthy()
  })

  it('sums a burst of connections into one line that opens to show them all', async () => {
    const user = userEvent.setup()
    const burst: LogEntry[] = []
    for (let n = 1; n <= 300; n++)
      burst.push(
        entry(1000 + n * 2, {
          kind: 'connection-established',
          connectionNumber: n,
          remote: '127.0.0.1:50001',
          isBookLine: true,
        }),
        entry(1001 + n * 2, { kind: 'closed', connectionNumber: n, reason: 'us', errorCode: null }),
      )
    const all = [ENTRIES[0]!, ...burst]
    const { region, lines } = renderLog(all)
    expect(lines()).toHaveLength(2)
    expect(lines()[1]).toContain('300 connections accepted in 599 ms')
    expect(lines()[1]).toContain('FIN from the client: 0, closed: 300, reset: 0')
    const show = within(region).getByRole('button', { name: 'Show 600 lines' })
    expect(show.getAttribute('aria-expanded')).toBe('false')
    await user.click(show)
    // Open: the 600 lines follow the summary (without a layout the window renders the last 200).
    expect(lines()).toHaveLength(200)
    expect(lines().at(-1)).toContain('#300 closed')
    expect(lines().at(-2)).toContain('Connection established!')
    // A search shows matching lines, not bursts.
    await user.type(within(region).getByRole('searchbox'), '#300')
    expect(within(region).queryByRole('button', { name: /Show \d+ lines/ })).toBeNull()
  })

  it('words a burst in Russian', () => {
    const burst = Array.from({ length: 150 }, (_, i) =>
      entry(1000 + i, {
        kind: 'connection-established',
        connectionNumber: i + 1,
        remote: '127.0.0.1:50001',
        isBookLine: true,
      }),
    )
    const { lines, region } = renderLog(burst, 'ru')
    expect(lines()[0]).toContain('Принято 150 соединений за')
    expect(within(region).getByRole('button', { name: 'Показать 150 строк' })).toBeTruthy()
  })
})
