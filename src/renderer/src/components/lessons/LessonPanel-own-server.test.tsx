import { act, screen, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { describe, expect, it } from 'vitest'
import type { EngineEvent, ListenerSettings, ListenerSnapshot } from '../../../../shared/contract'
import { judgeResponse } from '../../../../shared/client-response'
import { fail, ok } from '../../../../shared/result'
import { DEFAULT_SETTINGS } from '../../../../shared/settings'
import {
  fakeApi,
  makeBindFailure,
  makeConnection,
  makeListener,
  makeSnapshot,
  makeTargetEvent,
  makeTargetLeg,
  renderWith,
  storeWith,
} from '../../test-utils'
import type { Store } from '../../state/store'
import { LessonKeeper } from './LessonKeeper'
import { LessonPanel } from './LessonPanel'

const STAGE = '9. Inspect your own server'

function listenerWith(
  settings: Partial<ListenerSettings>,
  more: Partial<ListenerSnapshot> = {},
): ListenerSnapshot {
  const base = makeListener()
  return { ...base, ...more, settings: { ...base.settings, ...settings } }
}

/** The panel and the keeper on a store whose settings are loaded, the own server's stage open. */
async function renderOwnServer(
  listener: ListenerSnapshot,
  { lang = 'en', api = fakeApi() }: { lang?: 'en' | 'ru'; api?: ReturnType<typeof fakeApi> } = {},
) {
  const user = userEvent.setup()
  const store = storeWith(makeSnapshot({ listeners: [listener] }))
  store.dispatch({ type: 'settings-loaded', loaded: { settings: DEFAULT_SETTINGS, problem: null } })
  renderWith(
    <>
      <LessonKeeper />
      <LessonPanel />
    </>,
    { api, store, lang },
  )
  const panel = within(screen.getByRole('region', { name: lang === 'en' ? 'Lesson' : 'Урок' }))
  const picker = panel.getByRole('combobox', { name: lang === 'en' ? 'Stage' : 'Этап' })
  await user.selectOptions(picker, 'own-server')
  return { user, store, api, panel, picker }
}

let clock = 5000
let seq = 0
/** Events reach the store as the sync delivers them, each later than the last. */
function emit(store: Store, events: EngineEvent[]): void {
  seq += 1
  const timed = events.map((e) => ({ ...e, at: (clock += 10) }))
  act(() => store.dispatch({ type: 'batches', batches: [{ seq, events: timed }] }))
}

function isChecked(element: HTMLElement): boolean {
  return (element as HTMLInputElement).checked
}

describe('the lesson “Inspect your own server”', () => {
  it('comes after the chapter’s stages, with its own code bound to the target port', async () => {
    const { panel, picker } = await renderOwnServer(listenerWith({ responder: 'close-at-once' }))
    const options = within(picker).getAllByRole('option')
    expect(options.map((o) => o.textContent).slice(-2)).toEqual([
      '8. Graceful shutdown (20-23…20-25)',
      STAGE,
    ])
    expect((picker as HTMLSelectElement).value).toBe('own-server')
    expect(panel.getByText(/Socket Lab stands between the browser and your server/)).toBeTruthy()
    const code = panel.getByText(/use hello::ThreadPool;/)
    expect(code.textContent).toContain(
      'let listener = TcpListener::bind("127.0.0.1:7879").unwrap();',
    )
    expect(code.textContent).toContain('listener.incoming().take(2)')
    expect(code.textContent).toContain('impl Drop for ThreadPool')
    for (const name of [
      'Your server accepted a forwarded connection',
      'Your server answered',
      'A complete response the linter finds nothing wrong with',
    ])
      expect(isChecked(panel.getByRole('checkbox', { name }))).toBe(false)
    expect(panel.getByRole('status').textContent).toMatch('Done: 0 of 3')
  })

  it('says what to do with the listener’s real ports, and follows them when they change', async () => {
    const listener = listenerWith(
      { responder: 'forward', targetPort: 9001 },
      { state: 'listening', bound: { address: '127.0.0.1', port: 7880, family: 'IPv4' } },
    )
    const { panel, store } = await renderOwnServer(listener)
    const see = panel.getByText(/cargo run/, { selector: 'p:not(.lesson-note)' })
    expect(see.textContent).toContain('change the bind line to TcpListener::bind("127.0.0.1:9001")')
    expect(see.textContent).toContain('open http://127.0.0.1:7880 in a browser')
    expect(see.textContent).toContain('“Socket Lab ↔ target”')
    const mistakes = panel.getByText(/classic mistakes/)
    expect(mistakes.textContent).toContain('\\n only, without \\r')
    expect(mistakes.textContent).toContain('Content-Length')
    expect(mistakes.textContent).toContain('reset the connection (RST)')
    expect(mistakes.textContent).toContain('the connect to 127.0.0.1:9001 was refused')
    expect(panel.getByText(/use hello::ThreadPool;/).textContent).toContain('"127.0.0.1:9001"')

    const moved = { ...listener, settings: { ...listener.settings, targetPort: 9002 } }
    emit(store, [{ type: 'listener-changed', at: 0, listener: moved }])
    expect(see.textContent).toContain('TcpListener::bind("127.0.0.1:9002")')
    expect(see.textContent).not.toContain('9001')
    expect(panel.getByText(/use hello::ThreadPool;/).textContent).toContain('"127.0.0.1:9002"')
  })

  it('sets listener 1 up to forward 127.0.0.1:7878 to 127.0.0.1:7879, saying so first', async () => {
    const listener = listenerWith({ responder: 'http-slow-route', targetPort: 9000, stopAfter: 2 })
    const { user, panel, api } = await renderOwnServer(listener)
    expect(panel.getByText('responder: HTTP slow route → Forward to my server')).toBeTruthy()
    expect(panel.getByText('target 127.0.0.1:9000 → 127.0.0.1:7879')).toBeTruthy()
    expect(panel.getByText('no stop after N connections')).toBeTruthy()
    await user.click(panel.getByRole('button', { name: 'Set up this stage' }))
    expect(api.setUpListener).toHaveBeenCalledWith(
      expect.objectContaining({
        listenerId: 'l1',
        host: '127.0.0.1',
        port: 7878,
        responder: 'forward',
        targetHost: '127.0.0.1',
        targetPort: 7879,
        stopAfter: null,
      }),
    )
  })

  it('a taken 7878: points at the learner’s own server and never offers the target port', async () => {
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
    api.findFreePort
      .mockResolvedValueOnce(ok({ port: 7879 }))
      .mockResolvedValueOnce(ok({ port: 7880 }))
    const { user, panel } = await renderOwnServer(listenerWith({ responder: 'forward' }), { api })
    await user.click(panel.getByRole('button', { name: 'Set up this stage' }))
    const alert = await panel.findByRole('alert')
    expect(alert.textContent).toContain('Port 7878 is taken by hello (PID 4242).')
    expect(alert.textContent).toContain('change its port to 7879')
    expect(api.findFreePort).toHaveBeenLastCalledWith({ host: '127.0.0.1', from: 7880 })
    await user.click(panel.getByRole('button', { name: 'Use port 7880 instead' }))
    expect(api.setUpListener).toHaveBeenLastCalledWith(
      expect.objectContaining({ port: 7880, targetPort: 7879 }),
    )
  })

  it('ticks from the forwarded connection’s leg as the log and the inspector see it', async () => {
    const { panel, store } = await renderOwnServer(listenerWith({ responder: 'forward' }))
    const accepted = panel.getByRole('checkbox', {
      name: 'Your server accepted a forwarded connection',
    })
    const answered = panel.getByRole('checkbox', { name: 'Your server answered' })
    const clean = panel.getByRole('checkbox', {
      name: 'A complete response the linter finds nothing wrong with',
    })
    const connected = makeTargetLeg({ state: 'open', connectedMono: 2001 })
    const page = 'HTTP/1.1 200 OK\r\nContent-Length: 5\r\n\r\nhello'
    const bareLf = 'HTTP/1.1 200 OK\nContent-Length: 5\n\nhello'
    const reply = (text: string) => ({
      ...connected,
      firstByteToTargetMono: 2002,
      firstByteFromTargetMono: 2003,
      bytesToTarget: 40,
      bytesFromTarget: text.length,
    })
    const ended = (text: string) => ({
      ...reply(text),
      targetEnded: true,
      firstEnded: 'target' as const,
      response: judgeResponse(new TextEncoder().encode(text), text.length, {
        requestIsHttp: true,
        closedCleanly: true,
      }),
    })
    const c = (n: number) => ({ connectionId: `c${n}` })
    emit(store, [
      { type: 'connection-accepted', at: 0, connection: makeConnection(1) },
      makeTargetEvent('connecting', makeTargetLeg(), c(1)),
      makeTargetEvent('connected', connected, c(1)),
    ])
    expect(isChecked(accepted)).toBe(true)
    expect(isChecked(answered)).toBe(false)
    emit(store, [
      makeTargetEvent('answered', reply(bareLf), c(1)),
      makeTargetEvent('target-ended', ended(bareLf), c(1)),
    ])
    expect(isChecked(answered)).toBe(true)
    expect(isChecked(clean)).toBe(false)
    emit(store, [
      { type: 'connection-accepted', at: 0, connection: makeConnection(2) },
      makeTargetEvent('connected', connected, c(2)),
      makeTargetEvent('answered', reply(page), c(2)),
      makeTargetEvent('target-ended', ended(page), c(2)),
    ])
    expect(isChecked(clean)).toBe(true)
    expect(panel.getByRole('status').textContent).toMatch('Done: 3 of 3')
    expect(store.getState().settings.progress.stages['own-server']?.ticked).toEqual({
      'target-accepted': expect.any(Number),
      'target-answered': expect.any(Number),
      'response-clean': expect.any(Number),
    })
  })

  it('speaks Russian', async () => {
    const { panel, picker } = await renderOwnServer(listenerWith({ responder: 'forward' }), {
      lang: 'ru',
    })
    expect(within(picker).getByRole('option', { name: '9. Проверка своего сервера' })).toBeTruthy()
    expect(
      panel.getByText(/замените строку с bind на TcpListener::bind\("127\.0\.0\.1:7879"\)/),
    ).toBeTruthy()
    expect(panel.getByText(/«Socket Lab ↔ цель»/)).toBeTruthy()
    for (const name of [
      'Ваш сервер принял переданное соединение',
      'Ваш сервер ответил',
      'Полный ответ, в котором линтер не нашёл ошибок',
    ])
      expect(panel.getByRole('checkbox', { name })).toBeTruthy()
  })
})
