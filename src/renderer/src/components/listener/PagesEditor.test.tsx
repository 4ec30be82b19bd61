import { screen, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { describe, expect, it } from 'vitest'
import { HELLO_HEAD, NOT_FOUND_HEAD } from '../../../../shared/book-pages'
import type { ListenerSettings } from '../../../../shared/contract'
import { fakeApi, makeListener, makeSnapshot, renderWith, storeWith } from '../../test-utils'
import { ListenerCard } from './ListenerCard'

function renderCard(settings: Partial<ListenerSettings>, lang: 'en' | 'ru' = 'en') {
  const base = makeListener()
  const listener = { ...base, settings: { ...base.settings, ...settings } }
  const api = fakeApi()
  const store = storeWith(makeSnapshot({ listeners: [listener] }))
  renderWith(<ListenerCard listener={listener} />, { api, lang, store })
  return { api, card: within(screen.getByRole('region', { name: /Listener 1|Слушатель 1/ })) }
}

describe('the response heads editor', () => {
  it('shows the book’s heads with \\r visible, and the linter finds nothing', async () => {
    const user = userEvent.setup()
    const { card } = renderCard({ responder: 'http-routes' })
    await user.click(card.getByText('Pages and heads'))
    const head = card.getByRole('textbox', { name: 'Head of hello.html' })
    expect((head as HTMLTextAreaElement).value).toBe(
      'HTTP/1.1 200 OK\\r\nContent-Length: {length}\\r\n\\r\n',
    )
    expect(
      (card.getByRole('textbox', { name: 'Head of 404.html' }) as HTMLTextAreaElement).value,
    ).toMatch(/^HTTP\/1\.1 404 NOT FOUND\\r\n/)
    expect(card.getByRole('group', { name: 'Linter: hello.html' }).textContent).toBe(
      'The linter finds nothing wrong with this response.',
    )
    // Closing is explained once: graceful here, RST when a server closes with bytes unread.
    expect(card.getByText(/connection reset/, { selector: 'p.field-hint' })).toBeTruthy()
  })

  it('warns live as the head is edited, yet saves it on blur (a warning does not block)', async () => {
    const user = userEvent.setup()
    const { card, api } = renderCard({ responder: 'http-hello' })
    await user.click(card.getByText('Pages and heads'))
    const head = card.getByRole('textbox', { name: 'Head of hello.html' })
    await user.clear(head)
    // Typed line breaks are bare \n; \r must be written.
    await user.type(head, 'HTTP/1.1 200 OK{Enter}{Enter}')
    const lint = card.getByRole('group', { name: 'Linter: hello.html' })
    const items = within(lint)
      .getAllByRole('listitem')
      .map((li) => li.textContent)
    expect(items).toHaveLength(2)
    expect(items[0]).toMatch(/^Line 1 of the head ends with a bare \\n instead of \\r\\n/)
    expect(items[1]).toMatch(/^No Content-Length/)
    await user.tab()
    expect(api.updateListener).toHaveBeenLastCalledWith({
      listenerId: 'l1',
      helloHead: 'HTTP/1.1 200 OK\n\n',
    })
  })

  it('counts the page in UTF-8 bytes: a Content-Length in characters is too small', async () => {
    const user = userEvent.setup()
    const { card } = renderCard({
      responder: 'http-hello',
      helloHead: 'HTTP/1.1 200 OK\r\nContent-Length: 6\r\n\r\n',
      helloHtml: 'Привет',
    })
    await user.click(card.getByText('Pages and heads'))
    expect(card.getByRole('group', { name: 'Linter: hello.html' }).textContent).toContain(
      'Content-Length says 6 bytes, but the page has 12 (UTF-8)',
    )
    // Editing the page re-lints at once.
    const page = card.getByRole('textbox', { name: 'hello.html' })
    await user.clear(page)
    await user.type(page, 'Hello!')
    expect(card.getByRole('group', { name: 'Linter: hello.html' }).textContent).toBe(
      'The linter finds nothing wrong with this response.',
    )
  })

  it('refuses a bad escape inline and sends nothing', async () => {
    const user = userEvent.setup()
    const { card, api } = renderCard({ responder: 'http-hello' })
    await user.click(card.getByText('Pages and heads'))
    const head = card.getByRole('textbox', { name: 'Head of hello.html' })
    await user.type(head, '\\q')
    expect(head.getAttribute('aria-invalid')).toBe('true')
    const message = document.getElementById(head.getAttribute('aria-describedby') ?? '')
    expect(message?.textContent).toMatch(/^Unknown escape at character \d+/)
    await user.tab()
    expect(api.updateListener).not.toHaveBeenCalled()
  })

  it('resets a head to the book’s bytes', async () => {
    const user = userEvent.setup()
    const { card, api } = renderCard({
      responder: 'http-routes',
      notFoundHead: 'HTTP/1.1 404 Not Found\r\n\r\n',
    })
    await user.click(card.getByText('Pages and heads'))
    const notFound = card.getByRole('group', { name: '404.html' })
    const hello = card.getByRole('group', { name: 'hello.html' })
    expect(within(hello).getByRole('button', { name: 'Reset to the book’s head' })).toHaveProperty(
      'disabled',
      true,
    )
    await user.click(within(notFound).getByRole('button', { name: 'Reset to the book’s head' }))
    expect(api.updateListener).toHaveBeenLastCalledWith({
      listenerId: 'l1',
      notFoundHead: NOT_FOUND_HEAD,
    })
    expect(HELLO_HEAD).toBe('HTTP/1.1 200 OK\r\nContent-Length: {length}\r\n\r\n')
  })

  it('speaks Russian', async () => {
    const user = userEvent.setup()
    const { card } = renderCard(
      { responder: 'http-hello', helloHead: 'HTTP/1.1 200 OK\r\n\r\n' },
      'ru',
    )
    await user.click(card.getByText('Страницы и заголовки'))
    expect(card.getByRole('textbox', { name: 'Заголовок ответа hello.html' })).toBeTruthy()
    expect(card.getByRole('group', { name: 'Проверка: hello.html' }).textContent).toContain(
      'Нет Content-Length',
    )
  })
})
