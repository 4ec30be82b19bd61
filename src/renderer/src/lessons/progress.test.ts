import { describe, expect, it } from 'vitest'
import type {
  EngineEvent,
  ListenerSettings,
  ListenerSnapshot,
  ListenerState,
} from '../../../shared/contract'
import { makeBindFailure, makeConnection, makeListener } from '../test-utils'
import { factsOf, initialLesson, lessonReducer, type LessonState } from './progress'
import { doneCheckpoints, stageById, type CheckpointId, type StageId } from './stages'

function listener(
  id: string,
  settings: Partial<ListenerSettings>,
  overrides: Partial<ListenerSnapshot> = {},
): ListenerSnapshot {
  const base = makeListener({ id })
  return { ...base, ...overrides, settings: { ...base.settings, ...settings } }
}

function changed(l: ListenerSnapshot, state: ListenerState, more: Partial<ListenerSnapshot> = {}) {
  return { type: 'listener-changed', at: 0, listener: { ...l, ...more, state } } as const
}

function accepted(n: number, listenerId = 'l1'): EngineEvent {
  return { type: 'connection-accepted', at: 0, connection: makeConnection(n, { listenerId }) }
}

function data(
  connectionId: string,
  direction: 'in' | 'out',
  text: string,
  listenerId = 'l1',
): EngineEvent {
  return {
    type: 'connection-data',
    at: 0,
    connectionId,
    listenerId,
    direction,
    chunks: 1,
    bytes: text.length,
    preview: btoa(text.slice(0, 64)),
    bytesIn: 0,
    chunksIn: 0,
    captured: 0,
    bytesOut: 0,
    chunksOut: 0,
    capturedOut: 0,
    truncated: false,
    listenerBytesIn: 0,
    listenerBytesOut: 0,
    mono: 0,
  }
}

function output(text: string, listenerId = 'l1'): EngineEvent {
  return { type: 'program-output', at: 0, listenerId, connectionId: null, text }
}

function worker(index: number, connectionId: string | null, listenerId = 'l1'): EngineEvent {
  return { type: 'worker-changed', at: 0, listenerId, worker: index, connectionId }
}

function queue(queued: string[], listenerId = 'l1'): EngineEvent {
  return { type: 'queue-changed', at: 0, listenerId, queued }
}

/** A lesson on `stageId` with these listeners, after these events. */
function run(
  stageId: StageId,
  listeners: ListenerSnapshot[],
  events: EngineEvent[],
  state: LessonState = lessonReducer(initialLesson(listeners), { type: 'open', stageId }),
): LessonState {
  return lessonReducer(state, { type: 'events', events })
}

function ticks(state: LessonState, stageId: StageId = state.stageId): CheckpointId[] {
  return [...doneCheckpoints(stageById(stageId), factsOf(state, stageId))].sort()
}

const OK_RESPONSE = 'HTTP/1.1 200 OK\r\nContent-Length: 133\r\n\r\n<!DOCTYPE html>'
const NOT_FOUND = 'HTTP/1.1 404 NOT FOUND\r\nContent-Length: 150\r\n\r\n<!DOCTYPE html>'

describe('Listing 20-1: connection established', () => {
  const l1 = listener('l1', { responder: 'close-at-once' })

  it('ticks listening, the printed line and 3 accepted connections', () => {
    let state = run('connect', [l1], [changed(l1, 'listening'), accepted(1), accepted(2)])
    expect(ticks(state)).toEqual(['listening'])
    state = run(
      'connect',
      [l1],
      [output('Connection established!'), accepted(3), output('Connection established!')],
      state,
    )
    expect(ticks(state)).toEqual(['accepted-3', 'established', 'listening'])
  })

  it('ignores listeners that do not close at once, judged by their settings at the time', () => {
    const silent = listener('l2', { responder: 'silent' })
    let state = run(
      'connect',
      [l1, silent],
      [accepted(1, 'l2'), accepted(2, 'l2'), accepted(3, 'l2'), changed(silent, 'listening')],
    )
    expect(ticks(state)).toEqual([])
    // Set up as the stage wants: from then on its connections count.
    const setUp = {
      ...silent,
      settings: { ...silent.settings, responder: 'close-at-once' as const },
    }
    state = run('connect', [], [changed(setUp, 'listening'), accepted(4, 'l2')], state)
    expect(ticks(state)).toEqual(['listening'])
    expect(factsOf(state).accepted).toBe(1)
  })
})

describe('bind errors', () => {
  const l1 = listener('l1', {})

  it('ticks a failed start by its code, and listening again after it', () => {
    const inUse = makeBindFailure()
    const denied = makeBindFailure({ code: 'EACCES', rawCode: 'EACCES', port: 80 })
    let state = run(
      'bind-errors',
      [l1],
      [changed(l1, 'starting'), changed(l1, 'stopped', { lastError: inUse })],
    )
    expect(ticks(state)).toEqual(['bind-in-use'])
    state = run(
      'bind-errors',
      [],
      [
        changed(l1, 'starting'),
        changed(l1, 'stopped', { lastError: denied }),
        changed(l1, 'starting'),
        changed(l1, 'listening'),
      ],
      state,
    )
    expect(ticks(state)).toEqual(['bind-denied', 'bind-in-use', 'relistened'])
  })

  it('does not count an old error carried by a settings change', () => {
    const old = listener('l1', {}, { lastError: makeBindFailure() })
    const state = run('bind-errors', [old], [changed(old, 'stopped'), changed(old, 'starting')])
    expect(ticks(state)).toEqual([])
  })
})

describe('Listing 20-2: reading the request', () => {
  const l1 = listener('l1', { responder: 'read-request-then-close', handling: 'single-thread' })

  it('ticks the request line, then the headers', () => {
    let state = run('read-request', [l1], [output('Request: [\n    "GET / HTTP/1.1",\n]')])
    expect(ticks(state)).toEqual(['request-line'])
    state = run(
      'read-request',
      [],
      [output('Request: [\n    "GET / HTTP/1.1",\n    "Host: 127.0.0.1:7878",\n]')],
      state,
    )
    expect(ticks(state)).toEqual(['request-headers', 'request-line'])
  })

  it('does not count an empty request (a connection that sent nothing)', () => {
    expect(ticks(run('read-request', [l1], [output('Request: []')]))).toEqual([])
  })
})

describe('writing a response and routes', () => {
  it('ticks a request received and a 200 with Content-Length', () => {
    const l1 = listener('l1', { responder: 'http-hello' })
    const state = run(
      'respond',
      [l1],
      [
        data('c1', 'in', 'GET / HTTP/1.1\r\n'),
        data('c1', 'in', 'Host: x\r\n\r\n'),
        data('c1', 'out', OK_RESPONSE),
      ],
    )
    expect(ticks(state)).toEqual(['ok-with-length', 'request-received'])
    expect(factsOf(state).received).toBe(1)
  })

  it('ticks 200 and 404 served by the routes, not an echo of the same bytes', () => {
    const routes = listener('l1', { responder: 'http-routes' })
    const echo = listener('l2', { responder: 'echo' })
    let state = run(
      'routes',
      [routes, echo],
      [data('c9', 'out', NOT_FOUND, 'l2'), data('c8', 'out', OK_RESPONSE, 'l2')],
    )
    expect(ticks(state)).toEqual([])
    state = run('routes', [], [data('c1', 'out', NOT_FOUND)], state)
    expect(ticks(state)).toEqual(['not-found'])
    state = run('routes', [], [data('c2', 'out', OK_RESPONSE)], state)
    expect(ticks(state)).toEqual(['not-found', 'ok-served'])
  })
})

describe('Listing 20-10: a slow request blocks everyone', () => {
  const l1 = listener('l1', { responder: 'http-slow-route', handling: 'single-thread' })
  const sleepStarts = [
    worker(0, 'c1'),
    queue([]),
    data('c1', 'in', 'GET /sleep HTTP/1.1\r\nHost: x\r\n\r\n'),
    queue(['c2']),
    data('c2', 'in', 'GET / HTTP/1.1\r\nHost: x\r\n\r\n'),
  ]

  it('ticks when /sleep finishes while another request waits, then is answered', () => {
    const state = run(
      'slow',
      [l1],
      [
        ...sleepStarts,
        data('c1', 'out', OK_RESPONSE),
        worker(0, null),
        queue([]),
        worker(0, 'c2'),
        data('c2', 'out', OK_RESPONSE),
      ],
    )
    expect(ticks(state)).toEqual(['sleep-answered', 'sleep-blocks'])
  })

  it('does not tick when nothing waited, or when the one that finished was not /sleep', () => {
    const alone = run(
      'slow',
      [l1],
      [worker(0, 'c1'), data('c1', 'in', 'GET /sleep HTTP/1.1\r\n\r\n'), worker(0, null)],
    )
    expect(ticks(alone)).toEqual([])
    const notSleep = run(
      'slow',
      [l1],
      [worker(0, 'c1'), data('c1', 'in', 'GET / HTTP/1.1\r\n\r\n'), queue(['c2']), worker(0, null)],
    )
    expect(ticks(notSleep)).toEqual([])
  })

  it('does not count a pool, where the stage is about one thread', () => {
    const pool = listener('l1', { responder: 'http-slow-route', handling: 'thread-pool' })
    expect(ticks(run('slow', [pool], [...sleepStarts, worker(0, null)]))).toEqual([])
  })
})

describe('the thread pool', () => {
  const l1 = listener('l1', { responder: 'http-slow-route', handling: 'thread-pool', workers: 4 })

  it('ticks a job taken, two side by side, and / answered while /sleep runs', () => {
    const state = run(
      'pool',
      [l1],
      [
        worker(0, 'c1'),
        output('Worker 0 got a job; executing.'),
        data('c1', 'in', 'GET /sleep HTTP/1.1\r\n\r\n'),
        worker(1, 'c2'),
        output('Worker 1 got a job; executing.'),
        data('c2', 'in', 'GET / HTTP/1.1\r\n\r\n'),
        data('c2', 'out', OK_RESPONSE),
      ],
    )
    expect(ticks(state)).toEqual(['side-by-side', 'sleep-not-blocking', 'worker-job'])
  })

  it('does not call the /sleep answer itself "answered while /sleep ran"', () => {
    const state = run(
      'pool',
      [l1],
      [
        worker(0, 'c1'),
        data('c1', 'in', 'GET /sleep HTTP/1.1\r\n\r\n'),
        data('c1', 'out', OK_RESPONSE),
      ],
    )
    expect(ticks(state)).toEqual([])
  })
})

describe('graceful shutdown', () => {
  const l1 = listener('l1', {
    responder: 'http-slow-route',
    handling: 'thread-pool',
    workers: 2,
    stopAfter: 2,
  })

  it('ticks take(2) ending, each worker shutting down, then the listener stopping', () => {
    let state = run('shutdown', [l1], [changed(l1, 'listening'), output('Shutting down.')])
    expect(ticks(state)).toEqual(['take-shutdown'])
    state = run(
      'shutdown',
      [],
      [
        changed(l1, 'stopping'),
        output('Shutting down worker 0'),
        output('Shutting down worker 1'),
        changed(l1, 'stopped'),
      ],
      state,
    )
    expect(ticks(state)).toEqual(['stopped-by-itself', 'take-shutdown', 'workers-shut-down'])
  })

  it('does not count a plain Stop: the workers shut down but take(N) did not end the loop', () => {
    const state = run(
      'shutdown',
      [l1],
      [
        changed(l1, 'stopping'),
        output('Shutting down worker 0'),
        output('Shutting down worker 1'),
        changed(l1, 'stopped'),
      ],
    )
    expect(ticks(state)).toEqual([])
  })
})

describe('the lesson reducer', () => {
  const l1 = listener('l1', { responder: 'close-at-once' })
  const three = [accepted(1), accepted(2), accepted(3)]

  it('feeds only the open stage; switching keeps each stage’s progress', () => {
    let state = run('connect', [l1], three)
    expect(ticks(state, 'connect')).toEqual(['accepted-3'])
    state = lessonReducer(state, { type: 'open', stageId: 'bind-errors' })
    state = run('bind-errors', [], [accepted(4), accepted(5)], state)
    state = lessonReducer(state, { type: 'open', stageId: 'connect' })
    expect(factsOf(state).accepted).toBe(3)
  })

  it('resets one stage and leaves the others', () => {
    let state = run('connect', [l1], three)
    state = lessonReducer(state, { type: 'open', stageId: 'read-request' })
    const rl = {
      ...l1,
      settings: { ...l1.settings, responder: 'read-request-then-close' as const },
    }
    state = run(
      'read-request',
      [],
      [changed(rl, 'listening'), output('Request: [\n    "GET / HTTP/1.1",\n]')],
      state,
    )
    state = lessonReducer(state, { type: 'reset', stageId: 'connect' })
    expect(ticks(state, 'connect')).toEqual([])
    expect(ticks(state, 'read-request')).toEqual(['request-line'])
  })

  it('learns listeners it had not seen, without forgetting what it knows', () => {
    let state = initialLesson([])
    state = lessonReducer(state, { type: 'listeners', listeners: [l1] })
    state = run('connect', [], three, state)
    expect(ticks(state)).toEqual(['accepted-3'])
    const same = lessonReducer(state, { type: 'listeners', listeners: [l1] })
    expect(same).toBe(state)
  })

  it('ignores events of kinds it does not follow', () => {
    const state = initialLesson([l1])
    const next = lessonReducer(state, {
      type: 'events',
      events: [{ type: 'capture-totals', at: 0, totals: { captured: 0, limit: 1 } }],
    })
    expect(next).toBe(state)
  })
})
