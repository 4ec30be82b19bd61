import { screen, waitFor, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { describe, expect, it, vi } from 'vitest'
import type { ChunkInfo } from '../../../../shared/contract'
import { ok } from '../../../../shared/result'
import { PAGE_SIZE } from '../../state/capture-pager'
import { fakeApi, makeConnection, renderWith, toBase64 } from '../../test-utils'
import { StreamView } from './StreamView'

const SIZE = 100 * 1000 * 1000
/** Printable, so Text rows show it as is: 'a'..'z' by offset. */
const byteAt = (offset: number): number => 0x61 + (offset % 26)

const CHUNKS: ChunkInfo[] = [
  { direction: 'in', offset: 0, size: SIZE / 2, kept: SIZE / 2, mono: 1010 },
  { direction: 'in', offset: SIZE / 2, size: SIZE / 2, kept: SIZE / 2, mono: 1020 },
]

function apiOf100Mb(): ReturnType<typeof fakeApi> {
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
  api.readChunks.mockImplementation(async ({ from, count }) =>
    ok({ total: CHUNKS.length, chunks: CHUNKS.slice(from, from + count) }),
  )
  return api
}

const connection = makeConnection(1, {
  bytesIn: SIZE,
  captured: SIZE,
  chunksIn: 2,
  acceptedMono: 1000,
})

describe('Stream of a 100 MB capture', () => {
  it('shows Hex and Text from a few pages, never the whole capture', async () => {
    const user = userEvent.setup()
    const { api } = renderWith(<StreamView connection={connection} />, { api: apiOf100Mb() })
    const region = screen.getByRole('region', { name: 'Stream' })
    const panel = within(region).getByRole('tabpanel')
    expect(
      within(region).getByText(
        'Large capture: Text shows fixed rows of 128 bytes, read page by page.',
      ),
    ).toBeTruthy()
    const abc = 'abcdefghijklmnopqrstuvwxyz'.repeat(6).slice(0, 128)
    await waitFor(() => expect(panel.querySelectorAll('.line')[1]?.textContent).toBe(`in${abc}`))

    await user.click(within(region).getByRole('tab', { name: 'Hex' }))
    await waitFor(() =>
      expect(panel.querySelectorAll('.line')[1]?.textContent).toBe(
        'in00000000  61 62 63 64 65 66 67 68 69 6a 6b 6c 6d 6e 6f 70  |abcdefghijklmnop|',
      ),
    )
    // The first screen is within the first page: one read of at most a page, both tabs.
    expect(api.readBytes.mock.calls.map(([r]) => [r.offset, r.length])).toEqual([[0, PAGE_SIZE]])
  })

  it('copies a selection of a paged capture by reading it from the engine', async () => {
    const user = userEvent.setup()
    const writeText = vi.spyOn(navigator.clipboard, 'writeText')
    const { api } = renderWith(<StreamView connection={connection} />, { api: apiOf100Mb() })
    await user.click(screen.getByRole('tab', { name: 'Hex' }))
    const panel = screen.getByRole('tabpanel')
    await waitFor(() => expect(panel.querySelector('.hex-bytes [data-off="2"]')).toBeTruthy())
    await user.click(panel.querySelector('.hex-bytes [data-off="0"]') as Element)
    await user.keyboard('{Shift>}')
    await user.click(panel.querySelector('.hex-bytes [data-off="2"]') as Element)
    await user.keyboard('{/Shift}')
    await user.click(screen.getByRole('button', { name: 'Copy' }))
    expect(await screen.findByText('Copied 3 bytes.')).toBeTruthy()
    expect(writeText).toHaveBeenCalledWith('abc')
    expect(api.readBytes.mock.calls.at(-1)?.[0]).toMatchObject({ offset: 0, length: 3 })
  })
})
