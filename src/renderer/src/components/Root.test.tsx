import { render, screen, waitFor, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { ok } from '../../../shared/result'
import { parseSessionFile, serializeSession, type Session } from '../../../shared/session-file'
import { I18nProvider } from '../i18n/I18nProvider'
import type { Lang } from '../i18n/translate'
import { readPcap, sentBy, streamOf } from '../session/pcap-test-kit'
import {
  makeConnection,
  makeListener,
  makeSnapshot,
  makeTargetLeg,
  storeWith,
  type FakeApi,
} from '../test-utils'
import { apiServing, CHUNKS, conversationConnection, IN, OUT } from '../inspector-test-kit'
import { Root } from './Root'
import { defaultListenerSettings } from '../../../shared/listener-defaults'

const enc = (s: string): Uint8Array => new TextEncoder().encode(s)

const liveListener = makeListener({
  state: 'listening',
  bound: { address: '127.0.0.1', port: 7878, family: 'IPv4' },
  counters: { accepted: 1, open: 1, dropped: 0, bytesIn: IN.length, bytesOut: OUT.length },
})
const liveSnapshot = makeSnapshot({
  listeners: [liveListener],
  connections: [conversationConnection()],
})

/** A session from another machine: its own listener, port and client. */
function savedSession(): Session {
  return {
    savedAt: Date.UTC(2025, 5, 1, 9, 30),
    platform: 'linux',
    listeners: [
      makeListener({
        id: 's1',
        number: 1,
        settings: {
          ...defaultListenerSettings(),
          host: '127.0.0.1',
          port: 9090,
          maxConnections: null,
          captureLimitPerConnection: 1024,
        },
        counters: { accepted: 1, open: 0, dropped: 0, bytesIn: 5, bytesOut: 2 },
        workers: [],
        queued: [],
        handled: 0,
      }),
    ],
    connections: [
      {
        connection: makeConnection(7, {
          id: 's1#7',
          listenerId: 's1',
          remote: { address: '127.0.0.1', port: 61234, family: 'IPv4' },
          local: { address: '127.0.0.1', port: 9090, family: 'IPv4' },
          state: 'closed',
          closedAt: Date.UTC(2025, 0, 1, 12, 0, 5),
          closeReason: 'peer',
          bytesIn: 5,
          captured: 5,
          chunksIn: 1,
          bytesOut: 2,
          capturedOut: 2,
          chunksOut: 1,
        }),
        chunks: [
          { direction: 'in', offset: 0, size: 5, mono: 1010, kept: 5 },
          { direction: 'out', offset: 0, size: 2, mono: 1020, kept: 2 },
        ],
        received: enc('hello'),
        sent: enc('OK'),
      },
    ],
  }
}

function liveApi(): FakeApi {
  const api = apiServing()
  api.snapshot.mockResolvedValue(ok(liveSnapshot))
  return api
}

function renderRoot(lang: Lang = 'en', api: FakeApi = liveApi()) {
  render(
    <I18nProvider lang={lang}>
      <Root api={api} store={storeWith(liveSnapshot)} />
    </I18nProvider>,
  )
  return api
}

function sessionFile(text: string, name = 'lab.json'): File {
  return new File([text], name, { type: 'application/json' })
}

async function openFile(file: File): Promise<void> {
  const user = userEvent.setup()
  await user.upload(screen.getByTestId('open-session-file'), file)
}

describe('opening a session file', () => {
  it.each([
    [
      'not JSON',
      'notes.json',
      'this is not json {',
      /notes\.json: it is not a Socket Lab session file \(not JSON\)/,
    ],
    [
      'foreign JSON',
      'package.json',
      JSON.stringify({ name: 'socket-lab', version: '1.0.0' }),
      /package\.json: it is not a Socket Lab session file\./,
    ],
    [
      'damaged',
      'broken.json',
      serializeSession(savedSession()).replace('"port":61234', '"port":-1'),
      /broken\.json: the file is damaged \(at connections\[0\]\.connection\.remote\.port\)/,
    ],
  ])('explains a %s file in an alert and stays live', async (_, name, text, reason) => {
    const user = userEvent.setup()
    renderRoot()
    await user.upload(screen.getByTestId('open-session-file'), sessionFile(text, name))
    const alert = await screen.findByRole('alert')
    expect(alert.textContent).toMatch(reason)
    expect(screen.queryByRole('note')).toBeNull()
    expect(screen.getByRole('button', { name: 'Add listener' })).toBeTruthy()
    await user.click(within(alert).getByRole('button', { name: 'Dismiss' }))
    expect(screen.queryByRole('alert')).toBeNull()
  })

  it('shows a good file read-only, and goes back to live', async () => {
    const user = userEvent.setup()
    const api = renderRoot()
    expect(screen.getByRole('row', { name: /127\.0\.0\.1:50001/ })).toBeTruthy()

    await openFile(sessionFile(serializeSession(savedSession())))

    const banner = await screen.findByRole('note')
    expect(banner.textContent).toMatch(
      /^Viewing a saved session: lab\.json, saved .+\. Read-only\./,
    )
    const table = screen.getByRole('table', { name: 'Connections' })
    const row = await within(table).findByRole('row', { name: /127\.0\.0\.1:61234/ })
    expect(within(table).queryByRole('row', { name: /127\.0\.0\.1:50001/ })).toBeNull()

    const card = screen.getByRole('region', { name: 'Listener 1' })
    expect(within(card).getByLabelText('Port')).toHaveProperty('value', '9090')
    expect(card.closest('fieldset')?.disabled).toBe(true)
    const cardButtons = within(card).getAllByRole('button')
    expect(cardButtons.length).toBeGreaterThan(0)
    for (const button of cardButtons) expect(button.matches(':disabled')).toBe(true)
    expect(screen.queryByRole('button', { name: 'Add listener' })).toBeNull()

    await user.click(row)
    const stream = screen.getByRole('region', { name: 'Stream' })
    expect(stream.textContent).toContain('Connection #7 from 127.0.0.1:61234')
    expect(within(stream).getByText('A saved session is read-only.')).toBeTruthy()
    expect(within(stream).queryByRole('textbox', { name: 'Message' })).toBeNull()
    expect(within(stream).queryByRole('form', { name: 'Send to the client' })).toBeNull()
    // The saved bytes are shown: read from the file, not from the live engine.
    await waitFor(() => expect(stream.textContent).toContain('hello'))
    expect(api.readBytes).not.toHaveBeenCalled()

    await user.click(within(banner).getByRole('button', { name: 'Back to live' }))
    expect(screen.queryByRole('note')).toBeNull()
    expect(screen.getByRole('row', { name: /127\.0\.0\.1:50001/ })).toBeTruthy()
    expect(screen.queryByRole('row', { name: /127\.0\.0\.1:61234/ })).toBeNull()
    expect(screen.getByRole('button', { name: 'Add listener' })).toBeTruthy()
    expect(screen.getByRole('region', { name: 'Listener 1' }).closest('fieldset')?.disabled).toBe(
      false,
    )
  })

  it('keeps the text size and projector mode the user chose, both ways', async () => {
    const user = userEvent.setup()
    const store = storeWith(liveSnapshot)
    store.dispatch({ type: 'settings-changed', patch: { fontScale: 1.2, isProjector: true } })
    render(
      <I18nProvider lang="en">
        <Root api={liveApi()} store={store} />
      </I18nProvider>,
    )
    const size = () => screen.getByRole('button', { name: /^Text size \d+%/ }).textContent
    const before = size()
    await openFile(sessionFile(serializeSession(savedSession())))
    const banner = await screen.findByRole('note')
    expect(size()).toBe(before)
    expect(screen.getByRole('button', { name: 'Projector' }).getAttribute('aria-pressed')).toBe(
      'true',
    )
    await user.click(screen.getByRole('button', { name: /Larger text/ }))
    const larger = size()
    expect(larger).not.toBe(before)
    await user.click(within(banner).getByRole('button', { name: 'Back to live' }))
    expect(size()).toBe(larger)
    expect(store.getState().settings.isProjector).toBe(true)
  })

  it('says so in Russian', async () => {
    renderRoot('ru')
    await openFile(sessionFile(serializeSession(savedSession()), 'урок.json'))
    const banner = await screen.findByRole('note')
    expect(banner.textContent).toMatch(
      /^Просмотр сохранённого сеанса: урок\.json, сохранён .+\. Только чтение\./,
    )
    expect(within(banner).getByRole('button', { name: 'К живому режиму' })).toBeTruthy()
  })
})

describe('downloads', () => {
  let blobs: Blob[]
  let names: string[]
  const original = { create: URL.createObjectURL, revoke: URL.revokeObjectURL }

  beforeEach(() => {
    blobs = []
    names = []
    URL.createObjectURL = vi.fn((blob: Blob) => {
      blobs.push(blob)
      return `blob:test/${blobs.length}`
    })
    URL.revokeObjectURL = vi.fn()
    vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (
      this: HTMLAnchorElement,
    ) {
      names.push(this.download)
    })
  })

  afterEach(() => {
    URL.createObjectURL = original.create
    URL.revokeObjectURL = original.revoke
    vi.restoreAllMocks()
  })

  it('saves the live session as a file that opens again with the same bytes', async () => {
    const user = userEvent.setup()
    renderRoot()
    await user.click(screen.getByRole('button', { name: 'Save session' }))
    await waitFor(() => expect(names).toHaveLength(1))
    const [name] = names
    expect(name).toMatch(/^socket-lab-session-\d{4}-\d{2}-\d{2}-\d{6}\.json$/)
    expect(await screen.findByText(`Saved ${name}.`)).toBeTruthy()
    const [blob] = blobs
    expect(blob?.type).toBe('application/json')
    const parsed = parseSessionFile((await blob?.text()) ?? '')
    if (!parsed.ok) throw new Error(`not a session: ${parsed.error.kind}`)
    expect(parsed.value.listeners.map((l) => l.id)).toEqual(['l1'])
    const [saved] = parsed.value.connections
    expect(saved?.connection.id).toBe('c1')
    expect([...(saved?.received ?? [])]).toEqual([...IN])
    expect([...(saved?.sent ?? [])]).toEqual([...OUT])
    expect(saved?.chunks).toEqual(CHUNKS)
  })

  it('exports the live session as pcap', async () => {
    const user = userEvent.setup()
    renderRoot()
    await user.click(screen.getByRole('button', { name: 'Export pcap' }))
    await waitFor(() => expect(names).toHaveLength(1))
    expect(names[0]).toMatch(/^socket-lab-\d{4}-\d{2}-\d{2}-\d{6}\.pcap$/)
    const blob = blobs[0]
    expect(blob?.type).toBe('application/vnd.tcpdump.pcap')
    const bytes = new Uint8Array((await blob?.arrayBuffer()) ?? new ArrayBuffer(0))
    expect([...bytes.subarray(0, 4)]).toEqual([0xd4, 0xc3, 0xb2, 0xa1])
    // The payload made it in: each read and write is a packet of its own.
    const packets = new TextDecoder('latin1').decode(bytes)
    expect(packets).toContain('GET / HTTP')
    expect(packets).toContain('HTTP/1.1 200 OK')
  })

  it('exports a forwarded connection’s leg to the target as a second stream', async () => {
    const user = userEvent.setup()
    const api = liveApi()
    const target = makeTargetLeg({
      state: 'open',
      local: { address: '127.0.0.1', port: 40001, family: 'IPv4' },
      connectMono: 1000.2,
      connectedMono: 1000.5,
    })
    api.snapshot.mockResolvedValue(
      ok({ ...liveSnapshot, connections: [conversationConnection({ target })] }),
    )
    renderRoot('en', api)
    await user.click(screen.getByRole('button', { name: 'Export pcap' }))
    await waitFor(() => expect(blobs).toHaveLength(1))
    const rows = readPcap(new Uint8Array((await blobs[0]?.arrayBuffer()) ?? new ArrayBuffer(0)))
    const leg = streamOf(rows, 40001)
    expect(streamOf(rows, 50001).length + leg.length).toBe(rows.length)
    expect([...sentBy(leg, 40001)]).toEqual([...IN])
    expect([...sentBy(leg, 7879)]).toEqual([...OUT])
  })

  it('reports a save that fails', async () => {
    const user = userEvent.setup()
    const api = liveApi()
    api.snapshot.mockResolvedValue({ ok: false, error: { code: 'INTERNAL', message: 'boom' } })
    renderRoot('en', api)
    await user.click(screen.getByRole('button', { name: 'Save session' }))
    expect(await screen.findByText('Could not save: boom')).toBeTruthy()
    expect(names).toEqual([])
  })
})
