/**
 * `npm run bench`: what watching costs the server (issue 12). Browser mode with Debian's Chromium
 * at 1366×768: a listener answering as Listing 20-1 (print and drop the stream), rounds of
 * connects from a separate process, the page live on the app against the same page parked on
 * about:blank, in the same run.
 *
 * Each round: 2,000 connects parked; 2,000 live, watched only (the accept rate and the browser's
 * CPU); 2,000 live while the bench clicks the page every 100 ms (input latency). The clicks are
 * kept out of the CPU window: each costs the browser 6-8 ms on an idle page (see
 * gui-instruments.bench.ts), which is the bench's work, not the app's. Then one burst of 10,000
 * with the page live: its long tasks, and whether every accept reaches the page. Then accept →
 * visible on a trickle.
 *
 * The CPU window runs from the burst's start until the page has painted the burst's last
 * connection (one in-page wait, no polling over CDP), and starts when Chromium is quiet, so that
 * the page's load is not in it. Long tasks and input latency count only inside the windows (the
 * page's load has long tasks of its own, reported apart); input latency is per click, a click
 * Event Timing does not report counting as its 16 ms threshold. CPU is Chromium's own per-process
 * CPU time (SystemInfo.getProcessInfo), by kind of process. The bench's instruments are in
 * gui-kit.ts, what they cost in gui-instruments.bench.ts, where the page's time goes in
 * gui-profile.bench.ts.
 *
 * Printed as a table and written to bench-results/gui.json; the issue's goals are checked by the
 * test's outcome. Everything is bounded: rounds, connections and time.
 */
import { existsSync, mkdirSync, writeFileSync } from 'node:fs'
import { cpus } from 'node:os'
import { join } from 'node:path'
import type { Browser, CDPSession, Page } from '@playwright/test'
import { afterAll, expect, it } from 'vitest'
import { CHROMIUM_PATH as CHROMIUM } from '../../e2e/chromium'
import { startWebServer, type WebServer } from '../../e2e/web-server'
import {
  PROCESS_KINDS,
  burst,
  cpuSample,
  cpuSpent,
  cpuTotal,
  harmlessTarget,
  keepClicking,
  observerWork,
  openProbedPage,
  percentile,
  probes,
  shownCount,
  untilQuiet,
  untilShown,
  type CpuByKind,
} from './gui-kit'
import { control, median, startCloseAtOnce } from './http-kit'

const ROUNDS = 5
const BURST = 2000
const BIG_BURST = 10_000
const CONCURRENCY = 200
const TRICKLE = 60
const TRICKLE_GAP_MS = 25
/** Event Timing reports events of at least this many ms; a click it does not report was faster. */
const EVENT_THRESHOLD_MS = 16

/** The issue's goals. */
const GOALS = {
  liveToParked: 0.7,
  cpuMsPer1000: 150,
  visibleP95Ms: 100,
  inputMs: 50,
  longTaskMs: 100,
}

let web: WebServer | null = null
let browser: Browser | null = null
afterAll(async () => {
  await browser?.close()
  await web?.stop()
})

type Control = Awaited<ReturnType<typeof control>>

/** What the engine counted: connections it holds, accepts and drops of the listener. */
async function engineCounts(
  api: Control,
): Promise<{ connections: number; accepted: number; dropped: number }> {
  // Bounded, in case the engine never answers.
  let timer: NodeJS.Timeout | undefined
  const snapshot = await Promise.race([
    api.request<{
      connections: unknown[]
      forgottenConnections?: number
      listeners: Array<{ counters: { accepted: number; dropped: number } }>
    }>('engine:snapshot', {}),
    new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Error('engine:snapshot: no answer in 30 s')), 30_000)
    }),
  ]).finally(() => clearTimeout(timer))
  return {
    // Kept or forgotten (the engine keeps the last 20,000 closed): every accept, as the page counts.
    connections: snapshot.connections.length + (snapshot.forgottenConnections ?? 0),
    accepted: snapshot.listeners.reduce((n, l) => n + l.counters.accepted, 0),
    dropped: snapshot.listeners.reduce((n, l) => n + l.counters.dropped, 0),
  }
}

/** One measured burst with the page live. */
interface Measured {
  /** When it started, epoch ms. */
  since: number
  /** The connections the page held before it. */
  base: number
  /** The connects' own time, ms. */
  burstMs: number
  closed: number
  errors: number
  timedOut: boolean
  /** From the burst's start until the page painted its last connection, ms. */
  windowMs: number
  /** Whether Chromium was quiet when it started (false: it waited 10 s and went on). */
  quiet: boolean
  /** Chromium's CPU from the page showing `base` until quiet: what a window started then would hold. */
  settleMs: number
  /** What the page showed at the end (-1: it never got there within the limit). */
  shown: number
  cpu: CpuByKind
  longTasks: number[]
  /** Each click's latency: Event Timing's duration, or the threshold when it reported none. */
  inputs: number[]
  clicks: number
  /** Clicks Event Timing reported (they took 16 ms or more). */
  reported: number
  /** The count observer's work in the window: callbacks, ms. */
  observer: { reads: number; readMs: number }
  /** This process's CPU in the window (the bench: Playwright's client, the clicks), ms. */
  benchMs: number
}

/**
 * One burst with the page live: waits for Chromium to be quiet and the page to show `base`, then
 * measures from the burst's start until the page has painted `base + count`.
 */
async function liveBurst(
  page: Page,
  cdp: CDPSession,
  port: number,
  base: number,
  count: number,
  clickAt: { x: number; y: number } | null,
): Promise<Measured> {
  await untilShown(page, base)
  const settling = await cpuSample(cdp)
  const quiet = await untilQuiet(cdp)
  const settleMs = cpuTotal(cpuSpent(settling, await cpuSample(cdp)))
  const work = await observerWork(page)
  const since = Date.now()
  const benchBefore = process.cpuUsage()
  const before = await cpuSample(cdp)
  const clicking = clickAt ? keepClicking(page, clickAt) : null
  const result = await burst(port, count, CONCURRENCY)
  const shown = await untilShown(page, base + result.closed).catch(() => -1)
  const after = await cpuSample(cdp)
  const windowMs = Date.now() - since
  const clicks = (await clicking?.stop()) ?? 0
  const bench = process.cpuUsage(benchBefore)
  const seen = await probes(page, since)
  const inputs = [
    ...seen.interactions,
    ...Array<number>(Math.max(0, clicks - seen.interactions.length)).fill(EVENT_THRESHOLD_MS),
  ]
  return {
    since,
    base,
    burstMs: result.ms,
    closed: result.closed,
    errors: result.errors,
    timedOut: result.timedOut,
    windowMs,
    quiet,
    settleMs,
    shown: shown === -1 ? await shownCount(page) : shown,
    cpu: cpuSpent(before, after),
    longTasks: seen.longTasks,
    inputs,
    clicks,
    reported: seen.interactions.length,
    observer: { reads: seen.reads - work.reads, readMs: seen.readMs - work.readMs },
    benchMs: (bench.user + bench.system) / 1000,
  }
}

const per1000 = (ms: number, connections: number): number => Math.round(ms / (connections / 1000))

/** Per-process CPU per 1,000 connections: the median of each kind over the windows. */
function cpuPer1000(windows: Measured[], connections: number): CpuByKind & { total: number } {
  const byKind = Object.fromEntries(
    PROCESS_KINDS.map((kind) => [
      kind,
      per1000(median(windows.map((w) => w.cpu[kind])), connections),
    ]),
  ) as CpuByKind
  return { ...byKind, total: per1000(median(windows.map((w) => cpuTotal(w.cpu))), connections) }
}

const cpuText = (cpu: CpuByKind): string =>
  `browser ${cpu.browser} / renderer ${cpu.renderer} / GPU ${cpu.gpu} / network ${cpu.network} / other ${cpu.other} ms`

it(
  `the GUI live costs the server little: live/parked ≥ ${GOALS.liveToParked}, ≤ ${GOALS.cpuMsPer1000} ms browser CPU per 1,000 connections`,
  { timeout: 300_000 },
  async (ctx) => {
    ctx.skip(!existsSync(CHROMIUM), `needs Chromium at ${CHROMIUM} (set CHROMIUM_PATH)`)
    web = await startWebServer()
    const api = await control(web)
    const port = await startCloseAtOnce(api)

    const opened = await openProbedPage()
    browser = opened.browser
    const { page, cdp } = opened

    // Warm the engine with a whole round: a run's first burst is slower, and it would weigh on the
    // parked median.
    let total = (await burst(port, BURST, CONCURRENCY)).closed

    const parked: number[] = []
    const watched: Measured[] = []
    const clicked: Measured[] = []
    let loadLongestTask = 0
    for (let round = 0; round < ROUNDS; round++) {
      await page.goto('about:blank')
      const result = await burst(port, BURST, CONCURRENCY)
      parked.push(result.ms)
      total += result.closed

      const loadStarted = Date.now()
      await page.goto(web.url)
      await untilShown(page, total)
      const watchedRound = await liveBurst(page, cdp, port, total, BURST, null)
      const load = await probes(page, loadStarted, watchedRound.since)
      loadLongestTask = Math.max(loadLongestTask, ...load.longTasks)
      watched.push(watchedRound)
      total += watchedRound.closed
      const clickedRound = await liveBurst(
        page,
        cdp,
        port,
        total,
        BURST,
        await harmlessTarget(page),
      )
      clicked.push(clickedRound)
      total += clickedRound.closed
    }

    // One big burst with the page live, watched only; every accept must reach the page.
    const engineBefore = await engineCounts(api)
    const big = await liveBurst(page, cdp, port, engineBefore.connections, BIG_BURST, null)
    const engineAfter = await engineCounts(api)
    const bigShown = await shownCount(page)

    // Accept → visible: a trickle, each connect's wall-clock time against the count's change.
    // A reload: the page is on the app already, and the printed address differs only in its fragment.
    await page.reload()
    const base = engineAfter.connections
    await untilShown(page, base)
    const trickle: number[] = []
    for (let i = 0; i < TRICKLE; i++) {
      trickle.push(...(await burst(port, 1, 1)).connectAt)
      await new Promise((resolve) => setTimeout(resolve, TRICKLE_GAP_MS))
    }
    await untilShown(page, base + TRICKLE)
    const { counts } = await probes(page, 0)
    const visible = trickle.map((at, i) => {
      const shown = counts.find(([count]) => count >= base + i + 1)
      return shown ? Math.max(0, shown[1] - at) : NaN
    })
    api.close()

    const parkedMs = median(parked)
    const liveMs = median(watched.map((w) => w.burstMs))
    const cpu = cpuPer1000(watched, BURST)
    const live = [...watched, ...clicked]
    const liveLongTasks = live.flatMap((w) => w.longTasks)
    const inputs = clicked.flatMap((w) => w.inputs)
    const inputP95 = Math.round(percentile(inputs, 95) || 0)
    const figures = {
      machine: `${cpus().length} × ${cpus()[0]?.model ?? 'cpu'}, Node ${process.version}`,
      connectionsPerRound: BURST,
      rounds: ROUNDS,
      parkedMs: Math.round(parkedMs),
      liveMs: Math.round(liveMs),
      liveToParked: Number((parkedMs / liveMs).toFixed(2)),
      browserCpuMsPer1000: cpu.total,
      browserCpuMsPer1000ByProcess: {
        browser: cpu.browser,
        renderer: cpu.renderer,
        gpu: cpu.gpu,
        network: cpu.network,
        other: cpu.other,
      },
      cpuWindowMs: Math.round(median(watched.map((w) => w.windowMs))),
      perRound: {
        parkedMs: parked.map(Math.round),
        liveMs: watched.map((w) => Math.round(w.burstMs)),
        cpuMsPer1000: watched.map((w) => per1000(cpuTotal(w.cpu), BURST)),
        historyAtStart: watched.map((w) => w.base),
      },
      longestTaskMs: Math.round(Math.max(0, ...liveLongTasks)),
      longTasksOver100: liveLongTasks.filter((d) => d > 100).length,
      inputClicks: inputs.length,
      inputThresholdMs: EVENT_THRESHOLD_MS,
      inputsReported: clicked.reduce((n, w) => n + w.reported, 0),
      inputP95Ms: inputP95,
      liveClickingMs: Math.round(median(clicked.map((w) => w.burstMs))),
      visibleP50Ms: Math.round(percentile(visible, 50)),
      visibleP95Ms: Math.round(percentile(visible, 95)),
      burst10k: {
        connections: BIG_BURST,
        ms: Math.round(big.burstMs),
        closed: big.closed,
        errors: big.errors,
        timedOut: big.timedOut,
        engineAccepted: engineAfter.accepted - engineBefore.accepted,
        engineDropped: engineAfter.dropped - engineBefore.dropped,
        pageShowsMore: bigShown - engineBefore.connections,
        everyAcceptShown:
          engineAfter.accepted - engineBefore.accepted === BIG_BURST &&
          bigShown === engineAfter.connections &&
          engineAfter.connections - engineBefore.connections === BIG_BURST,
        historyBefore: engineBefore.connections,
        windowMs: big.windowMs,
        longestTaskMs: Math.round(Math.max(0, ...big.longTasks)),
        longTasks: big.longTasks.length,
        longTasksOver100: big.longTasks.filter((d) => d > 100).length,
        browserCpuMsPer1000: per1000(cpuTotal(big.cpu), BIG_BURST),
        browserCpuMsPer1000ByProcess: Object.fromEntries(
          PROCESS_KINDS.map((kind) => [kind, per1000(big.cpu[kind], BIG_BURST)]),
        ) as CpuByKind,
      },
      instruments: {
        pageLoadLongestTaskMs: Math.round(loadLongestTask),
        loadTailCpuMs: Math.round(median(watched.map((w) => w.settleMs))),
        countObserverCallbacksPerRound: median(watched.map((w) => w.observer.reads)),
        countObserverMsPerRound: Number(median(watched.map((w) => w.observer.readMs)).toFixed(1)),
        benchProcessCpuMsPerRound: Math.round(median(watched.map((w) => w.benchMs))),
        clickRoundCpuMsPer1000: cpuPer1000(clicked, BURST).total,
        windowsStartedQuiet: `${[...live, big].filter((w) => w.quiet).length} of ${live.length + 1}`,
      },
    }
    const big10k = figures.burst10k
    const rows = [
      ['time for 2,000 connects, parked (median)', `${figures.parkedMs} ms`, ''],
      ['time for 2,000 connects, live (median)', `${figures.liveMs} ms`, ''],
      ['accept rate live / parked', `${figures.liveToParked}`, `≥ ${GOALS.liveToParked}`],
      [
        'browser CPU per 1,000 connections (all processes)',
        `${figures.browserCpuMsPer1000} ms`,
        `≤ ${GOALS.cpuMsPer1000} ms`,
      ],
      ['… by process', cpuText(cpu), ''],
      ['CPU window (burst until painted, median)', `${figures.cpuWindowMs} ms`, ''],
      [
        'longest task during 2,000 bursts / over 100 ms',
        `${figures.longestTaskMs} ms / ${figures.longTasksOver100}`,
        `≤ ${GOALS.longTaskMs} ms`,
      ],
      [
        'page load, outside the windows: longest task',
        `${figures.instruments.pageLoadLongestTaskMs} ms`,
        '',
      ],
      [
        `input latency p95 (Event Timing, ${figures.inputClicks} clicks)`,
        inputP95 <= EVENT_THRESHOLD_MS ? `≤ ${EVENT_THRESHOLD_MS} ms` : `${inputP95} ms`,
        `≤ ${GOALS.inputMs} ms`,
      ],
      [
        'time for 2,000 connects, live and clicked every 100 ms',
        `${figures.liveClickingMs} ms`,
        '',
      ],
      [
        'accept → visible p50 / p95',
        `${figures.visibleP50Ms} / ${figures.visibleP95Ms} ms`,
        `p95 ≤ ${GOALS.visibleP95Ms} ms`,
      ],
      [
        `10,000 connects live (after ${big10k.historyBefore.toLocaleString('en')}): time / until painted`,
        `${big10k.ms} / ${big10k.windowMs} ms`,
        '',
      ],
      [
        '10,000 live: longest task / long tasks / over 100 ms',
        `${big10k.longestTaskMs} ms / ${big10k.longTasks} / ${big10k.longTasksOver100}`,
        `none over ${GOALS.longTaskMs} ms`,
      ],
      [
        '10,000 live: engine accepted / page shows more',
        `${big10k.engineAccepted} / ${big10k.pageShowsMore}`,
        'all 10,000',
      ],
      [
        '10,000 live: browser CPU per 1,000 connections',
        `${big10k.browserCpuMsPer1000} ms (${cpuText(big10k.browserCpuMsPer1000ByProcess)})`,
        '',
      ],
    ]
    console.log(
      `\nGUI cost (${figures.machine})\n${rows.map((r) => `| ${r.join(' | ')} |`).join('\n')}\n`,
    )
    mkdirSync(join(import.meta.dirname, '..', '..', 'bench-results'), { recursive: true })
    writeFileSync(
      join(import.meta.dirname, '..', '..', 'bench-results', 'gui.json'),
      `${JSON.stringify(figures, null, 2)}\n`,
    )

    // Correctness: every window ended with its burst shown; every connect of the big one was
    // accepted and shown.
    for (const w of live) expect(w.shown).toBeGreaterThanOrEqual(w.base + w.closed)
    expect(big10k.timedOut).toBe(false)
    expect(big10k.errors).toBe(0)
    expect(big10k.engineAccepted).toBe(BIG_BURST)
    expect(big10k.engineDropped).toBe(0)
    expect(big10k.pageShowsMore).toBe(BIG_BURST)
    expect(bigShown).toBe(engineAfter.connections)
    // The issue's goals.
    expect.soft(figures.liveToParked).toBeGreaterThanOrEqual(GOALS.liveToParked)
    expect.soft(figures.browserCpuMsPer1000).toBeLessThanOrEqual(GOALS.cpuMsPer1000)
    expect.soft(figures.longestTaskMs).toBeLessThanOrEqual(GOALS.longTaskMs)
    expect.soft(figures.inputP95Ms).toBeLessThanOrEqual(GOALS.inputMs)
    expect.soft(figures.visibleP95Ms).toBeLessThanOrEqual(GOALS.visibleP95Ms)
    expect.soft(big10k.longestTaskMs).toBeLessThanOrEqual(GOALS.longTaskMs)
    expect.soft(big10k.longTasksOver100).toBe(0)
  },
)
