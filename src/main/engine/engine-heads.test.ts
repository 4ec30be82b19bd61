import { afterEach, describe, expect, it } from 'vitest'
import { HELLO_HTML } from '../../shared/book-pages'
import {
  closed,
  connectClient,
  exchange,
  programOutput,
  recordingEngine,
  send,
  startListener,
  waitFor,
  type TestEngine,
} from './engine-test-kit'

let t: TestEngine

afterEach(async () => {
  await t.engine.shutdown()
})

const GET = 'GET / HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n'

async function sentBytes(connectionId: string): Promise<Buffer> {
  const read = await t.value('connection:read', {
    connectionId,
    offset: 0,
    length: 1 << 20,
    direction: 'out',
  })
  return Buffer.from(read.base64, 'base64')
}

describe('editable response heads', () => {
  it('sends an edited head byte-exact, {length} in UTF-8 bytes, with nothing to warn about', async () => {
    t = recordingEngine()
    const helloHead =
      'HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=utf-8\r\nContent-Length: {length}\r\n\r\n'
    const { id, port } = await startListener(t, {
      responder: 'http-routes',
      helloHead,
      helloHtml: 'Привет',
    })
    const root = await exchange(port, GET)
    const expected = Buffer.from(
      'HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=utf-8\r\nContent-Length: 12\r\n\r\nПривет',
    )
    expect((await root.done).data).toEqual(expected)
    expect(await sentBytes(`${id}#1`)).toEqual(expected)
    expect(programOutput(t, id)).toEqual([])
  })

  it('still sends a head with a wrong Content-Length, and the log warns before it goes', async () => {
    t = recordingEngine()
    const { id, port } = await startListener(t, { responder: 'http-routes' })
    await t.value('listener:update', {
      listenerId: id,
      notFoundHead: 'HTTP/1.1 404 NOT FOUND\nContent-Length: 3\n\n',
      notFoundHtml: 'nope!',
    })
    const nope = await exchange(port, 'GET /x HTTP/1.1\r\n\r\n')
    const answer = await nope.done
    expect(answer.data.toString()).toBe('HTTP/1.1 404 NOT FOUND\nContent-Length: 3\n\nnope!')
    expect(answer.errors).toEqual([])
    const warnings = (): string[] =>
      programOutput(t, id).filter((line) => line.startsWith('Socket Lab'))
    await waitFor(() => warnings().length > 0, 'the warning')
    const lines = warnings()
    expect(lines).toHaveLength(1)
    expect(lines[0]).toMatch(/^Socket Lab warning/)
    expect(lines[0]).toContain('line 1 of the head ends with a bare \\n')
    expect(lines[0]).toContain('Content-Length says 3 bytes, the body has 5')
    // The warning comes before the bytes: its event precedes the first sent data.
    const events = t.events()
    const warned = events.findIndex((e) => e.type === 'program-output')
    const sent = events.findIndex((e) => e.type === 'connection-data' && e.direction === 'out')
    expect(warned).toBeLessThan(sent)
  })

  it('warns about a missing Content-Length (Listing 20-3) yet serves the page', async () => {
    t = recordingEngine()
    const { id, port } = await startListener(t, {
      responder: 'http-hello',
      handling: 'single-thread',
      helloHead: 'HTTP/1.1 200 OK\r\n\r\n',
    })
    const hello = await exchange(port, GET)
    expect((await hello.done).data.toString()).toBe(`HTTP/1.1 200 OK\r\n\r\n${HELLO_HTML}`)
    await waitFor(() => programOutput(t, id).length === 1, 'the warning')
    expect(programOutput(t, id)[0]).toContain('no Content-Length')
  })
})

describe('ending the stream after the answer', () => {
  it('sends FIN after the whole answer and keeps reading, so late bytes cause no reset', async () => {
    t = recordingEngine()
    const { id, port } = await startListener(t, { responder: 'http-routes' })
    // Half-open: the client can still send after the server's FIN, as a pipelining client might.
    const client = await connectClient(port, '127.0.0.1', true)
    const chunks: Buffer[] = []
    client.on('data', (chunk: Buffer) => chunks.push(chunk))
    const ended = new Promise<void>((resolve) => client.once('end', () => resolve()))
    // Headers the routes never read (they read the request line only).
    await send(client, `${GET.slice(0, -2)}X-Padding: ${'x'.repeat(4000)}\r\n\r\n`)
    await ended
    expect(Buffer.concat(chunks).toString()).toMatch(/^HTTP\/1\.1 200 OK\r\n/)
    await send(client, 'GET /late HTTP/1.1\r\n\r\n')
    await t.event('connection-data', (e) => e.direction === 'in' && e.chunksIn === 2)
    client.end()
    await closed(client)
    expect(client.errors).toEqual([])
    const close = await t.event('connection-closed', (e) => e.connectionId === `${id}#1`)
    expect(close).toMatchObject({ reason: 'us', errorCode: null })
  })

  it('drops a connection whose client never closes its side, after the linger', async () => {
    t = recordingEngine()
    const { id, port } = await startListener(t, { responder: 'http-routes' })
    const client = await connectClient(port, '127.0.0.1', true)
    client.resume()
    await send(client, GET)
    await t.event('connection-we-ended', (e) => e.connectionId === `${id}#1`)
    // The worker is free at once; the socket closes by itself within the linger.
    await waitFor(
      async () => (await t.value('engine:snapshot', {})).listeners[0]?.handled === 1,
      'handled',
    )
    const close = await t.event('connection-closed', (e) => e.connectionId === `${id}#1`)
    expect(close).toMatchObject({ reason: 'us', errorCode: null })
    // The client saw a clean end of the answer; it closes its side whenever it likes.
    client.end()
    await closed(client)
    expect(client.errors).toEqual([])
  })
})
