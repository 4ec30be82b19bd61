// "Set up this stage" in the engine: stop, apply, start in one go from any state; the port a new
// listener gets; a free port to offer when the stage's is taken. Real sockets throughout.
import { createServer, type Server } from 'node:net'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { DEFAULT_PORT } from '../../shared/contract'
import { canListen } from './free-port'
import {
  closed,
  connectClient,
  recordingEngine,
  send,
  waitFor,
  type TestEngine,
} from './engine-test-kit'

let t: TestEngine
const others: Server[] = []

beforeEach(() => {
  t = recordingEngine()
})

afterEach(async () => {
  await t.engine.shutdown()
  await Promise.all(others.splice(0).map((s) => new Promise((r) => s.close(r))))
})

async function holdPort(): Promise<number> {
  const server = createServer()
  others.push(server)
  await new Promise<void>((resolve) => server.listen({ host: '127.0.0.1', port: 0 }, resolve))
  return (server.address() as { port: number }).port
}

async function listening(port = 0, responder: 'silent' | 'read-request-then-close' = 'silent') {
  const l = await t.value('listener:add', { host: '127.0.0.1', port, responder })
  const started = await t.value('listener:start', { listenerId: l.id })
  return { id: l.id, port: started.bound!.port }
}

describe('listener:set-up', () => {
  it('closes the open connections, applies the stage and listens again on its address', async () => {
    const { id, port } = await listening()
    const client = await connectClient(port)
    await t.event('connection-accepted')
    const done = await t.value('listener:set-up', {
      listenerId: id,
      port: 0,
      responder: 'http-hello',
      handling: 'single-thread',
    })
    await closed(client)
    expect(done.state).toBe('listening')
    expect(done.settings.responder).toBe('http-hello')
    const fresh = await connectClient(done.bound!.port)
    const answer: Buffer[] = []
    fresh.on('data', (chunk: Buffer) => answer.push(chunk))
    await send(fresh, 'GET / HTTP/1.1\r\nHost: x\r\n\r\n')
    await closed(fresh)
    expect(Buffer.concat(answer).toString('latin1')).toMatch(/^HTTP\/1\.1 200 OK\r\n/)
  })

  it('works in the middle of a graceful stop that waits on an idle connection', async () => {
    const { id, port } = await listening(0, 'read-request-then-close')
    const idle = await connectClient(port)
    await t.event('connection-accepted')
    const stopping = await t.value('listener:stop', { listenerId: id, mode: 'let-finish' })
    expect(stopping.state).toBe('stopping')
    const done = await t.value('listener:set-up', { listenerId: id, port: 0, responder: 'silent' })
    expect(done.state).toBe('listening')
    await closed(idle)
  })

  it('from stopped, and when the stage’s port is taken: BIND_FAILED with the settings kept', async () => {
    const l = await t.value('listener:add', { host: '127.0.0.1', port: 0 })
    const taken = await holdPort()
    const error = await t.error('listener:set-up', {
      listenerId: l.id,
      port: taken,
      responder: 'close-at-once',
    })
    expect(error).toMatchObject({ code: 'BIND_FAILED', bind: { code: 'EADDRINUSE' } })
    const snapshot = await t.value('engine:snapshot', {})
    expect(snapshot.listeners[0]).toMatchObject({
      state: 'stopped',
      settings: { port: taken, responder: 'close-at-once' },
    })
  })

  it('refuses an unknown listener and bad settings, changing nothing', async () => {
    expect(await t.error('listener:set-up', { listenerId: 'L9', port: 0 })).toMatchObject({
      code: 'NOT_FOUND',
    })
    const { id } = await listening()
    expect(await t.error('listener:set-up', { listenerId: id, port: 70000 })).toMatchObject({
      code: 'INVALID_INPUT',
      field: 'port',
    })
    const snapshot = await t.value('engine:snapshot', {})
    expect(snapshot.listeners[0]?.state).toBe('listening')
  })
})

describe('ports to propose', () => {
  it('a new listener gets the next free port when another listener is set to the book’s 7878', async () => {
    await t.value('listener:add', { host: '127.0.0.1', port: DEFAULT_PORT })
    const second = await t.value('listener:add', {})
    expect(second.settings.port).not.toBe(DEFAULT_PORT)
    expect(second.settings.port).toBeGreaterThan(DEFAULT_PORT)
    expect(await canListen('127.0.0.1', second.settings.port)).toBe(true)
  })

  it('diagnostics:free-port skips a port another process holds and ports of our listeners', async () => {
    const taken = await holdPort()
    await t.value('listener:add', { host: '127.0.0.1', port: taken + 1 })
    const { port } = await t.value('diagnostics:free-port', { host: '127.0.0.1', from: taken })
    expect(port).not.toBeNull()
    expect(port).toBeGreaterThan(taken + 1)
    await waitFor(() => canListen('127.0.0.1', port!), 'the proposed port to be free')
  })

  it('validates the search', async () => {
    for (const payload of [
      { host: '', from: 1 },
      { host: '127.0.0.1', from: 0 },
      { host: 'x', from: 1, more: 1 },
    ])
      expect(await t.error('diagnostics:free-port', payload)).toMatchObject({
        code: expect.stringMatching(/INVALID_(REQUEST|INPUT)/),
      })
  })
})
