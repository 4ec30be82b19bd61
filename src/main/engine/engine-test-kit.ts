/**
 * Helpers for the engine's tests: a recording engine, typed requests, waiting on conditions.
 *
 * Tests wait on what happened (an event, a socket's 'close'), never on fixed sleeps.
 */
import { connect, type Socket } from 'node:net'
import { afterEach } from 'vitest'
import type {
  AddListenerRequest,
  Channel,
  EngineEvent,
  EventBatch,
  RequestOf,
  ResponseOf,
} from '../../shared/contract'
import type { AppError, Result } from '../../shared/result'
import { DEFAULT_SETTINGS, type AppSettings, type LoadedSettings } from '../../shared/settings'
import { createEngine } from './engine'
import type { Engine, EngineOptions, SettingsStorage, Sleep } from './engine-api'

/** Polls `predicate` until it gives something other than undefined/false; fails after the timeout. */
export async function waitFor<T>(
  predicate: () => T | undefined | false | Promise<T | undefined | false>,
  what: string,
  timeoutMs = 10_000,
): Promise<T> {
  const deadline = Date.now() + timeoutMs
  for (;;) {
    const value = await predicate()
    if (value !== undefined && value !== false) return value
    if (Date.now() > deadline) throw new Error(`Timed out waiting for ${what}`)
    await new Promise((resolve) => setTimeout(resolve, 5))
  }
}

export interface TestEngine {
  engine: Engine
  batches: EventBatch[]
  /** Every event delivered so far, in order. */
  events(): EngineEvent[]
  request<C extends Channel>(channel: C, payload: RequestOf<C>): Promise<Result<ResponseOf<C>>>
  /** The request's value; fails the test with the error otherwise. */
  value<C extends Channel>(channel: C, payload: RequestOf<C>): Promise<ResponseOf<C>>
  /** The request's error; fails the test if it succeeded. */
  error<C extends Channel>(channel: C, payload: unknown): Promise<AppError>
  /** Waits for a delivered event of `type` matching `match`. */
  event<T extends EngineEvent['type']>(
    type: T,
    match?: (event: Extract<EngineEvent, { type: T }>) => boolean,
  ): Promise<Extract<EngineEvent, { type: T }>>
}

/**
 * The usual clean-up of an engine test file: after each test the clients in `clients` are
 * destroyed and the engine `current()` gives, if any, is shut down.
 */
export function cleanUpAfterEach(
  current: () => TestEngine | null | undefined,
  clients: Socket[] = [],
): void {
  afterEach(async () => {
    for (const client of clients.splice(0)) client.destroy()
    await current()?.engine.shutdown()
  })
}

export function recordingEngine(options?: EngineOptions): TestEngine {
  const engine = createEngine(options)
  const batches: EventBatch[] = []
  engine.subscribe((batch) => batches.push(batch))
  const events = (): EngineEvent[] => batches.flatMap((batch) => batch.events)
  const request = async <C extends Channel>(
    channel: C,
    payload: RequestOf<C>,
  ): Promise<Result<ResponseOf<C>>> =>
    (await engine.handle(channel, payload)) as Result<ResponseOf<C>>
  return {
    engine,
    batches,
    events,
    request,
    async value(channel, payload) {
      const result = await request(channel, payload)
      if (!result.ok) throw new Error(`${channel} failed: ${JSON.stringify(result.error)}`)
      return result.value
    },
    async error(channel, payload) {
      const result = await engine.handle(channel, payload)
      if (result.ok) throw new Error(`${channel} unexpectedly succeeded`)
      return result.error
    },
    event(type, match = () => true) {
      return waitFor(
        () =>
          events().find(
            (e): e is Extract<EngineEvent, { type: typeof type }> =>
              e.type === type && match(e as never),
          ),
        `a ${type} event`,
      )
    },
  }
}

/** Settings storage in memory: it loads what it was given and keeps every save, in order. */
export interface MemorySettings extends SettingsStorage {
  readonly saves: AppSettings[]
  /** The last save, or null before the first. */
  last(): AppSettings | null
}

export function memorySettings(
  loaded: LoadedSettings = { settings: structuredClone(DEFAULT_SETTINGS), problem: null },
): MemorySettings {
  const saves: AppSettings[] = []
  return {
    saves,
    last: () => saves.at(-1) ?? null,
    load: () => structuredClone(loaded),
    save(settings) {
      saves.push(structuredClone(settings))
    },
  }
}

/**
 * A {@link Sleep} the test ends: each /sleep waits until {@link ManualSleep.wake} (or until its
 * job is abandoned), so the handling models are seen in order and counts, not in wall time.
 */
export interface ManualSleep {
  sleep: Sleep
  /** Sleeps begun so far. */
  readonly started: number
  /** Sleeps waiting now. */
  readonly pending: number
  /** The most that waited at the same time. */
  readonly peak: number
  /** The ms each sleep was asked for, in the order they began. */
  readonly asked: number[]
  /** Ends the `count` sleeps that began first of those waiting (all by default). */
  wake(count?: number): void
}

export function manualSleep(): ManualSleep {
  const waiting: (() => void)[] = []
  const asked: number[] = []
  let peak = 0
  return {
    sleep(ms, signal) {
      asked.push(ms)
      return new Promise((resolve) => {
        const done = (): void => {
          const index = waiting.indexOf(done)
          if (index >= 0) waiting.splice(index, 1)
          signal.removeEventListener('abort', done)
          resolve()
        }
        if (signal.aborted) return resolve()
        waiting.push(done)
        peak = Math.max(peak, waiting.length)
        signal.addEventListener('abort', done)
      })
    },
    get started() {
      return asked.length
    },
    get pending() {
      return waiting.length
    },
    get peak() {
      return peak
    },
    asked,
    wake(count = waiting.length) {
      for (const done of waiting.slice(0, count)) done()
    },
  }
}

/**
 * A client connected to host:port; resolves on 'connect'. Errors are recorded, never thrown.
 * With `allowHalfOpen` it keeps its side open after the server's FIN (it may still send).
 */
export function connectClient(
  port: number,
  host = '127.0.0.1',
  allowHalfOpen = false,
): Promise<Socket & { errors: Error[] }> {
  return new Promise((resolve, reject) => {
    const socket = Object.assign(connect({ host, port, allowHalfOpen }), { errors: [] as Error[] })
    const onError = (err: Error): void => reject(err)
    socket.once('error', onError)
    socket.on('error', (err) => socket.errors.push(err))
    socket.once('connect', () => {
      socket.off('error', onError)
      resolve(socket)
    })
  })
}

/** Resolves when the socket has closed (at once if it already has). */
export function closed(socket: Socket): Promise<void> {
  if (socket.closed) return Promise.resolve()
  return new Promise((resolve) => socket.once('close', () => resolve()))
}

/** Writes and resolves once the bytes are handed to the OS. */
export function send(socket: Socket, data: Buffer | string): Promise<void> {
  return new Promise((resolve, reject) =>
    socket.write(data, (err) => (err ? reject(err) : resolve())),
  )
}

/** What connecting gets: 'connected' or the error code (ECONNREFUSED…). */
export function tryConnect(port: number, host = '127.0.0.1'): Promise<string> {
  return new Promise((resolve) => {
    const socket = connect({ host, port })
    socket.once('connect', () => {
      socket.destroy()
      resolve('connected')
    })
    socket.once('error', (err: NodeJS.ErrnoException) => resolve(err.code ?? 'error'))
  })
}

/** Adds a listener on port 0 with `request` and starts it; its id and real port. */
export async function startListener(
  t: TestEngine,
  request: AddListenerRequest = {},
): Promise<{ id: string; port: number }> {
  const added = await t.value('listener:add', { port: 0, ...request })
  const listener = await t.value('listener:start', { listenerId: added.id })
  if (listener.bound === null) throw new Error('a listening listener has a bound address')
  return { id: added.id, port: listener.bound.port }
}

export interface Exchange {
  socket: Socket & { errors: Error[] }
  /** Everything received, once the connection closed; with the monotonic time of its close. */
  done: Promise<{ data: Buffer; closedAt: number; errors: Error[] }>
}

/** Connects, sends `request` (unless null) and collects the answer until the connection closes. */
export async function exchange(port: number, request: string | Buffer | null): Promise<Exchange> {
  const socket = await connectClient(port)
  const chunks: Buffer[] = []
  socket.on('data', (chunk: Buffer) => chunks.push(chunk))
  const done = closed(socket).then(() => ({
    data: Buffer.concat(chunks),
    closedAt: performance.now(),
    errors: socket.errors,
  }))
  if (request !== null) await send(socket, request)
  return { socket, done }
}

/** The program-output lines of a listener so far, in order. */
export function programOutput(t: TestEngine, listenerId: string): string[] {
  return t
    .events()
    .flatMap((e) => (e.type === 'program-output' && e.listenerId === listenerId ? [e.text] : []))
}
