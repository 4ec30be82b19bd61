/**
 * The client's results against servers that are not Socket Lab's: crafted Node servers on port 0
 * that answer with chosen bytes (or reset, close, never answer), and a Rust server compiled from
 * a string where rustc exists. Each result keeps the response bytes, the linter's findings and
 * the verdict on what the target did.
 */
import { createServer, type Server, type Socket } from 'node:net'
import { afterEach, describe, expect, it } from 'vitest'
import type { ClientRequestSnapshot, ClientRunRequest } from '../../../shared/client-types'
import { clientVerdict } from '../../../shared/client-verdict'
import type { EngineEvent } from '../../../shared/contract'
import { recordingEngine, startListener, waitFor, type TestEngine } from '../engine-test-kit'
import { buildRust, findRustc, NO_RUSTC, runRust } from '../rust-kit'

let t: TestEngine | null = null
const servers: Server[] = []
const sockets = new Set<Socket>()

afterEach(async () => {
  await t?.engine.shutdown()
  t = null
  for (const socket of sockets) socket.destroy()
  sockets.clear()
  await Promise.all(
    servers.splice(0).map((s) => new Promise<void>((resolve) => s.close(() => resolve()))),
  )
})

type Finished = Extract<EngineEvent, { type: 'client-run-finished' }>

/** A server on a free loopback port that does `onConnection` with each connection. */
async function craftedServer(onConnection: (socket: Socket) => void): Promise<number> {
  const server = createServer((socket) => {
    sockets.add(socket)
    socket.on('error', () => undefined)
    socket.on('close', () => sockets.delete(socket))
    onConnection(socket)
  })
  servers.push(server)
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const address = server.address()
  if (address === null || typeof address === 'string') throw new Error('no port')
  return address.port
}

/** Calls `then` once the request's head (up to its blank line) has arrived. */
function afterHead(socket: Socket, then: () => void): void {
  let head = ''
  const onData = (data: Buffer): void => {
    head += data.toString('latin1')
    if (!head.includes('\r\n\r\n')) return
    socket.off('data', onData)
    then()
  }
  socket.on('data', onData)
}

/** Answers `response` once the request's head has arrived, then closes (FIN). */
function answer(response: string): (socket: Socket) => void {
  return (socket) => afterHead(socket, () => socket.end(Buffer.from(response, 'latin1')))
}

const ONE_GET = (port: number, timeLimitSeconds?: number): ClientRunRequest => ({
  target: `127.0.0.1:${port}`,
  plan: { kind: 'http', rows: [{ count: 1, path: '/', startMs: 0 }] },
  ...(timeLimitSeconds === undefined ? {} : { timeLimitSeconds }),
})

type ClientRunStartedEvent = Extract<EngineEvent, { type: 'client-run-started' }>

interface RunEnd {
  finished: Finished
  started: ClientRunStartedEvent
  /** The run's one request, as its last change left it. */
  request: ClientRequestSnapshot
}

/** Waits for the run to finish: how it started and ended, and its one request. */
async function runEnd(runId: string): Promise<RunEnd> {
  const engine = t ?? recordingEngine()
  const finished = await engine.event('client-run-finished', (e) => e.runId === runId)
  let last: ClientRequestSnapshot | undefined
  let started: ClientRunStartedEvent | undefined
  for (const e of engine.events()) {
    if (e.type === 'client-run-started' && e.run.runId === runId) {
      started = e
      last = e.requests[0]
    }
    if (e.type === 'client-request-changed' && e.runId === runId) last = e.request
  }
  if (!last || !started) throw new Error('no request')
  return { finished, request: last, started }
}

/** Runs a plan of one request to its end. */
async function runOne(request: ClientRunRequest): Promise<RunEnd> {
  const { runId } = await (t ??= recordingEngine()).value('client:run', request)
  return runEnd(runId)
}

function receivedText(r: ClientRequestSnapshot): string {
  return Buffer.from(r.response?.base64 ?? '', 'base64').toString('latin1')
}

describe('the client keeps what a server sent and judges it', () => {
  it('a bare-\\n response: its bytes, the bare-lf finding at its offset, complete', async () => {
    const response = 'HTTP/1.1 200 OK\nContent-Length: 5\n\nhello'
    const port = await craftedServer(answer(response))
    const { request: r, started } = await runOne(ONE_GET(port))
    expect(started.run.listener).toBeUndefined()
    expect(r.phase).toBe('done')
    expect(receivedText(r)).toBe(response)
    expect(r.bytesReceived).toBe(response.length)
    expect(r.response).toMatchObject({ truncated: false, isHttp: true, progress: 'complete' })
    expect(r.response?.findings).toEqual([
      { warning: { code: 'bare-lf', line: 1 }, offset: 15, length: 1 },
    ])
    expect(clientVerdict(r)).toEqual({ kind: 'complete' })
  })

  it('a wrong Content-Length: length-short at the header’s value, closed early', async () => {
    const response = 'HTTP/1.1 200 OK\r\nContent-Length: 10\r\n\r\nhello'
    const port = await craftedServer(answer(response))
    const { request: r } = await runOne(ONE_GET(port))
    expect(receivedText(r)).toBe(response)
    expect(r.response?.findings).toEqual([
      { warning: { code: 'length-short', declared: 10, actual: 5 }, offset: 33, length: 2 },
    ])
    expect(r.response?.progress).toBe('body')
    expect(clientVerdict(r)).toEqual({ kind: 'closed-early', progress: 'body' })
  })

  it('a server that resets without answering: reset, nothing received', async () => {
    const port = await craftedServer((socket) => afterHead(socket, () => socket.resetAndDestroy()))
    const { request: r } = await runOne(ONE_GET(port))
    expect(r.errorCode).toBe('ECONNRESET')
    expect(r.bytesReceived).toBe(0)
    expect(r.response).toMatchObject({ base64: '', progress: 'nothing', findings: [] })
    expect(clientVerdict(r)).toEqual({ kind: 'reset', progress: 'nothing', requestSent: true })
  })

  it('a server that resets halfway through its answer: reset, with the bytes before it', async () => {
    const part = 'HTTP/1.1 200 OK\r\nContent-Length: 100\r\n\r\nhel'
    let served: Socket | null = null
    const port = await craftedServer((socket) =>
      afterHead(socket, () => {
        socket.write(Buffer.from(part, 'latin1'))
        served = socket
      }),
    )
    const engine = (t = recordingEngine())
    const { runId } = await engine.value('client:run', ONE_GET(port))
    // The RST goes once the client has read the bytes: a reset while they are still unread may
    // make the client's OS drop them.
    await waitFor(
      () =>
        engine
          .events()
          .some(
            (e) =>
              e.type === 'client-request-changed' &&
              e.runId === runId &&
              e.request.bytesReceived === part.length,
          ),
      'the client to have read the first bytes',
    )
    ;(served as Socket | null)?.resetAndDestroy()
    const { request: r } = await runEnd(runId)
    expect(r.errorCode).toBe('ECONNRESET')
    expect(receivedText(r)).toBe(part)
    expect(r.response?.progress).toBe('body')
    expect(r.response?.findings).toEqual([
      { warning: { code: 'length-short', declared: 100, actual: 3 }, offset: 33, length: 3 },
    ])
    expect(clientVerdict(r)).toEqual({ kind: 'reset', progress: 'body', requestSent: true })
  })

  it('a server that resets before reading anything: reset', async () => {
    // Reset as soon as it accepts (the request may or may not have arrived yet).
    const port = await craftedServer((socket) => socket.resetAndDestroy())
    const { request: r } = await runOne(ONE_GET(port))
    expect(['ECONNRESET', 'EPIPE']).toContain(r.errorCode)
    expect(clientVerdict(r)).toMatchObject({ kind: 'reset', progress: 'nothing' })
  })

  it('a server that closes without answering: closed early, nothing', async () => {
    const port = await craftedServer((socket) => afterHead(socket, () => socket.end()))
    const { request: r } = await runOne(ONE_GET(port))
    expect(r.phase).toBe('done')
    expect(r.errorCode).toBeNull()
    expect(r.response).toMatchObject({ base64: '', progress: 'nothing' })
    expect(clientVerdict(r)).toEqual({ kind: 'closed-early', progress: 'nothing' })
  })

  it('a server that never answers: timed out at the plan’s limit', async () => {
    const port = await craftedServer((socket) => socket.resume())
    const { request: r, finished } = await runOne(ONE_GET(port, 1))
    expect(finished.outcome).toBe('time-limit')
    expect(r.errorCode).toBe('TIME_LIMIT')
    expect(clientVerdict(r)).toEqual({ kind: 'timed-out', stage: 'response', progress: 'nothing' })
  })

  it('a whole response on a connection the server keeps open: kept open', async () => {
    const response = 'HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\nhi'
    const port = await craftedServer((socket) =>
      afterHead(socket, () => socket.write(Buffer.from(response, 'latin1'))),
    )
    const { request: r } = await runOne(ONE_GET(port, 1))
    expect(receivedText(r)).toBe(response)
    expect(r.response?.findings).toEqual([])
    expect(clientVerdict(r)).toEqual({ kind: 'kept-open' })
  })

  it('a body after Connection: close without a length, until the server closes', async () => {
    const response = 'HTTP/1.1 200 OK\r\nConnection: close\r\n\r\nhello'
    const port = await craftedServer(answer(response))
    const { request: r } = await runOne(ONE_GET(port))
    expect(r.response?.findings).toEqual([
      { warning: { code: 'close-delimited', body: 5 }, offset: 36, length: 2 },
    ])
    expect(clientVerdict(r)).toEqual({ kind: 'complete' })
  })

  it('keeps the first 64 KiB of a larger response, counts the rest and says it was cut', async () => {
    const body = 'x'.repeat(100 * 1024)
    const response = `HTTP/1.1 200 OK\r\nContent-Length: ${body.length}\r\n\r\n${body}`
    const port = await craftedServer(answer(response))
    const { request: r } = await runOne(ONE_GET(port))
    const kept = Buffer.from(r.response?.base64 ?? '', 'base64')
    expect(kept.length).toBe(64 * 1024)
    expect(kept.toString('latin1')).toBe(response.slice(0, 64 * 1024))
    expect(r.bytesReceived).toBe(response.length)
    expect(r.response).toMatchObject({ truncated: true, progress: 'complete', findings: [] })
  })

  it('refused: nothing listens on the port', async () => {
    // A port that was listening a moment ago; retried if another process took it meanwhile.
    let r: ClientRequestSnapshot | undefined
    for (let attempt = 0; attempt < 5 && r?.errorCode !== 'ECONNREFUSED'; attempt += 1) {
      const server = createServer()
      await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
      const address = server.address()
      if (address === null || typeof address === 'string') throw new Error('no port')
      await new Promise<void>((resolve) => server.close(() => resolve()))
      r = (await runOne(ONE_GET(address.port))).request
    }
    expect(r?.errorCode).toBe('ECONNREFUSED')
    expect(r && clientVerdict(r)).toEqual({ kind: 'refused' })
    expect(r?.response).toMatchObject({ base64: '', progress: 'nothing', findings: [] })
  })

  it('a raw request that is not HTTP is not linted', async () => {
    const port = await craftedServer((socket) => socket.on('data', (data) => socket.end(data)))
    const { request: r } = await runOne({
      target: `127.0.0.1:${port}`,
      plan: { kind: 'raw', text: 'ping', framing: { kind: 'whole' } },
    })
    expect(receivedText(r)).toBe('ping')
    expect(r.response).toMatchObject({ isHttp: false, progress: 'unknown', findings: [] })
    expect(clientVerdict(r)).toEqual({ kind: 'closed' })
  })

  it('names the Socket Lab listener it targets, whatever its responder', async () => {
    t = recordingEngine()
    const { port, id } = await startListener(t) // Silent: no model, but still Socket Lab's
    const { request: r, started } = await runOne(ONE_GET(port, 1))
    expect(started.run.model).toBeNull()
    expect(started.run.listener).toEqual({
      listenerId: id,
      listenerNumber: 1,
      responder: 'silent',
    })
    expect(clientVerdict(r)).toMatchObject({ kind: 'timed-out', stage: 'response' })
  })
})

/** A book-style server that answers one request with a bare-\n response (`\n`, not `\r\n`). */
const RUST_BARE_LF_SERVER = String.raw`
use std::io::{BufRead, BufReader, Write};
use std::net::TcpListener;

fn main() {
    let listener = TcpListener::bind("127.0.0.1:0").unwrap();
    println!("{}", listener.local_addr().unwrap().port());
    for stream in listener.incoming().take(1) {
        let mut stream = stream.unwrap();
        let request: Vec<String> = BufReader::new(&stream)
            .lines()
            .map(|line| line.unwrap())
            .take_while(|line| !line.is_empty())
            .collect();
        eprintln!("Request: {request:?}");
        let contents = "<h1>Hello!</h1>";
        let length = contents.len();
        let response = format!("HTTP/1.1 200 OK\nContent-Length: {length}\n\n{contents}");
        stream.write_all(response.as_bytes()).unwrap();
    }
}
`

describe('against a Rust server compiled here', () => {
  it('finds the bare \\n in its response', { timeout: 120_000 }, async ({ skip }) => {
    const rustc = findRustc()
    skip(rustc === null, NO_RUSTC)
    if (rustc === null) return
    const program = buildRust(rustc, RUST_BARE_LF_SERVER)
    try {
      const server = await runRust(program)
      try {
        const { request: r } = await runOne(ONE_GET(server.port))
        const contents = '<h1>Hello!</h1>'
        expect(receivedText(r)).toBe(
          `HTTP/1.1 200 OK\nContent-Length: ${contents.length}\n\n${contents}`,
        )
        expect(r.statusCode).toBe(200)
        expect(r.response?.findings).toEqual([
          { warning: { code: 'bare-lf', line: 1 }, offset: 15, length: 1 },
        ])
        expect(clientVerdict(r)).toEqual({ kind: 'complete' })
      } finally {
        server.kill()
      }
    } finally {
      program.remove()
    }
  })
})
