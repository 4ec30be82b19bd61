import { act, render, screen, waitFor, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { describe, expect, it } from 'vitest'
import type { ConnectionSnapshot } from '../../../../shared/contract'
import type { HttpAnalysis, HttpMessage } from '../../../../shared/http-types'
import { I18nProvider } from '../../i18n/I18nProvider'
import { StoreProvider } from '../../state/StoreContext'
import { makeConnection, makeSnapshot, renderWith, storeWith } from '../../test-utils'
import {
  apiServing,
  CHUNKS,
  conversationConnection,
  enc,
  IN,
  OUT,
  REQUEST,
  RESPONSE,
} from '../../inspector-test-kit'
import { StreamView } from './StreamView'

function region(name = 'Stream'): HTMLElement {
  return screen.getByRole('region', { name })
}

async function linesOf(panel: HTMLElement, count: number): Promise<string[]> {
  await waitFor(() => expect(panel.querySelectorAll('.line').length).toBe(count))
  return [...panel.querySelectorAll('.line')].map((l) => l.textContent ?? '')
}

const REQUEST_MESSAGE: HttpMessage = {
  kind: 'request',
  start: 0,
  headEnd: 27,
  end: 27,
  startLine: 'GET / HTTP/1.1',
  method: 'GET',
  target: '/',
  version: 'HTTP/1.1',
  status: null,
  reason: null,
  headers: [{ name: 'Host', value: 'x' }],
  bodyLength: 0,
  expectedBodyLength: null,
  problems: [
    { code: 'bare-lf', offset: 14, detail: undefined },
    { code: 'parse-error', offset: null, detail: 'HPE_INVALID_METHOD' },
  ],
  listing202: 'Request: [\n    "GET / HTTP/1.1",\n    "Host: x",\n]',
}

const ANALYSIS_IN: HttpAnalysis = {
  direction: 'in',
  isHttp: true,
  messages: [REQUEST_MESSAGE],
  analyzedBytes: IN.length,
  truncated: false,
}

const ANALYSIS_OUT: HttpAnalysis = {
  direction: 'out',
  isHttp: false,
  messages: [],
  analyzedBytes: OUT.length,
  truncated: false,
}

describe('StreamView: the conversation', () => {
  it('shows both directions in order, each block and line marked in words', async () => {
    renderWith(<StreamView connection={conversationConnection()} />, { api: apiServing() })
    const panel = within(region()).getByRole('tabpanel')
    const lines = await linesOf(panel, 10)
    expect(lines).toEqual([
      '→ client to server27 bytesin 2 reads+10 ms after accept',
      'inGET / HTTP/1.1\\r\\n',
      'inHost: x\\r\\n',
      'in\\r\\n',
      '← server to client21 bytesin 1 write+20 ms after accept',
      'outHTTP/1.1 200 OK\\r\\n',
      'out\\r\\n',
      'outhi',
      '→ client to server2 bytesin 1 read+30 ms after accept',
      'in\\x00\\xff',
    ])
    const gutter = within(panel).getAllByText('out')[0]
    expect(gutter?.getAttribute('title')).toBe('← server to client')
    expect(within(panel).getByText('\\xff').getAttribute('title')).toBe('invalid UTF-8')
    expect(within(panel).getByText('\\x00').getAttribute('title')).toBe('control character')
  })

  it('decodes as Latin-1 on request', async () => {
    const user = userEvent.setup()
    renderWith(<StreamView connection={conversationConnection()} />, { api: apiServing() })
    const panel = within(region()).getByRole('tabpanel')
    await linesOf(panel, 10)
    await user.selectOptions(screen.getByRole('combobox', { name: 'Decode as' }), 'Latin-1')
    await waitFor(() => expect(panel.textContent).toContain('\\x00ÿ'))
  })

  it('shows only the received or only the sent bytes', async () => {
    const user = userEvent.setup()
    renderWith(<StreamView connection={conversationConnection()} />, { api: apiServing() })
    const panel = within(region()).getByRole('tabpanel')
    await linesOf(panel, 10)
    await user.selectOptions(screen.getByRole('combobox', { name: 'Show' }), 'Sent (out)')
    expect(await linesOf(panel, 4)).toEqual([
      '← server to client21 bytesin 1 write+20 ms after accept',
      'outHTTP/1.1 200 OK\\r\\n',
      'out\\r\\n',
      'outhi',
    ])
    await user.selectOptions(screen.getByRole('combobox', { name: 'Show' }), 'Received (in)')
    const received = await linesOf(panel, 5)
    expect(received[0]).toBe('→ client to server29 bytesin 3 reads+10 ms after accept')
  })

  it('shows Hex lines per direction, aligned to the stream offset', async () => {
    const user = userEvent.setup()
    renderWith(<StreamView connection={conversationConnection()} />, { api: apiServing() })
    const r = region()
    await user.click(within(r).getByRole('tab', { name: 'Hex' }))
    expect(within(r).getByRole('tab', { name: 'Hex' }).getAttribute('aria-selected')).toBe('true')
    const lines = await linesOf(within(r).getByRole('tabpanel'), 8)
    expect(lines[1]).toBe(
      'in00000000  47 45 54 20 2f 20 48 54 54 50 2f 31 2e 31 0d 0a  |GET / HTTP/1.1..|',
    )
    expect(lines[2]).toBe(
      `in00000010  48 6f 73 74 3a 20 78 0d 0a 0d 0a${' '.repeat(15)}  |Host: x....     |`,
    )
    expect(lines[3]).toMatch(/^← server to client21 bytes/)
    expect(lines[4]).toBe(
      'out00000000  48 54 54 50 2f 31 2e 31 20 32 30 30 20 4f 4b 0d  |HTTP/1.1 200 OK.|',
    )
    // The last block starts at offset 27 (0x1b): the line is padded up to it.
    expect(lines[7]).toBe(`in00000010  ${' '.repeat(33)}00 ff${' '.repeat(9)}  |           ..   |`)
  })

  it('fetches both directions and the chunks again when the capture grows', async () => {
    // The engine's capture grows between the two renders.
    const served = { in: IN.subarray(0, 27), out: new Uint8Array(0), chunks: CHUNKS.slice(0, 2) }
    const api = apiServing(served)
    const store = storeWith(makeSnapshot())
    const tree = (c: ConnectionSnapshot) => (
      <I18nProvider lang="en">
        <StoreProvider store={store} api={api}>
          <StreamView connection={c} />
        </StoreProvider>
      </I18nProvider>
    )
    const first = conversationConnection({
      captured: 27,
      chunksIn: 2,
      capturedOut: 0,
      chunksOut: 0,
    })
    const { rerender } = render(tree(first))
    await waitFor(() => expect(api.readChunks).toHaveBeenCalledTimes(1))
    await waitFor(() => expect(api.readBytes).toHaveBeenCalledTimes(1))
    await waitFor(() => expect(screen.getByRole('tabpanel').textContent).toContain('Host: x'))
    Object.assign(served, { in: IN, out: OUT, chunks: CHUNKS })
    rerender(tree(conversationConnection()))
    await waitFor(() => expect(api.readBytes).toHaveBeenCalledTimes(3))
    expect(api.readBytes.mock.calls.map(([r]) => [r.direction, r.offset, r.length])).toEqual([
      ['in', 0, 27],
      ['in', 27, 2],
      ['out', 0, OUT.length],
    ])
    await waitFor(() => expect(api.readChunks).toHaveBeenCalledTimes(2))
    expect(api.readChunks.mock.calls.map(([r]) => [r.from, r.count])).toEqual([
      [0, 4096],
      [2, 4096],
    ])
    await waitFor(() => expect(screen.getByRole('tabpanel').textContent).toContain('HTTP/1.1 200'))
  })
})

describe('StreamView: counters and the idle flag', () => {
  it('shows bytes, reads/writes and the first-byte latency', async () => {
    renderWith(<StreamView connection={conversationConnection()} />, { api: apiServing() })
    const text = region().textContent ?? ''
    expect(text).toContain('in: 29 bytes · 3 reads')
    expect(text).toContain('out: 21 bytes · 1 write')
    expect(text).toContain('first byte 10 ms after accept')
    expect(text).toContain('idle for')
    expect(screen.queryByText(/No bytes yet/)).toBeNull()
    await act(async () => {})
  })

  it('flags an open connection that sent nothing for IDLE_FLAG_MS', async () => {
    const idle = makeConnection(2, { acceptedAt: Date.now() - 5000, acceptedMono: 40 })
    const { unmount } = renderWith(<StreamView connection={idle} />)
    expect(screen.getByRole('status').textContent).toBe(
      "No bytes yet — often a browser's speculative connection; a blocking read would wait here.",
    )
    expect(region().textContent).toContain('no byte received yet')
    unmount()
    renderWith(<StreamView connection={{ ...idle, acceptedAt: Date.now() }} />)
    expect(screen.queryByText(/No bytes yet/)).toBeNull()
    await act(async () => {})
  })

  it('does not flag a connection that is closed', async () => {
    const closed = makeConnection(2, { acceptedAt: Date.now() - 5000, state: 'closed' })
    renderWith(<StreamView connection={closed} />)
    expect(screen.queryByText(/No bytes yet/)).toBeNull()
    await act(async () => {})
  })
})

describe('StreamView: Chunks and HTTP tabs', () => {
  it('lists each read and write with size and timing', async () => {
    const user = userEvent.setup()
    renderWith(<StreamView connection={conversationConnection()} />, { api: apiServing() })
    await user.click(screen.getByRole('tab', { name: 'Chunks' }))
    const table = await screen.findByRole('table')
    const headers = within(table)
      .getAllByRole('columnheader')
      .map((h) => h.textContent)
    expect(headers).toEqual([
      '#',
      'Direction',
      'Size (bytes)',
      'Since accept (ms)',
      'Since previous (ms)',
    ])
    const rows = within(table)
      .getAllByRole('row')
      .slice(1)
      .map((row) =>
        within(row)
          .getAllByRole('cell')
          .map((c) => c.textContent),
      )
    expect(rows).toEqual([
      ['1', '→ client to server', '10', '10.0', '—'],
      ['2', '→ client to server', '17', '12.5', '2.5'],
      ['3', '← server to client', '21', '20.0', '7.5'],
      ['4', '→ client to server', '2', '30.0', '10.0'],
    ])
  })

  it('writes the chunks’ times with the language’s decimal mark', async () => {
    const user = userEvent.setup()
    renderWith(<StreamView connection={conversationConnection()} />, {
      api: apiServing(),
      lang: 'ru',
    })
    await user.click(screen.getByRole('tab', { name: 'Куски' }))
    const table = await screen.findByRole('table')
    const second = within(table).getAllByRole('row')[2]!
    const cells = within(second)
      .getAllByRole('cell')
      .map((c) => c.textContent)
    expect(cells.slice(3)).toEqual(['12,5', '2,5'])
  })

  it('explains the HTTP analysis: problems, Listing 20-2 and "not HTTP"', async () => {
    const user = userEvent.setup()
    const api = apiServing({
      in: IN,
      out: OUT,
      chunks: CHUNKS,
      http: { in: ANALYSIS_IN, out: ANALYSIS_OUT },
    })
    renderWith(<StreamView connection={conversationConnection()} />, { api })
    await user.click(screen.getByRole('tab', { name: 'HTTP' }))
    const request = await screen.findByRole('article', { name: 'Request 1' })
    expect(within(request).getByText('GET / HTTP/1.1')).toBeTruthy()
    expect(within(request).getByRole('cell', { name: 'Host' })).toBeTruthy()
    expect(request.textContent).toContain('Body: 0 bytes.')
    expect(request.textContent).toContain('The head ends at offset 27')
    expect(request.textContent).toContain('A line ends in a bare \\n without \\r.')
    expect(request.textContent).toContain('(at offset 14)')
    expect(request.textContent).toContain('The parser refused these bytes: HPE_INVALID_METHOD')
    const pre = request.querySelector('pre')
    expect(pre?.textContent).toMatch(/^Request: \[/)
    const sent = screen.getByRole('region', { name: 'Sent: responses' })
    expect(sent.textContent).toContain("This doesn't look like HTTP/1.x")
    expect(api.analyzeHttp).toHaveBeenCalledWith({ connectionId: 'c1', direction: 'in' })
    expect(api.analyzeHttp).toHaveBeenCalledWith({ connectionId: 'c1', direction: 'out' })

    // The empty line that ends the head is marked in Hex.
    await user.click(screen.getByRole('tab', { name: 'Hex' }))
    const panel = screen.getByRole('tabpanel')
    await waitFor(() => expect(panel.querySelectorAll('.hex-bytes .marked-bytes')).toHaveLength(4))
    const marked = [...panel.querySelectorAll('.hex-bytes .marked-bytes')].map((e) => e.textContent)
    expect(marked).toEqual(['0d', '0a', '0d', '0a'])
  })
})

describe('StreamView: languages', () => {
  it('asks to select a connection when none is, in English and Russian', () => {
    const { unmount } = renderWith(<StreamView connection={undefined} />)
    expect(region().textContent).toContain('Select a connection')
    expect(screen.getAllByRole('tab').map((t) => t.textContent)).toEqual([
      'Text',
      'Hex',
      'Chunks',
      'HTTP',
    ])
    unmount()
    renderWith(<StreamView connection={undefined} />, { lang: 'ru' })
    const r = region('Поток')
    expect(within(r).getByRole('tab', { name: 'Текст' })).toBeTruthy()
    expect(within(r).getByRole('tab', { name: 'Куски' })).toBeTruthy()
    expect(r.textContent).toContain('Выберите соединение')
  })

  it('speaks Russian with plural forms', async () => {
    renderWith(<StreamView connection={conversationConnection()} />, {
      api: apiServing(),
      lang: 'ru',
    })
    const r = region('Поток')
    expect(r.textContent).toContain('принято 29 байт · 3 чтения')
    expect(r.textContent).toContain('отправлен 21 байт · 1 запись')
    const panel = within(r).getByRole('tabpanel')
    await waitFor(() => expect(panel.textContent).toContain('→ клиент серверу27 байтза 2 чтения'))
    expect(within(r).getByRole('button', { name: 'Закрыть' })).toBeTruthy()
    expect(within(r).getByRole('textbox', { name: 'Сообщение' })).toBeTruthy()
  })
})

// Keep the fixtures honest: they are the strings the tests read.
describe('inspector fixtures', () => {
  it('are the request and the response', () => {
    expect([...IN.subarray(0, 27)]).toEqual([...enc(REQUEST)])
    expect([...OUT]).toEqual([...enc(RESPONSE)])
  })
})

describe('a selected connection the engine forgot', () => {
  it('says it was forgotten instead of going blank, in English and Russian', () => {
    for (const [lang, text] of [
      ['en', 'Connection #2 closed long ago and was forgotten with its bytes'],
      ['ru', 'Соединение №2 давно закрыто и забыто'],
    ] as const) {
      const store = storeWith(makeSnapshot({ seq: 1, connections: [makeConnection(2)] }))
      store.dispatch({ type: 'connection-selected', connectionId: 'c2' })
      store.dispatch({
        type: 'batches',
        batches: [
          {
            seq: 2,
            events: [{ type: 'connections-forgotten', at: 1, connectionIds: ['c2'], forgotten: 1 }],
          },
        ],
      })
      const { unmount } = renderWith(<StreamView connection={undefined} />, { store, lang })
      expect(screen.getByText(new RegExp(text))).toBeTruthy()
      unmount()
    }
  })
})
