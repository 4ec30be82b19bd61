import { cleanup, screen, waitFor, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { describe, expect, it, vi } from 'vitest'
import type { Platform } from '../../../../shared/bind-failure'
import type { ConnectionSnapshot, ListenerSettings } from '../../../../shared/contract'
import { apiServing, conversationConnection, IN, OUT } from '../../inspector-test-kit'
import { readPcap, sentBy, streamOf } from '../../session/pcap-test-kit'
import { makeListener, makeSnapshot, makeTargetLeg, renderWith, storeWith } from '../../test-utils'
import { StreamView } from './StreamView'

const base = makeListener()
const settings: ListenerSettings = {
  ...base.settings,
  responder: 'forward',
  targetTimeoutSeconds: 7,
}

/** Accepted at engine time 1000; its leg connected 0.4 ms after it began, at 1000.5. */
const forwarded = conversationConnection({
  number: 3,
  target: makeTargetLeg({
    state: 'open',
    local: { address: '127.0.0.1', port: 40001, family: 'IPv4' },
    connectMono: 1000.5,
    connectedMono: 1000.9,
    firstByteToTargetMono: 1012,
    firstByteFromTargetMono: 1025.4,
    bytesToTarget: 78,
    bytesFromTarget: 1234,
    clientEnded: true,
    firstEnded: 'client',
  }),
})

function renderStream(
  connection: ConnectionSnapshot,
  lang: 'en' | 'ru' = 'en',
  platform: Platform = 'linux',
) {
  const store = storeWith(makeSnapshot({ platform, listeners: [{ ...base, settings }] }))
  renderWith(<StreamView connection={connection} />, { api: apiServing(), store, lang })
  return within(screen.getByRole('region', { name: lang === 'en' ? 'Stream' : 'Поток' }))
}

/** The leg's facts as "term: value". */
function facts(section: HTMLElement): string[] {
  return [...section.querySelectorAll('dl > div')].map(
    (row) => `${row.querySelector('dt')?.textContent}: ${row.querySelector('dd')?.textContent}`,
  )
}

describe('the inspector: a forwarded connection’s two legs', () => {
  it('shows the leg to the target under its heading, the client’s under its own', () => {
    const stream = renderStream(forwarded)
    expect(stream.getByText(/in: 29 bytes/)).toBeTruthy()
    const client = stream.getByRole('region', { name: 'Client ↔ Socket Lab' })
    expect(
      within(client).getByText(/^The client [\d.]+:\d+ connected to this listener at /),
    ).toBeTruthy()
    const target = stream.getByRole('region', { name: 'Socket Lab ↔ target' })
    expect(within(target).getByRole('heading', { name: 'Socket Lab ↔ target' })).toBeTruthy()
    expect(facts(target)).toEqual([
      'Target: 127.0.0.1:7879',
      'Socket Lab’s port: 40001',
      'State: open',
      'Connect: 0.4 ms',
      'First byte to target: +12 ms after accept',
      'First byte from target: +25 ms after accept',
      'Sent to target: 78 bytes',
      'Received from target: 1,234 bytes',
      'Closed first (FIN): the client',
    ])
    expect(target.querySelector('.leg-failure')).toBeNull()
  })

  it('folds both legs into one line that says how it went, until opened', () => {
    const summary = renderStream(forwarded).getByText(/^Client ↔ Socket Lab ↔ your server at/)
    expect((summary.closest('details') as HTMLDetailsElement).open).toBe(false)
    expect(summary.textContent).toBe(
      'Client ↔ Socket Lab ↔ your server at 127.0.0.1:7879 — the linter judges the response once your server is done',
    )
    cleanup()
    const failed = renderStream({
      ...forwarded,
      target: makeTargetLeg({ state: 'closed', failure: 'refused' }),
    })
    expect(failed.getByText(/^Client ↔ Socket Lab ↔ your server at/).textContent).toMatch(
      /— it went wrong: open to see why$/,
    )
  })

  it('counts the bytes of an open leg as they are, from the connection between its events', () => {
    const flowing = { ...forwarded, bytesIn: 5000, bytesOut: 90_000 }
    const open = renderStream(flowing).getByRole('region', { name: 'Socket Lab ↔ target' })
    expect(facts(open)).toContain('Sent to target: 5,000 bytes')
    expect(facts(open)).toContain('Received from target: 90,000 bytes')
    cleanup()
    const closed = renderStream({
      ...flowing,
      target: makeTargetLeg({ state: 'closed', bytesToTarget: 78, bytesFromTarget: 1234 }),
    }).getByRole('region', { name: 'Socket Lab ↔ target' })
    expect(facts(closed)).toContain('Sent to target: 78 bytes')
  })

  it('explains a failure with the listener’s timeout', () => {
    const timedOut = {
      ...forwarded,
      target: makeTargetLeg({ state: 'closed', failure: 'connect-timeout' }),
    }
    const target = renderStream(timedOut).getByRole('region', { name: 'Socket Lab ↔ target' })
    expect(facts(target)).toContain('Connect: not yet')
    expect(facts(target)).toContain('Socket Lab’s port: —')
    expect(within(target).getByText(/did not accept connection #3 within 7 s/)).toBeTruthy()
  })

  it('speaks Russian', () => {
    const target = renderStream(forwarded, 'ru').getByRole('region', {
      name: 'Socket Lab ↔ цель',
    })
    expect(facts(target)).toContain('Первым закрыл (FIN): клиент')
  })

  it('says which side is not reading, with the bytes waiting and the cap, while it lasts', () => {
    const stalled = {
      ...forwarded,
      target: {
        ...forwarded.target!,
        stalled: 'target' as const,
        lastStall: { side: 'target' as const, waiting: 3_145_728, cap: 16_384 },
        stalls: 1,
      },
    }
    const stream = renderStream(stalled)
    expect(stream.getByText(/^Client ↔ Socket Lab ↔ your server at/).textContent).toBe(
      'Client ↔ Socket Lab ↔ your server at 127.0.0.1:7879 — your server is not reading: Socket Lab stopped reading from the client',
    )
    const target = stream.getByRole('region', { name: 'Socket Lab ↔ target' })
    expect(
      within(target).getByText(
        /^Your server is not reading what the client sends\. What Socket Lab passed on lies unread in the operating system’s buffers, and 3,145,728 bytes more wait in Socket Lab itself \(it stops reading once more than its threshold of 16,384 bytes wait\)\. So Socket Lab stopped reading from the client until your server reads/,
      ),
    ).toBeTruthy()
    expect(facts(target)).toContain(
      'A side stopped reading: once; it was your server, with 3,145,728 bytes more waiting in Socket Lab (threshold 16,384 bytes) (going on now)',
    )
    // What was sent to the target is not all with it yet.
    expect(facts(target)).toContainEqual(
      expect.stringMatching(
        /^Sent to target: [\d,]+ bytes, of which 3,145,728 bytes still wait in Socket Lab$/,
      ),
    )
    cleanup()
    // Over: the count and the last stall stay, the sentence goes.
    const resumed = renderStream({
      ...stalled,
      target: { ...stalled.target, stalled: null, stalls: 2 },
    }).getByRole('region', { name: 'Socket Lab ↔ target' })
    expect(within(resumed).queryByText(/is not reading/)).toBeNull()
    expect(facts(resumed)).toContain(
      'A side stopped reading: 2 times; the last was your server, with 3,145,728 bytes more waiting in Socket Lab (threshold 16,384 bytes) (over: your server reads again)',
    )
    expect(facts(resumed)).toContainEqual(expect.stringMatching(/^Sent to target: [\d,]+ bytes$/))
    cleanup()
    // A leg that closed says nothing of whether the stall ended.
    const closed = renderStream({
      ...stalled,
      target: { ...stalled.target, state: 'closed' as const, stalled: null },
    }).getByRole('region', { name: 'Socket Lab ↔ target' })
    expect(facts(closed)).toContain(
      'A side stopped reading: once; it was your server, with 3,145,728 bytes more waiting in Socket Lab (threshold 16,384 bytes)',
    )
  })

  it('says a client that does not read in Russian', () => {
    const stalled = {
      ...forwarded,
      target: {
        ...forwarded.target!,
        stalled: 'client' as const,
        lastStall: { side: 'client' as const, waiting: 2_000_000, cap: 16_384 },
        stalls: 3,
      },
    }
    const target = renderStream(stalled, 'ru').getByRole('region', { name: 'Socket Lab ↔ цель' })
    expect(
      within(target).getByText(
        /^Клиент не читает то, что присылает ваш сервер\. Переданное Socket Lab лежит непрочитанным в буферах операционной системы, и ещё 2\s000\s000 байт ждут в самом Socket Lab \(он перестаёт читать, когда ждёт больше порога в 16\s384 байта\)/,
      ),
    ).toBeTruthy()
    expect(facts(target)).toContainEqual(
      expect.stringMatching(
        /^Сторона перестала читать: 3 раза; последний — клиент, и ещё 2\s000\s000 байт ждали в Socket Lab \(порог 16\s384 байта\) \(продолжается\)$/,
      ),
    )
  })

  it('says, on Linux, that a FIN after the client’s may have been a reset', () => {
    const bothEnded = {
      ...forwarded,
      target: { ...forwarded.target!, targetEnded: true, state: 'closed' as const },
    }
    const note = /cannot say whether your server sent a FIN or a reset/
    const linux = renderStream(bothEnded).getByRole('region', { name: 'Socket Lab ↔ target' })
    expect(within(linux).getByText(note)).toBeTruthy()
    cleanup()
    // Not where the engine tells them apart: the target ended first, or nothing ended yet.
    const targetFirst = renderStream({
      ...bothEnded,
      target: { ...bothEnded.target, firstEnded: 'target' as const },
    }).getByRole('region', { name: 'Socket Lab ↔ target' })
    expect(within(targetFirst).queryByText(note)).toBeNull()
    cleanup()
    expect(renderStream(forwarded).queryByText(note)).toBeNull()
    cleanup()
    // Observed on Linux only: elsewhere it is not claimed.
    expect(renderStream(bothEnded, 'en', 'darwin').queryByText(note)).toBeNull()
    cleanup()
    expect(renderStream(bothEnded, 'ru').getByText(/прислал ваш сервер FIN или сброс/)).toBeTruthy()
  })

  it('leaves the inspector of other responders as it was', () => {
    const stream = renderStream(conversationConnection())
    expect(stream.queryByRole('region', { name: 'Client ↔ Socket Lab' })).toBeNull()
    expect(stream.queryByRole('region', { name: 'Socket Lab ↔ target' })).toBeNull()
    expect(stream.getByText(/in: 29 bytes/)).toBeTruthy()
  })

  it('exports both legs in the connection’s pcap: two streams with the same bytes', async () => {
    const user = userEvent.setup()
    const createObjectURL = vi.fn((_: Blob) => 'blob:fake')
    Object.assign(URL, { createObjectURL, revokeObjectURL: vi.fn() })
    const click = vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(() => {})
    try {
      const stream = renderStream(forwarded)
      await user.click(stream.getByRole('button', { name: 'Export pcap' }))
      await waitFor(() => expect(createObjectURL).toHaveBeenCalledTimes(1))
      const blob = createObjectURL.mock.calls[0]?.[0]
      const rows = readPcap(new Uint8Array((await blob?.arrayBuffer()) ?? new ArrayBuffer(0)))
      const client = streamOf(rows, 50001)
      const target = streamOf(rows, 40001)
      expect(client.length + target.length).toBe(rows.length)
      expect([...sentBy(client, 50001)]).toEqual([...IN])
      expect([...sentBy(target, 40001)]).toEqual([...IN])
      expect([...sentBy(client, 7878)]).toEqual([...OUT])
      expect([...sentBy(target, 7879)]).toEqual([...OUT])
      expect(target[0]).toMatchObject({ flags: 'S', dstPort: 7879 })
    } finally {
      click.mockRestore()
    }
  })
})
