import { plannedSnapshot } from '../../../../shared/client-plan'
import { act, screen, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { describe, expect, it } from 'vitest'
import type { ClientRequestSnapshot, ClientRunInfo } from '../../../../shared/client-types'
import type { EngineEvent } from '../../../../shared/contract'
import { fail } from '../../../../shared/result'
import { fakeApi, makeListener, makeSnapshot, renderWith, storeWith } from '../../test-utils'
import { ClientPanel } from './ClientPanel'

const listening = makeListener({
  state: 'listening',
  bound: { address: '127.0.0.1', port: 7878, family: 'IPv4' },
  settings: { ...makeListener().settings, responder: 'http-slow-route', sleepSeconds: 5 },
})

function setup(lang: 'en' | 'ru' = 'en') {
  const store = storeWith(makeSnapshot({ listeners: [listening] }))
  const result = renderWith(<ClientPanel />, { store, lang })
  const panel = within(screen.getByRole('region', { name: lang === 'en' ? 'Client' : 'Клиент' }))
  let seq = 0
  const deliver = (...events: EngineEvent[]): void =>
    act(() => store.dispatch({ type: 'batches', batches: [{ seq: (seq += 1), events }] }))
  return { ...result, panel, deliver }
}

const RUN: ClientRunInfo = {
  runId: 'run-1',
  target: '127.0.0.1:7878',
  host: '127.0.0.1',
  port: 7878,
  plan: {
    kind: 'http',
    rows: [
      { count: 2, path: '/sleep', startMs: 0 },
      { count: 1, path: '/', startMs: 0 },
    ],
  },
  model: {
    listenerId: 'l1',
    listenerNumber: 1,
    responder: 'http-slow-route',
    handling: 'single-thread',
    workers: 4,
    sleepSeconds: 5,
  },
  startedAt: Date.now(),
  timeLimitMs: 60_000,
}

function request(index: number, over: Partial<ClientRequestSnapshot> = {}): ClientRequestSnapshot {
  const path = index < 2 ? '/sleep' : '/'
  const expectedDoneMs = [5000, 10000, 10000][index] ?? null
  return { ...plannedSnapshot({ index, path, startMs: 0, expectedDoneMs }, 61), ...over }
}

const finished = (index: number, doneMs: number): ClientRequestSnapshot =>
  request(index, {
    phase: 'done',
    connectStartMs: 0.2,
    connectedMs: 0.5,
    firstSentMs: 0.8,
    lastSentMs: 0.8,
    firstReceivedMs: doneMs - 1,
    doneMs,
    bytesSent: 61,
    writes: 1,
    bytesReceived: 190,
    statusLine: 'HTTP/1.1 200 OK',
    statusCode: 200,
    localPort: 50001 + index,
  })

/** The text the element's aria-describedby points at. */
function description(el: HTMLElement): string {
  const ids = (el.getAttribute('aria-describedby') ?? '').split(' ')
  return ids.map((id) => document.getElementById(id)?.textContent ?? '').join(' ')
}

const valueOf = (el: HTMLElement): string => (el as HTMLInputElement).value
const isDisabled = (el: HTMLElement): boolean => (el as HTMLButtonElement).disabled

describe('ClientPanel', () => {
  it('targets the first listening listener and runs the book plan', async () => {
    const user = userEvent.setup()
    const { panel, api } = setup()
    expect(valueOf(panel.getByRole('textbox', { name: 'Target' }))).toBe('127.0.0.1:7878')
    await user.click(panel.getByRole('button', { name: '4 × /sleep' }))
    expect(valueOf(panel.getByRole('textbox', { name: 'Count, row 1' }))).toBe('4')
    await user.click(panel.getByRole('button', { name: '2 × /sleep + 1 × / at t=0' }))
    await user.click(panel.getByRole('button', { name: 'Run plan' }))
    expect(api.runClientPlan).toHaveBeenCalledWith({
      target: '127.0.0.1:7878',
      plan: RUN.plan,
    })
  })

  it('shows errors inline and does not run a plan with them', async () => {
    const user = userEvent.setup()
    const { panel, api } = setup()
    const path = panel.getByRole('textbox', { name: 'Path, row 1' })
    await user.clear(path)
    await user.type(path, '/a b')
    expect(description(path)).toMatch(/No spaces, line breaks/)
    const count = panel.getByRole('textbox', { name: 'Count, row 2' })
    await user.clear(count)
    await user.type(count, '201')
    expect(description(count)).toMatch(/A whole number from 1 to 200/)
    const target = panel.getByRole('textbox', { name: 'Target' })
    await user.clear(target)
    await user.type(target, '127.0.0.1')
    expect(description(target)).toMatch(/Add a port/)
    expect(isDisabled(panel.getByRole('button', { name: 'Run plan' }))).toBe(true)
    expect(api.runClientPlan).not.toHaveBeenCalled()
  })

  it('needs a confirmation before a target that is not this machine', async () => {
    const user = userEvent.setup()
    const { panel, api } = setup()
    const target = panel.getByRole('textbox', { name: 'Target' })
    await user.clear(target)
    await user.type(target, 'example.com:80')
    expect(panel.getByText(/example\.com is not this computer/)).toBeTruthy()
    expect(isDisabled(panel.getByRole('button', { name: 'Run plan' }))).toBe(true)
    await user.click(panel.getByRole('checkbox', { name: /I may test example\.com/ }))
    await user.click(panel.getByRole('button', { name: 'Run plan' }))
    expect(api.runClientPlan).toHaveBeenCalledWith(
      expect.objectContaining({ target: 'example.com:80', confirmedRemote: true }),
    )
  })

  it('asks for the confirmation when the engine finds a local-looking name resolves elsewhere', async () => {
    const user = userEvent.setup()
    const { panel, api } = setup()
    api.runClientPlan.mockResolvedValueOnce(
      fail({
        code: 'INVALID_INPUT',
        field: 'confirmedRemote',
        message: 'localhost resolves to 10.0.0.5, not this machine: confirm sending to it first',
      }),
    )
    const target = panel.getByRole('textbox', { name: 'Target' })
    await user.clear(target)
    await user.type(target, 'localhost:7878')
    expect(panel.queryByRole('checkbox', { name: /I may test/ })).toBeNull()
    await user.click(panel.getByRole('button', { name: 'Run plan' }))
    expect((await panel.findByRole('alert')).textContent).toMatch(
      /localhost resolves to an address that is not this machine/,
    )
    await user.click(panel.getByRole('checkbox', { name: /I may test localhost/ }))
    await user.click(panel.getByRole('button', { name: 'Run plan' }))
    expect(api.runClientPlan).toHaveBeenLastCalledWith(
      expect.objectContaining({ target: 'localhost:7878', confirmedRemote: true }),
    )
  })

  it('shows each request as a readable line, expected vs actual, and Cancel while running', async () => {
    const user = userEvent.setup()
    const { panel, api, deliver } = setup()
    deliver({
      type: 'client-run-started',
      at: Date.now(),
      run: RUN,
      requests: [0, 1, 2].map((i) => request(i)),
    })
    expect(isDisabled(panel.getByRole('button', { name: 'Run plan' }))).toBe(true)
    await user.click(panel.getByRole('button', { name: 'Cancel' }))
    expect(api.cancelClientPlan).toHaveBeenCalledWith({ runId: 'run-1' })
    deliver(
      { type: 'client-request-changed', at: 0, runId: 'run-1', request: finished(0, 5012) },
      { type: 'client-request-changed', at: 0, runId: 'run-1', request: finished(1, 10020) },
      { type: 'client-request-changed', at: 0, runId: 'run-1', request: finished(2, 10021) },
      {
        type: 'client-run-finished',
        at: 0,
        runId: 'run-1',
        outcome: 'completed',
        elapsedMs: 10021,
      },
    )
    const timeline = panel.getByRole('list', { name: 'Timeline of run 1' })
    const rows = within(timeline).getAllByRole('listitem')
    expect(rows.map((r) => r.textContent)).toEqual([
      expect.stringContaining('#1 GET /sleep — 200 — 5.01 s (expected 5 s)'),
      expect.stringContaining('#2 GET /sleep — 200 — 10.02 s (expected 10 s)'),
      expect.stringContaining('#3 GET / — 200 — 10.02 s (expected 10 s)'),
    ])
    expect(panel.getByText('Finished in 10.02 s.')).toBeTruthy()
    expect(panel.getByText(/Listener 1: HTTP slow route, Single thread/)).toBeTruthy()
    expect(panel.queryByRole('button', { name: 'Cancel' })).toBeNull()
  })

  it('a 200-request run: the live status says Running… without a ticking clock', () => {
    const { panel, deliver } = setup()
    const requests = Array.from({ length: 200 }, (_, i) => request(i, { path: '/' }))
    deliver({
      type: 'client-run-started',
      at: Date.now(),
      run: { ...RUN, plan: { kind: 'http', rows: [{ count: 200, path: '/', startMs: 0 }] } },
      requests,
    })
    // The clock beside it is hidden from screen readers: it would be announced 5 times a second.
    expect(panel.getByRole('status').textContent).toBe('Running…')
    const timeline = panel.getByRole('list', { name: 'Timeline of run 1' })
    expect(within(timeline).getAllByRole('listitem')).toHaveLength(200)
    deliver({ type: 'client-request-changed', at: 0, runId: 'run-1', request: finished(150, 12) })
    expect(within(timeline).getAllByRole('listitem')[150]?.textContent).toContain(
      '#151 GET / — 200 — 12 ms',
    )
    expect(panel.getByRole('status').textContent).toBe('Running…')
  })

  it('explains a refused connection', () => {
    const { panel, deliver } = setup()
    deliver(
      {
        type: 'client-run-started',
        at: Date.now(),
        run: { ...RUN, model: null },
        requests: [request(0, { expectedDoneMs: null })],
      },
      {
        type: 'client-request-changed',
        at: 0,
        runId: 'run-1',
        request: request(0, {
          phase: 'failed',
          connectStartMs: 0.1,
          doneMs: 0.9,
          errorCode: 'ECONNREFUSED',
          expectedDoneMs: null,
        }),
      },
    )
    const row = within(panel.getByRole('list', { name: 'Timeline of run 1' })).getByRole('listitem')
    expect(row.textContent).toContain('#1 GET /sleep — ECONNREFUSED — 0.9 ms')
    expect(row.textContent).toMatch(/nothing listens on that address and port/)
  })

  it('offers the commands for the OS, and says why a run did not start', async () => {
    const user = userEvent.setup()
    const api = fakeApi()
    api.runClientPlan.mockResolvedValueOnce(
      fail({ code: 'BAD_STATE', message: 'A plan is already running' }),
    )
    const store = storeWith(makeSnapshot({ listeners: [listening] }))
    renderWith(<ClientPanel />, { store, api })
    const panel = within(screen.getByRole('region', { name: 'Client' }))
    await user.click(panel.getByText('The same from a terminal'))
    expect(panel.getByText(/^for i in \$\(seq 2\); do curl/)).toBeTruthy()
    await user.click(panel.getByRole('button', { name: 'Run plan' }))
    expect((await panel.findByRole('alert')).textContent).toMatch('A plan is already running')
  })

  it('speaks Russian', () => {
    const { panel } = setup('ru')
    expect(panel.getByRole('textbox', { name: 'Цель' })).toBeTruthy()
    expect(panel.getByRole('button', { name: 'Запустить план' })).toBeTruthy()
  })
})
