import { act, screen, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { afterEach, describe, expect, it, vi } from 'vitest'
import type { ListenerSnapshot } from '../../../../shared/contract'
import { applyBatches } from '../../state/apply-batch'
import {
  fakeApi,
  makeConnection,
  makeListener,
  makeSnapshot,
  renderWith,
  storeWith,
} from '../../test-utils'
import { WorkersView } from './WorkersView'

const ACCEPTED = Date.UTC(2025, 0, 1, 12, 0, 0, 0)

function pool(overrides: Partial<ListenerSnapshot>): ListenerSnapshot {
  const base = makeListener({ state: 'stopping', workers: ['c5', null], queued: [] })
  return {
    ...base,
    ...overrides,
    settings: { ...base.settings, responder: 'http-routes', handling: 'thread-pool', workers: 2 },
  }
}

function renderView(listener: ListenerSnapshot, bytesIn = 0, lang: 'en' | 'ru' = 'en') {
  const api = fakeApi()
  const store = storeWith(
    makeSnapshot({
      listeners: [listener],
      connections: [makeConnection(5, { acceptedAt: ACCEPTED, bytesIn })],
    }),
  )
  renderWith(<WorkersView listener={listener} />, { api, store, lang })
  const name = lang === 'en' ? 'Worker threads' : 'Рабочие потоки'
  return { api, view: within(screen.getByRole('region', { name })) }
}

afterEach(() => {
  vi.useRealTimers()
})

describe('the workers view', () => {
  it('shows what a busy worker does', () => {
    const { view } = renderView(pool({ state: 'listening', phases: ['sleeping', null] }))
    expect(view.getAllByRole('listitem').map((li) => li.textContent?.slice(2))).toEqual([
      'Worker 0 — busy with #5 (sleeping)',
      'Worker 1 — idle',
    ])
    expect(view.queryByRole('group', { name: 'Why shutdown waits' })).toBeNull()
  })

  it('names an idle connection blocking a worker as the cause when a drain waits', async () => {
    vi.useFakeTimers({
      toFake: ['Date', 'setInterval', 'clearInterval', 'setTimeout', 'clearTimeout'],
    })
    vi.setSystemTime(ACCEPTED + 12_400)
    const { view, api } = renderView(pool({ phases: ['reading', null] }))
    const cause = view.getByRole('group', { name: 'Why shutdown waits' })
    expect(cause.textContent).toContain(
      'Worker 0 is waiting to read from #5, which has sent nothing for 12 s — shutdown waits for it. A browser’s speculative connection?',
    )
    act(() => {
      vi.advanceTimersByTime(3000)
    })
    expect(cause.textContent).toContain('has sent nothing for 15 s')
    // The ticking seconds are not live; one stable sentence says who blocks the stop.
    expect(cause.closest('[aria-live]')).toBeNull()
    const live = view.getByText('Shutdown waits for Worker 0 (#5), blocked reading.')
    expect(live.getAttribute('aria-live')).toBe('polite')
    vi.useRealTimers()
    const user = userEvent.setup()
    await user.click(within(cause).getByRole('button', { name: 'Close #5' }))
    expect(api.closeConnection).toHaveBeenCalledWith({ connectionId: 'c5' })
  })

  it('says a partial request when some bytes came', () => {
    const partial = renderView(pool({ phases: ['reading', null] }), 10)
    expect(partial.view.getByRole('group', { name: 'Why shutdown waits' }).textContent).toMatch(
      /^Worker 0 is waiting for the rest of the request from #5/,
    )
  })

  it('gives no cause while still listening, nor for a worker that answers', () => {
    const listening = renderView(pool({ state: 'listening', phases: ['reading', null] }))
    expect(listening.view.getByText(/Worker 0 — busy with #5 \(reading the request\)/)).toBeTruthy()
    expect(listening.view.queryByRole('group', { name: 'Why shutdown waits' })).toBeNull()
  })

  it('follows worker-changed phases from the engine', () => {
    const listener = pool({ state: 'listening', workers: [null, null] })
    const store = storeWith(makeSnapshot({ listeners: [listener] }))
    const next = applyBatches(store.getState(), [
      {
        seq: 1,
        events: [
          {
            type: 'worker-changed',
            at: 1,
            listenerId: 'l1',
            worker: 1,
            connectionId: 'c5',
            phase: 'reading',
          },
          {
            type: 'worker-changed',
            at: 2,
            listenerId: 'l1',
            worker: 1,
            connectionId: 'c5',
            phase: 'responding',
          },
        ],
      },
    ])
    expect(next.listeners[0]).toMatchObject({ workers: [null, 'c5'], phases: [null, 'responding'] })
    const idle = applyBatches(next, [
      {
        seq: 2,
        events: [
          {
            type: 'worker-changed',
            at: 3,
            listenerId: 'l1',
            worker: 1,
            connectionId: null,
            handled: 7,
          },
        ],
      },
    ])
    expect(idle.listeners[0]).toMatchObject({
      workers: [null, null],
      phases: [null, null],
      handled: 7,
    })
  })

  it('speaks Russian', () => {
    const { view } = renderView(pool({ phases: ['reading', null] }), 0, 'ru')
    expect(view.getByRole('group', { name: 'Почему остановка ждёт' }).textContent).toMatch(
      /Рабочий поток 0 ждёт, чтобы прочитать данные из #5/,
    )
  })
})
