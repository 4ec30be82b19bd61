import { describe, expect, it } from 'vitest'
import { expectedDoneTimes, findTargetListener, finishTimes, modelOf } from './client-expected'
import type { ClientModel, ClientPlan } from '../../../shared/client-types'
import type { ListenerSnapshot } from '../../../shared/contract'
import { defaultListenerSettings } from '../../../shared/listener-defaults'

const model = (over: Partial<ClientModel> = {}): ClientModel => ({
  listenerId: 'L1',
  listenerNumber: 1,
  responder: 'http-slow-route',
  handling: 'single-thread',
  workers: 4,
  sleepSeconds: 5,
  ...over,
})

const BOOK: ClientPlan = {
  kind: 'http',
  rows: [
    { count: 2, path: '/sleep', startMs: 0 },
    { count: 1, path: '/', startMs: 0 },
  ],
}

describe('finishTimes', () => {
  it('one thread: jobs one after another, in arrival order', () => {
    const jobs = [
      { arriveMs: 0, serviceMs: 5000 },
      { arriveMs: 0, serviceMs: 5000 },
      { arriveMs: 0, serviceMs: 0 },
    ]
    expect(finishTimes(jobs, 1)).toEqual([5000, 10000, 10000])
    expect(finishTimes(jobs, 2)).toEqual([5000, 5000, 5000])
    expect(finishTimes(jobs, null)).toEqual([5000, 5000, 0])
  })

  it('a later arrival waits only for what is still running', () => {
    expect(
      finishTimes(
        [
          { arriveMs: 1000, serviceMs: 0 },
          { arriveMs: 0, serviceMs: 5000 },
          { arriveMs: 6000, serviceMs: 5000 },
        ],
        1,
      ),
    ).toEqual([5000, 5000, 11000])
  })

  it('a pool queues beyond its size', () => {
    const four = Array.from({ length: 5 }, () => ({ arriveMs: 0, serviceMs: 1000 }))
    expect(finishTimes(four, 4)).toEqual([1000, 1000, 1000, 1000, 2000])
  })
})

describe('expectedDoneTimes', () => {
  it('the book plan under each handling model', () => {
    expect(expectedDoneTimes(BOOK, model())).toEqual([5000, 10000, 10000])
    expect(expectedDoneTimes(BOOK, model({ handling: 'thread-pool' }))).toEqual([5000, 5000, 0])
    expect(expectedDoneTimes(BOOK, model({ handling: 'thread-pool', workers: 2 }))).toEqual([
      5000, 5000, 5000,
    ])
    expect(expectedDoneTimes(BOOK, model({ handling: 'thread-per-connection' }))).toEqual([
      5000, 5000, 0,
    ])
  })

  it('only the slow route sleeps; no model or a raw plan: nothing expected', () => {
    expect(expectedDoneTimes(BOOK, model({ responder: 'http-routes' }))).toEqual([0, 0, 0])
    expect(expectedDoneTimes(BOOK, null)).toEqual([null, null, null])
    expect(
      expectedDoneTimes({ kind: 'raw', text: 'x', framing: { kind: 'whole' } }, model()),
    ).toEqual([null])
  })
})

describe('expectedDoneTimes with idle connections', () => {
  const withIdle = (idle: number): ClientPlan => ({ ...BOOK, idle })

  it('a pool of 4 with 1 idle connection serves the requests on 3 workers', () => {
    const four: ClientPlan = { kind: 'http', rows: [{ count: 4, path: '/sleep', startMs: 0 }] }
    expect(expectedDoneTimes(four, model({ handling: 'thread-pool' }))).toEqual([
      5000, 5000, 5000, 5000,
    ])
    expect(expectedDoneTimes({ ...four, idle: 1 }, model({ handling: 'thread-pool' }))).toEqual([
      5000, 5000, 5000, 10000,
    ])
  })

  it('a pool of 2 with 1 idle: the two sleeps run one after another', () => {
    expect(expectedDoneTimes(withIdle(1), model({ handling: 'thread-pool', workers: 2 }))).toEqual([
      5000, 10000, 10000,
    ])
  })

  it('never, when idle connections hold every thread', () => {
    expect(expectedDoneTimes(withIdle(1), model())).toEqual([Infinity, Infinity, Infinity])
    expect(expectedDoneTimes(withIdle(2), model({ handling: 'thread-pool', workers: 2 }))).toEqual([
      Infinity,
      Infinity,
      Infinity,
    ])
  })

  it('a thread per connection is not held up; no model: nothing expected', () => {
    expect(expectedDoneTimes(withIdle(3), model({ handling: 'thread-per-connection' }))).toEqual([
      5000, 5000, 0,
    ])
    expect(expectedDoneTimes(withIdle(1), null)).toEqual([null, null, null])
  })
})

describe('findTargetListener and modelOf', () => {
  const listener = (address: string, over: Partial<ListenerSnapshot> = {}): ListenerSnapshot => ({
    id: 'L1',
    number: 1,
    settings: { ...defaultListenerSettings(), responder: 'http-slow-route' },
    state: 'listening',
    bound: { address, port: 7878, family: address.includes(':') ? 'IPv6' : 'IPv4' },
    lastError: null,
    counters: { accepted: 0, dropped: 0, open: 0, bytesIn: 0, bytesOut: 0 },
    workers: [],
    queued: [],
    handled: 0,
    ...over,
  })

  it('matches the address, localhost, and loopback on a wildcard listener', () => {
    expect(findTargetListener('127.0.0.1', 7878, [listener('127.0.0.1')])).toBeDefined()
    expect(findTargetListener('localhost', 7878, [listener('127.0.0.1')])).toBeDefined()
    expect(findTargetListener('127.0.0.1', 7878, [listener('0.0.0.0')])).toBeDefined()
    expect(findTargetListener('::1', 7878, [listener('::')])).toBeDefined()
    // An IPv4 wildcard never accepts ::1: the connection is refused, nothing is expected of it.
    expect(findTargetListener('::1', 7878, [listener('0.0.0.0')])).toBeUndefined()
    expect(findTargetListener('localhost', 7878, [listener('0.0.0.0')])).toBeDefined()
    expect(findTargetListener('127.0.0.1', 7879, [listener('127.0.0.1')])).toBeUndefined()
    expect(findTargetListener('127.0.0.2', 7878, [listener('127.0.0.1')])).toBeUndefined()
    expect(
      findTargetListener('127.0.0.1', 7878, [listener('127.0.0.1', { state: 'stopped' })]),
    ).toBeUndefined()
  })

  it('a model only for the responders that read requests', () => {
    expect(modelOf(listener('127.0.0.1'))).toMatchObject({
      responder: 'http-slow-route',
      listenerNumber: 1,
    })
    const silent = listener('127.0.0.1')
    expect(modelOf({ ...silent, settings: { ...silent.settings, responder: 'silent' } })).toBeNull()
    expect(modelOf(undefined)).toBeNull()
  })
})
