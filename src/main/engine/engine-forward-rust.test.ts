/**
 * Forwarding to real Rust servers, compiled here: the book's final server (thread pool and
 * graceful shutdown, written for these tests: port 0, pages inline) and the classic learner
 * mistakes. What the forwarded connection's target leg says must match what the program did.
 * Skipped, with the reason, where rustc is missing.
 */
import type { Socket } from 'node:net'
import { afterEach, describe, expect, it } from 'vitest'
import type { EngineEvent, TargetLeg } from '../../shared/contract'
import {
  connectClient,
  recordingEngine,
  startListener,
  waitFor,
  type TestEngine,
} from './engine-test-kit'
import { NOT_FOUND_HTML, HELLO_HTML } from '../../shared/book-pages'
import { bindCall, codeOwnServer } from '../../shared/own-server-code'
import {
  buildRust,
  buildRustCrate,
  findRustc,
  NO_RUSTC,
  runRust,
  type RunningRust,
} from './rust-kit'

let t: TestEngine | null = null
const running: RunningRust[] = []
const clients: Socket[] = []

afterEach(async () => {
  for (const client of clients.splice(0)) client.destroy()
  for (const server of running.splice(0)) server.kill()
  await t?.engine.shutdown()
  t = null
})

const rustc = findRustc()

/** The pages, inline: the tests run the program anywhere, with no hello.html beside it. */
const PAGES = String.raw`
const HELLO: &str = "<!DOCTYPE html>\n<html lang=\"en\">\n  <body>\n    <h1>Hello!</h1>\n  </body>\n</html>\n";
const NOT_FOUND: &str = "<!DOCTYPE html>\n<html lang=\"en\">\n  <body>\n    <h1>Oops!</h1>\n  </body>\n</html>\n";
`

/**
 * The lesson's own server (src/shared/own-server-code.ts: the chapter's final server, a crate
 * with its lib.rs and hello.html beside it), exactly as the lesson shows it, but bound to port 0
 * and saying which port it got.
 */
function lessonCrate(): Parameters<typeof buildRustCrate>[1] {
  const [main = '', lib = ''] = codeOwnServer('127.0.0.1:0').split('// src/lib.rs')
  const bind = `let listener = ${bindCall('127.0.0.1:0')}.unwrap();`
  if (!main.includes(bind))
    throw new Error('the lesson’s code no longer binds as this test expects')
  return {
    name: 'hello',
    lib,
    main: main.replace(bind, `${bind}\n    println!("{}", listener.local_addr().unwrap().port());`),
    files: { 'hello.html': HELLO_HTML, '404.html': NOT_FOUND_HTML },
  }
}

/** A learner's single-threaded server answering one connection with `respond` (Rust code). */
function learnerServer(respond: string, readsRequest = true): string {
  const read = readsRequest
    ? `let _request: Vec<String> = BufReader::new(&stream)
            .lines()
            .map(|line| line.unwrap())
            .take_while(|line| !line.is_empty())
            .collect();`
    : // Waits for the request to arrive, and reads none of it (peek leaves it in the socket).
      `let mut first = [0u8; 1];
        stream.peek(&mut first).unwrap();`
  return String.raw`
use std::io::{prelude::*, BufReader};
use std::net::TcpListener;
${PAGES}
fn main() {
    let listener = TcpListener::bind("127.0.0.1:0").unwrap();
    println!("{}", listener.local_addr().unwrap().port());
    for stream in listener.incoming().take(1) {
        let mut stream = stream.unwrap();
        ${read}
        let contents = HELLO;
        let length = contents.len();
        ${respond}
        stream.write_all(response.as_bytes()).unwrap();
    }
}
`
}

const HELLO_BYTES = Buffer.byteLength(
  '<!DOCTYPE html>\n<html lang="en">\n  <body>\n    <h1>Hello!</h1>\n  </body>\n</html>\n',
)

/** A forwarding listener to `targetPort`; its port. */
async function forwarder(targetPort: number): Promise<number> {
  t = recordingEngine()
  return (await startListener(t, { responder: 'forward', targetPort })).port
}

/** One browser-like request through the forwarder: what came back, and the leg once over. */
async function fetchThrough(
  port: number,
  path: string,
): Promise<{ data: Buffer; codes: string[]; leg: TargetLeg }> {
  const client = await connectClient(port, '127.0.0.1', true)
  clients.push(client)
  const chunks: Buffer[] = []
  const codes: string[] = []
  client.on('data', (chunk: Buffer) => chunks.push(chunk))
  client.on('error', (err: NodeJS.ErrnoException) => codes.push(err.code ?? 'UNKNOWN'))
  const over = new Promise<void>((resolve) => {
    // A reset right after data reads as an end on Linux: a zero-length write tells them apart.
    client.once('end', () =>
      client.write(Buffer.alloc(0), (err) => {
        if (!err) client.end()
        resolve()
      }),
    )
    client.once('close', () => resolve())
  })
  client.write(`GET ${path} HTTP/1.1\r\nHost: 127.0.0.1:${port}\r\nUser-Agent: test\r\n\r\n`)
  await over
  const number = t!.events().filter((e) => e.type === 'connection-accepted').length
  const id = `${(await t!.value('engine:snapshot', {})).listeners[0]!.id}#${number}`
  const done = await waitFor(
    () =>
      t!
        .events()
        .findLast(
          (e): e is Extract<EngineEvent, { type: 'connection-target' }> =>
            e.type === 'connection-target' &&
            e.connectionId === id &&
            e.target.response !== null &&
            (e.change === 'closed' || e.change === 'failed'),
        ),
    'the target leg to end',
  )
  return { data: Buffer.concat(chunks), codes, leg: done.target }
}

/** A learner's server (see {@link learnerServer}) compiled and run; one request through the forwarder. */
async function throughLearnerServer(
  source: string,
): Promise<{ data: Buffer; codes: string[]; leg: TargetLeg }> {
  const program = buildRust(rustc!, source)
  try {
    const server = await runRust(program)
    running.push(server)
    return await fetchThrough(await forwarder(server.port), '/')
  } finally {
    program.remove()
  }
}

describe('forwarding to Rust servers compiled here', () => {
  it(
    'the lesson’s server, the book’s final one: two clean answers, then its graceful shutdown',
    { timeout: 180_000 },
    async ({ skip }) => {
      skip(rustc === null, NO_RUSTC)
      const program = buildRustCrate(rustc!, lessonCrate())
      try {
        const server = await runRust(program)
        running.push(server)
        const port = await forwarder(server.port)
        const hello = await fetchThrough(port, '/')
        expect(hello.data.toString()).toBe(
          `HTTP/1.1 200 OK\r\nContent-Length: ${Buffer.byteLength(HELLO_HTML)}\r\n\r\n${HELLO_HTML}`,
        )
        expect(hello.leg).toMatchObject({
          failure: null,
          targetEnded: true,
          firstEnded: 'target',
          response: { isHttp: true, progress: 'complete', findings: [] },
        })
        const missing = await fetchThrough(port, '/missing')
        expect(missing.data.toString()).toMatch(/^HTTP\/1\.1 404 NOT FOUND\r\n/)
        expect(missing.leg.response).toMatchObject({ progress: 'complete', findings: [] })
        expect(await server.exited).toBe(0)
        expect(server.stdout()).toMatch(/Shutting down\.\n/)
        for (const id of [0, 1, 2, 3])
          expect(server.stdout()).toContain(`Shutting down worker ${id}`)
      } finally {
        program.remove()
      }
    },
  )

  it(
    'a response with \\n only: the linter points at the first bare \\n',
    { timeout: 180_000 },
    async ({ skip }) => {
      skip(rustc === null, NO_RUSTC)
      const { leg, data } = await throughLearnerServer(
        learnerServer(
          'let response = format!("HTTP/1.1 200 OK\\nContent-Length: {length}\\n\\n{contents}");',
        ),
      )
      expect(data.subarray(0, 16).toString()).toBe('HTTP/1.1 200 OK\n')
      // The first bare \n is the one that counts: a client stops there.
      expect(leg.response?.findings).toEqual([
        { warning: { code: 'bare-lf', line: 1 }, offset: 15, length: 1 },
      ])
    },
  )

  it(
    'a wrong Content-Length: the linter says the body is short of it',
    { timeout: 180_000 },
    async ({ skip }) => {
      skip(rustc === null, NO_RUSTC)
      const { leg } = await throughLearnerServer(
        learnerServer(
          'let response = format!("HTTP/1.1 200 OK\\r\\nContent-Length: {}\\r\\n\\r\\n{contents}", length + 5);',
        ),
      )
      expect(leg.targetEnded).toBe(true)
      expect(leg.response?.progress).toBe('body')
      expect(leg.response?.findings.map((f) => f.warning)).toEqual([
        { code: 'length-short', declared: HELLO_BYTES + 5, actual: HELLO_BYTES },
      ])
    },
  )

  it(
    'answering without reading the request: the OS resets, and the reset is passed on',
    { timeout: 180_000 },
    async ({ skip }) => {
      skip(rustc === null, NO_RUSTC)
      const { leg, codes } = await throughLearnerServer(
        learnerServer(
          'let response = format!("HTTP/1.1 200 OK\\r\\nContent-Length: {length}\\r\\n\\r\\n{contents}");',
          false,
        ),
      )
      expect(leg).toMatchObject({ failure: 'target-reset', errorCode: 'ECONNRESET' })
      expect(codes).toContain('ECONNRESET')
    },
  )
})
