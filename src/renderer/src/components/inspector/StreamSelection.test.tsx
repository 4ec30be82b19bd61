import { fireEvent, screen, waitFor, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { describe, expect, it, vi } from 'vitest'
import { toBase64 } from '../../../../shared/byte-formats'
import { renderWith } from '../../test-utils'
import { apiServing, conversationConnection, enc } from '../../inspector-test-kit'
import { StreamView } from './StreamView'

async function openText(): Promise<HTMLElement> {
  const panel = screen.getByRole('tabpanel')
  await waitFor(() => expect(panel.querySelectorAll('.line')).toHaveLength(10))
  return panel
}

function selectedText(panel: HTMLElement, selector = '.selected-bytes'): string[] {
  return [...panel.querySelectorAll(selector)].map((e) => e.textContent ?? '')
}

function summary(): string {
  return document.querySelector('.selection-summary')?.textContent ?? ''
}

describe('StreamView: selection shared by Hex and Text', () => {
  it('selects a byte in Hex, extends with shift+click, and highlights the same bytes in Text', async () => {
    const user = userEvent.setup()
    renderWith(<StreamView connection={conversationConnection()} />, { api: apiServing() })
    await openText()
    await user.click(screen.getByRole('tab', { name: 'Hex' }))
    const hex = screen.getByRole('tabpanel')
    await waitFor(() => expect(hex.querySelectorAll('.line')).toHaveLength(8))
    // "GET": bytes 0..2 of 'in'.
    const g = hex.querySelector('.hex-bytes [data-off="0"]')
    const t = hex.querySelector('.hex-bytes [data-off="2"]')
    if (!g || !t) throw new Error('no hex bytes')
    await user.click(g)
    await user.keyboard('{Shift>}')
    await user.click(t)
    await user.keyboard('{/Shift}')
    expect(selectedText(hex, '.hex-bytes .selected-bytes')).toEqual(['47', '45', '54'])
    expect(selectedText(hex, '.hex-ascii .selected-bytes')).toEqual(['G', 'E', 'T'])
    expect(summary()).toBe('Selected: 3 bytes → client to server at 0–2')

    await user.click(screen.getByRole('tab', { name: 'Text' }))
    const text = await openText()
    expect(selectedText(text)).toEqual(['GET'])
  })

  it('selects a token in Text and highlights its bytes in Hex', async () => {
    const user = userEvent.setup()
    renderWith(<StreamView connection={conversationConnection()} />, { api: apiServing() })
    const text = await openText()
    const lines = text.querySelectorAll('.line')
    // The first \r of the response (line 6: "HTTP/1.1 200 OK\r\n", out stream offset 15).
    const cr = within(lines[5] as HTMLElement).getByText('\\r')
    await user.click(cr)
    expect(summary()).toBe('Selected: 1 byte ← server to client at 15')
    await user.click(screen.getByRole('tab', { name: 'Hex' }))
    const hex = screen.getByRole('tabpanel')
    await waitFor(() => expect(selectedText(hex, '.hex-bytes .selected-bytes')).toEqual(['0d']))
    expect(
      hex.querySelector('.selected-bytes')?.closest('[data-dir]')?.getAttribute('data-dir'),
    ).toBe('out')
  })

  it('maps a DOM text selection back to byte offsets', async () => {
    renderWith(<StreamView connection={conversationConnection()} />, { api: apiServing() })
    const text = await openText()
    const host = within(text).getByText('Host: x')
    const node = host.firstChild
    if (!node) throw new Error('no text node')
    const range = document.createRange()
    range.setStart(node, 0)
    range.setEnd(node, 4)
    const selection = window.getSelection()
    selection?.removeAllRanges()
    selection?.addRange(range)
    fireEvent.mouseUp(host)
    // "Host" starts at offset 16 of the request.
    expect(summary()).toBe('Selected: 4 bytes → client to server at 16–19')
    expect(selectedText(text)).toEqual(['Host'])
  })
})

describe('StreamView: search', () => {
  it('searches the engine for text and selects the match', async () => {
    const user = userEvent.setup()
    const api = apiServing()
    renderWith(<StreamView connection={conversationConnection()} />, { api })
    const text = await openText()
    await user.type(screen.getByRole('searchbox', { name: 'Search' }), 'Host')
    await user.click(screen.getByRole('button', { name: 'Next' }))
    expect(api.search).toHaveBeenCalledWith({
      connectionId: 'c1',
      direction: 'in',
      pattern: toBase64(enc('Host')),
      from: 0,
      backwards: false,
    })
    await waitFor(() => expect(summary()).toBe('Selected: 4 bytes → client to server at 16–19'))
    expect(selectedText(text)).toEqual(['Host'])
    expect(screen.getByText('Match at offset 16.')).toBeTruthy()
    await user.click(screen.getByRole('button', { name: 'Next' }))
    await waitFor(() => expect(screen.getByText('No match.')).toBeTruthy())
    expect(api.search).toHaveBeenLastCalledWith(expect.objectContaining({ from: 17 }))
  })

  it('searches hex bytes in the chosen direction, backwards too', async () => {
    const user = userEvent.setup()
    const api = apiServing()
    renderWith(<StreamView connection={conversationConnection()} />, { api })
    await openText()
    await user.selectOptions(screen.getByRole('combobox', { name: 'Search as' }), 'Hex bytes')
    await user.selectOptions(screen.getByRole('combobox', { name: 'Search in' }), 'Sent (out)')
    await user.type(screen.getByRole('searchbox', { name: 'Search' }), '0d 0a 0d 0a')
    await user.click(screen.getByRole('button', { name: 'Previous' }))
    expect(api.search).toHaveBeenCalledWith({
      connectionId: 'c1',
      direction: 'out',
      pattern: toBase64(new Uint8Array([0x0d, 0x0a, 0x0d, 0x0a])),
      from: 21,
      backwards: true,
    })
    await waitFor(() => expect(summary()).toBe('Selected: 4 bytes ← server to client at 15–18'))
  })

  it('shows invalid hex inline and does not search', async () => {
    const user = userEvent.setup()
    const api = apiServing()
    renderWith(<StreamView connection={conversationConnection()} />, { api })
    await openText()
    await user.selectOptions(screen.getByRole('combobox', { name: 'Search as' }), 'Hex bytes')
    await user.type(screen.getByRole('searchbox', { name: 'Search' }), '0d 0')
    expect(screen.getByRole('alert').textContent).toBe(
      'Not a valid pattern: Odd number of hex digits: two digits per byte (at character 4).',
    )
    expect(screen.getByRole('button', { name: 'Next' })).toHaveProperty('disabled', true)
    expect(api.search).not.toHaveBeenCalled()
  })
})

describe('StreamView: copy and save', () => {
  it.each([
    ['Text', 'GET'],
    ['Hex', '47 45 54'],
    ['Base64', 'R0VU'],
    ['C array', 'const unsigned char data[] = { 0x47, 0x45, 0x54 };'],
    ['Rust array', 'const DATA: [u8; 3] = [0x47, 0x45, 0x54];'],
  ])('copies the selection as %s', async (format, expected) => {
    const user = userEvent.setup()
    const writeText = vi.spyOn(navigator.clipboard, 'writeText')
    renderWith(<StreamView connection={conversationConnection()} />, { api: apiServing() })
    await openText()
    await user.click(screen.getByRole('tab', { name: 'Hex' }))
    const hex = screen.getByRole('tabpanel')
    await waitFor(() => expect(hex.querySelectorAll('.line')).toHaveLength(8))
    await user.click(hex.querySelector('.hex-bytes [data-off="0"]') as Element)
    await user.keyboard('{Shift>}')
    await user.click(hex.querySelector('.hex-bytes [data-off="2"]') as Element)
    await user.keyboard('{/Shift}')
    await user.selectOptions(screen.getByRole('combobox', { name: 'Copy as' }), format)
    await user.click(screen.getByRole('button', { name: 'Copy' }))
    expect(writeText).toHaveBeenCalledWith(expected)
    expect(await screen.findByText('Copied 3 bytes.')).toBeTruthy()
  })

  it('saves the shown direction as a .bin download named after the connection', async () => {
    const user = userEvent.setup()
    const createObjectURL = vi.fn(() => 'blob:fake')
    const revokeObjectURL = vi.fn()
    Object.assign(URL, { createObjectURL, revokeObjectURL })
    const names: string[] = []
    const click = vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (
      this: HTMLAnchorElement,
    ) {
      names.push(this.download)
    })
    renderWith(<StreamView connection={conversationConnection({ number: 3 })} />, {
      api: apiServing(),
    })
    await openText()
    await user.selectOptions(screen.getByRole('combobox', { name: 'Show' }), 'Received (in)')
    await user.click(screen.getByRole('button', { name: 'Save bytes' }))
    expect(names).toEqual(['connection-L1-3-in.bin'])
    const blob = (createObjectURL.mock.calls[0] as unknown as [Blob])[0]
    expect(blob.size).toBe(29)
    click.mockRestore()
  })
})
