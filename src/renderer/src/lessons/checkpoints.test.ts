import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import type {
  EngineEvent,
  ListenerSettings,
  ListenerSnapshot,
  ListenerState,
  Responder,
} from '../../../shared/contract'
import { RESPONDERS } from '../../../shared/contract'
import { CHECKPOINT_IDS, type CheckpointId } from '../../../shared/lesson-progress'
import { isRecentEvent } from '../../../shared/recent-events'
import { initialState, type AppState } from '../state/app-state'
import { reducer } from '../state/reducer'
import { programLine } from '../state/log'
import { makeBindFailure, makeConnection, makeListener, makeSnapshot } from '../test-utils'
import { checkpointTicks } from './checkpoints'

function listener(
  id: string,
  settings: Partial<ListenerSettings>,
  overrides: Partial<ListenerSnapshot> = {},
): ListenerSnapshot {
  const base = makeListener({ id, number: Number(id.slice(1)) || 1 })
  return { ...base, ...overrides, settings: { ...base.settings, ...settings } }
}

/** Builds engine events as the engine sends them: times increase, read counts add up. */
class Script {
  private clock = 1000
  private readonly counts = new Map<string, { in: number; out: number }>()
  readonly events: EngineEvent[] = []

  private at(): number {
    this.clock += 10
    return this.clock
  }

  changed(l: ListenerSnapshot, state: ListenerState, more: Partial<ListenerSnapshot> = {}): this {
    this.events.push({
      type: 'listener-changed',
      at: this.at(),
      listener: {
        ...l,
        bound: state === 'listening' ? { address: '127.0.0.1', port: 7878, family: 'IPv4' } : null,
        ...more,
        state,
      },
    })
    return this
  }

  accepted(n: number, listenerId = 'l1'): this {
    this.events.push({
      type: 'connection-accepted',
      at: this.at(),
      connection: makeConnection(n, { id: `${listenerId}#${n}`, listenerId }),
    })
    return this
  }

  data(n: number, direction: 'in' | 'out', text: string, listenerId = 'l1'): this {
    const id = `${listenerId}#${n}`
    const count = this.counts.get(id) ?? { in: 0, out: 0 }
    count[direction] += 1
    this.counts.set(id, count)
    this.events.push({
      type: 'connection-data',
      at: this.at(),
      connectionId: id,
      listenerId,
      direction,
      chunks: 1,
      bytes: text.length,
      preview: btoa(text.slice(0, 64)),
      bytesIn: 0,
      chunksIn: count.in,
      captured: 0,
      bytesOut: 0,
      chunksOut: count.out,
      capturedOut: 0,
      truncated: false,
      listenerBytesIn: 0,
      listenerBytesOut: 0,
      mono: 0,
    })
    return this
  }

  output(text: string, listenerId = 'l1'): this {
    this.events.push({
      type: 'program-output',
      at: this.at(),
      listenerId,
      connectionId: null,
      text,
    })
    return this
  }

  worker(index: number, n: number | null, listenerId = 'l1', waiting?: number): this {
    const connectionId = n === null ? null : `${listenerId}#${n}`
    this.events.push({
      type: 'worker-changed',
      at: this.at(),
      listenerId,
      worker: index,
      connectionId,
      ...(waiting === undefined ? {} : { waiting }),
    })
    return this
  }

  queue(ns: number[], listenerId = 'l1'): this {
    this.events.push({
      type: 'queue-changed',
      at: this.at(),
      listenerId,
      queued: ns.map((n) => `${listenerId}#${n}`),
    })
    return this
  }
}

/** The store after a snapshot with these listeners and then the events, live, in one batch. */
function live(listeners: ListenerSnapshot[], events: EngineEvent[]): AppState {
  const loaded = reducer(initialState, {
    type: 'snapshot-loaded',
    snapshot: makeSnapshot({ listeners }),
  })
  return reducer(loaded, { type: 'batches', batches: [{ seq: 1, events }] })
}

/** The store after a reload: the same events as a snapshot's recent events. */
function reloaded(listeners: ListenerSnapshot[], events: EngineEvent[]): AppState {
  return reducer(initialState, {
    type: 'snapshot-loaded',
    snapshot: makeSnapshot({ listeners, recentEvents: events.filter(isRecentEvent) }),
  })
}

function ticked(state: AppState, since = 0): CheckpointId[] {
  return (Object.keys(checkpointTicks(state, since)) as CheckpointId[]).sort()
}

const OK_RESPONSE = 'HTTP/1.1 200 OK\r\nContent-Length: 133\r\n\r\n<!DOCTYPE html>'
const NOT_FOUND = 'HTTP/1.1 404 NOT FOUND\r\nContent-Length: 150\r\n\r\n<!DOCTYPE html>'

describe('Listing 20-1: connection established', () => {
  it('ticks listening, the printed line and 3 accepted connections (Close at once)', () => {
    const l1 = listener('l1', { responder: 'close-at-once' })
    const s = new Script().changed(l1, 'listening').accepted(1).accepted(2)
    expect(ticked(live([l1], s.events))).toEqual(['listening'])
    s.output('Connection established!').accepted(3).output('Connection established!')
    expect(ticked(live([l1], s.events))).toEqual(['accepted-3', 'established', 'listening'])
  })

  it('ticks under the default Silent responder too: its log shows the book line', () => {
    const silent = listener('l1', { responder: 'silent' })
    const s = new Script().changed(silent, 'listening').accepted(1).accepted(2).accepted(3)
    const state = live([silent], s.events)
    expect(state.log.some((e) => programLine(e.message) === 'Connection established!')).toBe(true)
    expect(ticked(state)).toEqual(['accepted-3', 'established', 'listening'])
  })

  it('counts only what happened after the stage was opened or reset', () => {
    const l1 = listener('l1', { responder: 'close-at-once' })
    const s = new Script().changed(l1, 'listening').accepted(1).accepted(2).accepted(3)
    const state = live([l1], s.events)
    const openedAt = s.events[2]!.at
    expect(ticked(state, openedAt)).toEqual([])
  })
})

describe('bind errors', () => {
  const l1 = listener('l1', {})

  it('ticks a failed start by its code, and listening again after it', () => {
    const inUse = makeBindFailure()
    const denied = makeBindFailure({ code: 'EACCES', rawCode: 'EACCES', port: 80 })
    const s = new Script().changed(l1, 'starting').changed(l1, 'stopped', { lastError: inUse })
    expect(ticked(live([l1], s.events))).toEqual(['bind-in-use'])
    s.changed(l1, 'starting')
      .changed(l1, 'stopped', { lastError: denied })
      .changed(l1, 'starting')
      .changed(l1, 'listening')
    expect(ticked(live([l1], s.events))).toEqual([
      'bind-denied',
      'bind-in-use',
      'listening',
      'relistened',
    ])
  })

  it('accepts an address this machine does not have where no port is privileged', () => {
    const notHere = makeBindFailure({ code: 'EADDRNOTAVAIL', rawCode: 'EADDRNOTAVAIL' })
    const s = new Script().changed(l1, 'starting').changed(l1, 'stopped', { lastError: notHere })
    expect(ticked(live([l1], s.events))).toEqual(['bind-denied'])
  })

  it('does not count an old error carried by a settings change', () => {
    const old = listener('l1', {}, { lastError: makeBindFailure() })
    const s = new Script().changed(old, 'stopped').changed(old, 'starting')
    expect(ticked(live([old], s.events))).toEqual([])
  })
})

describe('Listing 20-2: reading the request', () => {
  it('ticks the request line, then the headers; not an empty request', () => {
    const l1 = listener('l1', { responder: 'read-request-then-close' })
    const s = new Script().output('Request: []')
    expect(ticked(live([l1], s.events))).toEqual([])
    s.output('Request: [\n    "GET / HTTP/1.1",\n]')
    expect(ticked(live([l1], s.events))).toEqual(['request-line'])
    s.output('Request: [\n    "GET / HTTP/1.1",\n    "Host: 127.0.0.1:7878",\n]')
    expect(ticked(live([l1], s.events))).toEqual(['request-headers', 'request-line'])
  })
})

describe('responses and routes', () => {
  it('ticks a request received and a 200 with Content-Length, from first reads only', () => {
    const l1 = listener('l1', { responder: 'http-hello' })
    const s = new Script()
      .data(1, 'in', 'GET / HTTP/1.1\r\n')
      .data(1, 'in', 'Host: x\r\n\r\n')
      .data(1, 'out', OK_RESPONSE)
    expect(ticked(live([l1], s.events))).toEqual([
      'ok-served',
      'ok-with-length',
      'request-received',
    ])
    // A later write that happens to look like a status line is not a response.
    const later = new Script().data(2, 'out', 'hello').data(2, 'out', NOT_FOUND)
    expect(ticked(live([l1], later.events))).toEqual([])
  })

  it('ticks 404 and 200', () => {
    const routes = listener('l1', { responder: 'http-routes' })
    const s = new Script().data(1, 'out', NOT_FOUND)
    expect(ticked(live([routes], s.events))).toEqual(['not-found'])
    s.data(2, 'out', 'HTTP/1.1 200 OK\r\n\r\n')
    expect(ticked(live([routes], s.events))).toEqual(['not-found', 'ok-served'])
  })
})

describe('Listing 20-10: a slow request blocks everyone', () => {
  const l1 = listener('l1', { responder: 'http-slow-route', handling: 'single-thread' })
  const sleepStarts = (): Script =>
    new Script()
      .worker(0, 1)
      .data(1, 'in', 'GET /sleep HTTP/1.1\r\nHost: x\r\n\r\n')
      .queue([2])
      .data(2, 'in', 'GET / HTTP/1.1\r\nHost: x\r\n\r\n')

  it('ticks when /sleep finishes while another request waits, then is answered', () => {
    const s = sleepStarts().data(1, 'out', OK_RESPONSE).worker(0, null).queue([]).worker(0, 2)
    s.data(2, 'out', OK_RESPONSE)
    expect(ticked(live([l1], s.events))).toEqual([
      'ok-served',
      'ok-with-length',
      'request-received',
      'sleep-answered',
      'sleep-blocks',
    ])
  })

  it('counts what waited from the worker’s own event, so the queue’s events may be folded', () => {
    // As a batch carries it: the queue's events folded into the last, after the worker let go.
    const folded = new Script()
      .worker(0, 1)
      .data(1, 'in', 'GET /sleep HTTP/1.1\r\nHost: x\r\n\r\n')
      .data(2, 'in', 'GET / HTTP/1.1\r\nHost: x\r\n\r\n')
      .data(1, 'out', OK_RESPONSE)
      .worker(0, null, 'l1', 1)
      .queue([])
      .worker(0, 2)
    expect(ticked(live([l1], folded.events))).toContain('sleep-blocks')
    // The engine's count wins over a queue as last told.
    const none = sleepStarts().data(1, 'out', OK_RESPONSE).worker(0, null, 'l1', 0)
    expect(ticked(live([l1], none.events))).not.toContain('sleep-blocks')
  })

  it('does not tick when nothing waited, or when the one that finished was not /sleep', () => {
    const alone = new Script()
      .worker(0, 1)
      .data(1, 'in', 'GET /sleep HTTP/1.1\r\n\r\n')
      .worker(0, null)
    expect(ticked(live([l1], alone.events))).toEqual(['request-received'])
    const notSleep = new Script()
      .worker(0, 1)
      .data(1, 'in', 'GET / HTTP/1.1\r\n\r\n')
      .queue([2])
      .worker(0, null)
    expect(ticked(live([l1], notSleep.events))).toEqual(['request-received'])
  })
})

describe('the thread pool and graceful shutdown', () => {
  it('ticks a job taken, two side by side, and / answered while /sleep runs', () => {
    const l1 = listener('l1', { responder: 'http-slow-route', handling: 'thread-pool', workers: 4 })
    const s = new Script()
      .worker(0, 1)
      .output('Worker 0 got a job; executing.')
      .data(1, 'in', 'GET /sleep HTTP/1.1\r\n\r\n')
      .worker(1, 2)
      .data(2, 'in', 'GET / HTTP/1.1\r\n\r\n')
      .data(2, 'out', OK_RESPONSE)
    expect(ticked(live([l1], s.events))).toEqual(
      expect.arrayContaining(['side-by-side', 'sleep-not-blocking', 'worker-job']),
    )
    // The /sleep answer itself is not "answered while /sleep ran".
    const own = new Script()
      .worker(0, 1)
      .data(1, 'in', 'GET /sleep HTTP/1.1\r\n\r\n')
      .data(1, 'out', OK_RESPONSE)
    expect(ticked(live([l1], own.events))).not.toContain('sleep-not-blocking')
  })

  it('ticks take(2) ending, each worker shutting down, then the listener stopping by itself', () => {
    const l1 = listener('l1', {
      responder: 'http-slow-route',
      handling: 'thread-pool',
      workers: 2,
      stopAfter: 2,
    })
    const s = new Script().changed(l1, 'listening').output('Shutting down.').changed(l1, 'stopping')
    s.output('Shutting down worker 0').output('Shutting down worker 1').changed(l1, 'stopped')
    expect(ticked(live([l1], s.events))).toEqual([
      'listening',
      'stopped-by-itself',
      'take-shutdown',
      'workers-shut-down',
    ])
    // A plain Stop: the workers shut down, but take(N) did not end the loop.
    const stop = new Script().changed(l1, 'listening').changed(l1, 'stopping')
    stop.output('Shutting down worker 0').output('Shutting down worker 1').changed(l1, 'stopped')
    expect(ticked(live([l1], stop.events))).toEqual(['listening'])
  })
})

describe('checkpoints as a property of the recorded events', () => {
  const book = [
    'Connection established!',
    'Request: []',
    'Request: [\n    "GET / HTTP/1.1",\n]',
    'Request: [\n    "GET / HTTP/1.1",\n    "Host: x",\n]',
    'Worker 0 got a job; executing.',
    'Worker 1 got a job; executing.',
    'Shutting down.',
    'Shutting down worker 0',
    'Shutting down worker 1',
  ]
  const requests = [
    'GET / HTTP/1.1\r\n\r\n',
    'GET /sleep HTTP/1.1\r\n\r\n',
    'GET /nope HTTP/1.1\r\n\r\n',
    '\x00\xff',
  ]
  const responses = [OK_RESPONSE, NOT_FOUND, 'HTTP/1.1 200 OK\r\n\r\n', 'echoed bytes']
  const step = fc.oneof(
    fc.record({ kind: fc.constant('accept' as const) }),
    fc.record({
      kind: fc.constant('state' as const),
      state: fc.constantFrom<ListenerState>('starting', 'listening', 'stopping', 'stopped'),
      fail: fc.constantFrom(null, 'EADDRINUSE', 'EACCES', 'EADDRNOTAVAIL'),
    }),
    fc.record({ kind: fc.constant('line' as const), text: fc.constantFrom(...book) }),
    fc.record({
      kind: fc.constant('in' as const),
      n: fc.integer({ min: 1, max: 4 }),
      text: fc.constantFrom(...requests),
    }),
    fc.record({
      kind: fc.constant('out' as const),
      n: fc.integer({ min: 1, max: 4 }),
      text: fc.constantFrom(...responses),
    }),
    fc.record({
      kind: fc.constant('worker' as const),
      index: fc.integer({ min: 0, max: 1 }),
      n: fc.option(fc.integer({ min: 1, max: 4 })),
    }),
    fc.record({
      kind: fc.constant('queue' as const),
      ns: fc.array(fc.integer({ min: 1, max: 4 }), { maxLength: 2 }),
    }),
  )

  type Step = typeof step extends fc.Arbitrary<infer T> ? T : never

  /** The events a listener with this responder and these steps sends. */
  function script(
    responder: Responder,
    steps: Step[],
  ): { l1: ListenerSnapshot; events: EngineEvent[] } {
    const l1 = listener('l1', { responder, handling: 'thread-pool', workers: 2, stopAfter: 2 })
    const s = new Script()
    let accepted = 0
    for (const st of steps) {
      if (st.kind === 'accept') s.accepted(++accepted)
      else if (st.kind === 'state')
        s.changed(l1, st.state, {
          lastError:
            st.state === 'stopped' && st.fail
              ? makeBindFailure({ code: st.fail, rawCode: st.fail })
              : null,
        })
      else if (st.kind === 'line') s.output(st.text)
      else if (st.kind === 'in' || st.kind === 'out') s.data(st.n, st.kind, st.text)
      else if (st.kind === 'worker') s.worker(st.index, st.n)
      else s.queue(st.ns)
    }
    return { l1, events: s.events }
  }

  it('for every responder: the same events give the same ticks live and after a reload, and every line the log shows ticks its checkpoint', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...RESPONDERS),
        fc.array(step, { maxLength: 40 }),
        fc.nat({ max: 40 }),
        (responder, steps, cut) => {
          const { l1, events } = script(responder, steps)
          const since = events[Math.min(cut, events.length - 1)]?.at ?? 0
          const state = live([l1], events)
          const ticks = checkpointTicks(state, since)
          // A function of the recorded events: a reload rebuilds them all.
          expect(checkpointTicks(reloaded([l1], events), since)).toEqual(ticks)
          // Only known checkpoints, each at the time of an event after `since`.
          for (const [id, at] of Object.entries(ticks)) {
            expect(CHECKPOINT_IDS).toContain(id)
            expect(at).toBeGreaterThan(since)
          }
          // What the log shows after `since`, line by line.
          const shown = state.log.filter((e) => e.at > since)
          const lines = shown
            .map((e) => programLine(e.message))
            .filter((l): l is string => l !== null)
          const has = (id: CheckpointId): boolean => ticks[id] !== undefined
          expect(has('established')).toBe(lines.includes('Connection established!'))
          expect(has('listening')).toBe(shown.some((e) => e.message.kind === 'listening'))
          expect(has('accepted-3')).toBe(
            shown.filter((e) => e.message.kind === 'connection-established').length >= 3,
          )
          expect(has('request-line')).toBe(lines.some((l) => l.startsWith('Request: [\n')))
          expect(has('request-headers')).toBe(lines.some((l) => l.split('\n').length >= 4))
          expect(has('worker-job')).toBe(lines.some((l) => /^Worker \d+ got a job/.test(l)))
          expect(has('take-shutdown')).toBe(lines.includes('Shutting down.'))
          const bind = (code: string): boolean =>
            shown.some((e) => e.message.kind === 'bind-failed' && e.message.code === code)
          expect(has('bind-in-use')).toBe(bind('EADDRINUSE'))
          expect(has('bind-denied')).toBe(bind('EACCES') || bind('EADDRNOTAVAIL'))
        },
      ),
      { numRuns: 300 },
    )
  })
})
