import { act, screen, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { describe, expect, it } from 'vitest'
import { plannedSnapshot } from '../../../../shared/client-plan'
import type { ClientRequestSnapshot, ClientRunInfo } from '../../../../shared/client-types'
import type { EngineEvent } from '../../../../shared/contract'
import { makeListener, makeSnapshot, renderWith, storeWith } from '../../test-utils'
import { ClientPanel } from './ClientPanel'

const listening = makeListener({
  state: 'listening',
  bound: { address: '127.0.0.1', port: 7878, family: 'IPv4' },
  settings: { ...makeListener().settings, responder: 'http-slow-route', sleepSeconds: 1 },
})

function setup() {
  const store = storeWith(makeSnapshot({ listeners: [listening] }))
  const result = renderWith(<ClientPanel />, { store, lang: 'en' })
  const panel = within(screen.getByRole('region', { name: 'Client' }))
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
  plan: { kind: 'http', rows: [{ count: 1, path: '/', startMs: 0 }], idle: 1 },
  model: {
    listenerId: 'l1',
    listenerNumber: 1,
    responder: 'http-slow-route',
    handling: 'single-thread',
    workers: 4,
    sleepSeconds: 1,
  },
  startedAt: Date.now(),
  timeLimitMs: 60_000,
}

const idleRow = (over: Partial<ClientRequestSnapshot> = {}): ClientRequestSnapshot => ({
  ...plannedSnapshot({ index: 0, path: null, startMs: 0, expectedDoneMs: null, idle: true }, 0),
  phase: 'waiting',
  connectStartMs: 0.1,
  connectedMs: 0.4,
  localPort: 50001,
  ...over,
})

const rootRow = (over: Partial<ClientRequestSnapshot> = {}): ClientRequestSnapshot => ({
  ...plannedSnapshot({ index: 1, path: '/', startMs: 0, expectedDoneMs: 0 }, 61),
  ...over,
})

describe('ClientPanel: idle connections', () => {
  it('the idle preset and field make a plan with idle connections; bad counts are refused', async () => {
    const user = userEvent.setup()
    const { panel, api } = setup()
    await user.click(panel.getByRole('button', { name: '2 × /sleep + 1 × / + 1 idle' }))
    const idle = panel.getByRole('spinbutton', { name: 'Idle connections' })
    expect((idle as HTMLInputElement).value).toBe('1')
    expect(panel.getByText(/Idle connections have no curl equivalent/)).toBeTruthy()
    await user.clear(idle)
    await user.type(idle, '9')
    expect(panel.getByText('A whole number from 0 to 8.')).toBeTruthy()
    expect((panel.getByRole('button', { name: 'Run plan' }) as HTMLButtonElement).disabled).toBe(
      true,
    )
    await user.clear(idle)
    await user.type(idle, '2')
    await user.click(panel.getByRole('button', { name: 'Run plan' }))
    expect(api.runClientPlan).toHaveBeenCalledWith({
      target: '127.0.0.1:7878',
      plan: {
        kind: 'http',
        rows: [
          { count: 2, path: '/sleep', startMs: 0 },
          { count: 1, path: '/', startMs: 0 },
        ],
        idle: 2,
      },
    })
  })

  it('shows the idle row, "never" under a blocked model, and closes idle connections', async () => {
    const user = userEvent.setup()
    const { panel, api, deliver } = setup()
    deliver({
      type: 'client-run-started',
      at: 1,
      run: RUN,
      requests: [idleRow(), rootRow({ expectedDoneMs: null, expectedBlocked: true })],
    })
    const timeline = within(panel.getByRole('list', { name: /Timeline of run 1/i }))
    expect(timeline.getByText(/#1 idle — open, sent nothing/)).toBeTruthy()
    expect(timeline.getByText(/a blocking read on the server waits here/)).toBeTruthy()
    expect(timeline.getByText(/expected: never/)).toBeTruthy()
    // Running: Cancel, no "Close idle connections" yet.
    expect(panel.queryByRole('button', { name: 'Close idle connections' })).toBeNull()
    deliver(
      {
        type: 'client-request-changed',
        at: 2,
        runId: 'run-1',
        request: rootRow({ phase: 'done', doneMs: 3, statusCode: 200, bytesReceived: 10 }),
      },
      { type: 'client-run-finished', at: 3, runId: 'run-1', outcome: 'completed', elapsedMs: 3 },
    )
    expect(panel.getByText(/1 idle connection stays open/)).toBeTruthy()
    await user.click(panel.getByRole('button', { name: 'Close idle connections' }))
    expect(api.cancelClientPlan).toHaveBeenCalledWith({ runId: 'run-1' })
    deliver({
      type: 'client-request-changed',
      at: 4,
      runId: 'run-1',
      request: idleRow({ phase: 'done', doneMs: 900 }),
    })
    expect(timeline.getByText(/#1 idle — closed by the server/)).toBeTruthy()
    expect(panel.queryByRole('button', { name: 'Close idle connections' })).toBeNull()
  })
})
