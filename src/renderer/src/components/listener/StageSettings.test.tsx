import { render, screen, waitFor, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import type { ReactNode } from 'react'
import { describe, expect, it } from 'vitest'
import { HELLO_HTML } from '../../../../shared/book-pages'
import type { ListenerSettings, ListenerSnapshot } from '../../../../shared/contract'
import { fail } from '../../../../shared/result'
import { I18nProvider } from '../../i18n/I18nProvider'
import { applyBatches } from '../../state/apply-batch'
import {
  fakeApi,
  makeConnection,
  makeListener,
  makeSnapshot,
  renderWith,
  storeWith,
} from '../../test-utils'
import { EventLog } from '../log'
import { ListenerCard } from './ListenerCard'

function listenerWith(
  settings: Partial<ListenerSettings>,
  overrides: Partial<ListenerSnapshot> = {},
): ListenerSnapshot {
  const base = makeListener()
  return { ...base, ...overrides, settings: { ...base.settings, ...settings } }
}

function renderCard(listener = makeListener(), lang: 'en' | 'ru' = 'en', api = fakeApi()) {
  const store = storeWith(makeSnapshot({ listeners: [listener] }))
  const result = renderWith(<ListenerCard listener={listener} />, { api, lang, store })
  const card = screen.getByRole('region', {
    name: lang === 'en' ? `Listener ${listener.number}` : `Слушатель ${listener.number}`,
  })
  return { ...result, card: within(card) }
}

const RESPONDER_NAMES = [
  'Silent',
  'Close at once',
  'Read request, then close',
  'Echo',
  'HTTP hello',
  'HTTP routes',
  'HTTP slow route',
  'Forward to my server',
]

describe('stage settings in a listener card', () => {
  it('offers the responders and handlings by name, Silent explained by default', () => {
    const { card } = renderCard()
    const responder = card.getByRole('combobox', { name: 'Responder' })
    expect(
      within(responder)
        .getAllByRole('option')
        .map((o) => o.textContent),
    ).toEqual(RESPONDER_NAMES)
    expect((responder as HTMLSelectElement).value).toBe('silent')
    const help = document.getElementById(responder.getAttribute('aria-describedby') ?? '')
    expect(help?.textContent).toMatch(/nothing is answered/)

    const handling = card.getByRole('combobox', { name: 'Handling' })
    expect(
      within(handling)
        .getAllByRole('option')
        .map((o) => o.textContent),
    ).toEqual(['Single thread', 'Thread pool', 'Thread per connection'])
    // Silent reads nothing: handling does not apply, and the card says why.
    expect(handling).toHaveProperty('disabled', true)
    expect(
      document.getElementById(handling.getAttribute('aria-describedby') ?? '')?.textContent,
    ).toMatch(/does not read requests/)
    expect(card.queryByRole('spinbutton', { name: 'Workers' })).toBeNull()
    expect(card.queryByRole('spinbutton', { name: 'Sleep seconds' })).toBeNull()
    expect(card.queryByRole('region', { name: 'Worker threads' })).toBeNull()
  })

  it('sends a new responder, then shows what applies to it', async () => {
    const user = userEvent.setup()
    const { card, api } = renderCard()
    await user.selectOptions(card.getByRole('combobox', { name: 'Responder' }), 'Close at once')
    expect(api.updateListener).toHaveBeenCalledWith({
      listenerId: 'l1',
      responder: 'close-at-once',
    })
    expect(card.getByText(/Listing 20-1: the stream is dropped at once/)).toBeTruthy()

    await user.selectOptions(card.getByRole('combobox', { name: 'Responder' }), 'HTTP slow route')
    expect(api.updateListener).toHaveBeenLastCalledWith({
      listenerId: 'l1',
      responder: 'http-slow-route',
    })
    expect(card.getByRole('combobox', { name: 'Handling' })).toHaveProperty('disabled', false)
    // The default handling is the book's pool of 4.
    expect((card.getByRole('spinbutton', { name: 'Workers' }) as HTMLInputElement).value).toBe('4')
    expect(
      (card.getByRole('spinbutton', { name: 'Sleep seconds' }) as HTMLInputElement).value,
    ).toBe('5')
  })

  it('goes back to the engine’s responder when the engine refuses', async () => {
    const user = userEvent.setup()
    const api = fakeApi()
    api.updateListener.mockResolvedValue(fail({ code: 'INVALID_REQUEST', message: 'no' }))
    const { card } = renderCard(makeListener(), 'en', api)
    const responder = card.getByRole('combobox', { name: 'Responder' }) as HTMLSelectElement
    await user.selectOptions(responder, 'Echo')
    await waitFor(() => expect(responder.value).toBe('silent'))
    expect(card.getByRole('alert')).toBeTruthy()
  })

  it('shows Workers only for the thread pool, and sends the handling and a valid count', async () => {
    const user = userEvent.setup()
    const { card, api } = renderCard(listenerWith({ responder: 'http-routes' }))
    expect(card.queryByRole('spinbutton', { name: 'Sleep seconds' })).toBeNull()
    const workers = card.getByRole('spinbutton', { name: 'Workers' })
    await user.clear(workers)
    await user.type(workers, '8')
    await user.tab()
    expect(api.updateListener).toHaveBeenCalledWith({ listenerId: 'l1', workers: 8 })

    await user.selectOptions(card.getByRole('combobox', { name: 'Handling' }), 'Single thread')
    expect(api.updateListener).toHaveBeenLastCalledWith({
      listenerId: 'l1',
      handling: 'single-thread',
    })
    expect(card.queryByRole('spinbutton', { name: 'Workers' })).toBeNull()
  })

  it.each(['0', '65'])('refuses %s workers inline and sends nothing', async (bad) => {
    const user = userEvent.setup()
    const { card, api } = renderCard(listenerWith({ responder: 'read-request-then-close' }))
    const workers = card.getByRole('spinbutton', { name: 'Workers' })
    await user.clear(workers)
    await user.type(workers, `${bad}{Enter}`)
    await user.tab()
    expect(workers.getAttribute('aria-invalid')).toBe('true')
    expect(
      document.getElementById(workers.getAttribute('aria-describedby') ?? '')?.textContent,
    ).toBe('Enter a whole number from 1 to 64.')
    expect(api.updateListener).not.toHaveBeenCalled()
  })

  it('sends sleep seconds and stop-after, empty stop-after meaning never', async () => {
    const user = userEvent.setup()
    const { card, api } = renderCard(
      listenerWith({ responder: 'http-slow-route', stopAfter: 2 }, { state: 'listening' }),
    )
    const sleep = card.getByRole('spinbutton', { name: 'Sleep seconds' })
    await user.clear(sleep)
    await user.type(sleep, '61')
    await user.tab()
    expect(sleep.getAttribute('aria-invalid')).toBe('true')
    expect(api.updateListener).not.toHaveBeenCalled()
    await user.clear(sleep)
    await user.type(sleep, '0{Enter}')
    expect(api.updateListener).toHaveBeenCalledWith({ listenerId: 'l1', sleepSeconds: 0 })

    const stopAfter = card.getByRole('spinbutton', { name: 'Stop after N connections' })
    expect((stopAfter as HTMLInputElement).value).toBe('2')
    await user.clear(stopAfter)
    await user.tab()
    expect(api.updateListener).toHaveBeenLastCalledWith({ listenerId: 'l1', stopAfter: null })
  })

  it('edits hello.html in Pages, saves on blur and resets to the book’s page', async () => {
    const user = userEvent.setup()
    const edited = '<h1>Mine</h1>'
    const { card, api } = renderCard(listenerWith({ responder: 'http-hello', helloHtml: edited }))
    await user.click(card.getByText('Pages and heads'))
    expect(card.queryByRole('textbox', { name: '404.html' })).toBeNull()
    const hello = card.getByRole('group', { name: 'hello.html' })
    const text = within(hello).getByRole('textbox', { name: 'hello.html' })
    expect((text as HTMLTextAreaElement).value).toBe(edited)
    await user.type(text, '!')
    await user.tab()
    expect(api.updateListener).toHaveBeenCalledWith({ listenerId: 'l1', helloHtml: `${edited}!` })
    await user.click(within(hello).getByRole('button', { name: 'Reset to the book’s page' }))
    expect(api.updateListener).toHaveBeenLastCalledWith({ listenerId: 'l1', helloHtml: HELLO_HTML })
  })

  it('renders in Russian', () => {
    const { card } = renderCard(listenerWith({ responder: 'http-routes' }), 'ru')
    const responder = card.getByRole('combobox', { name: 'Ответчик' })
    expect(within(responder).getByRole('option', { name: 'HTTP: маршруты' })).toBeTruthy()
    expect(card.getByRole('combobox', { name: 'Обработка' })).toBeTruthy()
    expect(card.getByRole('option', { name: 'Пул потоков' })).toBeTruthy()
    expect(card.getByRole('spinbutton', { name: 'Потоков в пуле' })).toBeTruthy()
    expect(card.getByText(/Листинги 20-6–20-9/)).toBeTruthy()
  })
})

describe('the workers view', () => {
  const busy = listenerWith(
    { responder: 'http-slow-route', handling: 'thread-pool' },
    { state: 'listening', workers: ['L1#1', null, 'L1#3', null], queued: ['L1#4'], handled: 7 },
  )

  it('shows each worker idle or busy, the queue and the handled count', () => {
    const { card } = renderCard(busy)
    const view = within(card.getByRole('region', { name: 'Worker threads' }))
    expect(view.getAllByRole('listitem').map((li) => li.textContent?.slice(2))).toEqual([
      'Worker 0 — busy with #1',
      'Worker 1 — idle',
      'Worker 2 — busy with #3',
      'Worker 3 — idle',
    ])
    expect(view.getByText('Waiting: #4')).toBeTruthy()
    expect(view.getByText('7 connections handled')).toBeTruthy()
    expect(view.queryByText(/warning/)).toBeNull()
  })

  it('names connections by the numbers the store knows', () => {
    const listener = { ...busy, workers: ['c12', null], queued: [] }
    const store = storeWith(
      makeSnapshot({ listeners: [listener], connections: [makeConnection(12)] }),
    )
    renderWith(<ListenerCard listener={listener} />, { store })
    const view = within(screen.getByRole('region', { name: 'Worker threads' }))
    expect(view.getByText(/Worker 0 — busy with #12/)).toBeTruthy()
    expect(view.getByText('queue empty')).toBeTruthy()
  })

  it('counts threads per connection with the book’s warning', () => {
    const { card } = renderCard({
      ...busy,
      settings: { ...busy.settings, handling: 'thread-per-connection' },
    })
    expect(card.getByText('2 threads running')).toBeTruthy()
    expect(card.getByText(/no limit/)).toBeTruthy()
  })

  it('speaks Russian with plural forms', () => {
    const { card } = renderCard(
      { ...busy, handled: 3, settings: { ...busy.settings, handling: 'thread-per-connection' } },
      'ru',
    )
    const view = within(card.getByRole('region', { name: 'Рабочие потоки' }))
    expect(view.getByText(/Поток 0 — занят соединением #1/)).toBeTruthy()
    expect(view.getByText(/Поток 1 — свободен/)).toBeTruthy()
    expect(view.getByText('Ждут: #4')).toBeTruthy()
    expect(view.getByText('обработано 3 соединения')).toBeTruthy()
    expect(view.getByText('работает 2 потока')).toBeTruthy()
  })
})

describe('program output in the log', () => {
  function logAfterEvents() {
    const listener = makeListener({ state: 'listening' })
    const store = storeWith(
      makeSnapshot({ listeners: [listener], connections: [makeConnection(3)] }),
    )
    return applyBatches(store.getState(), [
      {
        seq: 1,
        events: [
          { type: 'worker-changed', at: 1, listenerId: 'l1', worker: 0, connectionId: 'c3' },
          { type: 'queue-changed', at: 2, listenerId: 'l1', queued: [] },
          {
            type: 'program-output',
            at: 3,
            listenerId: 'l1',
            connectionId: 'c3',
            text: 'Worker 0 got a job; executing.',
          },
          {
            type: 'program-output',
            at: 4,
            listenerId: 'l1',
            connectionId: null,
            text: 'Shutting down worker 0',
          },
        ],
      },
    ]).log
  }

  function renderLog(lang: 'en' | 'ru') {
    const wrapper = ({ children }: { children: ReactNode }) => (
      <I18nProvider lang={lang}>{children}</I18nProvider>
    )
    render(<EventLog entries={logAfterEvents()} />, { wrapper })
    return within(
      screen.getByRole('region', { name: lang === 'en' ? 'Event log' : 'Журнал событий' }),
    )
  }

  it('adds the program’s lines, not the worker and queue changes', () => {
    const log = logAfterEvents()
    expect(log.map((e) => e.message)).toEqual([
      { kind: 'program', text: 'Worker 0 got a job; executing.', connectionNumber: 3 },
      { kind: 'program', text: 'Shutting down worker 0', connectionNumber: null },
    ])
    expect(log.every((e) => e.listenerNumber === 1)).toBe(true)
  })

  it('shows them as program output with the listener, filterable', async () => {
    const user = userEvent.setup()
    const log = renderLog('en')
    const line = log.getByText('Worker 0 got a job; executing.')
    expect(line.className).toBe('program-output')
    expect(line.closest('li')?.textContent).toContain('L1')
    expect(line.closest('li')?.textContent).toContain('connection #3')
    await user.click(log.getByRole('checkbox', { name: 'Program output' }))
    expect(log.queryByText('Worker 0 got a job; executing.')).toBeNull()
  })

  it('keeps the program’s text untranslated in Russian', () => {
    const log = renderLog('ru')
    expect(log.getByText('Shutting down worker 0').className).toBe('program-output')
    expect(log.getByText('соединение #3')).toBeTruthy()
    expect(log.getByRole('checkbox', { name: 'Вывод программы' })).toBeTruthy()
  })
})
