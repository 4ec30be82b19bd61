import { screen, waitFor, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { describe, expect, it } from 'vitest'
import { judgeResponse } from '../../../../shared/client-response'
import type { ChunkInfo, ConnectionSnapshot, TargetLeg } from '../../../../shared/contract'
import { apiServing, conversationConnection, enc, REQUEST } from '../../inspector-test-kit'
import { makeTargetLeg, renderWith } from '../../test-utils'
import { StreamView } from './StreamView'

const IN = enc(REQUEST)

/**
 * Connection #3 forwarded to a server that sent `response` and ended as `leg` says, shown in the
 * Stream region; the linter's judgement is the engine's own (judgeResponse on the same bytes).
 */
function renderForwarded(
  response: string,
  leg: Partial<TargetLeg> = {},
  { lang = 'en', kept }: { lang?: 'en' | 'ru'; kept?: number } = {},
) {
  const out = enc(response)
  const closedCleanly = (leg.targetEnded ?? true) && (leg.failure ?? null) === null
  const connection: ConnectionSnapshot = conversationConnection({
    number: 3,
    bytesIn: IN.length,
    captured: IN.length,
    chunksIn: 1,
    bytesOut: out.length,
    capturedOut: kept ?? out.length,
    truncated: kept !== undefined,
    chunksOut: out.length === 0 ? 0 : 1,
    target: makeTargetLeg({
      state: 'closed',
      local: { address: '127.0.0.1', port: 40001, family: 'IPv4' },
      connectedMono: 2000.4,
      bytesToTarget: IN.length,
      bytesFromTarget: out.length,
      targetEnded: true,
      firstEnded: 'target',
      response: judgeResponse(out, out.length, { requestIsHttp: true, closedCleanly }),
      ...leg,
    }),
  })
  const chunks: ChunkInfo[] = [
    { direction: 'in', offset: 0, size: IN.length, mono: 1010, kept: IN.length },
  ]
  if (out.length > 0)
    chunks.push({
      direction: 'out',
      offset: 0,
      size: out.length,
      mono: 1020,
      kept: kept ?? out.length,
    })
  renderWith(<StreamView connection={connection} />, {
    api: apiServing({ in: IN, out: out.subarray(0, kept), chunks }),
    lang,
  })
  return within(screen.getByRole('region', { name: lang === 'en' ? 'Stream' : 'Поток' }))
}

function targetSection(stream: ReturnType<typeof renderForwarded>): HTMLElement {
  return stream.getByRole('region', { name: 'Socket Lab ↔ target' })
}

function summary(): string {
  return document.querySelector('.selection-summary')?.textContent ?? ''
}

const BARE_LF = 'HTTP/1.1 200 OK\nContent-Length: 5\n\nhello'
/** Bare \n (byte 15), and a body longer than Content-Length (bytes 38–39). */
const TWO_FINDINGS = 'HTTP/1.1 200 OK\nContent-Length: 3\n\nhello'

describe('the inspector: what the linter found in the response of the learner’s server', () => {
  it('lists each finding in the client’s words; its place selects those bytes in Text', async () => {
    const user = userEvent.setup()
    const stream = renderForwarded(TWO_FINDINGS)
    const target = within(targetSection(stream))
    expect(target.getByText('Your server’s response: complete.')).toBeTruthy()
    const list = target.getByRole('list', {
      name: 'Linter findings for your server’s response on #3',
    })
    const items = within(list).getAllByRole('listitem')
    expect(items.map((item) => item.textContent)).toEqual([
      expect.stringMatching(/^Line 1 of the head ends with a bare \\n instead of \\r\\n\./),
      expect.stringMatching(
        /^Content-Length says 3 bytes, but 5 arrived: .* \(marked\)\. bytes 38–39$/,
      ),
    ])
    const place = within(list).getByRole('button', { name: 'byte 15' })
    expect(place.getAttribute('aria-pressed')).toBe('false')
    await user.click(place)
    expect(summary()).toBe('Selected: 1 byte ← server to client at 15')
    expect(place.getAttribute('aria-pressed')).toBe('true')
    const panel = stream.getByRole('tabpanel')
    await waitFor(() =>
      expect([...panel.querySelectorAll('.selected-bytes')].map((e) => e.textContent)).toEqual([
        '\\n',
      ]),
    )
    // Another selection: the finding is no longer the one shown.
    await user.click(within(list).getByRole('button', { name: 'bytes 38–39' }))
    expect(summary()).toBe('Selected: 2 bytes ← server to client at 38–39')
    expect(place.getAttribute('aria-pressed')).toBe('false')
  })

  it('opens Text, with both directions, when Chunks shows only what the client sent', async () => {
    const user = userEvent.setup()
    const stream = renderForwarded(BARE_LF)
    await user.click(stream.getByRole('tab', { name: 'Chunks' }))
    await user.selectOptions(stream.getByRole('combobox', { name: 'Show' }), 'in')
    await user.click(within(targetSection(stream)).getByRole('button', { name: 'byte 15' }))
    expect(stream.getByRole('tab', { name: 'Text' }).getAttribute('aria-selected')).toBe('true')
    expect((stream.getByRole('combobox', { name: 'Show' }) as HTMLSelectElement).value).toBe('both')
    expect(summary()).toBe('Selected: 1 byte ← server to client at 15')
  })

  it('says how far a short body got; a missing blank line is a point, not a button', () => {
    const short = renderForwarded('HTTP/1.1 200 OK\r\nContent-Length: 10\r\n\r\nhello')
    const target = within(targetSection(short))
    expect(
      target.getByText(
        'Your server’s response: the body is short — 5 of the 10 bytes its Content-Length promised.',
      ),
    ).toBeTruthy()
    expect(target.getByRole('button', { name: 'bytes 33–34' })).toBeTruthy()
  })

  it('a head that never ended: the head only, the end a point', () => {
    const headOnly = 'HTTP/1.1 200 OK\r\nContent-Length: 5\r\n'
    const target = within(targetSection(renderForwarded(headOnly)))
    expect(target.getByText(/^Your server’s response: the head only — no blank line/)).toBeTruthy()
    const list = target.getByRole('list', { name: /^Linter findings/ })
    expect(within(list).queryByRole('button')).toBeNull()
    expect(within(list).getByText('(at the end, byte 36)')).toBeTruthy()
  })

  it('names bytes that were not kept without a button to select them', () => {
    const stream = renderForwarded(TWO_FINDINGS, {}, { kept: 38 })
    const list = within(targetSection(stream)).getByRole('list', { name: /^Linter findings/ })
    expect(within(list).getByRole('button', { name: 'byte 15' })).toBeTruthy()
    expect(within(list).queryByRole('button', { name: 'bytes 38–39' })).toBeNull()
    expect(within(list).getByText('(bytes 38–39)')).toBeTruthy()
  })

  it('says the linter waits while the server has not finished', () => {
    const stream = renderForwarded('HTTP/1.1 200 OK\r\n', {
      state: 'open',
      targetEnded: false,
      firstEnded: null,
      response: null,
    })
    const target = within(targetSection(stream))
    expect(target.getByText(/^The linter looks at your server’s response once/)).toBeTruthy()
    expect(target.queryByRole('list')).toBeNull()
  })

  it('explains a reset after an answer: the request was not read', () => {
    const stream = renderForwarded('HTTP/1.1 200 OK\r\nContent-Length: 5\r\n\r\nhello', {
      targetEnded: false,
      firstEnded: null,
      failure: 'target-reset',
      errorCode: 'ECONNRESET',
    })
    const target = within(targetSection(stream))
    expect(target.getByText(/^Your server reset connection #3 \(RST\)/)).toBeTruthy()
    expect(
      target.getByText(
        /^The classic cause: your server answered and closed the connection without reading the whole request\..*“connection reset”/,
      ),
    ).toBeTruthy()
    expect(target.getByText('Your server’s response: complete.')).toBeTruthy()
  })

  it('does not blame an unread request for a reset before any answer', () => {
    const stream = renderForwarded('', {
      targetEnded: false,
      firstEnded: null,
      failure: 'target-reset',
      errorCode: 'ECONNRESET',
    })
    const target = within(targetSection(stream))
    expect(target.queryByText(/classic cause/)).toBeNull()
    expect(target.getByText('Your server sent no response.')).toBeTruthy()
    expect(target.queryByRole('list')).toBeNull()
  })

  it('explains a close without an answer, with nothing to lint', () => {
    const target = within(targetSection(renderForwarded('')))
    expect(
      target.getByText(/^Your server closed the connection without answering: .*stream\.write_all/),
    ).toBeTruthy()
    expect(target.queryByText('Your server sent no response.')).toBeNull()
    expect(target.queryByText(/finds nothing wrong/)).toBeNull()
    expect(target.queryByRole('list')).toBeNull()
  })

  it('speaks Russian', () => {
    const stream = renderForwarded(
      BARE_LF,
      { targetEnded: false, failure: 'target-reset' },
      { lang: 'ru' },
    )
    const target = within(stream.getByRole('region', { name: 'Socket Lab ↔ цель' }))
    expect(target.getByText(/^Типичная причина: ваш сервер ответил/)).toBeTruthy()
    const list = target.getByRole('list', {
      name: 'Замечания линтера к ответу вашего сервера на №3',
    })
    expect(within(list).getAllByRole('listitem')[0]?.textContent).toMatch(
      /^Строка 1 заголовков заканчивается голым \\n/,
    )
    expect(within(list).getByRole('button', { name: 'байт 15' })).toBeTruthy()
  })
})
