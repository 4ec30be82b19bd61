import { act, screen, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { describe, expect, it } from 'vitest'
import { plannedSnapshot } from '../../../../shared/client-plan'
import { judgeResponse } from '../../../../shared/client-response'
import type {
  ClientRequestSnapshot,
  ClientResponse,
  ClientRunInfo,
} from '../../../../shared/client-types'
import type { EngineEvent } from '../../../../shared/contract'
import { makeSnapshot, renderWith, storeWith } from '../../test-utils'
import { ClientPanel } from './ClientPanel'

/** A server that is not Socket Lab's: a learner's own, on a port of its own. */
const RUN: ClientRunInfo = {
  runId: 'run-1',
  target: '127.0.0.1:7878',
  host: '127.0.0.1',
  port: 7878,
  plan: { kind: 'http', rows: [{ count: 1, path: '/', startMs: 0 }] },
  model: null,
  startedAt: Date.now(),
  timeLimitMs: 60_000,
}

function setup(lang: 'en' | 'ru' = 'en') {
  const store = storeWith(makeSnapshot({ listeners: [] }))
  renderWith(<ClientPanel />, { store, lang })
  const panel = within(screen.getByRole('region', { name: lang === 'en' ? 'Client' : 'Клиент' }))
  let seq = 0
  const deliver = (...events: EngineEvent[]): void =>
    act(() => store.dispatch({ type: 'batches', batches: [{ seq: (seq += 1), events }] }))
  return { panel, deliver }
}

/** The response the engine would send for `bytes`, all of them kept unless `received` is more. */
function response(
  bytes: Uint8Array,
  { received = bytes.length, closedCleanly = true, requestIsHttp = true } = {},
): ClientResponse {
  return {
    base64: btoa(String.fromCharCode(...bytes)),
    truncated: received > bytes.length,
    ...judgeResponse(bytes, received, { requestIsHttp, closedCleanly }),
  }
}

/** One byte per character (the test texts are Latin-1). */
const latin1 = (text: string): Uint8Array => Uint8Array.from(text, (c) => c.charCodeAt(0))

function over(snapshot: Partial<ClientRequestSnapshot>): ClientRequestSnapshot {
  return {
    ...plannedSnapshot({ index: 0, path: '/', startMs: 0, expectedDoneMs: null }, 61),
    phase: 'done',
    connectStartMs: 0.2,
    connectedMs: 0.5,
    firstSentMs: 0.8,
    lastSentMs: 0.8,
    doneMs: 12,
    bytesSent: 61,
    writes: 1,
    localPort: 50001,
    ...snapshot,
  }
}

/** Delivers a run of one request that ended as `request` says; returns its timeline row. */
function runOf(
  deliver: (...events: EngineEvent[]) => void,
  panel: ReturnType<typeof within>,
  request: ClientRequestSnapshot,
  run: ClientRunInfo = RUN,
): HTMLElement {
  deliver(
    { type: 'client-run-started', at: Date.now(), run, requests: [over({ phase: 'planned' })] },
    { type: 'client-request-changed', at: 0, runId: run.runId, request },
    { type: 'client-run-finished', at: 0, runId: run.runId, outcome: 'completed', elapsedMs: 12 },
  )
  const timeline = panel.getByRole('list', { name: `Timeline of run ${run.runId.slice(4)}` })
  return within(timeline).getByRole('listitem')
}

const BARE_LF = 'HTTP/1.1 200 OK\nContent-Length: 5\n\nhello'

describe('a request’s response in the client’s results', () => {
  it('opens as Text and Hex with the linter’s finding marked at its byte', async () => {
    const user = userEvent.setup()
    const { panel, deliver } = setup()
    const bytes = latin1(BARE_LF)
    const row = runOf(
      deliver,
      panel,
      over({
        bytesReceived: bytes.length,
        firstReceivedMs: 11,
        statusLine: 'HTTP/1.1 200 OK',
        statusCode: 200,
        response: response(bytes),
      }),
    )
    const toggle = within(row).getByRole('button', {
      name: 'Response #1 — 40 bytes, 1 linter finding',
    })
    expect(toggle.getAttribute('aria-expanded')).toBe('false')
    expect(within(row).queryByRole('region', { name: 'Response #1' })).toBeNull()
    await user.click(toggle)
    expect(toggle.getAttribute('aria-expanded')).toBe('true')
    const result = within(within(row).getByRole('region', { name: 'Response #1' }))
    expect(result.getByText('40 bytes received.')).toBeTruthy()

    const text = result.getByRole('tab', { name: 'Text' })
    expect(text.getAttribute('aria-selected')).toBe('true')
    const panelText = result.getByRole('tabpanel').textContent
    // \r and \n are shown as escapes, as the stream view shows them.
    expect(panelText).toBe('HTTP/1.1 200 OK\\nContent-Length: 5\\n\\nhello')

    const findings = within(result.getByRole('list', { name: 'Linter findings for #1' }))
    const items = findings.getAllByRole('listitem')
    expect(items).toHaveLength(1)
    expect(items[0]?.textContent).toMatch(/^Line 1 of the head ends with a bare \\n instead of/)
    // Every finding's bytes are marked; the one picked is brought into view and outlined.
    const marked = result.getByRole('tabpanel').querySelectorAll('mark')
    expect([...marked].map((m) => [m.textContent, m.dataset.finding])).toEqual([['\\n', '0']])
    const place = findings.getByRole('button', { name: 'byte 15' })
    expect(place.getAttribute('aria-pressed')).toBe('false')
    await user.click(place)
    expect(place.getAttribute('aria-pressed')).toBe('true')
    expect(result.getByRole('tabpanel').querySelector('mark')?.className).toContain('active')

    // Hex: offset, the bytes, their ASCII; the same byte marked in both columns.
    await user.click(text)
    await user.keyboard('{ArrowRight}')
    const hex = result.getByRole('tab', { name: 'Hex' })
    expect(hex.getAttribute('aria-selected')).toBe('true')
    expect(document.activeElement).toBe(hex)
    const hexPanel = result.getByRole('tabpanel')
    expect(hexPanel.textContent).toContain(
      '0000  48 54 54 50 2f 31 2e 31 20 32 30 30 20 4f 4b 0a  |HTTP/1.1 200 OK.|',
    )
    expect([...hexPanel.querySelectorAll('mark')].map((m) => m.textContent)).toEqual(['0a ', '.'])
  })

  it('makes invalid UTF-8 and control bytes visible, and says when a response was cut', async () => {
    const user = userEvent.setup()
    const { panel, deliver } = setup()
    const kept = latin1('HTTP/1.1 200 OK\r\nContent-Length: 90\r\n\r\n\xff\x01ok')
    const row = runOf(
      deliver,
      panel,
      over({
        bytesReceived: 129,
        statusCode: 200,
        response: response(kept, { received: 129 }),
      }),
    )
    await user.click(within(row).getByRole('button', { name: /^Response #1 — 129 bytes$/ }))
    const result = within(within(row).getByRole('region', { name: 'Response #1' }))
    expect(result.getByText(/^The first 43 of 129 bytes received are kept and shown/)).toBeTruthy()
    const tabpanel = result.getByRole('tabpanel')
    expect(tabpanel.textContent).toContain('\\r\\n\\r\\n\\xff\\x01ok')
    const invalid = within(tabpanel).getByText('\\xff')
    expect(invalid.className).toContain('invalid')
    expect(within(tabpanel).getByText('\\x01').className).toContain('control')
    expect(result.getByText('The linter finds nothing wrong with this response.')).toBeTruthy()
  })

  it('has no response to open when nothing came back', () => {
    const { panel, deliver } = setup()
    const row = runOf(deliver, panel, over({ response: response(new Uint8Array()) }))
    expect(within(row).queryByRole('button', { name: /^Response #1/ })).toBeNull()
  })

  it('does not lint bytes that are not HTTP', async () => {
    const user = userEvent.setup()
    const { panel, deliver } = setup()
    const bytes = latin1('ping')
    const row = runOf(
      deliver,
      panel,
      over({
        path: null,
        bytesReceived: 4,
        response: response(bytes, { requestIsHttp: false }),
      }),
      { ...RUN, plan: { kind: 'raw', text: 'ping', framing: { kind: 'whole' } } },
    )
    await user.click(within(row).getByRole('button', { name: /^Response #1/ }))
    expect(
      within(row).getByText(
        'These bytes are not an HTTP response: the linter has nothing to check.',
      ),
    ).toBeTruthy()
  })

  it('speaks Russian', async () => {
    const user = userEvent.setup()
    const { panel, deliver } = setup('ru')
    const bytes = latin1(BARE_LF)
    deliver(
      {
        type: 'client-run-started',
        at: Date.now(),
        run: RUN,
        requests: [over({ phase: 'planned' })],
      },
      {
        type: 'client-request-changed',
        at: 0,
        runId: 'run-1',
        request: over({ bytesReceived: 40, statusCode: 200, response: response(bytes) }),
      },
    )
    const row = within(panel.getByRole('list', { name: 'Временная шкала запуска 1' })).getByRole(
      'listitem',
    )
    await user.click(
      within(row).getByRole('button', { name: 'Ответ #1 — 40 байт, 1 замечание линтера' }),
    )
    const result = within(within(row).getByRole('region', { name: 'Ответ #1' }))
    expect(result.getByRole('tab', { name: 'Текст' })).toBeTruthy()
    expect(result.getByRole('button', { name: 'байт 15' })).toBeTruthy()
  })
})

describe('a failure explained by what the target did', () => {
  it('a reset from your own server: when, what had come, and what to look for', () => {
    const { panel, deliver } = setup()
    const part = latin1('HTTP/1.1 200 OK\r\nContent-Length: 100\r\n\r\nhel')
    const row = runOf(
      deliver,
      panel,
      over({
        phase: 'failed',
        errorCode: 'ECONNRESET',
        bytesReceived: part.length,
        response: response(part, { closedCleanly: false }),
      }),
    )
    const text = row.textContent ?? ''
    expect(text).toContain('#1 GET / — ECONNRESET — 12 ms')
    expect(text).toContain(
      'The server reset the connection (RST) at 12 ms, after 43 bytes of the response.',
    )
    expect(text).toContain(
      'The body was incomplete: 3 of the 100 bytes its Content-Length promised.',
    )
    expect(text).toContain('request bytes it never read')
    expect(text).not.toMatch(/Listener|Silent|Echo|Close at once/)
    expect(panel.getByText('Not one of Socket Lab’s listeners: actual times only.')).toBeTruthy()
  })

  it('the same reset from a Socket Lab listener names its responder instead', () => {
    const { panel, deliver } = setup()
    const row = runOf(
      deliver,
      panel,
      over({ phase: 'failed', errorCode: 'ECONNRESET', response: response(new Uint8Array()) }),
      {
        ...RUN,
        listener: { listenerId: 'l1', listenerNumber: 1, responder: 'close-at-once' },
      },
    )
    expect(
      panel.getByText(
        'Listener 1 is “Close at once”, which answers no requests: actual times only.',
      ),
    ).toBeTruthy()
    const text = row.textContent ?? ''
    expect(text).toContain('before any byte of a response')
    expect(text).toContain(
      'Listener 1 is “Close at once”: it drops the stream as soon as it accepts',
    )
    expect(text).not.toContain('request bytes it never read are waiting')
  })

  it('a reset through a forwarding listener: what it does, then what to look for in your server', () => {
    const { panel, deliver } = setup()
    const row = runOf(
      deliver,
      panel,
      over({ phase: 'failed', errorCode: 'ECONNRESET', response: response(new Uint8Array()) }),
      { ...RUN, listener: { listenerId: 'l1', listenerNumber: 1, responder: 'forward' } },
    )
    const text = row.textContent ?? ''
    expect(text).toContain('Listener 1 is “Forward to my server”: it passes every byte on')
    expect(text).toContain('request bytes it never read')
    expect(text.indexOf('Listener 1 is')).toBeLessThan(text.indexOf('request bytes it never read'))
  })

  it('refused, closed without an answer, and no answer in time', () => {
    const { panel, deliver } = setup()
    let row = runOf(
      deliver,
      panel,
      over({
        phase: 'failed',
        connectedMs: null,
        errorCode: 'ECONNREFUSED',
        doneMs: 0.9,
        response: response(new Uint8Array()),
      }),
    )
    expect(row.textContent).toContain(
      'nothing listens on that address and port (127.0.0.1:7878), so the OS refused the connection. Is your server running, and on that port?',
    )

    row = runOf(deliver, panel, over({ response: response(new Uint8Array()) }), {
      ...RUN,
      runId: 'run-2',
    })
    expect(row.textContent).toContain('#1 GET / — closed without an answer')
    expect(row.textContent).toContain('closed the connection (FIN) at 12 ms without sending a byte')

    row = runOf(
      deliver,
      panel,
      over({
        phase: 'failed',
        errorCode: 'TIME_LIMIT',
        doneMs: 60_000,
        response: response(new Uint8Array(), { closedCleanly: false }),
      }),
      { ...RUN, runId: 'run-3' },
    )
    expect(row.textContent).toContain(
      'No answer within the plan’s 60 s limit: the server accepted the connection and got the request (61 bytes)',
    )
    expect(row.textContent).toContain('read_to_end')
  })
})
