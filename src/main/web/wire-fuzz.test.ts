/**
 * Issue 13's fault run for what a page (or anything else on the machine) can send: 20,000 random
 * WebSocket frames through browser mode's real server, and 20,000 random request payloads into the
 * engine's one entry point (the desktop app's IPC handlers call it with the payload as received).
 * Each bad one must be an error value, answered once; none may be INTERNAL (a throw) or stall.
 *
 * Channels that would reach beyond the machine's loopback or run programs are left out: the
 * client's runs (any host), starting listeners (any host) and the diagnostics (ss, lsof, DNS).
 */
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import fc from 'fast-check'
import { afterAll, beforeAll, expect, it } from 'vitest'
import WebSocket from 'ws'
import { CHANNELS, type Channel } from '../../shared/contract'
import type { AppErrorCode, Result } from '../../shared/result'
import type { WireMessage } from '../../shared/wire'
import { createEngine } from '../engine/engine'
import type { Engine } from '../engine/engine-api'
import { memorySettings } from '../engine/engine-test-kit'
import { startWebServer, type WebServer } from './server'

const FRAMES = 20_000
const PAYLOADS = 20_000
/** Frames in flight at once: enough to keep the server busy, few enough to match answers. */
const WINDOW = 250

const UNSAFE: ReadonlySet<string> = new Set<Channel>([
  'client:run',
  'listener:start',
  'listener:set-up',
  'diagnostics:who-holds',
  'diagnostics:excluded-ports',
  'diagnostics:localhost',
  'diagnostics:free-port',
])
const SAFE_CHANNELS = CHANNELS.filter((channel) => !UNSAFE.has(channel))
const ERROR_CODES: ReadonlySet<AppErrorCode> = new Set<AppErrorCode>([
  'INVALID_REQUEST',
  'INVALID_INPUT',
  'NOT_FOUND',
  'BAD_STATE',
  'BIND_FAILED',
  'FILE_FAILED',
])

let dir: string
let engine: Engine
let server: WebServer

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'socket-lab-fuzz-'))
  await mkdir(join(dir, 'renderer'), { recursive: true })
  await writeFile(join(dir, 'renderer', 'index.html'), '<!doctype html><title>Socket Lab</title>')
  engine = createEngine({ batchIntervalMs: 5, settingsStorage: memorySettings() })
  server = await startWebServer({ engine, rendererDir: join(dir, 'renderer'), log: () => {} })
})

afterAll(async () => {
  await server?.close()
  await engine?.shutdown()
  await rm(dir, { recursive: true, force: true })
})

/** A payload shaped like a request now and then, garbage otherwise. */
const payload = fc.oneof(
  fc.anything(),
  fc.jsonValue(),
  fc.record(
    {
      listenerId: fc.oneof(fc.constant('L1'), fc.string()),
      connectionId: fc.oneof(fc.constant('L1#1'), fc.string()),
      host: fc.oneof(fc.constant('127.0.0.1'), fc.string()),
      port: fc.oneof(fc.integer({ min: -1, max: 70_000 }), fc.double(), fc.string()),
      offset: fc.oneof(fc.nat(), fc.integer(), fc.double()),
      length: fc.oneof(fc.nat(), fc.integer()),
      data: fc.oneof(fc.base64String(), fc.string()),
      pattern: fc.string(),
    },
    { requiredKeys: [] },
  ),
)

/** What one frame is: text of any kind, a request-shaped object, or binary. */
const frame = fc.oneof(
  fc.string({ unit: 'binary', maxLength: 200 }).map((text) => ({ text })),
  fc.jsonValue().map((value) => ({ text: JSON.stringify(value) ?? 'null' })),
  fc
    .record({
      kind: fc.oneof(fc.constant('request'), fc.string()),
      id: fc.oneof(fc.nat(), fc.integer(), fc.double(), fc.string(), fc.constant(null)),
      channel: fc.oneof(fc.constantFrom(...SAFE_CHANNELS), fc.string()),
      request: payload,
    })
    .map((value) => ({ text: JSON.stringify(value) })),
  fc.uint8Array({ maxLength: 200 }).map((bytes) => ({ binary: Buffer.from(bytes) })),
)

function expectErrorValue(result: Result<unknown>, what: string): void {
  if (result.ok) return
  expect(ERROR_CODES.has(result.error.code), `${what}: ${JSON.stringify(result.error)}`).toBe(true)
  expect(typeof result.error.message, what).toBe('string')
}

it(`answers ${FRAMES.toLocaleString('en')} random WebSocket frames once each, with an error value for every bad one`, async () => {
  const ws = new WebSocket(`ws://127.0.0.1:${server.port}/ws?token=${server.token}`, {
    origin: `http://127.0.0.1:${server.port}`,
  })
  await new Promise((resolve, reject) => {
    ws.once('open', resolve)
    ws.once('error', reject)
  })
  const answers: WireMessage[] = []
  let wake: (() => void) | null = null
  ws.on('message', (data) => {
    const message = JSON.parse(String(data)) as WireMessage
    if (message.kind === 'events') return
    answers.push(message)
    wake?.()
  })
  const closed = new Promise<never>((_, reject) =>
    ws.once('close', (code) => reject(new Error(`the server closed the WebSocket (${code})`))),
  )
  const frames = fc.sample(frame, { numRuns: FRAMES, seed: 1313 })
  for (let start = 0; start < frames.length; start += WINDOW) {
    const chunk = frames.slice(start, start + WINDOW)
    const expected = answers.length + chunk.length
    for (const f of chunk) ws.send('binary' in f ? f.binary : f.text, { binary: 'binary' in f })
    await Promise.race([
      closed,
      new Promise<void>((resolve) => {
        wake = () => {
          if (answers.length >= expected) resolve()
        }
        wake()
      }),
    ])
  }
  expect(answers).toHaveLength(FRAMES)
  const kinds = { unreadable: 0, refused: 0, served: 0 }
  for (const [i, answer] of answers.entries()) {
    if (answer.kind === 'error') {
      kinds.unreadable++
      expectErrorValue({ ok: false, error: answer.error }, `frame ${i}`)
    } else if (answer.kind === 'response') {
      kinds[answer.result.ok ? 'served' : 'refused']++
      expectErrorValue(answer.result, `frame ${i}`)
    }
  }
  // The frames reached every stage: unreadable, refused by validation, and served.
  expect(
    Object.values(kinds).every((count) => count > 0),
    JSON.stringify(kinds),
  ).toBe(true)
  // Still serving, and still itself.
  const after = await new Promise<WireMessage>((resolve) => {
    wake = () => resolve(answers.at(-1)!)
    ws.send(JSON.stringify({ kind: 'request', id: 1, channel: 'engine:snapshot', request: {} }))
  })
  expect(after).toMatchObject({ kind: 'response', id: 1, result: { ok: true } })
  ws.close()
}, 120_000)

it(`answers ${PAYLOADS.toLocaleString('en')} random payloads on every request channel the IPC serves with a value, never a throw`, async () => {
  const payloads = fc.sample(fc.tuple(fc.constantFrom(...SAFE_CHANNELS), payload), {
    numRuns: PAYLOADS,
    seed: 1314,
  })
  let served = 0
  for (const [i, [channel, request]] of payloads.entries()) {
    const result = await engine.handle(channel, request)
    if (result.ok) served++
    expectErrorValue(result, `payload ${i} on ${channel}`)
  }
  expect(served).toBeGreaterThan(0)
  expect(served).toBeLessThan(PAYLOADS)
  const snapshot = await engine.handle('engine:snapshot', {})
  expect(snapshot.ok).toBe(true)
}, 120_000)
