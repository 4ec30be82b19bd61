import { act, screen, waitFor, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { describe, expect, it, vi } from 'vitest'
import type { ChunkInfo } from '../../../../shared/contract'
import { ok } from '../../../../shared/result'
import { fakeApi, makeConnection, renderWith, toBase64 } from '../../test-utils'
import { apiServing, conversationConnection } from '../../inspector-test-kit'
import { StreamView } from './StreamView'

function summary(): string {
  return document.querySelector('.selection-summary')?.textContent ?? ''
}

function texts(panel: HTMLElement, selector: string): string[] {
  return [...panel.querySelectorAll(selector)].map((e) => e.textContent ?? '')
}

/** Opens Hex of the two-way conversation and focuses its byte view. */
async function focusHex(): Promise<{ user: ReturnType<typeof userEvent.setup>; hex: HTMLElement }> {
  const user = userEvent.setup()
  renderWith(<StreamView connection={conversationConnection()} />, { api: apiServing() })
  await user.click(screen.getByRole('tab', { name: 'Hex' }))
  const panel = screen.getByRole('tabpanel')
  await waitFor(() => expect(panel.querySelectorAll('.line')).toHaveLength(8))
  const hex = within(panel).getByRole('group', { name: 'Hex bytes' })
  expect(hex.tabIndex).toBe(0)
  act(() => hex.focus())
  return { user, hex }
}

describe('StreamView: selecting bytes with the keyboard', () => {
  it('moves the cursor, extends with Shift, clears with Escape', async () => {
    const { user, hex } = await focusHex()
    // The first key puts the cursor on the first byte shown ("G" of "GET").
    await user.keyboard('{ArrowRight}')
    expect(summary()).toBe('Selected: 1 byte → client to server at 0')
    expect(texts(hex, '.hex-bytes .cursor-byte')).toEqual(['47'])
    await user.keyboard('{ArrowRight}')
    expect(summary()).toBe('Selected: 1 byte → client to server at 1')
    await user.keyboard('{Shift>}{ArrowRight}{ArrowRight}{/Shift}')
    expect(summary()).toBe('Selected: 3 bytes → client to server at 1–3')
    expect(texts(hex, '.hex-bytes .selected-bytes')).toEqual(['45', '54', '20'])
    expect(texts(hex, '.hex-ascii .cursor-byte')).toEqual([' '])
    // Shift+Left back over the anchor: the range follows the cursor to the other side.
    await user.keyboard('{Shift>}{ArrowLeft}{ArrowLeft}{ArrowLeft}{/Shift}')
    expect(summary()).toBe('Selected: 2 bytes → client to server at 0–1')
    await user.keyboard('{Escape}')
    expect(summary()).toMatch(/^Click a byte in Hex/)
    expect(hex.querySelector('.selected-bytes')).toBeNull()
    // The cursor stays where it was.
    expect(texts(hex, '.hex-bytes .cursor-byte')).toEqual(['47'])
    // The polite live region tells it once the keys rest.
    await waitFor(() =>
      expect(document.querySelector('.stream-selection [aria-live="polite"]')?.textContent).toMatch(
        /^Click a byte in Hex/,
      ),
    )
  })

  it('crosses rows and directions; Home/End, Ctrl+Home/End', async () => {
    const { user, hex } = await focusHex()
    await user.keyboard('{ArrowRight}{End}')
    expect(summary()).toBe('Selected: 1 byte → client to server at 15')
    // Past the end of a row: the next row's first byte.
    await user.keyboard('{ArrowRight}')
    expect(summary()).toBe('Selected: 1 byte → client to server at 16')
    await user.keyboard('{ArrowLeft}{ArrowDown}')
    expect(summary()).toBe('Selected: 1 byte → client to server at 26')
    // Down from the request's last row: the response, another direction's offsets.
    await user.keyboard('{Home}{ArrowDown}')
    expect(summary()).toBe('Selected: 1 byte ← server to client at 0')
    expect(hex.querySelector('.cursor-byte')?.closest('[data-dir]')?.getAttribute('data-dir')).toBe(
      'out',
    )
    await user.keyboard('{ArrowUp}{ArrowUp}')
    expect(summary()).toBe('Selected: 1 byte → client to server at 0')
    await user.keyboard('{Control>}{End}{/Control}')
    expect(summary()).toBe('Selected: 1 byte → client to server at 28')
    await user.keyboard('{Control>}{Home}{/Control}')
    expect(summary()).toBe('Selected: 1 byte → client to server at 0')
    // A page (a whole screen of rows here) stops at the last row, keeping the column.
    await user.keyboard('{PageDown}')
    expect(summary()).toBe('Selected: 1 byte → client to server at 27')
    await user.keyboard('{PageUp}')
    expect(summary()).toBe('Selected: 1 byte → client to server at 11')
    await user.keyboard('{Control>}{Home}{/Control}')
    // Shift+Down extends within the anchor's direction, skipping the response's rows.
    await user.keyboard('{ArrowDown}{Shift>}{ArrowDown}{/Shift}')
    expect(summary()).toBe('Selected: 12 bytes → client to server at 16–27')
  })

  it('moves on from a clicked byte, and a click keeps working after keys', async () => {
    const { user, hex } = await focusHex()
    await user.click(hex.querySelector('.hex-bytes [data-off="5"]') as Element)
    expect(hex.querySelector('.cursor-byte')).toBeNull()
    await user.keyboard('{Shift>}{ArrowRight}{/Shift}')
    expect(summary()).toBe('Selected: 2 bytes → client to server at 5–6')
    await user.click(hex.querySelector('.hex-bytes [data-off="9"]') as Element)
    expect(summary()).toBe('Selected: 1 byte → client to server at 9')
    expect(hex.querySelector('.cursor-byte')).toBeNull()
  })

  it('shares the keyboard selection with Text and copies it as hex', async () => {
    const writeText = vi.spyOn(navigator.clipboard, 'writeText')
    const { user } = await focusHex()
    await user.keyboard('{Home}{Shift>}{ArrowRight}{ArrowRight}{/Shift}')
    expect(summary()).toBe('Selected: 3 bytes → client to server at 0–2')
    await user.selectOptions(screen.getByRole('combobox', { name: 'Copy as' }), 'Hex')
    await user.click(screen.getByRole('button', { name: 'Copy' }))
    expect(writeText).toHaveBeenCalledWith('47 45 54')

    await user.click(screen.getByRole('tab', { name: 'Text' }))
    const panel = screen.getByRole('tabpanel')
    await waitFor(() => expect(panel.querySelectorAll('.line')).toHaveLength(10))
    expect(texts(panel, '.selected-bytes').join('')).toBe('GET')
    expect(texts(panel, '.cursor-byte')).toEqual(['T'])
    const text = within(panel).getByRole('group', { name: 'Text bytes' })
    act(() => text.focus())
    await user.keyboard('{Shift>}{ArrowRight}{/Shift}')
    expect(texts(panel, '.selected-bytes').join('')).toBe('GET ')
  })
})

const SIZE = 100 * 1000 * 1000
const byteAt = (offset: number): number => 0x61 + (offset % 26)

describe('StreamView: the keyboard in a paged capture', () => {
  it('goes to the stream end with Ctrl+End and copies bytes read from the engine', async () => {
    const api = fakeApi()
    api.readBytes.mockImplementation(async ({ offset, length }) => {
      const bytes = new Uint8Array(Math.max(0, Math.min(SIZE, offset + length) - offset))
      for (let i = 0; i < bytes.length; i++) bytes[i] = byteAt(offset + i)
      return ok({
        offset,
        base64: toBase64(bytes),
        captured: SIZE,
        bytesIn: SIZE,
        truncated: false,
        chunks: [],
      })
    })
    const chunks: ChunkInfo[] = [{ direction: 'in', offset: 0, size: SIZE, kept: SIZE, mono: 1010 }]
    api.readChunks.mockImplementation(async ({ from, count }) =>
      ok({ total: chunks.length, chunks: chunks.slice(from, from + count) }),
    )
    const user = userEvent.setup()
    const writeText = vi.spyOn(navigator.clipboard, 'writeText')
    const connection = makeConnection(1, { bytesIn: SIZE, captured: SIZE, chunksIn: 1 })
    renderWith(<StreamView connection={connection} />, { api })
    await user.click(screen.getByRole('tab', { name: 'Hex' }))
    const hex = await screen.findByRole('group', { name: 'Hex bytes' })
    act(() => hex.focus())
    await user.keyboard('{Control>}{End}{/Control}{Shift>}{ArrowLeft}{ArrowLeft}{/Shift}')
    expect(summary()).toBe('Selected: 3 bytes → client to server at 99999997–99999999')
    await user.selectOptions(screen.getByRole('combobox', { name: 'Copy as' }), 'Text')
    await user.click(screen.getByRole('button', { name: 'Copy' }))
    const expected = String.fromCharCode(byteAt(SIZE - 3), byteAt(SIZE - 2), byteAt(SIZE - 1))
    await waitFor(() => expect(writeText).toHaveBeenCalledWith(expected))
    expect(api.readBytes.mock.calls.at(-1)?.[0]).toMatchObject({ offset: SIZE - 3, length: 3 })
  })
})
