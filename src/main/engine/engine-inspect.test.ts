import type { Socket } from 'node:net'
import { afterEach, describe, expect, it } from 'vitest'
import { MAX_SEND_BYTES, type AddListenerRequest, type Direction } from '../../shared/contract'
import { MAX_UNSENT_BYTES } from './connection'
import { MAX_HTTP_ANALYSIS } from './connection-requests'
import type { EngineOptions } from './engine-api'
import { connectClient, recordingEngine, send, waitFor, type TestEngine } from './engine-test-kit'

let t: TestEngine
const clients: Socket[] = []

afterEach(async () => {
  for (const client of clients.splice(0)) client.destroy()
  await t.engine.shutdown()
})

async function setUp(
  options: EngineOptions = {},
  request: AddListenerRequest = {},
): Promise<{ cid: string; client: Socket }> {
  t = recordingEngine(options)
  const added = await t.value('listener:add', { port: 0, ...request })
  const started = await t.value('listener:start', { listenerId: added.id })
  const client = await connectClient(started.bound?.port ?? -1)
  clients.push(client)
  const cid = `${added.id}#1`
  await t.event('connection-accepted', (e) => e.connection.id === cid)
  return { cid, client }
}

const b64 = (text: string): string => Buffer.from(text).toString('base64')

/** Sends `text` as its own read: waits until the engine has it before returning. */
async function sendRead(client: Socket, cid: string, text: string): Promise<void> {
  const before = await bytesIn(cid)
  await send(client, text)
  await waitFor(async () => (await bytesIn(cid)) >= before + text.length, `"${text}" read`)
}

async function bytesIn(cid: string): Promise<number> {
  const read = await t.value('connection:read', { connectionId: cid, offset: 0, length: 0 })
  return read.bytesIn
}

function search(
  cid: string,
  direction: Direction,
  pattern: string,
  from: number,
  backwards = false,
) {
  return t
    .value('connection:search', {
      connectionId: cid,
      direction,
      pattern: b64(pattern),
      from,
      backwards,
    })
    .then((r) => r.offset)
}

describe('connection:chunks', () => {
  it('pages through the conversation in order', async () => {
    const { cid, client } = await setUp()
    for (let i = 0; i < 5; i++) {
      await sendRead(client, cid, `in${i}`)
      await t.value('connection:send', { connectionId: cid, base64: b64(`out${i}`) })
    }
    const all = await t.value('connection:chunks', { connectionId: cid, from: 0, count: 100 })
    expect(all.total).toBe(10)
    expect(all.chunks.map((c) => `${c.direction}@${c.offset}`)).toEqual([
      'in@0',
      'out@0',
      'in@3',
      'out@4',
      'in@6',
      'out@8',
      'in@9',
      'out@12',
      'in@12',
      'out@16',
    ])
    const page = await t.value('connection:chunks', { connectionId: cid, from: 3, count: 4 })
    expect(page).toEqual({ total: 10, chunks: all.chunks.slice(3, 7) })
    expect(await t.value('connection:chunks', { connectionId: cid, from: 10, count: 4 })).toEqual({
      total: 10,
      chunks: [],
    })
    expect(
      (await t.error('connection:chunks', { connectionId: cid, from: -1, count: 1 })).code,
    ).toBe('INVALID_REQUEST')
  })
})

describe('connection:search', () => {
  it('finds forward and backward across reads, a pattern split over two reads included', async () => {
    const { cid, client } = await setUp()
    await sendRead(client, cid, 'GET /a HTTP/1.1\r')
    await sendRead(client, cid, '\n\r\nGET /b HTTP/1.1\r\n\r\n')
    const chunks = await t.value('connection:chunks', { connectionId: cid, from: 0, count: 10 })
    expect(chunks.total).toBe(2)
    expect(await search(cid, 'in', '\r\n\r\n', 0)).toBe(15)
    expect(await search(cid, 'in', 'GET', 1)).toBe(19)
    expect(await search(cid, 'in', 'GET', 19)).toBe(19)
    expect(await search(cid, 'in', 'GET', 20)).toBeNull()
    expect(await search(cid, 'in', 'GET', 19, true)).toBe(0)
    expect(await search(cid, 'in', 'GET', 0, true)).toBeNull()
    expect(await search(cid, 'in', '\r\n\r\n', 1000, true)).toBe(34)
    expect(await search(cid, 'in', 'POST', 0)).toBeNull()
    expect(await search(cid, 'out', 'GET', 0)).toBeNull()
    await t.value('connection:send', { connectionId: cid, base64: b64('HTTP/1.1 404') })
    expect(await search(cid, 'out', '404', 0)).toBe(9)
    expect(
      await t.error('connection:search', {
        connectionId: cid,
        direction: 'in',
        pattern: '',
        from: 0,
        backwards: false,
      }),
    ).toMatchObject({ code: 'INVALID_INPUT', reason: 'pattern-empty' })
  })
})

describe('caps across both directions', () => {
  it('counts what we send against the same per-connection cap', async () => {
    const { cid, client } = await setUp({}, { captureLimitPerConnection: 10 })
    await sendRead(client, cid, '123456')
    await t.value('connection:send', { connectionId: cid, base64: b64('abcdefgh') })
    const out = await t.value('connection:read', {
      connectionId: cid,
      offset: 0,
      length: 100,
      direction: 'out',
    })
    expect(Buffer.from(out.base64, 'base64').toString()).toBe('abcd')
    expect(out).toMatchObject({ captured: 4, bytesIn: 8, truncated: true })
    await sendRead(client, cid, '789')
    const snapshot = await t.value('engine:snapshot', {})
    expect(snapshot.connections[0]).toMatchObject({
      bytesIn: 9,
      captured: 6,
      bytesOut: 8,
      capturedOut: 4,
      truncated: true,
    })
    expect(snapshot.capture.captured).toBe(10)
    const lastData = t
      .events()
      .filter((e) => e.type === 'connection-data')
      .at(-1)
    expect(lastData).toMatchObject({
      direction: 'in',
      captured: 6,
      capturedOut: 4,
      truncated: true,
    })
  })

  it('shares the engine-wide cap: sent bytes take from it too', async () => {
    const { cid, client } = await setUp({ totalCaptureLimit: 5 })
    await t.value('connection:send', { connectionId: cid, base64: b64('xyz') })
    await sendRead(client, cid, 'abcd')
    await t.event('capture-totals', (e) => e.totals.captured === 5)
    const read = await t.value('connection:read', { connectionId: cid, offset: 0, length: 10 })
    expect(Buffer.from(read.base64, 'base64').toString()).toBe('ab')
    expect(read).toMatchObject({ captured: 2, bytesIn: 4, truncated: true })
  })
})

describe('connection:http', () => {
  it('analyses at most MAX_HTTP_ANALYSIS bytes of a long stream and says it stopped', async () => {
    const { cid, client } = await setUp({}, { captureLimitPerConnection: 2 * MAX_HTTP_ANALYSIS })
    const body = MAX_HTTP_ANALYSIS + 1000
    const head = `POST /upload HTTP/1.1\r\nHost: x\r\nContent-Length: ${body}\r\n\r\n`
    client.write(head)
    client.write(Buffer.alloc(body, 0x61))
    await waitFor(async () => (await bytesIn(cid)) === head.length + body, 'all bytes read')
    const analysis = await t.value('connection:http', { connectionId: cid, direction: 'in' })
    expect(analysis).toMatchObject({
      isHttp: true,
      analyzedBytes: MAX_HTTP_ANALYSIS,
      truncated: true,
    })
    expect(analysis.messages[0]).toMatchObject({ method: 'POST', target: '/upload' })
  })

  it('a long stream that does not start like HTTP is answered from its first bytes', async () => {
    const { cid, client } = await setUp({}, { captureLimitPerConnection: 4 * 1024 * 1024 })
    client.write(Buffer.alloc(3 * 1024 * 1024, 0x00))
    await waitFor(async () => (await bytesIn(cid)) === 3 * 1024 * 1024, 'all bytes read')
    const analysis = await t.value('connection:http', { connectionId: cid, direction: 'in' })
    expect(analysis).toMatchObject({ isHttp: false, messages: [], truncated: false })
    expect(analysis.analyzedBytes).toBeGreaterThan(0)
  })

  it('analyzes a direction’s kept bytes, and again once more arrived', async () => {
    const { cid, client } = await setUp()
    await sendRead(client, cid, 'GET /hello HTTP/1.1\r\nHost: x\r\n')
    const partial = await t.value('connection:http', { connectionId: cid, direction: 'in' })
    expect(partial).toMatchObject({ direction: 'in', isHttp: true, analyzedBytes: 30 })
    await sendRead(client, cid, '\r\n')
    const whole = await t.value('connection:http', { connectionId: cid, direction: 'in' })
    expect(whole).toMatchObject({
      direction: 'in',
      isHttp: true,
      analyzedBytes: 32,
      truncated: false,
    })
    expect(whole.messages[0]).toMatchObject({ kind: 'request', method: 'GET', target: '/hello' })
    const out = await t.value('connection:http', { connectionId: cid, direction: 'out' })
    expect(out).toMatchObject({ direction: 'out', isHttp: false, analyzedBytes: 0 })
    expect(
      (await t.error('connection:http', { connectionId: cid, direction: 'sideways' })).code,
    ).toBe('INVALID_REQUEST')
  })
})

describe('http:analyze', () => {
  it('analyzes bytes given to it (a saved session) like a live connection’s', async () => {
    t = recordingEngine()
    const request = 'GET /saved HTTP/1.1\r\nHost: x\r\n\r\n'
    const analysis = await t.value('http:analyze', {
      base64: b64(request),
      direction: 'in',
      truncated: false,
    })
    expect(analysis).toMatchObject({
      isHttp: true,
      analyzedBytes: request.length,
      truncated: false,
    })
    expect(analysis.messages[0]).toMatchObject({ method: 'GET', target: '/saved' })
    expect(analysis.messages[0]?.listing202).toMatch(/^Request: \[/)
    const empty = await t.value('http:analyze', { base64: '', direction: 'out', truncated: true })
    expect(empty).toMatchObject({ isHttp: false, analyzedBytes: 0, truncated: true })
    for (const bad of [
      { base64: '!!', direction: 'in', truncated: false },
      { base64: b64('x'), direction: 'in' },
      { base64: b64('x'), direction: 'up', truncated: false },
      { base64: b64('x'), direction: 'in', truncated: false, extra: 1 },
    ])
      expect((await t.error('http:analyze', bad)).code).toMatch(/INVALID_(REQUEST|INPUT)/)
  })
})

describe('connection:send to a peer that does not read', () => {
  it('refuses with BAD_STATE once too much waits unsent, instead of buffering forever', async () => {
    const { cid, client } = await setUp({}, { captureLimitPerConnection: 0 })
    client.pause()
    const block = Buffer.alloc(MAX_SEND_BYTES, 0x61).toString('base64')
    let accepted = 0
    for (;;) {
      const result = await t.request('connection:send', { connectionId: cid, base64: block })
      if (!result.ok) {
        expect(result.error.code).toBe('BAD_STATE')
        expect(result.error.message).toMatch(/not reading/)
        break
      }
      accepted += 1
      // Kernel buffers take a few MiB at most; past the limit it must refuse.
      expect(accepted * MAX_SEND_BYTES).toBeLessThan(MAX_UNSENT_BYTES + 64 * 1024 * 1024)
    }
    expect(accepted * MAX_SEND_BYTES).toBeGreaterThan(MAX_UNSENT_BYTES)
  })
})
