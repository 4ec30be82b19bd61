import { act, render, screen, waitFor, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { describe, expect, it } from 'vitest'
import type { ConnectionSnapshot } from '../../../shared/contract'
import { ok } from '../../../shared/result'
import { I18nProvider } from '../i18n/I18nProvider'
import { StoreProvider } from '../state/StoreContext'
import {
  fakeApi,
  makeConnection,
  makeSnapshot,
  renderWith,
  storeWith,
  toBase64,
  type FakeApi,
} from '../test-utils'
import { StreamView } from './StreamView'

const REQUEST = 'GET / HTTP/1.1\r\n'
const BYTES = new Uint8Array([...new TextEncoder().encode(REQUEST), 0x00, 0xff, 0xe2, 0x82, 0x41])

/** An Api that serves `stream` from readBytes, like the engine's capture. */
function apiServing(stream: Uint8Array): FakeApi {
  const api = fakeApi()
  api.readBytes.mockImplementation(async ({ offset, length }) =>
    ok({
      offset,
      base64: toBase64(stream.subarray(offset, offset + length)),
      captured: stream.length,
      bytesIn: stream.length,
      truncated: false,
      chunks: [],
    }),
  )
  return api
}

function conn(captured: number, overrides: Partial<ConnectionSnapshot> = {}): ConnectionSnapshot {
  return makeConnection(1, { bytesIn: captured, captured, ...overrides })
}

describe('StreamView', () => {
  it('shows the Text tab with control characters and invalid UTF-8 as tokens', async () => {
    const api = apiServing(BYTES)
    renderWith(<StreamView connection={conn(BYTES.length)} />, { api })
    const region = screen.getByRole('region', { name: 'Stream' })
    const text = within(region).getByRole('tab', { name: 'Text' })
    expect(text.getAttribute('aria-selected')).toBe('true')
    const panel = within(region).getByRole('tabpanel')
    await waitFor(() => expect(panel.textContent).toContain('GET / HTTP/1.1'))
    expect(panel.textContent).toBe('GET / HTTP/1.1\\r\\n\\x00\\xff\\xe2\\x82A')
    const lines = panel.querySelectorAll('.line')
    expect(lines).toHaveLength(2)
    expect(lines[0]?.textContent).toBe('GET / HTTP/1.1\\r\\n')
    const invalid = within(panel).getByText('\\xff')
    expect(invalid.getAttribute('title')).toBe('invalid UTF-8')
    expect(invalid.className).toContain('invalid')
    expect(within(panel).getByText('\\x00').getAttribute('title')).toBe('control character')
    expect(within(panel).getByText('\\xe2').className).toContain('invalid')
    expect(api.readBytes).toHaveBeenCalledWith({
      connectionId: 'c1',
      offset: 0,
      length: BYTES.length,
    })
    expect(region.textContent).toContain(`received ${BYTES.length} bytes`)
    expect(region.textContent).toContain(`kept ${BYTES.length} bytes`)
  })

  it('shows exact Hex lines with the ASCII column', async () => {
    const user = userEvent.setup()
    renderWith(<StreamView connection={conn(BYTES.length)} />, { api: apiServing(BYTES) })
    const region = screen.getByRole('region', { name: 'Stream' })
    await user.click(within(region).getByRole('tab', { name: 'Hex' }))
    expect(within(region).getByRole('tab', { name: 'Hex' }).getAttribute('aria-selected')).toBe(
      'true',
    )
    const panel = within(region).getByRole('tabpanel')
    await waitFor(() => expect(panel.querySelectorAll('.line')).toHaveLength(2))
    const lines = [...panel.querySelectorAll('.line')].map((l) => l.textContent)
    expect(lines[0]).toBe(
      '00000000  47 45 54 20 2f 20 48 54 54 50 2f 31 2e 31 0d 0a  |GET / HTTP/1.1..|',
    )
    expect(lines[1]).toBe(`00000010  00 ff e2 82 41${' '.repeat(33)}  |....A|`)
  })

  it('fetches only the new bytes when the capture grows, in reads of at most 1 MiB', async () => {
    const big = new Uint8Array(1024 * 1024 + 10).fill(0x61)
    const api = apiServing(big)
    const store = storeWith(makeSnapshot())
    const tree = (c: ConnectionSnapshot) => (
      <I18nProvider lang="en">
        <StoreProvider store={store} api={api}>
          <StreamView connection={c} />
        </StoreProvider>
      </I18nProvider>
    )
    const { rerender } = render(tree(conn(5)))
    await waitFor(() => expect(api.readBytes).toHaveBeenCalledTimes(1))
    rerender(tree(conn(big.length)))
    await waitFor(() => expect(api.readBytes).toHaveBeenCalledTimes(3))
    expect(api.readBytes.mock.calls.map(([r]) => [r.offset, r.length])).toEqual([
      [0, 5],
      [5, 1024 * 1024],
      [1024 * 1024 + 5, 5],
    ])
  })

  it('says when bytes were counted but not kept', async () => {
    renderWith(<StreamView connection={conn(4, { bytesIn: 10, truncated: true })} />, {
      api: apiServing(new Uint8Array([0x61, 0x62, 0x63, 0x64])),
    })
    expect(
      screen.getByText('Truncated: 6 bytes past the capture limit were counted, not kept.'),
    ).toBeTruthy()
    await act(async () => {})
  })

  it('asks to select a connection when none is, in English and Russian', () => {
    const { unmount } = renderWith(<StreamView connection={undefined} />)
    expect(screen.getByRole('region', { name: 'Stream' }).textContent).toContain(
      'Select a connection',
    )
    unmount()
    renderWith(<StreamView connection={undefined} />, { lang: 'ru' })
    const region = screen.getByRole('region', { name: 'Поток' })
    expect(within(region).getByRole('tab', { name: 'Текст' })).toBeTruthy()
    expect(region.textContent).toContain('Выберите соединение')
  })
})
