import { act, screen, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { DEFAULT_SETTINGS, type AppSettings, type LoadedSettings } from '../../../shared/settings'
import type { Lang } from '../i18n/translate'
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
    // The lesson below the cards is one click away: "Lesson ↓" focuses it.
    await user.click(screen.getByRole('button', { name: 'Lesson' }))
    expect(document.activeElement).toBe(screen.getByRole('region', { name: 'Lesson' }))
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

function withSettings(
  settings: Partial<AppSettings>,
  problem: LoadedSettings['problem'] = null,
): ReturnType<typeof storeWith> {
  const store = storeWith(snapshot)
  store.dispatch({
    type: 'settings-loaded',
    loaded: { settings: { ...DEFAULT_SETTINGS, ...settings }, problem },
  })
  return store
}

function renderApp(store = storeWith(snapshot), lang: Lang = 'en') {
  return renderWith(<App />, { api: fakeApi(snapshot), store, lang })
}

describe('App settings', () => {
  afterEach(() => {
    delete document.documentElement.dataset.theme
    vi.restoreAllMocks()
  })

  it('applies the saved language and theme', async () => {
    renderApp(withSettings({ language: 'ru', theme: 'dark' }))
    expect(await screen.findByRole('region', { name: 'Слушатель 1' })).toBeTruthy()
    expect(document.documentElement.lang).toBe('ru')
    expect(document.documentElement.dataset.theme).toBe('dark')
    expect((screen.getByLabelText('Тема') as HTMLSelectElement).value).toBe('dark')
  })

  it('follows the OS language and colour scheme when nothing was chosen', async () => {
    vi.spyOn(navigator, 'languages', 'get').mockReturnValue(['ru-RU', 'en'])
    document.documentElement.dataset.theme = 'light'
    renderApp(withSettings({ language: null, theme: 'system' }), 'en')
    expect(await screen.findByRole('region', { name: 'Слушатель 1' })).toBeTruthy()
    expect(document.documentElement.dataset.theme).toBeUndefined()
  })

  it('keeps the starting language while the settings load or when they failed', async () => {
    const store = storeWith(snapshot)
    renderApp(store, 'en')
    await act(async () => {})
    expect(screen.getByRole('region', { name: 'Listener 1' })).toBeTruthy()
    act(() => store.dispatch({ type: 'settings-failed' }))
    expect(screen.getByRole('region', { name: 'Listener 1' })).toBeTruthy()
    expect(document.documentElement.dataset.theme).toBeUndefined()
  })

  it('saves the theme and the language when switched', async () => {
    const user = userEvent.setup()
    const { api, store } = renderApp(withSettings({}))
    await user.selectOptions(screen.getByLabelText('Theme'), 'Dark')
    expect(api.setSettings).toHaveBeenLastCalledWith({ theme: 'dark' })
    expect(document.documentElement.dataset.theme).toBe('dark')
    await user.selectOptions(screen.getByLabelText('Theme'), 'Light')
    expect(document.documentElement.dataset.theme).toBe('light')
    await user.selectOptions(screen.getByLabelText('Theme'), 'System')
    expect(document.documentElement.dataset.theme).toBeUndefined()
    await user.selectOptions(screen.getByLabelText('Language'), 'ru')
    expect(api.setSettings).toHaveBeenLastCalledWith({ language: 'ru' })
    expect(store.getState().settings.language).toBe('ru')
    expect(screen.getByRole('region', { name: 'Слушатель 1' })).toBeTruthy()
    expect(screen.getByLabelText('Тема')).toBeTruthy()
  })

  it('keeps a switched theme when saving fails', async () => {
    const user = userEvent.setup()
    vi.spyOn(console, 'warn').mockImplementation(() => {})
    const { api } = renderApp(withSettings({}))
    api.setSettings.mockRejectedValue(new Error('older engine'))
    await user.selectOptions(screen.getByLabelText('Theme'), 'Dark')
    expect(document.documentElement.dataset.theme).toBe('dark')
  })

  it('shows a dismissible notice when the saved settings could not be read', async () => {
    const user = userEvent.setup()
    const problem = { kind: 'corrupt' as const, message: 'Unexpected token } in JSON at 12' }
    renderApp(withSettings({}, problem))
    const alert = await screen.findByRole('alert')
    expect(alert.textContent).toContain(
      'Your saved settings could not be read (the file is damaged) and were replaced by defaults.',
    )
    expect(alert.textContent).toContain('Unexpected token } in JSON at 12')
    await user.click(within(alert).getByRole('button', { name: 'Dismiss' }))
    expect(screen.queryByRole('alert')).toBeNull()
  })

  it('words the notice in Russian', async () => {
    const problem = { kind: 'unreadable' as const, message: 'EACCES: permission denied' }
    renderApp(withSettings({ language: 'ru' }, problem), 'ru')
    const alert = await screen.findByRole('alert')
    expect(alert.textContent).toContain(
      'Сохранённые настройки не удалось прочитать (файл не удалось открыть)',
    )
    expect(within(alert).getByRole('button', { name: 'Закрыть' })).toBeTruthy()
  })
})
