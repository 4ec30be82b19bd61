import { afterEach, describe, expect, it, vi } from 'vitest'
import {
  DEFAULT_CAPTURE_PER_CONNECTION,
  DEFAULT_CAPTURE_TOTAL,
  DEFAULT_HOST,
  DEFAULT_PORT,
} from '../../shared/contract'
import { toPlatform } from './bind-error'
import { recordingEngine, type TestEngine } from './engine-test-kit'

let t: TestEngine

afterEach(async () => {
  vi.restoreAllMocks()
  await t.engine.shutdown()
})

describe('requests', () => {
  it('answers garbage with INVALID_REQUEST and changes nothing', async () => {
    t = recordingEngine()
    const garbage: [unknown, unknown][] = [
      ['listener:explode', {}],
      [42, {}],
      [null, null],
      ['listener:add', null],
      ['listener:add', []],
      ['listener:add', 'port=80'],
      ['listener:add', { port: 80, extra: true }],
      ['listener:add', { host: 5 }],
      ['listener:add', { port: true }],
      ['listener:add', { port: { value: 80 } }],
      ['listener:start', {}],
      ['listener:start', { listenerId: 1 }],
      ['listener:start', { listenerId: '' }],
      ['listener:start', { listenerId: 'x'.repeat(65) }],
      ['listener:stop', { listenerId: 'L1' }],
      ['listener:stop', { listenerId: 'L1', mode: 'now' }],
      ['engine:snapshot', { all: true }],
      ['engine:snapshot', new Date()],
      ['connection:read', { connectionId: 'L1#1', offset: -1, length: 1 }],
      ['connection:read', { connectionId: 'L1#1', offset: 0, length: 1e9 }],
      ['connection:read', { connectionId: 'L1#1', offset: '0', length: 1 }],
      ['connection:close', { connectionId: ['L1#1'] }],
    ]
    for (const [channel, payload] of garbage) {
      const result = await t.engine.handle(channel, payload)
      expect(result.ok, `${String(channel)} ${JSON.stringify(payload)}`).toBe(false)
      if (!result.ok) expect(result.error.code).toBe('INVALID_REQUEST')
    }
    const snapshot = await t.value('engine:snapshot', {})
    expect(snapshot.listeners).toEqual([])
  })

  it('adds listeners with the defaults and numbers them L1, L2', async () => {
    // Whether this machine has 7878 free must not matter here: every port counts as free.
    t = recordingEngine({ portProbe: async () => true })
    const first = await t.value('listener:add', {})
    expect(first).toEqual({
      id: 'L1',
      number: 1,
      settings: {
        host: DEFAULT_HOST,
        port: DEFAULT_PORT,
        maxConnections: null,
        captureLimitPerConnection: DEFAULT_CAPTURE_PER_CONNECTION,
        responder: 'silent',
        handling: 'thread-pool',
        workers: 4,
        sleepSeconds: 5,
        stopAfter: null,
        helloHtml: expect.stringContaining('<h1>Hello!</h1>'),
        notFoundHtml: expect.stringContaining('<h1>Oops!</h1>'),
        helloHead: 'HTTP/1.1 200 OK\r\nContent-Length: {length}\r\n\r\n',
        notFoundHead: 'HTTP/1.1 404 NOT FOUND\r\nContent-Length: {length}\r\n\r\n',
        // Forward to my server: the book's program moved to 7879, on this machine.
        targetHost: '127.0.0.1',
        targetPort: 7879,
        targetTimeoutSeconds: 10,
      },
      state: 'stopped',
      bound: null,
      lastError: null,
      counters: { accepted: 0, dropped: 0, open: 0, bytesIn: 0, bytesOut: 0 },
      workers: [],
      phases: [],
      queued: [],
      handled: 0,
    })
    const second = await t.value('listener:add', { host: '::1', port: '8080', maxConnections: 3 })
    expect(second).toMatchObject({
      id: 'L2',
      number: 2,
      settings: { host: '::1', port: 8080, maxConnections: 3 },
    })
    const snapshot = await t.value('engine:snapshot', {})
    expect(snapshot.capture).toEqual({ captured: 0, limit: DEFAULT_CAPTURE_TOTAL })
    expect(snapshot.platform).toBe(toPlatform(process.platform))
  })

  it('answers NOT_FOUND for unknown ids', async () => {
    t = recordingEngine()
    for (const [channel, payload] of [
      ['listener:start', { listenerId: 'L9' }],
      ['listener:stop', { listenerId: 'L9', mode: 'close-all' }],
      ['listener:remove', { listenerId: 'L9' }],
      ['listener:update', { listenerId: 'L9', port: 1 }],
      ['connection:close', { connectionId: 'L9#1' }],
      ['connection:read', { connectionId: 'nohash', offset: 0, length: 1 }],
    ] as const) {
      expect((await t.error(channel, payload)).code).toBe('NOT_FOUND')
    }
  })

  it('enforces the state machine: BAD_STATE for a double start, a stop of a stopped one, a move while listening', async () => {
    t = recordingEngine()
    const { id } = await t.value('listener:add', { port: 0 })
    expect((await t.error('listener:stop', { listenerId: id, mode: 'close-all' })).code).toBe(
      'BAD_STATE',
    )
    await t.value('listener:start', { listenerId: id })
    expect((await t.error('listener:start', { listenerId: id })).code).toBe('BAD_STATE')
    expect((await t.error('listener:update', { listenerId: id, port: 9999 })).code).toBe(
      'BAD_STATE',
    )
    expect((await t.error('listener:update', { listenerId: id, host: '127.0.0.2' })).code).toBe(
      'BAD_STATE',
    )
    // Unchanged host/port and the limits are fine while listening.
    const updated = await t.value('listener:update', {
      listenerId: id,
      host: '127.0.0.1',
      port: 0,
      maxConnections: 5,
      captureLimitPerConnection: 10,
    })
    expect(updated.settings).toMatchObject({ maxConnections: 5, captureLimitPerConnection: 10 })
    await t.value('listener:stop', { listenerId: id, mode: 'close-all' })
    const moved = await t.value('listener:update', { listenerId: id, host: '127.0.0.2', port: 0 })
    expect(moved.settings.host).toBe('127.0.0.2')
    // Every transition was announced, in order.
    await t.event('listener-changed', (e) => e.listener.settings.host === '127.0.0.2')
    const seen = t
      .events()
      .flatMap((e) => (e.type === 'listener-changed' ? [e.listener.state] : []))
    expect(seen).toEqual(['starting', 'listening', 'listening', 'stopping', 'stopped', 'stopped'])
  })

  it('logs a bug and answers INTERNAL instead of throwing', async () => {
    t = recordingEngine()
    const logged = vi.spyOn(console, 'error').mockImplementation(() => undefined)
    const booby = {
      get port(): number {
        throw new Error('boom')
      },
    }
    const result = await t.engine.handle('listener:add', booby)
    expect(result).toMatchObject({ ok: false, error: { code: 'INTERNAL' } })
    expect(logged).toHaveBeenCalled()
    expect((await t.value('engine:snapshot', {})).listeners).toEqual([])
  })
})
