import { describe, expect, it } from 'vitest'
import type { ListenerSnapshot, ListenerState } from '../shared/contract'
import { desktopTranslator } from './desktop-messages'
import { createListenerTally, windowTitle } from './window-title'
import { defaultListenerSettings } from '../shared/listener-defaults'

function listener(id: string, state: ListenerState): ListenerSnapshot {
  return {
    id,
    number: 1,
    settings: {
      ...defaultListenerSettings(),
      host: '127.0.0.1',
      port: 0,
      maxConnections: null,
      captureLimitPerConnection: 0,
    },
    state,
    bound: null,
    lastError: null,
    counters: { accepted: 0, dropped: 0, open: 0, bytesIn: 0, bytesOut: 0 },
    workers: [],
    queued: [],
    handled: 0,
  }
}

const en = desktopTranslator('en')
const ru = desktopTranslator('ru')

describe('window title', () => {
  it('counts listening listeners from batches', () => {
    const tally = createListenerTally()
    const title = (): string => windowTitle(tally.listening(), en)
    expect(title()).toBe('Socket Lab — stopped')
    expect(
      tally.apply({
        seq: 1,
        events: [
          { type: 'listener-added', at: 0, listener: listener('a', 'stopped') },
          { type: 'listener-added', at: 0, listener: listener('b', 'stopped') },
        ],
      }),
    ).toBe(false)
    tally.apply({
      seq: 2,
      events: [
        { type: 'listener-changed', at: 0, listener: listener('a', 'listening') },
        { type: 'listener-changed', at: 0, listener: listener('b', 'listening') },
      ],
    })
    expect(title()).toBe('Socket Lab — 2 listening')
    expect(
      tally.apply({ seq: 3, events: [{ type: 'listener-removed', at: 0, listenerId: 'a' }] }),
    ).toBe(true)
    expect(title()).toBe('Socket Lab — 1 listening')
    tally.apply({
      seq: 4,
      events: [{ type: 'listener-changed', at: 0, listener: listener('b', 'stopping') }],
    })
    expect(title()).toBe('Socket Lab — stopped')
  })

  it('is in the app language and says when the sandbox is off', () => {
    expect(windowTitle(3, ru)).toBe('Socket Lab — слушает: 3')
    expect(windowTitle(0, ru, false)).toBe('Socket Lab — остановлен (песочница выключена)')
    expect(windowTitle(1, en, false)).toBe('Socket Lab — 1 listening (sandbox off)')
  })
})
