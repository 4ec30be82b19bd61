import { afterEach, describe, expect, it } from 'vitest'
import { HELLO_HTML, NOT_FOUND_HTML } from '../../shared/book-pages'
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

/** The book's bytes: status line, Content-Length in UTF-8 bytes, blank line, body. */
function bookResponse(statusLine: string, body: string): Buffer {
  return Buffer.concat([
    Buffer.from(`${statusLine}\r\nContent-Length: ${Buffer.byteLength(body, 'utf8')}\r\n\r\n`),
    Buffer.from(body, 'utf8'),
  ])
}

const OK = 'HTTP/1.1 200 OK'
const NOT_FOUND = 'HTTP/1.1 404 NOT FOUND'

function curlRequest(port: number, path = '/'): string {
  return `GET ${path} HTTP/1.1\r\nHost: 127.0.0.1:${port}\r\nUser-Agent: curl/8.5.0\r\nAccept: */*\r\n\r\n`
}

async function sentBytes(connectionId: string): Promise<Buffer> {
  const read = await t.value('connection:read', {
    connectionId,
    offset: 0,
    length: 1 << 20,
    direction: 'out',
  })
  return Buffer.from(read.base64, 'base64')
}

describe('responders', () => {
  it('silent stays the default: nothing is answered, nothing printed', async () => {
    t = recordingEngine()
    const { id, port } = await startListener(t)
    const { socket } = await exchange(port, curlRequest(port))
    await t.event('connection-data', (e) => e.direction === 'in')
    expect(socket.closed).toBe(false)
    expect(programOutput(t, id)).toEqual([])
    expect((await t.value('engine:snapshot', {})).listeners[0]).toMatchObject({
      workers: [],
      queued: [],
      handled: 0,
    })
  })

  it('close-at-once (Listing 20-1): prints "Connection established!" and drops the stream', async () => {
    t = recordingEngine()
    const { id, port } = await startListener(t, { responder: 'close-at-once' })
    const first = await exchange(port, null)
    const second = await exchange(port, null)
    expect((await first.done).data.length).toBe(0)
    expect((await second.done).data.length).toBe(0)
    await waitFor(() => programOutput(t, id).length === 2, 'two lines')
    expect(programOutput(t, id)).toEqual(['Connection established!', 'Connection established!'])
    const closedEvent = await t.event('connection-closed', (e) => e.connectionId === `${id}#1`)
    expect(closedEvent.reason).toBe('us')
    expect((await t.value('engine:snapshot', {})).listeners[0]?.handled).toBe(2)
  })

  it('read-request-then-close (Listing 20-2): prints Request: [...] for a curl request, then closes', async () => {
    t = recordingEngine()
    const { id, port } = await startListener(t, {
      responder: 'read-request-then-close',
      handling: 'single-thread',
    })
    const { done } = await exchange(port, curlRequest(port))
    const answer = await done
    expect(answer.data.length).toBe(0)
    expect(answer.errors).toEqual([])
    await waitFor(() => programOutput(t, id).length === 1, 'the Request line')
    expect(programOutput(t, id)).toEqual([
      [
        'Request: [',
        '    "GET / HTTP/1.1",',
        `    "Host: 127.0.0.1:${port}",`,
        '    "User-Agent: curl/8.5.0",',
        '    "Accept: */*",',
        ']',
      ].join('\n'),
    ])
  })

  it('read-request-then-close prints the lines read so far when the client ends first', async () => {
    t = recordingEngine()
    const { id, port } = await startListener(t, {
      responder: 'read-request-then-close',
      handling: 'single-thread',
    })
    const { socket, done } = await exchange(port, 'GET / HTTP/1.1\r\nHost: x')
    socket.end()
    await done
    await waitFor(() => programOutput(t, id).length === 1, 'the Request line')
    expect(programOutput(t, id)).toEqual(['Request: [\n    "GET / HTTP/1.1",\n    "Host: x",\n]'])
  })

  it('read-request-then-close prints the panic for a line that is not UTF-8', async () => {
    t = recordingEngine()
    const { id, port } = await startListener(t, {
      responder: 'read-request-then-close',
      handling: 'single-thread',
    })
    const { done } = await exchange(port, Buffer.from([0x47, 0xff, 0x0d, 0x0a, 0x0d, 0x0a]))
    await done
    await waitFor(() => programOutput(t, id).length === 1, 'the panic')
    expect(programOutput(t, id)[0]).toMatch(/^thread 'main' panicked at src\/main\.rs:20:30:\n/)
  })

  it('echo sends every chunk back as it arrives, recorded as sent bytes', async () => {
    t = recordingEngine()
    const { id, port } = await startListener(t, { responder: 'echo' })
    const socket = await connectClient(port)
    const received: Buffer[] = []
    socket.on('data', (chunk: Buffer) => received.push(chunk))
    await send(socket, 'hello ')
    await waitFor(() => Buffer.concat(received).toString() === 'hello ', 'the first echo')
    await send(socket, 'again')
    await waitFor(() => Buffer.concat(received).toString() === 'hello again', 'the second echo')
    expect((await sentBytes(`${id}#1`)).toString()).toBe('hello again')
    socket.destroy()
  })

  it('http-hello (Listings 20-3 to 20-5): answers after the blank line, byte-exact, then closes', async () => {
    t = recordingEngine()
    const { id, port } = await startListener(t, {
      responder: 'http-hello',
      handling: 'single-thread',
    })
    const { socket, done } = await exchange(port, 'GET /anything HTTP/1.1\r\nHost: x\r\n')
    await t.event('connection-data', (e) => e.direction === 'in')
    // No blank line yet: the program is still in lines(), nothing was written.
    expect((await sentBytes(`${id}#1`)).length).toBe(0)
    await send(socket, '\r\n')
    const expected = bookResponse(OK, HELLO_HTML)
    expect((await done).data).toEqual(expected)
    expect(await sentBytes(`${id}#1`)).toEqual(expected)
    expect(programOutput(t, id)).toEqual([])
  })

  it('http-routes (Listings 20-6 to 20-9): / is hello.html, anything else 404 NOT FOUND', async () => {
    t = recordingEngine()
    const { port } = await startListener(t, { responder: 'http-routes' })
    const root = await exchange(port, curlRequest(port, '/'))
    expect((await root.done).data).toEqual(bookResponse(OK, HELLO_HTML))
    const nope = await exchange(port, curlRequest(port, '/nope'))
    expect((await nope.done).data).toEqual(bookResponse(NOT_FOUND, NOT_FOUND_HTML))
    // The request line must match exactly: HTTP/1.0 is "anything else".
    const old = await exchange(port, 'GET / HTTP/1.0\r\n\r\n')
    expect((await old.done).data).toEqual(bookResponse(NOT_FOUND, NOT_FOUND_HTML))
  })

  it('serves the edited pages, Content-Length counting UTF-8 bytes', async () => {
    t = recordingEngine()
    const helloHtml = '<h1>Привет!</h1>\n'
    const { id, port } = await startListener(t, { responder: 'http-routes', helloHtml })
    await t.value('listener:update', { listenerId: id, notFoundHtml: 'нет' })
    const root = await exchange(port, curlRequest(port))
    const rootAnswer = (await root.done).data
    expect(rootAnswer).toEqual(bookResponse(OK, helloHtml))
    expect(rootAnswer.toString('latin1')).toContain('Content-Length: 23\r\n')
    const nope = await exchange(port, curlRequest(port, '/x'))
    expect((await nope.done).data).toEqual(bookResponse(NOT_FOUND, 'нет'))
  })

  it('http-slow-route (Listing 20-10): /sleep answers hello.html after the sleep, others as routes', async () => {
    t = recordingEngine()
    const { port } = await startListener(t, { responder: 'http-slow-route', sleepSeconds: 0 })
    const sleep = await exchange(port, curlRequest(port, '/sleep'))
    expect((await sleep.done).data).toEqual(bookResponse(OK, HELLO_HTML))
    const nope = await exchange(port, curlRequest(port, '/nope'))
    expect((await nope.done).data).toEqual(bookResponse(NOT_FOUND, NOT_FOUND_HTML))
  })

  it('a responder change applies to connections accepted afterwards', async () => {
    t = recordingEngine()
    const { id, port } = await startListener(t, { responder: 'http-routes' })
    const idle = await exchange(port, null)
    await t.event('connection-accepted')
    await t.value('listener:update', { listenerId: id, responder: 'close-at-once' })
    const next = await exchange(port, null)
    expect((await next.done).data.length).toBe(0)
    // The first still runs as routes: it answers once it reads its request line.
    await send(idle.socket, 'GET / HTTP/1.1\r\n\r\n')
    expect((await idle.done).data).toEqual(bookResponse(OK, HELLO_HTML))
    await closed(idle.socket)
  })
})
