import { createServer, type Server } from 'node:net'
import { afterEach, describe, expect, it } from 'vitest'
import { recordingEngine, tryConnect, type TestEngine } from './engine-test-kit'

let t: TestEngine
let holder: Server | null = null

afterEach(async () => {
  await t.engine.shutdown()
  const server = holder
  holder = null
  if (server) await new Promise((resolve) => server.close(resolve))
})

describe('a stop asked for while the listener is starting', () => {
  it('waits for the start, then stops: both answer with what happened', async () => {
    t = recordingEngine()
    const added = await t.value('listener:add', { port: 0 })
    const starting = t.request('listener:start', { listenerId: added.id })
    const stopping = t.request('listener:stop', { listenerId: added.id, mode: 'let-finish' })
    const [started, stopped] = await Promise.all([starting, stopping])
    expect(started.ok && started.value.state).toBe('listening')
    const port = started.ok ? started.value.bound?.port : undefined
    expect(port).toBeGreaterThan(0)
    expect(stopped.ok && stopped.value.state).toBe('stopped')
    expect(await tryConnect(port ?? 0)).toBe('ECONNREFUSED')
    const states = t
      .events()
      .flatMap((e) => (e.type === 'listener-changed' ? [e.listener.state] : []))
    expect(states).toEqual(['starting', 'listening', 'stopping', 'stopped'])
  })

  it('after a start that failed, answers with the stopped listener', async () => {
    t = recordingEngine()
    const server = createServer()
    holder = server
    await new Promise<void>((resolve) => server.listen({ host: '127.0.0.1', port: 0 }, resolve))
    const address = server.address()
    const port = address !== null && typeof address === 'object' ? address.port : 0
    const added = await t.value('listener:add', { port })
    const starting = t.request('listener:start', { listenerId: added.id })
    const stopping = t.request('listener:stop', { listenerId: added.id, mode: 'close-all' })
    const [started, stopped] = await Promise.all([starting, stopping])
    expect(started.ok ? null : started.error.code).toBe('BIND_FAILED')
    expect(stopped.ok && stopped.value).toMatchObject({
      state: 'stopped',
      lastError: { code: 'EADDRINUSE' },
    })
  })
})
