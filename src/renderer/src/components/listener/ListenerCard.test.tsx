import { cleanup, screen, waitFor, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { describe, expect, it } from 'vitest'
import { fail, ok } from '../../../../shared/result'
import { fakeApi, makeBindFailure, makeListener, renderWith } from '../../test-utils'
import { ListenerCard } from './ListenerCard'

function renderCard(listener = makeListener(), api = fakeApi(), lang: 'en' | 'ru' = 'en') {
  const result = renderWith(<ListenerCard listener={listener} />, { api, lang })
  const card = screen.getByRole('region', {
    name: lang === 'en' ? `Listener ${listener.number}` : `Слушатель ${listener.number}`,
  })
  return { ...result, card: within(card) }
}

describe('ListenerCard', () => {
  it('says why a new listener did not get the book’s 7878: another listener has it', () => {
    const second = makeListener({
      id: 'l2',
      number: 2,
      settings: { ...makeListener().settings, port: 7879 },
    })
    // The default store holds listener 1 on 7878.
    const { card } = renderCard(second)
    expect(
      card.getByText('7878, the book’s port, is listener 1’s: this one got the next free port.'),
    ).toBeTruthy()
    const { card: first } = renderCard(makeListener({ id: 'l3', number: 3 }))
    expect(first.queryByText(/the book’s port/)).toBeNull()
  })

  it('has labelled Host and Port fields, a Start button and the status', () => {
    const { card } = renderCard()
    expect((card.getByLabelText('Host') as HTMLInputElement).value).toBe('127.0.0.1')
    expect((card.getByLabelText('Port') as HTMLInputElement).value).toBe('7878')
    expect(card.getByRole('button', { name: 'Start listening' })).toHaveProperty('disabled', false)
    expect(card.getByRole('status').textContent).toBe('Stopped')
  })

  it.each([
    ['8080x', 'A port is a whole number: digits only.'],
    ['1.5', 'A port is a whole number: digits only.'],
    ['-1', 'A port is between 0 and 65535.'],
    ['65536', 'A port is between 0 and 65535.'],
    ['', 'Enter a port from 0 to 65535.'],
  ])('refuses port %j inline and disables Start', async (bad, message) => {
    const user = userEvent.setup()
    const { card } = renderCard()
    const port = card.getByLabelText('Port')
    await user.clear(port)
    if (bad) await user.type(port, bad)
    expect(port.getAttribute('aria-invalid')).toBe('true')
    const described = document.getElementById(port.getAttribute('aria-describedby') ?? '')
    expect(described?.textContent).toBe(message)
    expect(card.getByRole('button', { name: 'Start listening' })).toHaveProperty('disabled', true)
    await user.clear(port)
    await user.type(port, '0')
    expect(port.getAttribute('aria-invalid')).toBeNull()
    expect(card.getByRole('button', { name: 'Start listening' })).toHaveProperty('disabled', false)
  })

  it('refuses an empty host', async () => {
    const user = userEvent.setup()
    const { card } = renderCard()
    await user.clear(card.getByLabelText('Host'))
    expect(card.getByLabelText('Host').getAttribute('aria-invalid')).toBe('true')
    expect(card.getByRole('button', { name: 'Start listening' })).toHaveProperty('disabled', true)
  })

  it('sends the edited port, then starts', async () => {
    const user = userEvent.setup()
    const { card, api } = renderCard()
    const port = card.getByLabelText('Port')
    await user.clear(port)
    await user.type(port, '8080')
    await user.click(card.getByRole('button', { name: 'Start listening' }))
    await waitFor(() => expect(api.startListener).toHaveBeenCalledWith({ listenerId: 'l1' }))
    expect(api.updateListener).toHaveBeenCalledWith({ listenerId: 'l1', port: 8080 })
    const lastUpdate = Math.max(...api.updateListener.mock.invocationCallOrder)
    expect(lastUpdate).toBeLessThan(api.startListener.mock.invocationCallOrder[0]!)
  })

  it('shows "Listening on" with the bound address, IPv6 bracketed, and locks the fields', () => {
    const { card, unmount } = renderCard(
      makeListener({
        state: 'listening',
        bound: { address: '127.0.0.1', port: 41234, family: 'IPv4' },
      }),
    )
    expect(card.getByRole('status').textContent).toBe('Listening on 127.0.0.1:41234')
    expect(card.getByLabelText('Port')).toHaveProperty('disabled', true)
    expect(card.getByRole('button', { name: 'Stop listening' })).toBeTruthy()
    unmount()
    const v6 = renderCard(
      makeListener({ state: 'listening', bound: { address: '::1', port: 7878, family: 'IPv6' } }),
    )
    expect(v6.card.getByRole('status').textContent).toBe('Listening on [::1]:7878')
  })

  it('stops letting connections finish, and offers Close all now while stopping', async () => {
    const user = userEvent.setup()
    const api = fakeApi()
    const listening = renderCard(makeListener({ state: 'listening' }), api)
    await user.click(listening.card.getByRole('button', { name: 'Stop listening' }))
    expect(api.stopListener).toHaveBeenCalledWith({ listenerId: 'l1', mode: 'let-finish' })
    listening.unmount()
    const stopping = renderCard(
      makeListener({
        state: 'stopping',
        counters: { accepted: 2, open: 2, dropped: 0, bytesIn: 9, bytesOut: 0 },
      }),
      api,
    )
    expect(stopping.card.getByRole('status').textContent).toBe('Stopping…')
    await user.click(stopping.card.getByRole('button', { name: 'Close all now' }))
    expect(api.stopListener).toHaveBeenLastCalledWith({ listenerId: 'l1', mode: 'close-all' })
  })

  it('asks before listening on a wildcard host, and starts only when accepted', async () => {
    const user = userEvent.setup()
    const { card, api } = renderCard(
      makeListener({ settings: { ...makeListener().settings, host: '0.0.0.0' } }),
    )
    await user.click(card.getByRole('button', { name: 'Start listening' }))
    expect(api.startListener).not.toHaveBeenCalled()
    const confirm = card.getByRole('group', { name: 'Listen on every network interface?' })
    expect(confirm.textContent).toContain('reachable from other machines on the network')
    await user.click(within(confirm).getByRole('button', { name: 'Cancel' }))
    expect(card.queryByRole('group', { name: /every network interface/ })).toBeNull()
    expect(api.startListener).not.toHaveBeenCalled()
    await user.click(card.getByRole('button', { name: 'Start listening' }))
    await user.click(card.getByRole('button', { name: 'Listen on 0.0.0.0' }))
    await waitFor(() => expect(api.startListener).toHaveBeenCalledTimes(1))
  })

  it('shows the bind error panel when start fails with BIND_FAILED', async () => {
    const user = userEvent.setup()
    const api = fakeApi()
    api.startListener.mockResolvedValue(
      fail({ code: 'BIND_FAILED', message: 'in use', bind: makeBindFailure() }),
    )
    const { card } = renderCard(makeListener(), api)
    await user.click(card.getByRole('button', { name: 'Start listening' }))
    const alert = await card.findByRole('alert')
    expect(alert.textContent).toContain('EADDRINUSE')
    expect(card.getByRole('status').textContent).toBe('Stopped')
  })

  it('groups the counters’ digits as the language does', () => {
    const listener = makeListener({
      counters: { accepted: 12_345, open: 1, dropped: 0, bytesIn: 4_260_352, bytesOut: 1_000 },
    })
    const en = renderCard(listener).card.getByLabelText('Counters')
    expect(en.textContent).toContain('accepted12,345')
    // A million bytes or more in MiB, so that the counter is not cut; the exact count in its title.
    expect(en.textContent).toContain('bytes in4.1 MiB')
    expect(en.textContent).toContain('bytes out1,000')
    expect(within(en).getByTitle('4,260,352 bytes').textContent).toBe('4.1 MiB')
    cleanup()
    const ru = renderCard(listener, fakeApi(), 'ru').card.getByLabelText('Счётчики')
    expect(ru.textContent?.replace(/\s/g, ' ')).toContain('12 345')
    expect(ru.textContent).toContain('4,1 МиБ')
  })

  it('shows the counters and applies settings with updateListener', async () => {
    const user = userEvent.setup()
    const { card, api } = renderCard(
      makeListener({ counters: { accepted: 3, open: 1, dropped: 2, bytesIn: 512, bytesOut: 0 } }),
    )
    const counters = card.getByLabelText('Counters')
    expect(counters.textContent).toContain('accepted3')
    expect(counters.textContent).toContain('dropped2')
    await user.click(card.getByText('Settings'))
    const max = card.getByLabelText('Max connections')
    await user.type(max, '0')
    expect(max.getAttribute('aria-invalid')).toBe('true')
    await user.clear(max)
    await user.type(max, '5')
    const cap = card.getByLabelText('Capture limit (KiB)')
    await user.clear(cap)
    await user.type(cap, '64')
    await user.click(card.getByRole('button', { name: 'Apply settings' }))
    expect(api.updateListener).toHaveBeenCalledWith({
      listenerId: 'l1',
      maxConnections: 5,
      captureLimitPerConnection: 64 * 1024,
    })
  })

  it('removes the listener', async () => {
    const user = userEvent.setup()
    const { card, api } = renderCard()
    await user.click(card.getByRole('button', { name: 'Remove listener 1' }))
    expect(api.removeListener).toHaveBeenCalledWith({ listenerId: 'l1' })
  })

  it('speaks Russian', async () => {
    const user = userEvent.setup()
    const api = fakeApi()
    api.updateListener.mockResolvedValue(ok(makeListener()))
    const { card } = renderCard(makeListener(), api, 'ru')
    expect(card.getByLabelText('Хост')).toBeTruthy()
    expect(card.getByRole('status').textContent).toBe('Остановлен')
    await user.clear(card.getByLabelText('Порт'))
    await user.type(card.getByLabelText('Порт'), '8080x')
    expect(card.getByText('Порт — целое число, только цифры.')).toBeTruthy()
    expect(card.getByRole('button', { name: 'Начать слушать' })).toHaveProperty('disabled', true)
  })
})
