import { act, screen, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { describe, expect, it } from 'vitest'
import {
  fakeApi,
  makeConnection,
  makeListener,
  makeSnapshot,
  renderWith,
  storeWith,
} from '../test-utils'
import { App } from './App'

const listening = makeListener({
  state: 'listening',
  bound: { address: '127.0.0.1', port: 7878, family: 'IPv4' },
  counters: { accepted: 1, open: 1, dropped: 0, bytesIn: 5, bytesOut: 0 },
})
const snapshot = makeSnapshot({
  seq: 3,
  listeners: [listening],
  connections: [makeConnection(1, { bytesIn: 5, captured: 5 })],
  recentEvents: [
    { type: 'listener-changed', at: 1, listener: listening },
    { type: 'connection-accepted', at: 2, connection: makeConnection(1) },
  ],
})

describe('App', () => {
  it('shows every view in English', async () => {
    const user = userEvent.setup()
    const { api } = renderWith(<App />, { api: fakeApi(snapshot), store: storeWith(snapshot) })
    expect(document.documentElement.lang).toBe('en')
    expect(screen.getByRole('heading', { name: /Socket Lab/ })).toBeTruthy()
    const card = screen.getByRole('region', { name: 'Listener 1' })
    expect(within(card).getByRole('status').textContent).toBe('Listening on 127.0.0.1:7878')
    const table = screen.getByRole('table', { name: 'Connections' })
    expect(within(table).getByRole('row', { name: /127\.0\.0\.1:50001/ })).toBeTruthy()
    const log = screen.getByRole('region', { name: 'Event log' })
    expect(within(log).getAllByText('Connection established!')).toHaveLength(1)
    expect(log.textContent).toContain('Listening on 127.0.0.1:7878')
    expect(screen.getByRole('region', { name: 'Stream' })).toBeTruthy()
    await user.click(screen.getByRole('button', { name: 'Add listener' }))
    expect(api.addListener).toHaveBeenCalledWith({})
  })

  it('shows every view in Russian, keeping program output untranslated', async () => {
    renderWith(<App />, { api: fakeApi(snapshot), store: storeWith(snapshot), lang: 'ru' })
    await act(async () => {})
    expect(document.documentElement.lang).toBe('ru')
    const card = screen.getByRole('region', { name: 'Слушатель 1' })
    expect(within(card).getByRole('status').textContent).toBe('Слушает 127.0.0.1:7878')
    expect(within(card).getByRole('button', { name: 'Перестать слушать' })).toBeTruthy()
    expect(screen.getByRole('table', { name: 'Соединения' })).toBeTruthy()
    const log = screen.getByRole('region', { name: 'Журнал событий' })
    expect(within(log).getByText('Connection established!')).toBeTruthy()
    expect(screen.getByRole('region', { name: 'Поток' })).toBeTruthy()
    expect(screen.getByRole('button', { name: 'Добавить слушателя' })).toBeTruthy()
  })

  it('switches language from the header', async () => {
    const user = userEvent.setup()
    renderWith(<App />, { api: fakeApi(snapshot), store: storeWith(snapshot) })
    await user.selectOptions(screen.getByLabelText('Language'), 'ru')
    expect(screen.getByRole('region', { name: 'Слушатель 1' })).toBeTruthy()
    expect(document.documentElement.lang).toBe('ru')
  })

  it('shows the stream of the row the user selects', async () => {
    const user = userEvent.setup()
    renderWith(<App />, { api: fakeApi(snapshot), store: storeWith(snapshot) })
    await user.click(screen.getByRole('row', { name: /127\.0\.0\.1:50001/ }))
    const stream = screen.getByRole('region', { name: 'Stream' })
    expect(stream.textContent).toContain('Connection #1 from 127.0.0.1:50001')
  })

  it('shows the disconnected banner with Reconnect when the link is closed', async () => {
    const user = userEvent.setup()
    const store = storeWith(snapshot)
    store.dispatch({ type: 'link-changed', status: 'closed' })
    let reconnects = 0
    renderWith(<App onReconnect={() => reconnects++} />, { api: fakeApi(snapshot), store })
    const alert = screen.getByRole('alert')
    expect(alert.textContent).toContain('Disconnected from the Socket Lab server.')
    await user.click(within(alert).getByRole('button', { name: 'Reconnect' }))
    expect(reconnects).toBe(1)
  })
})
