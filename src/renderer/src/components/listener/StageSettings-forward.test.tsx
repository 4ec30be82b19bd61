import { screen, waitFor, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { describe, expect, it } from 'vitest'
import type { ListenerSettings, ListenerSnapshot } from '../../../../shared/contract'
import { fail } from '../../../../shared/result'
import { fakeApi, makeListener, makeSnapshot, renderWith, storeWith } from '../../test-utils'
import { ListenerCard } from './ListenerCard'

function listenerWith(settings: Partial<ListenerSettings>): ListenerSnapshot {
  const base = makeListener()
  return { ...base, settings: { ...base.settings, ...settings } }
}

const forwarding = listenerWith({ responder: 'forward' })

function renderCard(listener = forwarding, lang: 'en' | 'ru' = 'en', api = fakeApi()) {
  const store = storeWith(makeSnapshot({ listeners: [listener] }))
  renderWith(<ListenerCard listener={listener} />, { api, lang, store })
  const card = screen.getByRole('region', {
    name: lang === 'en' ? 'Listener 1' : 'Слушатель 1',
  })
  return { card: within(card), api }
}

/** The message a field's aria-describedby points at. */
function messageOf(field: HTMLElement): string | undefined {
  return document.getElementById(field.getAttribute('aria-describedby') ?? '')?.textContent ?? ''
}

describe('stage settings: Forward to my server', () => {
  it('shows the target’s fields only for Forward to my server, with the defaults', async () => {
    const user = userEvent.setup()
    const { card, api } = renderCard(makeListener())
    expect(card.queryByRole('textbox', { name: 'Target host' })).toBeNull()
    expect(card.queryByRole('textbox', { name: 'Target port' })).toBeNull()

    const responder = card.getByRole('combobox', { name: 'Responder' })
    await user.selectOptions(responder, 'Forward to my server')
    expect(api.updateListener).toHaveBeenCalledWith({ listenerId: 'l1', responder: 'forward' })
    expect((card.getByRole('textbox', { name: 'Target host' }) as HTMLInputElement).value).toBe(
      '127.0.0.1',
    )
    expect((card.getByRole('textbox', { name: 'Target port' }) as HTMLInputElement).value).toBe(
      '7879',
    )
    const timeout = card.getByRole('spinbutton', { name: 'Timeout (seconds)' })
    expect((timeout as HTMLInputElement).value).toBe('10')
    const help = messageOf(responder)
    expect(help).toMatch(/opens one to your own server/)
    expect(help).toMatch(/both ways unchanged/)
    expect(help).toMatch(/change 7878 to 7879 .*cargo run/)

    await user.selectOptions(responder, 'Echo')
    expect(card.queryByRole('textbox', { name: 'Target host' })).toBeNull()
  })

  it('sends the port and the timeout when left valid, and refuses port 0 inline', async () => {
    const user = userEvent.setup()
    const { card, api } = renderCard()
    const port = card.getByRole('textbox', { name: 'Target port' })
    await user.clear(port)
    await user.type(port, '0')
    await user.tab()
    expect(port.getAttribute('aria-invalid')).toBe('true')
    expect(messageOf(port)).toMatch(/^Port 0 only means “any free port” when listening/)
    expect(api.updateListener).not.toHaveBeenCalled()

    await user.clear(port)
    await user.type(port, '8080')
    await user.tab()
    expect(api.updateListener).toHaveBeenLastCalledWith({ listenerId: 'l1', targetPort: 8080 })

    const timeout = card.getByRole('spinbutton', { name: 'Timeout (seconds)' })
    await user.clear(timeout)
    await user.type(timeout, '601{Enter}')
    expect(messageOf(timeout)).toBe('Enter a whole number from 1 to 600.')
    expect(api.updateListener).toHaveBeenCalledTimes(1)
    await user.clear(timeout)
    await user.type(timeout, '30{Enter}')
    expect(api.updateListener).toHaveBeenLastCalledWith({
      listenerId: 'l1',
      targetTimeoutSeconds: 30,
    })
  })

  it('sends a loopback host as it is', async () => {
    const user = userEvent.setup()
    const { card, api } = renderCard()
    const host = card.getByRole('textbox', { name: 'Target host' })
    await user.clear(host)
    await user.type(host, 'localhost')
    await user.tab()
    expect(api.updateListener).toHaveBeenCalledWith({ listenerId: 'l1', targetHost: 'localhost' })
    expect(card.queryByRole('checkbox')).toBeNull()
  })

  it('sends another machine only once the user confirms it, saying so in the request', async () => {
    const user = userEvent.setup()
    const { card, api } = renderCard()
    const host = card.getByRole('textbox', { name: 'Target host' })
    await user.clear(host)
    await user.type(host, '192.168.1.20')
    await user.tab()
    expect(api.updateListener).not.toHaveBeenCalled()
    const group = card.getByRole('group', { name: /192\.168\.1\.20 is not this computer/ })
    const confirm = within(group).getByRole('checkbox', {
      name: 'Forward to 192.168.1.20, another machine',
    })
    expect(confirm).toHaveProperty('checked', false)
    await user.click(confirm)
    expect(api.updateListener).toHaveBeenCalledWith({
      listenerId: 'l1',
      targetHost: '192.168.1.20',
      confirmedRemoteTarget: true,
    })

    // Another host asks again.
    await user.clear(host)
    await user.type(host, '10.0.0.5')
    expect(card.getByRole('checkbox', { name: /10\.0\.0\.5/ })).toHaveProperty('checked', false)
  })

  it('shows the engine’s refusal at its field, not on the card', async () => {
    const user = userEvent.setup()
    const api = fakeApi()
    api.updateListener.mockResolvedValue(
      fail({
        code: 'INVALID_INPUT',
        message: 'The target host is not this machine: confirm forwarding to it first',
        field: 'targetHost',
        reason: 'remote-not-confirmed',
      }),
    )
    const { card } = renderCard(forwarding, 'en', api)
    const host = card.getByRole('textbox', { name: 'Target host' })
    await user.clear(host)
    await user.type(host, '127.0.0.2')
    await user.tab()
    await waitFor(() => expect(host.getAttribute('aria-invalid')).toBe('true'))
    expect(messageOf(host)).toBe(
      'This host is not this computer: confirm below that Socket Lab may connect to it.',
    )
    expect(card.queryByRole('alert')).toBeNull()
    // Typing again clears it.
    await user.type(host, '3')
    expect(host.getAttribute('aria-invalid')).toBeNull()
  })

  it('speaks Russian, the refusal too', async () => {
    const user = userEvent.setup()
    const api = fakeApi()
    api.updateListener.mockResolvedValue(
      fail({
        code: 'INVALID_INPUT',
        message: 'Port must be between 0 and 65535',
        field: 'targetPort',
        reason: 'port-out-of-range',
      }),
    )
    const { card } = renderCard(forwarding, 'ru', api)
    expect(card.getByRole('option', { name: 'Пересылать на мой сервер' })).toBeTruthy()
    expect(card.getByRole('spinbutton', { name: 'Тайм-аут (секунд)' })).toBeTruthy()
    const port = card.getByRole('textbox', { name: 'Порт цели' })
    await user.clear(port)
    await user.type(port, '9000')
    await user.tab()
    await waitFor(() => expect(messageOf(port)).toBe('Порт должен быть от 0 до 65535.'))
    const host = card.getByRole('textbox', { name: 'Хост цели' })
    await user.clear(host)
    await user.type(host, 'example.org')
    expect(
      card.getByRole('checkbox', { name: 'Пересылать на example.org — другую машину' }),
    ).toBeTruthy()
  })
})
