/**
 * What the GUI benchmark's own instruments cost the browser (issue 12), so that gui.bench.ts
 * measures the app and not itself. Off by default (about 5 minutes):
 * `GUI_INSTRUMENTS=1 npx vitest run --config vitest.bench.config.ts scripts/bench/gui-instruments.bench.ts`
 *
 * Part A, each instrument alone on an idle page (the app loaded, nothing arriving), where Chromium
 * spends next to nothing, so what an instrument costs stands out: CPU per CDP evaluate at 20 and
 * 100 ms, per click at 100 ms (the old corner, the new heading), over windows of 3 s that take turns.
 *
 * Part B, whole sets in a live burst of 2,000 connects, one fresh page per round carrying no
 * instrument (only the count's observer, which the page needs to be waited for), the old set or
 * the new set, taking turns so that the page's growing history weighs on each alike; the CPU
 * window is the same for all (from the burst to 1 s after it), and the count observer times its
 * own callbacks.
 *
 * Part C (first, while the history is short), the time for 2,000 connects parked and live with the
 * bench's control connection parsing every event batch (as the old bench did) or not: the bench
 * shares the machine with the server.
 *
 * Printed as tables and written to bench-results/gui-instruments.json.
 */
import { mkdirSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { chromium, type Browser, type Page } from '@playwright/test'
import { afterAll, expect, it } from 'vitest'
import { CHROMIUM_ARGS as ARGS, CHROMIUM_PATH as CHROMIUM } from '../../e2e/chromium'
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
  pageProbes,
  probes,
  untilQuiet,
  untilShown,
  type CpuByKind,
} from './gui-kit'
// domCount: the count read over CDP, as the old untilShown polled it (part A measures its cost).
import { control, median, shownCount as domCount, startCloseAtOnce } from './http-kit'

const REPS_A = 3
const REPS_C = 6
const REPS_B = Number(process.env.GUI_INSTRUMENTS_REPS ?? 5)
const IDLE_WINDOW_MS = 3000
const BURST = 2000
const CONCURRENCY = 200
const SETTLE_MS = 1000

let web: WebServer | null = null
let api: Awaited<ReturnType<typeof control>> | null = null
let browser: Browser | null = null
afterAll(async () => {
  api?.close()
  await browser?.close()
  await web?.stop()
})

/**
 * A fresh browser mode with a close-at-once listener, warmed by one burst; the one before it is
 * stopped. Each part starts afresh: a history past about 70,000 connections makes a snapshot
 * bigger than what the server lets a WebSocket buffer (32 MB), and it closes the tab.
 */
async function freshLab(): Promise<{
  url: string
  port: number
  lab: NonNullable<typeof api>
  total: number
}> {
  api?.close()
  await web?.stop()
  web = await startWebServer()
  api = await control(web)
  const port = await startCloseAtOnce(api)
  const total = (await burst(port, BURST, CONCURRENCY)).closed
  return { url: web.url, port, lab: api, total }
}

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms))

/** Polls the DOM's count every `gapMs` until it reaches `count` or `untilMs` (epoch) passes. */
async function poll(page: Page, gapMs: number, count: number, untilMs: number): Promise<number> {
  let calls = 0
  while (Date.now() < untilMs) {
    calls++
    if ((await domCount(page)) >= count) break
    await sleep(gapMs)
  }
  return calls
}

const round = (cpu: CpuByKind): Record<string, number> =>
  Object.fromEntries([
    ...PROCESS_KINDS.map((k) => [k, Math.round(cpu[k])]),
    ['total', Math.round(cpuTotal(cpu))],
  ])

const medianCpu = (rows: CpuByKind[]): CpuByKind =>
  Object.fromEntries(PROCESS_KINDS.map((k) => [k, median(rows.map((r) => r[k]))])) as CpuByKind

const print = (title: string, rows: Array<Record<string, number | string>>): void => {
  const keys = Object.keys(rows[0] ?? {})
  console.log(
    `\n${title}\n| ${keys.join(' | ')} |\n${rows.map((r) => `| ${keys.map((k) => r[k] ?? '').join(' | ')} |`).join('\n')}\n`,
  )
}

it('what the GUI benchmark’s instruments cost', { timeout: 900_000 }, async (ctx) => {
  ctx.skip(!process.env.GUI_INSTRUMENTS, 'set GUI_INSTRUMENTS=1 to measure the instruments')
  browser = await chromium.launch({ executablePath: CHROMIUM, args: ARGS })
  const cdp = await browser.newBrowserCDPSession()
  const first = await freshLab()
  const lab = first.lab
  let { url, port, total } = first

  /** A fresh page with `script`, loaded, the whole history shown, Chromium quiet. */
  const openPage = async (script: string): Promise<Page> => {
    const page = await (browser as Browser).newPage({ viewport: { width: 1366, height: 768 } })
    await page.addInitScript(script)
    await page.goto(url)
    await untilShown(page, total)
    await untilQuiet(cdp)
    return page
  }

  // Part C: the old bench parsed every event batch in its own process (the control connection
  // gets them all, as the page does); on a small machine that takes CPU from the server.
  const parse = { parked: [[], []] as number[][], live: [[], []] as number[][] }
  const paired = await openPage(pageProbes())
  for (let rep = 0; rep < REPS_C; rep++)
    for (const parsing of [0, 1]) {
      lab.watch(parsing ? () => undefined : null)
      await paired.goto('about:blank')
      await untilQuiet(cdp)
      const parked = await burst(port, BURST, CONCURRENCY)
      total += parked.closed
      parse.parked[parsing]?.push(parked.ms)
      await paired.goto(url)
      await untilShown(paired, total)
      await untilQuiet(cdp)
      const live = await burst(port, BURST, CONCURRENCY)
      total += live.closed
      await untilShown(paired, total)
      parse.live[parsing]?.push(live.ms)
    }
  lab.watch(null)
  await paired.close()
  const partC = ['not parsed (new)', 'parsed (old)'].map((name, i) => {
    const parkedMs = median(parse.parked[i] ?? [])
    const liveMs = median(parse.live[i] ?? [])
    return {
      'events in the bench process': name,
      parkedMs: Math.round(parkedMs),
      liveMs: Math.round(liveMs),
      liveToParked: Number((parkedMs / liveMs).toFixed(2)),
      parkedRounds: (parse.parked[i] ?? []).map(Math.round).join(' '),
      liveRounds: (parse.live[i] ?? []).map(Math.round).join(' '),
    }
  })
  print(`C. Time for ${BURST} connects, median of ${REPS_C}`, partC)

  ;({ url, port, total } = await freshLab())

  // Part A: one instrument at a time on an idle page.
  const ops: Array<{ name: string; run: (page: Page, until: number) => Promise<number> }> = [
    { name: 'nothing', run: async (_page, until) => (await sleep(until - Date.now()), 0) },
    { name: 'CDP evaluate every 20 ms', run: (page, until) => poll(page, 20, Infinity, until) },
    { name: 'CDP evaluate every 100 ms', run: (page, until) => poll(page, 100, Infinity, until) },
    {
      name: 'click (5, 5) every 100 ms',
      run: async (page, until) => {
        const clicks = keepClicking(page, { x: 5, y: 5 })
        await sleep(until - Date.now())
        return clicks.stop()
      },
    },
    {
      name: 'click the heading every 100 ms',
      run: async (page, until) => {
        const clicks = keepClicking(page, await harmlessTarget(page))
        await sleep(until - Date.now())
        return clicks.stop()
      },
    },
  ]
  const page = await openPage(pageProbes())
  const idle = new Map<string, { cpu: CpuByKind[]; calls: number[] }>(
    ops.map((op) => [op.name, { cpu: [], calls: [] }]),
  )
  for (let rep = 0; rep < REPS_A; rep++)
    for (const op of ops) {
      await untilQuiet(cdp)
      const before = await cpuSample(cdp)
      const calls = await op.run(page, Date.now() + IDLE_WINDOW_MS)
      const after = await cpuSample(cdp)
      idle.get(op.name)?.cpu.push(cpuSpent(before, after))
      idle.get(op.name)?.calls.push(calls)
    }
  await page.close()
  const nothing = medianCpu(idle.get('nothing')?.cpu ?? [])
  const partA = ops.map((op) => {
    const seen = idle.get(op.name) ?? { cpu: [], calls: [] }
    const cpu = medianCpu(seen.cpu)
    const calls = median(seen.calls)
    const extra = cpuTotal(cpu) - cpuTotal(nothing)
    return {
      instrument: op.name,
      ...round(cpu),
      calls,
      msPerCall: calls > 0 ? Number((extra / calls).toFixed(2)) : 0,
      rendererMsPerCall:
        calls > 0 ? Number(((cpu.renderer - nothing.renderer) / calls).toFixed(2)) : 0,
    }
  })
  print(`A. Idle page, ${IDLE_WINDOW_MS} ms windows, median of ${REPS_A}: CPU ms`, partA)

  // Part B: whole sets in live bursts.
  const sets = [
    { name: 'no instrument', script: pageProbes({ timings: false, counter: true }), old: false },
    { name: 'old set', script: pageProbes({ timings: true, documentObserver: true }), old: true },
    { name: 'new set', script: pageProbes({ timings: true, counter: true }), old: false },
  ]
  const live = new Map<string, Array<{ cpu: CpuByKind; reads: number; readMs: number }>>(
    sets.map((s) => [s.name, []]),
  )
  const longest = new Map<string, number[]>(sets.map((s) => [s.name, []]))
  for (let rep = 0; rep < REPS_B; rep++)
    for (const set of sets) {
      const page = await openPage(set.script)
      const isNone = set.name === 'no instrument'
      const target = set.old ? { x: 5, y: 5 } : await harmlessTarget(page)
      const work = await observerWork(page)
      const since = Date.now()
      const before = await cpuSample(cdp)
      const clicks = isNone ? null : keepClicking(page, target)
      const goal = total + BURST
      // The old set polled every 20 ms until shown; the new one waits in the page.
      const waiting = isNone
        ? null
        : set.old
          ? poll(page, 20, goal, since + 60_000)
          : untilShown(page, goal)
      const result = await burst(port, BURST, CONCURRENCY)
      total += result.closed
      const end = Date.now()
      await waiting
      if (clicks) {
        // Clicks last until the page shows the burst, as in the benchmark.
        await clicks.stop()
      }
      await sleep(Math.max(0, end + SETTLE_MS - Date.now()))
      const after = await cpuSample(cdp)
      const workAfter = await observerWork(page)
      live.get(set.name)?.push({
        cpu: cpuSpent(before, after),
        reads: workAfter.reads - work.reads,
        readMs: workAfter.readMs - work.readMs,
      })
      if (!isNone)
        longest.get(set.name)?.push(Math.max(0, ...(await probes(page, since)).longTasks))
      expect(await domCount(page)).toBe(total)
      await page.close()
    }

  const none = medianCpu((live.get('no instrument') ?? []).map((r) => r.cpu))
  const partB = sets.map((set) => {
    const rows = live.get(set.name) ?? []
    const cpu = medianCpu(rows.map((r) => r.cpu))
    return {
      set: set.name,
      ...round(cpu),
      extraTotal: Math.round(cpuTotal(cpu) - cpuTotal(none)),
      extraRenderer: Math.round(cpu.renderer - none.renderer),
      observerCallbacks: median(rows.map((r) => r.reads)),
      observerMs: Number(median(rows.map((r) => r.readMs)).toFixed(1)),
      roundsTotal: rows.map((r) => Math.round(cpuTotal(r.cpu))).join(' '),
      longestTasks: (longest.get(set.name) ?? []).map(Math.round).join(' '),
    }
  })
  print(`B. Live burst of ${BURST} (+${SETTLE_MS} ms), median of ${REPS_B} rounds: CPU ms`, partB)

  mkdirSync(join(import.meta.dirname, '..', '..', 'bench-results'), { recursive: true })
  writeFileSync(
    join(import.meta.dirname, '..', '..', 'bench-results', 'gui-instruments.json'),
    `${JSON.stringify({ idle: partA, live: partB, benchParsing: partC }, null, 2)}\n`,
  )
})
