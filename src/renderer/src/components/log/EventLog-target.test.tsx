import { render, screen, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import type { ReactNode } from 'react'
import { describe, expect, it } from 'vitest'
import type { EngineEvent, TargetLeg } from '../../../../shared/contract'
import { I18nProvider } from '../../i18n/I18nProvider'
import type { Lang } from '../../i18n/translate'
import { initialState } from '../../state/app-state'
import { applyBatches } from '../../state/apply-batch'
import { reducer } from '../../state/reducer'
import {
  makeConnection,
  makeListener,
  makeSnapshot,
  makeTargetEvent,
  makeTargetLeg,
} from '../../test-utils'
import { EventLog } from './EventLog'

/** Listener 1 forwards to 127.0.0.1:7879 with a 7 s timeout; connection #3 is open. */
function logAfter(events: EngineEvent[]) {
  const base = makeListener({ state: 'listening' })
  const listener = {
    ...base,
    settings: { ...base.settings, responder: 'forward' as const, targetTimeoutSeconds: 7 },
  }
  const state = reducer(initialState, {
    type: 'snapshot-loaded',
    snapshot: makeSnapshot({ listeners: [listener], connections: [makeConnection(3)] }),
  })
  const at = (e: EngineEvent): EngineEvent => ({ ...e, connectionId: 'c3' }) as EngineEvent
  return applyBatches(state, [{ seq: 1, events: events.map(at) }]).log
}

function renderLog(events: EngineEvent[], lang: Lang = 'en') {
  const wrapper = ({ children }: { children: ReactNode }) => (
    <I18nProvider lang={lang}>{children}</I18nProvider>
  )
  render(<EventLog entries={logAfter(events)} />, { wrapper })
  const region = screen.getByRole('region', {
    name: lang === 'en' ? 'Event log' : 'Журнал событий',
  })
  const lines = (): string[] =>
    [...region.querySelectorAll('li .log-message')].map((m) => m.textContent ?? '')
  return { region: within(region), lines }
}

const connected = makeTargetLeg({
  state: 'open',
  connectedMono: 2000.4,
  local: { address: '127.0.0.1', port: 40001, family: 'IPv4' },
})
const answered: TargetLeg = {
  ...connected,
  firstByteToTargetMono: 2010,
  firstByteFromTargetMono: 2022.6,
  bytesToTarget: 78,
  bytesFromTarget: 120,
}
const clientEnded: TargetLeg = { ...answered, clientEnded: true, firstEnded: 'client' }
const targetEnded: TargetLeg = { ...clientEnded, targetEnded: true }
const closed: TargetLeg = { ...targetEnded, state: 'closed' }

function failed(failure: TargetLeg['failure'], errorCode: string | null): EngineEvent {
  return makeTargetEvent('failed', { ...connected, state: 'closed', failure, errorCode })
}

describe('the event log: a forwarded connection’s leg to your server', () => {
  it('says each meaningful change once, and nothing for connecting and closed', () => {
    const { lines } = renderLog([
      makeTargetEvent('connecting', makeTargetLeg()),
      makeTargetEvent('connected', connected),
      makeTargetEvent('answered', answered),
      makeTargetEvent('client-ended', clientEnded),
      makeTargetEvent('target-ended', targetEnded),
      makeTargetEvent('closed', closed),
    ])
    expect(lines()).toEqual([
      'Connection #3 → your server at 127.0.0.1:7879: connected in 0.4 ms',
      'Your server answered connection #3 after 13 ms',
      '#3: the client closed its side (FIN); Socket Lab passed it on to your server',
      '#3: your server closed its side (FIN) after 120 bytes; Socket Lab passed it on to the client',
    ])
  })

  it('times an answer from the connect when nothing was sent to your server', () => {
    const spokeFirst = { ...connected, firstByteFromTargetMono: 2030.4, bytesFromTarget: 5 }
    const { lines } = renderLog([makeTargetEvent('answered', spokeFirst)])
    expect(lines()).toEqual(['Your server answered connection #3 after 30 ms'])
  })

  it('times an answer to bytes sent while connecting from the connect', () => {
    const early = { ...connected, firstByteToTargetMono: 2000.2, firstByteFromTargetMono: 2005.4 }
    const { lines } = renderLog([makeTargetEvent('answered', early)])
    expect(lines()).toEqual(['Your server answered connection #3 after 5 ms'])
  })

  it('says when your server closed without answering', () => {
    const silent = { ...connected, targetEnded: true, firstEnded: 'target' as const }
    const { lines } = renderLog([makeTargetEvent('target-ended', silent)])
    expect(lines()).toEqual([
      '#3: your server closed the connection without answering; Socket Lab passed the FIN on to the client',
    ])
  })

  it.each([
    [
      'refused',
      'ECONNREFUSED',
      'Your server is not running on 127.0.0.1:7879: connection #3 was refused (ECONNREFUSED). Start it (cargo run) or change the target port.',
    ],
    [
      'target-reset',
      'ECONNRESET',
      'Your server reset connection #3 (RST); Socket Lab passed the reset on to the client',
    ],
    [
      'client-reset',
      'ECONNRESET',
      'The client reset connection #3 (RST); Socket Lab passed the reset on to your server',
    ],
    [
      'connect-timeout',
      null,
      'Your server at 127.0.0.1:7879 did not accept connection #3 within 7 s (the listener’s target timeout)',
    ],
    [
      'answer-timeout',
      null,
      'Your server did not answer connection #3 within 7 s of getting its bytes (the listener’s target timeout)',
    ],
    [
      'error',
      'EHOSTUNREACH',
      'Connection #3 to your server at 127.0.0.1:7879 failed: EHOSTUNREACH',
    ],
  ] as const)('explains a failure: %s', (failure, code, text) => {
    const { lines, region } = renderLog([failed(failure, code)])
    expect(lines()).toEqual([text])
    expect(region.getByText(text).closest('li')?.className).toContain('log-target-failed')
  })

  it('says when a side stops reading, with what waits and the cap, and when it reads again', () => {
    const stall = { side: 'target' as const, waiting: 81_920, cap: 16_384 }
    const paused: TargetLeg = { ...answered, stalled: 'target', lastStall: stall, stalls: 1 }
    const resumed: TargetLeg = { ...paused, stalled: null }
    const clientStall = { side: 'client' as const, waiting: 5_000, cap: 16_384 }
    const both: TargetLeg = { ...resumed, stalled: 'client', lastStall: clientStall, stalls: 2 }
    const { lines } = renderLog([
      makeTargetEvent('connected', connected),
      makeTargetEvent('answered', answered),
      makeTargetEvent('paused', paused),
      makeTargetEvent('resumed', resumed),
      makeTargetEvent('paused', both),
      makeTargetEvent('resumed', { ...both, stalled: null }),
    ])
    expect(lines().slice(2)).toEqual([
      '#3: your server is not reading; the OS buffers are full and 81,920 bytes more wait in Socket Lab (threshold 16,384 bytes), so Socket Lab stopped reading from the client',
      '#3: your server reads again; Socket Lab reads from the client again',
      '#3: the client is not reading; the OS buffers are full and 5,000 bytes more wait in Socket Lab (threshold 16,384 bytes), so Socket Lab stopped reading from your server',
      '#3: the client reads again; Socket Lab reads from your server again',
    ])
  })

  it('adds no line for a repeated or older event', () => {
    const { lines } = renderLog([
      makeTargetEvent('connected', connected),
      makeTargetEvent('connected', { ...connected }),
      makeTargetEvent('answered', answered),
      makeTargetEvent('connected', connected),
    ])
    expect(lines()).toHaveLength(2)
  })

  it('hides the lines with the “Your server” filter', async () => {
    const user = userEvent.setup()
    const { lines, region } = renderLog([makeTargetEvent('connected', connected)])
    expect(lines()).toHaveLength(1)
    await user.click(region.getByRole('checkbox', { name: 'Your server' }))
    expect(lines()).toEqual([])
  })

  it('speaks Russian', () => {
    const { lines, region } = renderLog(
      [makeTargetEvent('connected', connected), failed('refused', 'ECONNREFUSED')],
      'ru',
    )
    expect(lines()).toEqual([
      'Соединение №3 → ваш сервер на 127.0.0.1:7879: установлено за 0,4 мс',
      'Ваш сервер не запущен на 127.0.0.1:7879: соединение №3 отклонено (ECONNREFUSED). Запустите его (cargo run) или измените порт цели.',
    ])
    expect(region.getByRole('checkbox', { name: 'Ваш сервер' })).toBeTruthy()
  })
})
