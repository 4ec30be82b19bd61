/**
 * `npm run load`: issue 13's load and fault runs against browser mode with the GUI live in Debian's
 * Chromium. Bounded and self-stopping (each client script stops itself; each run has a limit):
 *
 * - 10,000 concurrent connections held open, every accept accounted for in the clients, the engine
 *   and the page (also after a reload); the clients' FINs leave them half-open under a Silent
 *   listener, and Close all closes every one.
 * - 1,000 HTTP connections a second for 30 s, the page reloaded twice while they pour in; every
 *   request answered, every accept counted once by the engine, kept or (past the last 20,000
 *   closed) forgotten, and the page accounts for the same.
 * - Slowloris on 500 connections: the engine and the page keep answering, every trickled byte is
 *   captured, and all 500 close when the clients go.
 *
 * The cheap fault runs (random WebSocket frames and payloads, start/stop churn, resets and
 * half-closes) are in `npm test`.
 */
import { existsSync } from 'node:fs'
import { chromium, type Browser, type Page } from '@playwright/test'
import { afterEach, expect, it } from 'vitest'
import { MAX_KEPT_CLOSED_CONNECTIONS, type EngineEvent } from '../../src/shared/contract'
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../../e2e/chromium'
import { startWebServer, type WebServer } from '../../e2e/web-server'
import { control, shownCount, startListener, untilShown } from '../bench/http-kit'
import { client, engineView, until, type Api } from './load-kit'

const HELD = 10_000
const RATE = 1000
const RATE_SECONDS = 30
const SLOW = 500
const SLOW_SECONDS = 8

let web: WebServer | null = null
let browser: Browser | null = null
let api: Api | null = null
afterEach(async () => {
  api?.close()
  await browser?.close()
  await web?.stop()
  api = null
  browser = null
  web = null
})

const skipReason = !existsSync(CHROMIUM_PATH) ? `needs Chromium at ${CHROMIUM_PATH}` : ''

/** Browser mode on a fresh data folder, its control connection and the page live on it. */
async function live(): Promise<{ api: Api; page: Page; server: WebServer }> {
  web = await startWebServer()
  api = await control(web)
  browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS })
  const page = await browser.newPage({ viewport: { width: 1366, height: 768 } })
  await page.goto(web.url)
  await untilShown(page, 0, 30_000)
  return { api, page, server: web }
}

/** Counts the engine's drop events (max connections, accept failures) for one listener. */
function countDrops(control: Api, listenerId: () => string | null): { dropped: number } {
  const seen = { dropped: 0 }
  control.watch((event: EngineEvent) => {
    if (event.type === 'connection-dropped' && event.listenerId === listenerId())
      seen.dropped += event.dropped
  })
  return seen
}

/** Browser mode live, a listener with `settings` started, and the engine's drops counted for it. */
async function liveListener(settings: Record<string, unknown>) {
  const { api, page } = await live()
  let id: string | null = null
  const drops = countDrops(api, () => id)
  const listener = await startListener(api, settings)
  id = listener.id
  return { api, page, listener, id, drops }
}

it(
  `holds ${HELD.toLocaleString('en')} connections with the GUI live, every accept accounted for`,
  {
    timeout: 300_000,
  },
  async (ctx) => {
    ctx.skip(skipReason !== '', skipReason)
    const { api, page, listener, id, drops } = await liveListener({ responder: 'silent' })
    const holder = client<{ connected: number; errors: number; ms: number }>('hold-clients.cjs', [
      listener.port,
      HELD,
      200,
    ])
    const held = await holder.line()
    expect(held).toMatchObject({ connected: HELD, errors: 0 })
    await until(
      async () => (await engineView(api, id)).listener.counters.open === HELD,
      `the engine to hold ${HELD} open`,
    )
    await untilShown(page, HELD, 60_000)
    await page.reload()
    await untilShown(page, HELD, 60_000)
    expect(await shownCount(page)).toBe(HELD)

    // The clients send FIN; a Silent listener keeps its side open (peer ended), as it should,
    // until the teacher clicks Close all: then every connection closes, none left behind.
    holder.child.stdin?.end()
    await until(async () => {
      const { connections } = await engineView(api, id)
      return connections.every((c) => c.state === 'peer-ended')
    }, `all ${HELD} peer ended in the engine`)
    await api.request('connections:close-all', { how: 'fin', listenerId: id })
    const ended = await holder.line()
    expect(ended).toMatchObject({ closed: HELD })
    await until(
      async () => (await engineView(api, id)).connections.every((c) => c.state === 'closed'),
      'every connection closed in the engine',
    )
    const { listener: after, connections } = await engineView(api, id)
    expect(after.counters).toMatchObject({ accepted: HELD, open: 0, dropped: 0 })
    expect(connections).toHaveLength(HELD)
    expect(drops.dropped).toBe(0)
    expect(await shownCount(page)).toBe(HELD)
  },
)

it(
  `serves ${RATE.toLocaleString('en')} HTTP connections a second for ${RATE_SECONDS} s with the GUI live and reloaded twice`,
  {
    timeout: 300_000,
  },
  async (ctx) => {
    ctx.skip(skipReason !== '', skipReason)
    const { api, page, listener, id, drops } = await liveListener({ responder: 'http-hello' })
    const total = RATE * RATE_SECONDS
    const load = client<{
      opened: number
      completed: number
      errors: number
      ms: number
      maxInFlight: number
      responses: Record<string, number>
    }>('rate-clients.cjs', [listener.port, RATE, RATE_SECONDS])
    // Reload the page while the connections pour in: each time it starts over from a snapshot.
    for (const at of [10, 20]) {
      await until(
        async () =>
          (await engineView(api, id)).listener.counters.accepted >= (at / RATE_SECONDS) * total,
        `${at} s of load`,
        60_000,
      )
      await page.reload()
    }
    const result = await load.line()
    console.log(`rate run: ${JSON.stringify(result)}`)
    expect(result).toMatchObject({ opened: total, completed: total, errors: 0 })
    // One answer size: every request got the whole response.
    expect(Object.keys(result.responses)).toHaveLength(1)
    await until(
      async () => (await engineView(api, id)).listener.counters.open === 0,
      'every connection closed in the engine',
    )
    // Every accept is kept or, past the last 20,000 closed, forgotten: never both, never neither.
    const { listener: after, connections, forgotten } = await engineView(api, id)
    expect(after.counters).toMatchObject({ accepted: total, open: 0, dropped: 0 })
    expect(forgotten).toBeGreaterThan(0)
    expect(connections.length).toBeLessThanOrEqual(MAX_KEPT_CLOSED_CONNECTIONS * 1.05)
    expect(connections.length + forgotten).toBe(total)
    expect(connections.every((c) => c.closeReason === 'us')).toBe(true)
    expect(drops.dropped).toBe(0)
    // The page accounts for the same: the rows it keeps plus the forgotten count it shows.
    await untilShown(page, total, 60_000)
    expect(await shownCount(page)).toBe(total)
  },
)

it(
  `survives slowloris on ${SLOW} connections: the engine and the page keep answering`,
  {
    timeout: 180_000,
  },
  async (ctx) => {
    ctx.skip(skipReason !== '', skipReason)
    const { api, page, listener } = await liveListener({ responder: 'read-request-then-close' })
    const slow = client<Record<string, number>>('slowloris.cjs', [
      listener.port,
      SLOW,
      SLOW_SECONDS,
    ])
    expect(await slow.line()).toMatchObject({ connected: SLOW, errors: 0 })
    await untilShown(page, SLOW, 60_000)
    // While they trickle: the engine answers, the page answers, nobody is closed.
    const during = await engineView(api, listener.id)
    expect(during.listener.counters.open).toBe(SLOW)
    expect(await page.title()).toMatch(/Socket Lab/)
    const done = await slow.line()
    expect(done.closedByServer).toBe(0)
    await until(
      async () => (await engineView(api, listener.id)).listener.counters.open === 0,
      'every slow connection closed in the engine',
    )
    const { connections } = await engineView(api, listener.id)
    expect(connections).toHaveLength(SLOW)
    // Every byte the clients trickled was received and kept.
    const received = connections.reduce((sum, c) => sum + c.bytesIn, 0)
    const kept = connections.reduce((sum, c) => sum + c.captured, 0)
    expect(kept).toBe(received)
    expect(received).toBeGreaterThan(SLOW * 30)
    expect(await shownCount(page)).toBe(SLOW)
  },
)
