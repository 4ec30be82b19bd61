import { act, screen, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { useLayoutEffect } from 'react'
import { describe, expect, it } from 'vitest'
import type { EngineEvent } from '../../../../shared/contract'
import { fail, ok } from '../../../../shared/result'
import {
  fakeApi,
  makeBindFailure,
  makeConnection,
  makeListener,
  makeSnapshot,
  renderWith,
  storeWith,
} from '../../test-utils'
import { DEFAULT_SETTINGS } from '../../../../shared/settings'
import { openStage } from '../../lessons/progress'
import { useAppState } from '../../state/StoreContext'
import type { Store } from '../../state/store'
import { LessonKeeper } from './LessonKeeper'
import { LessonPanel } from './LessonPanel'

/** The panel and the keeper that records ticks, on a store whose settings are loaded. */
function renderPanel(lang: 'en' | 'ru' = 'en', api = fakeApi()) {
  const listener = makeListener({
    settings: { ...makeListener().settings, responder: 'close-at-once' },
  })
  const store = storeWith(makeSnapshot({ listeners: [listener] }))
  store.dispatch({ type: 'settings-loaded', loaded: { settings: DEFAULT_SETTINGS, problem: null } })
  const result = renderWith(
    <>
      <LessonKeeper />
      <LessonPanel />
    </>,
    { api, store, lang },
  )
  const region = screen.getByRole('region', { name: lang === 'en' ? 'Lesson' : 'Урок' })
  return { ...result, panel: within(region) }
}

let seq = 0
let clock = 1000

function isChecked(element: HTMLElement): boolean {
  return (element as HTMLInputElement).checked
}

/** Events reach the store as the sync delivers them, each later than the last. */
function emit(store: Store, events: EngineEvent[]): void {
  seq += 1
  const timed = events.map((e) => ({ ...e, at: (clock += 10) }))
  act(() => store.dispatch({ type: 'batches', batches: [{ seq, events: timed }] }))
}

const accepted = (n: number): EngineEvent => ({
  type: 'connection-accepted',
  at: 0,
  connection: makeConnection(n),
})

describe('LessonPanel', () => {
  it('opens on Listing 20-1 with its code and read-only checkpoints named by their text', () => {
    const { panel } = renderPanel()
    expect((panel.getByRole('combobox', { name: 'Stage' }) as HTMLSelectElement).value).toBe(
      'connect',
    )
    expect(panel.getByText(/TcpListener::bind\("127.0.0.1:7878"\)/)).toBeTruthy()
    const names = panel.getAllByRole('checkbox').map((c) => c.getAttribute('aria-readonly'))
    expect(names).toEqual(['true', 'true', 'true'])
    for (const name of [
      'The listener is listening',
      '“Connection established!” printed',
      '3 connections accepted',
    ])
      expect(isChecked(panel.getByRole('checkbox', { name }))).toBe(false)
    expect(panel.getByRole('status').textContent).toMatch('Done: 0 of 3')
  })

  it('ticks from real events, cannot be ticked by a click, and resets', async () => {
    const user = userEvent.setup()
    const { panel, store } = renderPanel()
    const three = panel.getByRole('checkbox', { name: '3 connections accepted' })
    await user.click(three)
    expect(isChecked(three)).toBe(false)

    emit(store, [accepted(1), accepted(2)])
    expect(isChecked(three)).toBe(false)
    emit(store, [
      accepted(3),
      {
        type: 'program-output',
        at: 0,
        listenerId: 'l1',
        connectionId: 'c3',
        text: 'Connection established!',
      },
    ])
    expect(isChecked(three)).toBe(true)
    expect(
      isChecked(panel.getByRole('checkbox', { name: '“Connection established!” printed' })),
    ).toBe(true)
    expect(panel.getByRole('status').textContent).toMatch('Done: 2 of 3')

    await user.click(panel.getByRole('button', { name: 'Reset stage' }))
    expect(isChecked(three)).toBe(false)
    expect(panel.getByRole('status').textContent).toMatch('Done: 0 of 3')
  })

  it('switches stages in any order and keeps each stage’s progress', async () => {
    const user = userEvent.setup()
    const { panel, store } = renderPanel()
    emit(store, [accepted(1), accepted(2), accepted(3)])
    const picker = panel.getByRole('combobox', { name: 'Stage' })
    await user.selectOptions(picker, '5. Routes and 404 (20-6…20-9)')
    expect(isChecked(panel.getByRole('checkbox', { name: '404 served' }))).toBe(false)
    expect(panel.getByRole('checkbox', { name: '200 served for /' })).toBeTruthy()
    expect(panel.queryByRole('checkbox', { name: '3 connections accepted' })).toBeNull()
    expect(panel.getByText(/HTTP\/1.1 404 NOT FOUND", "404.html"/)).toBeTruthy()

    await user.selectOptions(picker, 'connect')
    expect(isChecked(panel.getByRole('checkbox', { name: '3 connections accepted' }))).toBe(true)
  })

  it('never saves the old stage back over one opened between its render and its effect', () => {
    const listener = makeListener()
    const store = storeWith(makeSnapshot({ listeners: [listener] }))
    store.dispatch({
      type: 'settings-loaded',
      loaded: { settings: DEFAULT_SETTINGS, problem: null },
    })
    let isArmed = false
    /** Rendered after the keeper: its layout effect runs between the keeper's paint and effect. */
    function ClickInBetween(): null {
      const seen = useAppState((s) => s.seq)
      useLayoutEffect(() => {
        if (!isArmed) return
        isArmed = false
        const { progress } = store.getState().settings
        store.absorb({
          type: 'settings-changed',
          patch: { progress: openStage(progress, 'pool', store.getState().lastEventAt) },
        })
      }, [seen])
      return null
    }
    renderWith(
      <>
        <LessonKeeper />
        <ClickInBetween />
      </>,
      { store },
    )
    expect(store.getState().settings.progress.stageId).toBe('connect')
    // A tick for the open stage arrives in the same commit as the click opening another.
    isArmed = true
    const bound = { address: '127.0.0.1', port: 7878, family: 'IPv4' } as const
    emit(store, [
      { type: 'listener-changed', at: 0, listener: { ...listener, state: 'listening', bound } },
    ])
    expect(store.getState().settings.progress.stageId).toBe('pool')
  })

  it('shows what it will change, then sets the listener up in one request and says where', async () => {
    const user = userEvent.setup()
    const { panel, api } = renderPanel()
    await user.selectOptions(panel.getByRole('combobox', { name: 'Stage' }), 'pool')
    expect(panel.getByText('Sets listener 1 up for this stage:')).toBeTruthy()
    expect(panel.getByText('responder: Close at once → HTTP slow route')).toBeTruthy()
    await user.click(panel.getByRole('button', { name: 'Set up this stage' }))
    expect(api.setUpListener).toHaveBeenCalledWith(
      expect.objectContaining({
        listenerId: 'l1',
        host: '127.0.0.1',
        port: 7878,
        responder: 'http-slow-route',
        handling: 'thread-pool',
        workers: 4,
        stopAfter: null,
      }),
    )
    expect(
      await panel.findByText('Listener 1 is set up for this stage and listens on 127.0.0.1:7878.'),
    ).toBeTruthy()

    await user.selectOptions(panel.getByRole('combobox', { name: 'Stage' }), 'shutdown')
    expect(panel.queryByText(/is set up for this stage and listens/)).toBeNull()
    await user.click(panel.getByRole('button', { name: 'Set up this stage' }))
    expect(api.setUpListener).toHaveBeenLastCalledWith(
      expect.objectContaining({ listenerId: 'l1', stopAfter: 2 }),
    )
  })

  it('asks once before closing open connections', async () => {
    const user = userEvent.setup()
    const api = fakeApi()
    const listener = makeListener({
      state: 'listening',
      bound: { address: '127.0.0.1', port: 9000, family: 'IPv4' },
      counters: { accepted: 2, dropped: 0, open: 2, bytesIn: 0, bytesOut: 0 },
    })
    const store = storeWith(makeSnapshot({ listeners: [listener] }))
    renderWith(<LessonPanel />, { api, store })
    const panel = within(screen.getByRole('region', { name: 'Lesson' }))
    await user.click(panel.getByRole('button', { name: 'Set up this stage' }))
    const ask = panel.getByRole('alertdialog', { name: 'Close the open connections?' })
    expect(ask.textContent).toContain('Listener 1 has 2 open connections: setting up closes them.')
    await user.click(within(ask).getByRole('button', { name: 'Cancel' }))
    expect(api.setUpListener).not.toHaveBeenCalled()
    await user.click(panel.getByRole('button', { name: 'Set up this stage' }))
    await user.click(panel.getByRole('button', { name: 'Close and set up' }))
    expect(api.setUpListener).toHaveBeenCalledOnce()
  })

  it('a taken port: says by whom and offers the next free one', async () => {
    const user = userEvent.setup()
    const api = fakeApi()
    api.setUpListener.mockResolvedValueOnce(
      fail({ code: 'BIND_FAILED', message: 'in use', bind: makeBindFailure() }),
    )
    api.whoHolds.mockResolvedValue(
      ok({
        port: 7878,
        platform: 'linux',
        outcome: 'found',
        holders: [
          { localAddress: '127.0.0.1:7878', pid: 4242, processName: 'hello', isSelf: false },
        ],
        seesAllProcesses: true,
        isRoot: false,
        runs: [],
      }),
    )
    api.findFreePort.mockResolvedValue(ok({ port: 7879 }))
    const { panel } = renderPanel('en', api)
    await user.click(panel.getByRole('button', { name: 'Set up this stage' }))
    expect((await panel.findByRole('alert')).textContent).toContain(
      'Port 7878 is taken by hello (PID 4242).',
    )
    expect(api.findFreePort).toHaveBeenCalledWith({ host: '127.0.0.1', from: 7879 })
    await user.click(panel.getByRole('button', { name: 'Use port 7879 instead' }))
    expect(api.setUpListener).toHaveBeenLastCalledWith(expect.objectContaining({ port: 7879 }))
  })

  it('shows the engine’s refusal', async () => {
    const user = userEvent.setup()
    const api = fakeApi()
    api.setUpListener.mockResolvedValue(fail({ code: 'NOT_FOUND', message: 'no listener l1' }))
    const { panel } = renderPanel('en', api)
    await user.click(panel.getByRole('button', { name: 'Set up this stage' }))
    expect((await panel.findByRole('alert')).textContent).toBe(
      'This listener or connection no longer exists.',
    )
  })

  it('names the address to open from the listener, and says where port 80 will not fail', async () => {
    const user = userEvent.setup()
    const listener = makeListener({
      state: 'listening',
      bound: { address: '127.0.0.1', port: 7880, family: 'IPv4' },
    })
    const store = storeWith(
      makeSnapshot({
        listeners: [listener],
        privileges: { isRoot: true, unprivilegedPortStart: 1024 },
      }),
    )
    renderWith(<LessonPanel />, { store })
    const panel = within(screen.getByRole('region', { name: 'Lesson' }))
    expect(panel.getByText(/open http:\/\/127\.0\.0\.1:7880 in a browser/)).toBeTruthy()
    await user.selectOptions(panel.getByRole('combobox', { name: 'Stage' }), 'bind-errors')
    expect(panel.getByText(/Here port 80 will not fail \(Socket Lab runs as root\)/)).toBeTruthy()
    expect(panel.getByText(/192\.0\.2\.1/)).toBeTruthy()
  })

  it('asks for a listener when there is none', () => {
    const store = storeWith(makeSnapshot({ listeners: [] }))
    renderWith(<LessonPanel />, { store })
    const panel = within(screen.getByRole('region', { name: 'Lesson' }))
    expect(panel.queryByRole('button', { name: 'Set up this stage' })).toBeNull()
    expect(panel.getByText(/Add a listener first/)).toBeTruthy()
  })

  it('speaks Russian', () => {
    const { panel } = renderPanel('ru')
    expect(panel.getByRole('combobox', { name: 'Этап' })).toBeTruthy()
    expect(isChecked(panel.getByRole('checkbox', { name: 'Принято 3 соединения' }))).toBe(false)
    expect(panel.getByRole('button', { name: 'Настроить этот этап' })).toBeTruthy()
    expect(panel.getByRole('button', { name: 'Сбросить этап' })).toBeTruthy()
  })
})
