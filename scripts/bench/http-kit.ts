/**
 * What the HTTP benchmark (http.bench.ts) needs besides its figures: a control connection to
 * browser mode's WebSocket, the helper scripts run as their own processes, the page's count.
 */
import { spawn, type ChildProcess } from 'node:child_process'
import { connect } from 'node:net'
import { join } from 'node:path'
import type { Page } from '@playwright/test'
import WebSocket from 'ws'
import type { EngineEvent } from '../../src/shared/contract'
import { unpackBatch } from '../../src/shared/wire-pack'
import type { WebServer } from '../../e2e/web-server'

type WireResult = { ok: boolean; value?: unknown; error?: unknown }

/** Told every engine event while set; null: batches are not even parsed. */
export type EventWatcher = ((event: EngineEvent) => void) | null

/** A control connection to browser mode's WebSocket, as the page's own client makes. */
export async function control(server: WebServer) {
  const socket = new WebSocket(`ws://127.0.0.1:${server.port}/ws?token=${server.token}`, {
    origin: server.origin,
  })
  await new Promise((resolve, reject) => {
    socket.once('open', resolve)
    socket.once('error', reject)
  })
  let next = 1
  let watcher: EventWatcher = null
  const waiting = new Map<number, (result: WireResult) => void>()
  const EVENTS = Buffer.from('{"kind":"events"')
  socket.on('message', (raw) => {
    // ws hands text frames over as one Buffer (its default binaryType).
    const data = raw as Buffer
    // Every batch comes here too: parsing thousands of HTTP events would load this process,
    // which shares the machine with what it measures.
    const isEvents = data.subarray(0, EVENTS.length).equals(EVENTS)
    if (isEvents && watcher === null) return
    const message = JSON.parse(data.toString('utf8')) as {
      kind: string
      id?: number
      result?: WireResult
      batch?: unknown
    }
    if (message.kind === 'events')
      for (const event of unpackBatch(message.batch)?.events ?? []) watcher?.(event)
    else if (message.kind === 'response' && message.id !== undefined && message.result)
      waiting.get(message.id)?.(message.result)
  })
  return {
    async request<T>(channel: string, request: unknown): Promise<T> {
      const id = next++
      const result = await new Promise<WireResult>((resolve) => {
        waiting.set(id, resolve)
        socket.send(JSON.stringify({ kind: 'request', id, channel, request }))
      })
      waiting.delete(id)
      if (!result.ok) throw new Error(`${channel}: ${JSON.stringify(result.error)}`)
      return result.value as T
    },
    watch(next: EventWatcher): void {
      watcher = next
    },
    close: () => socket.close(),
  }
}

/** A listener added with `settings` on a free loopback port and started: its id and port. */
export async function startListener(
  api: Awaited<ReturnType<typeof control>>,
  settings: Record<string, unknown>,
): Promise<{ id: string; port: number }> {
  const added = await api.request<{ id: string }>('listener:add', {
    host: '127.0.0.1',
    port: 0,
    ...settings,
  })
  const started = await api.request<{ bound: { port: number } }>('listener:start', {
    listenerId: added.id,
  })
  return { id: added.id, port: started.bound.port }
}

/** A listener answering as Listing 20-1 (print "Connection established!", drop the stream), started on a free port: its port. */
export async function startCloseAtOnce(api: Awaited<ReturnType<typeof control>>): Promise<number> {
  return (await startListener(api, { responder: 'close-at-once' })).port
}

/** A helper script of this folder in its own process; `line` is the first line it printed. */
export function runScript<T>(
  script: string,
  args: (string | number)[],
): { child: ChildProcess; line: Promise<T>; exited: Promise<void> } {
  const child = spawn(process.execPath, [join(import.meta.dirname, script), ...args.map(String)], {
    stdio: ['pipe', 'pipe', 'inherit'],
  })
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()))
  const line = new Promise<T>((resolve, reject) => {
    let out = ''
    child.stdout?.on('data', (data: Buffer) => {
      out += data.toString()
      const end = out.indexOf('\n')
      if (end >= 0) resolve(JSON.parse(out.slice(0, end)) as T)
    })
    child.once('error', reject)
    child.once('exit', (code) => reject(new Error(`${script} exited with ${code}: ${out}`)))
  })
  return { child, line, exited }
}

/** The request every HTTP figure makes: one GET per connection, no keep-alive. */
export function requestBytes(port: number): Buffer {
  return Buffer.from(
    `GET / HTTP/1.1\r\nHost: 127.0.0.1:${port}\r\nUser-Agent: socket-lab-bench\r\n` +
      'Accept: */*\r\nConnection: close\r\n\r\n',
  )
}

/** One request as http-load.cjs makes it; resolves with every byte of the answer. */
export function fetchOnce(port: number): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const parts: Buffer[] = []
    const socket = connect({ host: '127.0.0.1', port }, () => socket.write(requestBytes(port)))
    socket.setTimeout(10_000, () => socket.destroy(new Error('no answer in 10 s')))
    socket.on('data', (data: Buffer) => parts.push(data))
    socket.on('error', reject)
    socket.on('close', () => resolve(Buffer.concat(parts)))
  })
}

/** The connections panel's count ("2,000 connections"). */
export const COUNT_SELECTOR = '.connections-panel .panel-header .muted'

/** The panel's count of the connections the engine forgot (only the last 20,000 closed are kept). */
export const FORGOTTEN_SELECTOR = '.connections-panel .connections-forgotten'

/**
 * In-page code (an expression) for the accepts the page accounts for: the connections it shows
 * plus those the engine forgot; -1 before it shows a count.
 */
export const ACCOUNTED_EXPRESSION = `(() => {
  const text = document.querySelector(${JSON.stringify(COUNT_SELECTOR)})?.textContent
  if (!text) return -1
  const forgotten = document.querySelector(${JSON.stringify(FORGOTTEN_SELECTOR)})
  return Number(text.replace(/\\D/g, '')) + Number(forgotten?.getAttribute('data-forgotten') ?? 0)
})()`

/**
 * The accepts the page accounts for (shown plus forgotten; -1 before it shows a count), read over
 * CDP. Each call costs the page a little; gui-kit's probes wait in the page instead, where that
 * matters.
 */
export async function shownCount(page: Page): Promise<number> {
  return page.evaluate<number>(ACCOUNTED_EXPRESSION)
}

/** Resolves once the page shows at least `count` connections; rejects after `limitMs`. */
export async function untilShown(page: Page, count: number, limitMs: number): Promise<void> {
  const until = Date.now() + limitMs
  while ((await shownCount(page)) < count) {
    if (Date.now() > until) throw new Error(`the page never showed ${count} connections`)
    await new Promise((resolve) => setTimeout(resolve, 20))
  }
}

export const median = (values: number[]): number => {
  const sorted = [...values].sort((a, b) => a - b)
  return sorted[Math.floor(sorted.length / 2)] ?? NaN
}
