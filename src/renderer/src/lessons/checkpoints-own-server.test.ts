import { describe, expect, it } from 'vitest'
import type {
  CloseReason,
  EngineEvent,
  ListenerSnapshot,
  TargetChange,
  TargetLeg,
} from '../../../shared/contract'
import { judgeResponse } from '../../../shared/client-response'
import type { CheckpointId } from '../../../shared/lesson-progress'
import { isRecentEvent } from '../../../shared/recent-events'
import { initialState, type AppState } from '../state/app-state'
import { reducer } from '../state/reducer'
import {
  makeConnection,
  makeListener,
  makeSnapshot,
  makeTargetEvent,
  makeTargetLeg,
} from '../test-utils'
import { checkpointTicks, isCleanResponse } from './checkpoints'

const forwarding: ListenerSnapshot = makeListener({
  state: 'listening',
  bound: { address: '127.0.0.1', port: 7878, family: 'IPv4' },
  settings: { ...makeListener().settings, responder: 'forward' },
})

const REQUEST = 'GET / HTTP/1.1\r\nHost: 127.0.0.1:7878\r\n\r\n'
const PAGE =
  '<!DOCTYPE html>\n<html lang="en">\n  <body>\n    <h1>Hello!</h1>\n  </body>\n</html>\n'
/** What the book's server writes: CRLF lines, the length of the page in bytes. */
const BOOK_RESPONSE = `HTTP/1.1 200 OK\r\nContent-Length: ${PAGE.length}\r\n\r\n${PAGE}`
/** A learner's mistakes: bare \n lines; a Content-Length one byte too many. */
const BARE_LF = `HTTP/1.1 200 OK\nContent-Length: ${PAGE.length}\n\n${PAGE}`
const LONG_LENGTH = `HTTP/1.1 200 OK\r\nContent-Length: ${PAGE.length + 1}\r\n\r\n${PAGE}`

const bytes = (text: string): Uint8Array => new TextEncoder().encode(text)

/**
 * Events of forwarded connections as the engine sends them (forward.ts): each connection-target
 * event carries the whole leg after its change, and the judgement is made from the bytes the
 * server sent, by the engine's own linter.
 */
class Forwarded {
  private clock = 1000
  private mono = 2000
  private readonly legs = new Map<number, TargetLeg>()
  readonly events: EngineEvent[] = []

  private at(): number {
    this.clock += 10
    this.mono += 10
    return this.clock
  }

  private ids(n: number): { connectionId: string; listenerId: string } {
    return { connectionId: `l1#${n}`, listenerId: 'l1' }
  }

  accept(n: number): this {
    const at = this.at()
    const connection = makeConnection(n, { id: `l1#${n}`, acceptedAt: at, acceptedMono: this.mono })
    this.events.push({ type: 'connection-accepted', at, connection })
    return this.leg(n, 'connecting', { connectMono: this.mono })
  }

  leg(n: number, change: TargetChange, patch: Partial<TargetLeg>): this {
    const leg = { ...(this.legs.get(n) ?? makeTargetLeg()), ...patch }
    this.legs.set(n, leg)
    this.events.push(makeTargetEvent(change, leg, { at: this.at(), ...this.ids(n) }))
    return this
  }

  /** The first read (in) or write (out) of a connection. */
  data(n: number, direction: 'in' | 'out', text: string): this {
    const isIn = direction === 'in'
    this.events.push({
      type: 'connection-data',
      at: this.at(),
      ...this.ids(n),
      direction,
      chunks: 1,
      bytes: text.length,
      preview: btoa(text.slice(0, 64)),
      bytesIn: isIn ? text.length : REQUEST.length,
      chunksIn: 1,
      captured: REQUEST.length,
      bytesOut: isIn ? 0 : text.length,
      chunksOut: isIn ? 0 : 1,
      capturedOut: isIn ? 0 : text.length,
      truncated: false,
      listenerBytesIn: 0,
      listenerBytesOut: 0,
      mono: this.mono,
    })
    return this
  }

  ended(n: number, side: 'peer' | 'we'): this {
    const type = side === 'peer' ? 'connection-peer-ended' : 'connection-we-ended'
    this.events.push({ type, at: this.at(), ...this.ids(n) })
    return this
  }

  closed(n: number, reason: CloseReason): this {
    const errorCode = reason === 'us-reset' ? 'ECONNRESET' : null
    this.events.push({
      type: 'connection-closed',
      at: this.at(),
      ...this.ids(n),
      reason,
      errorCode,
    })
    return this
  }

  /** Connected, sent the request, answered with `response`. */
  answer(n: number, response: string): this {
    this.accept(n).leg(n, 'connected', {
      state: 'open',
      connectedMono: this.mono,
      local: { address: '127.0.0.1', port: 40000 + n, family: 'IPv4' },
    })
    this.data(n, 'in', REQUEST).data(n, 'out', response)
    return this.leg(n, 'answered', {
      firstByteToTargetMono: this.mono - 10,
      firstByteFromTargetMono: this.mono,
      bytesToTarget: REQUEST.length,
      bytesFromTarget: response.length,
    })
  }

  /** The server closes its side (FIN) after `response`, then the browser closes its side. */
  servedAndClosed(n: number, response: string): this {
    const judged = judgeResponse(bytes(response), response.length, {
      requestIsHttp: true,
      closedCleanly: true,
    })
    this.answer(n, response).leg(n, 'target-ended', {
      targetEnded: true,
      firstEnded: 'target',
      response: judged,
    })
    this.ended(n, 'we').ended(n, 'peer').closed(n, 'us')
    return this.leg(n, 'closed', { state: 'closed', clientEnded: true })
  }

  /** The server answers without reading the request: its close is a reset (RST). */
  servedAndReset(n: number, response: string): this {
    const judged = judgeResponse(bytes(response), response.length, {
      requestIsHttp: true,
      closedCleanly: false,
    })
    this.answer(n, response).leg(n, 'failed', {
      state: 'closed',
      failure: 'target-reset',
      errorCode: 'ECONNRESET',
      response: judged,
    })
    return this.closed(n, 'us-reset')
  }
}

function live(events: EngineEvent[]): AppState {
  const loaded = reducer(initialState, {
    type: 'snapshot-loaded',
    snapshot: makeSnapshot({ listeners: [forwarding] }),
  })
  return reducer(loaded, { type: 'batches', batches: [{ seq: 1, events }] })
}

/** A reload: the snapshot's recent events, and its connections as the engine keeps them. */
function reloaded(state: AppState, events: EngineEvent[]): AppState {
  return reducer(initialState, {
    type: 'snapshot-loaded',
    snapshot: makeSnapshot({
      listeners: [forwarding],
      connections: [...state.connections],
      recentEvents: events.filter(isRecentEvent),
    }),
  })
}

const OWN: readonly CheckpointId[] = ['target-accepted', 'target-answered', 'response-clean']

function ownTicks(state: AppState, since = 0): Partial<Record<CheckpointId, number>> {
  const all = checkpointTicks(state, since)
  return Object.fromEntries(OWN.filter((id) => all[id] !== undefined).map((id) => [id, all[id]]))
}

/** The time of the first log line of this kind about the leg. */
function lineAt(state: AppState, change: string): number | undefined {
  return state.log.find((e) => e.message.kind === 'target' && e.message.line.change === change)?.at
}

describe('Inspect your own server: checkpoints', () => {
  it('ticks accepted, answered and a clean response from the book’s server, at the log’s times', () => {
    const s = new Forwarded().servedAndClosed(1, BOOK_RESPONSE)
    const state = live(s.events)
    expect(state.connections[0]?.target?.response?.findings).toEqual([])
    expect(ownTicks(state)).toEqual({
      'target-accepted': lineAt(state, 'connected'),
      'target-answered': lineAt(state, 'answered'),
      'response-clean': lineAt(state, 'target-ended'),
    })
    expect(lineAt(state, 'target-ended')).toBeDefined()
  })

  it('does not count a response the linter finds fault with', () => {
    for (const response of [BARE_LF, LONG_LENGTH]) {
      const state = live(new Forwarded().servedAndClosed(1, response).events)
      expect(state.connections[0]?.target?.response?.findings.length).toBeGreaterThan(0)
      expect(Object.keys(ownTicks(state)).sort()).toEqual(['target-accepted', 'target-answered'])
    }
  })

  it('does not count an answer reset because the request was not read, however well formed', () => {
    const state = live(new Forwarded().servedAndReset(1, BOOK_RESPONSE).events)
    const leg = state.connections[0]?.target
    expect(leg?.response?.progress).toBe('complete')
    expect(leg?.response?.findings).toEqual([])
    expect(leg && isCleanResponse(leg)).toBe(false)
    expect(Object.keys(ownTicks(state)).sort()).toEqual(['target-accepted', 'target-answered'])
  })

  it('ticks nothing when the target refused: the learner’s server is not running', () => {
    const s = new Forwarded().accept(1)
    s.leg(1, 'failed', { state: 'closed', failure: 'refused', errorCode: 'ECONNREFUSED' })
    s.closed(1, 'us')
    const state = live(s.events)
    expect(state.log.some((e) => e.message.kind === 'target')).toBe(true)
    expect(ownTicks(state)).toEqual({})
  })

  it('counts a response judged when the client closed first from the connection’s close', () => {
    const s = new Forwarded().answer(1, BOOK_RESPONSE)
    s.ended(1, 'peer').leg(1, 'client-ended', { clientEnded: true, firstEnded: 'client' })
    s.closed(1, 'us')
    const judged = judgeResponse(bytes(BOOK_RESPONSE), BOOK_RESPONSE.length, {
      requestIsHttp: true,
      closedCleanly: false,
    })
    s.leg(1, 'closed', { state: 'closed', response: judged })
    const state = live(s.events)
    expect(
      state.log.some(
        (e) => e.message.kind === 'target' && e.message.line.change === 'target-ended',
      ),
    ).toBe(false)
    expect(ownTicks(state)['response-clean']).toBe(state.connections[0]?.closedAt)
  })

  it('counts only what happened after the stage was opened, and the first clean response', () => {
    const s = new Forwarded().servedAndClosed(1, BOOK_RESPONSE)
    const since = s.events.at(-1)?.at ?? 0
    s.servedAndClosed(2, BARE_LF)
    const state = live(s.events)
    expect(ownTicks(state, since)).toEqual({
      'target-accepted': expect.any(Number),
      'target-answered': expect.any(Number),
    })
    s.servedAndClosed(3, BOOK_RESPONSE).servedAndClosed(4, BOOK_RESPONSE)
    const later = live(s.events)
    const third = later.log.filter(
      (e) => e.message.kind === 'target' && e.message.line.change === 'target-ended',
    )[2]
    expect(ownTicks(later, since)['response-clean']).toBe(third?.at)
  })

  it('gives the same ticks after a reload, from the snapshot’s events and connections', () => {
    const s = new Forwarded()
      .servedAndClosed(1, BARE_LF)
      .servedAndReset(2, BOOK_RESPONSE)
      .servedAndClosed(3, BOOK_RESPONSE)
    const state = live(s.events)
    expect(Object.keys(ownTicks(state))).toHaveLength(3)
    expect(checkpointTicks(reloaded(state, s.events), 0)).toEqual(checkpointTicks(state, 0))
  })
})
