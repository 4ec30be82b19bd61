import { screen, waitFor, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { describe, expect, it } from 'vitest'
import { toBase64 } from '../../../../shared/byte-formats'
import { makeConnection, makeSnapshot, renderWith, storeWith } from '../../test-utils'
import { apiServing, conversationConnection, enc } from '../../inspector-test-kit'
import { StreamView } from '../inspector'

function stream(): HTMLElement {
  return screen.getByRole('region', { name: 'Stream' })
}

describe('Composer', () => {
  it('sends text with escapes and CRLF line endings to this connection', async () => {
    const user = userEvent.setup()
    const api = apiServing()
    renderWith(<StreamView connection={conversationConnection()} />, { api })
    const message = within(stream()).getByRole('textbox', { name: 'Message' })
    await user.type(message, 'HTTP/1.1 200 OK{Enter}\\x41\\t\\r\\n')
    expect(stream().textContent).toContain('21 bytes to send')
    await user.click(within(stream()).getByRole('button', { name: 'Send' }))
    expect(api.send).toHaveBeenCalledTimes(1)
    expect(api.send).toHaveBeenCalledWith({
      connectionId: 'c1',
      base64: toBase64(enc('HTTP/1.1 200 OK\r\nA\t\r\n')),
    })
    expect(await screen.findByText('Sent 21 bytes.')).toBeTruthy()
  })

  it('sends hex', async () => {
    const user = userEvent.setup()
    const api = apiServing()
    renderWith(<StreamView connection={conversationConnection()} />, { api })
    await user.selectOptions(within(stream()).getByRole('combobox', { name: 'Input' }), 'Hex')
    await user.type(within(stream()).getByRole('textbox', { name: 'Message' }), '48 69 0d0a')
    await user.click(within(stream()).getByRole('button', { name: 'Send' }))
    expect(api.send).toHaveBeenCalledWith({
      connectionId: 'c1',
      base64: toBase64(new Uint8Array([0x48, 0x69, 0x0d, 0x0a])),
    })
  })

  it.each([
    ['Hex', '48 6', 'Odd number of hex digits: two digits per byte at character 4.'],
    [
      'Text (\\r \\n \\t \\xNN)',
      'ab\\q',
      'Unknown escape: use \\r, \\n, \\t, \\0, \\\\ or \\xNN at character 3.',
    ],
  ])('in %s mode, bad input is an inline error and nothing is sent', async (mode, input, error) => {
    const user = userEvent.setup()
    const api = apiServing()
    renderWith(<StreamView connection={conversationConnection()} />, { api })
    await user.selectOptions(within(stream()).getByRole('combobox', { name: 'Input' }), mode)
    const message = within(stream()).getByRole('textbox', { name: 'Message' })
    await user.type(message, input)
    const alert = within(stream()).getByRole('alert')
    expect(alert.textContent).toBe(`${error} Nothing is sent until it is fixed.`)
    expect(message.getAttribute('aria-invalid')).toBe('true')
    const send = within(stream()).getByRole('button', { name: 'Send' })
    expect(send).toHaveProperty('disabled', true)
    await user.click(send)
    await user.type(message, '{Control>}{Enter}{/Control}')
    expect(api.send).not.toHaveBeenCalled()
  })

  it('sends to every open connection of the listener', async () => {
    const user = userEvent.setup()
    const api = apiServing()
    const selected = conversationConnection()
    const store = storeWith(
      makeSnapshot({
        connections: [
          selected,
          makeConnection(2, { state: 'peer-ended' }),
          makeConnection(3, { state: 'closed' }),
          makeConnection(4, { state: 'we-ended' }),
          makeConnection(5, { listenerId: 'l2' }),
        ],
      }),
    )
    renderWith(<StreamView connection={selected} />, { api, store })
    await user.selectOptions(
      within(stream()).getByRole('combobox', { name: 'Send to' }),
      'all open connections of listener 1 (2)',
    )
    await user.type(within(stream()).getByRole('textbox', { name: 'Message' }), 'bye')
    await user.click(within(stream()).getByRole('button', { name: 'Send' }))
    expect(api.send.mock.calls.map(([r]) => r.connectionId)).toEqual(['c1', 'c2'])
    expect(await screen.findByText('Sent to 2 connections.')).toBeTruthy()
  })

  it('sends a file read as bytes', async () => {
    const user = userEvent.setup()
    const api = apiServing()
    renderWith(<StreamView connection={conversationConnection()} />, { api })
    const file = new File([new Uint8Array([1, 2, 3, 250])], 'reply.bin')
    await user.upload(within(stream()).getByLabelText('From a file…'), file)
    await waitFor(() =>
      expect(api.send).toHaveBeenCalledWith({
        connectionId: 'c1',
        base64: toBase64(new Uint8Array([1, 2, 3, 250])),
      }),
    )
  })

  it('cannot send once we ended the connection', () => {
    renderWith(<StreamView connection={conversationConnection({ state: 'we-ended' })} />, {
      api: apiServing(),
    })
    expect(within(stream()).getByRole('button', { name: 'Send' })).toHaveProperty('disabled', true)
    expect(stream().textContent).toContain('This connection cannot send any more')
  })
})

describe('Close and Reset', () => {
  it.each([
    ['Close', 'fin'],
    ['Reset', 'reset'],
  ] as const)('%s calls closeConnection with how %s', async (name, how) => {
    const user = userEvent.setup()
    const api = apiServing()
    renderWith(<StreamView connection={conversationConnection()} />, { api })
    const button = within(stream()).getByRole('button', { name })
    expect(button.getAttribute('aria-describedby')).toBeTruthy()
    await user.click(button)
    expect(api.closeConnection).toHaveBeenCalledWith({ connectionId: 'c1', how })
  })

  it('explains what the client sees, and disables what no longer applies', () => {
    const { unmount } = renderWith(
      <StreamView connection={conversationConnection({ state: 'we-ended' })} />,
      { api: apiServing() },
    )
    expect(within(stream()).getByRole('button', { name: 'Close' })).toHaveProperty('disabled', true)
    expect(within(stream()).getByRole('button', { name: 'Reset' })).toHaveProperty(
      'disabled',
      false,
    )
    expect(stream().textContent).toContain('a Rust read returns Ok(0)')
    expect(stream().textContent).toContain('ECONNRESET')
    unmount()
    renderWith(<StreamView connection={conversationConnection({ state: 'closed' })} />, {
      api: apiServing(),
    })
    expect(within(stream()).getByRole('button', { name: 'Close' })).toHaveProperty('disabled', true)
    expect(within(stream()).getByRole('button', { name: 'Reset' })).toHaveProperty('disabled', true)
  })
})
