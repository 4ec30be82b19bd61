/**
 * The GUI benchmark's instruments (gui.bench.ts, gui-instruments.bench.ts): connects from a separate
 * process, Chromium's CPU per process, and the page's probes.
 *
 * The probes are built to cost the page as little as possible, since they run inside what they
 * measure: the count is watched by a MutationObserver on the count's own element (not the whole
 * document, where it would run on every commit of every row), and the bench waits for a count with
 * one in-page promise instead of polling the page over CDP.
 */
import { chromium, type Browser, type CDPSession, type Page } from '@playwright/test'
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../../e2e/chromium'
import { ACCOUNTED_EXPRESSION, COUNT_SELECTOR, runScript } from './http-kit'

/** What connect-burst.cjs prints. */
export interface Burst {
  ms: number
  closed: number
  errors: number
  /** Whether it stopped at its hard limit (60 s) before every connection closed. */
  timedOut: boolean
  /** Wall-clock (epoch ms) time of each connect. */
  connectAt: number[]
}

/** COUNT connects from a separate process, at most CONCURRENCY at a time. */
export async function burst(port: number, count: number, concurrency: number): Promise<Burst> {
  return runScript<Burst>('connect-burst.cjs', [port, count, concurrency]).line
}

/** The kinds of Chromium process the figures tell apart. */
export const PROCESS_KINDS = ['browser', 'renderer', 'gpu', 'network', 'other'] as const
export type ProcessKind = (typeof PROCESS_KINDS)[number]
export type CpuByKind = Record<ProcessKind, number>

function kindOf(type: string): ProcessKind {
  if (type === 'browser') return 'browser'
  if (type === 'renderer') return 'renderer'
  if (type === 'GPU') return 'gpu'
  if (type.startsWith('network')) return 'network'
  return 'other'
}

/** Each Chromium process's CPU seconds so far, by pid. */
export type CpuSample = Map<number, { kind: ProcessKind; seconds: number }>

export async function cpuSample(cdp: CDPSession): Promise<CpuSample> {
  const info = (await cdp.send('SystemInfo.getProcessInfo')) as {
    processInfo: Array<{ type: string; id: number; cpuTime: number }>
  }
  return new Map(info.processInfo.map((p) => [p.id, { kind: kindOf(p.type), seconds: p.cpuTime }]))
}

/**
 * CPU ms spent between two samples, by kind of process. Diffed per process: one that started in
 * between counts from zero (one that ended is lost, which the window avoids by not navigating).
 */
export function cpuSpent(before: CpuSample, after: CpuSample): CpuByKind {
  const spent: CpuByKind = { browser: 0, renderer: 0, gpu: 0, network: 0, other: 0 }
  for (const [pid, now] of after) {
    const then = before.get(pid)?.seconds ?? 0
    spent[now.kind] += Math.max(0, now.seconds - then) * 1000
  }
  return spent
}

export const cpuTotal = (cpu: CpuByKind): number =>
  PROCESS_KINDS.reduce((sum, kind) => sum + cpu[kind], 0)

/**
 * Resolves once Chromium is quiet: at most `tickMs` of CPU (its clock counts in 10 ms ticks) over
 * `spanMs`, all processes; so that a window starts after the page's load, not in its tail.
 * Resolves anyway after `limitMs`, with false.
 */
export async function untilQuiet(
  cdp: CDPSession,
  { spanMs = 250, tickMs = 10, limitMs = 10_000 } = {},
): Promise<boolean> {
  const until = Date.now() + limitMs
  let before = await cpuSample(cdp)
  while (Date.now() < until) {
    await new Promise((resolve) => setTimeout(resolve, spanMs))
    const after = await cpuSample(cdp)
    if (cpuTotal(cpuSpent(before, after)) <= tickMs) return true
    before = after
  }
  return false
}

/**
 * The page's probes, installed by `page.addInitScript` before the app's own scripts.
 *
 * - long tasks and Event Timing entries (interactions only), with their start times, so that the
 *   bench keeps those of its window and not the page's load;
 * - the count's changes, with their wall-clock times: a MutationObserver on the count's element,
 *   attached by a childList-only observer on the document while the element is not there yet
 *   (page load), which then disconnects; a check twice a second re-attaches it should React
 *   replace the element;
 * - `__bench.until(count, limitMs)`: a promise that resolves once the count reaches `count` and the
 *   page has painted it, with the count, or with false after `limitMs`.
 *
 * `options` turns parts off (gui-instruments.bench.ts measures what each costs).
 */
export function pageProbes(
  options: { timings?: boolean; counter?: boolean; documentObserver?: boolean } = {},
): string {
  const { timings = true, counter = true, documentObserver = false } = options
  return `(() => {
  const SELECTOR = ${JSON.stringify(COUNT_SELECTOR)}
  const wall = () => performance.timeOrigin + performance.now()
  const bench = { longTasks: [], interactions: [], counts: [], waiters: [], reads: 0, readMs: 0 }
  window.__bench = bench
  const read = () => {
    const started = performance.now()
    bench.reads++
    try {
      readCount()
    } finally {
      bench.readMs += performance.now() - started
    }
  }
  const readCount = () => {
    // Shown plus forgotten: both change in the same commit as the count observed.
    const count = ${ACCOUNTED_EXPRESSION}
    if (count < 0) return
    const last = bench.counts.at(-1)
    if (!last || last[0] !== count) bench.counts.push([count, wall()])
    bench.waiters = bench.waiters.filter((w) => (count >= w.count ? (w.resolve(count), false) : true))
  }
  bench.current = () => bench.counts.at(-1)?.[0] ?? -1
  bench.until = (count, limitMs) =>
    new Promise((resolve) => {
      const painted = (value) =>
        requestAnimationFrame(() => setTimeout(() => resolve(value), 0))
      read()
      if (bench.current() >= count) return painted(bench.current())
      const timer = setTimeout(() => resolve(false), limitMs)
      bench.waiters.push({ count, resolve: (value) => (clearTimeout(timer), painted(value)) })
    })
  if (${timings}) {
    new PerformanceObserver((list) => {
      for (const e of list.getEntries())
        bench.longTasks.push([performance.timeOrigin + e.startTime, e.duration])
    }).observe({ type: 'longtask', buffered: true })
    new PerformanceObserver((list) => {
      for (const e of list.getEntries())
        if (e.interactionId)
          bench.interactions.push([performance.timeOrigin + e.startTime, e.duration, e.interactionId])
    }).observe({ type: 'event', durationThreshold: 16, buffered: true })
  }
  if (${documentObserver}) {
    // The instrument as it was: the whole document, text included; runs on every commit.
    new MutationObserver(read).observe(document, { subtree: true, childList: true, characterData: true })
  } else if (${counter}) {
    let observed = null
    const onCount = new MutationObserver(read)
    const onDocument = new MutationObserver(() => attach())
    const attach = () => {
      const element = document.querySelector(SELECTOR)
      if (element === observed) return
      onCount.disconnect()
      onDocument.disconnect()
      observed = element
      if (element) {
        onCount.observe(element, { subtree: true, childList: true, characterData: true })
        read()
      } else onDocument.observe(document, { subtree: true, childList: true })
    }
    attach()
    setInterval(() => {
      if (!observed || !observed.isConnected) attach()
    }, 500)
  }
})()`
}

interface RawProbes {
  longTasks: Array<[number, number]>
  interactions: Array<[number, number, number]>
  counts: Array<[number, number]>
  reads: number
  readMs: number
}

/** What the probes saw between `since` and `until` (epoch ms). */
export interface Probes {
  /** Durations of long tasks (over 50 ms) that started in the window. */
  longTasks: number[]
  /** Each interaction's longest event (Event Timing reports those of 16 ms and more), by id. */
  interactions: number[]
  /** [count, epoch ms] as the count changed (all of them: the trickle looks back). */
  counts: Array<[number, number]>
  /** The count observer's own work since the page loaded: callbacks and ms in them. */
  reads: number
  readMs: number
}

export async function probes(page: Page, since: number, until = Infinity): Promise<Probes> {
  const raw = await page.evaluate<RawProbes>(
    `({ longTasks: __bench.longTasks, interactions: __bench.interactions, counts: __bench.counts,
      reads: __bench.reads, readMs: __bench.readMs })`,
  )
  const byInteraction = new Map<number, number>()
  for (const [start, duration, id] of raw.interactions)
    if (start >= since && start < until)
      byInteraction.set(id, Math.max(byInteraction.get(id) ?? 0, duration))
  return {
    longTasks: raw.longTasks.filter(([start]) => start >= since && start < until).map(([, d]) => d),
    interactions: [...byInteraction.values()],
    counts: raw.counts,
    reads: raw.reads,
    readMs: raw.readMs,
  }
}

/** The count observer's work so far (see {@link Probes}), without the rest of the probes. */
export const observerWork = (page: Page): Promise<{ reads: number; readMs: number }> =>
  page.evaluate('({ reads: __bench.reads, readMs: __bench.readMs })')

/** The count the page shows now (-1 before it shows one). */
export const shownCount = (page: Page): Promise<number> =>
  page.evaluate<number>('__bench.current()')

/**
 * Resolves once the page shows at least `count` connections and has painted them, with the count
 * it shows; rejects after `limitMs`. One CDP call that waits in the page.
 */
export async function untilShown(page: Page, count: number, limitMs = 60_000): Promise<number> {
  const shown = await page.evaluate<number | false>(`__bench.until(${count}, ${limitMs})`)
  if (shown === false) {
    const now = await shownCount(page).catch(() => -1)
    throw new Error(`the page never showed ${count} connections in ${limitMs} ms (shows ${now})`)
  }
  return shown
}

/**
 * Clicks `at` every `gapMs` until `stop()` is called; resolves with how many clicks it made. The
 * clicks are how Event Timing measures input latency.
 */
export function keepClicking(
  page: Page,
  at: { x: number; y: number },
  gapMs = 100,
): { stop: () => Promise<number> } {
  let clicking = true
  const done = (async () => {
    let clicks = 0
    while (clicking) {
      const clicked = await page.mouse.click(at.x, at.y).then(
        () => true,
        () => false,
      )
      if (clicked) clicks++
      await new Promise((resolve) => setTimeout(resolve, gapMs))
    }
    return clicks
  })()
  return {
    stop: () => {
      clicking = false
      return done
    },
  }
}

/**
 * Where the bench clicks: the middle of the connections panel's heading, a real element with no
 * action (checked with elementFromPoint), next to the count it watches.
 */
export async function harmlessTarget(page: Page): Promise<{ x: number; y: number }> {
  const target = await page.evaluate<{ x: number; y: number; hit: boolean } | null>(`(() => {
    const heading = document.querySelector('.connections-panel .panel-header h2')
    if (!heading) return null
    const box = heading.getBoundingClientRect()
    const x = Math.round(box.left + box.width / 2)
    const y = Math.round(box.top + box.height / 2)
    return { x, y, hit: document.elementFromPoint(x, y) === heading }
  })()`)
  if (!target?.hit) throw new Error('the connections panel heading is not where the bench clicks')
  return { x: target.x, y: target.y }
}

export const percentile = (values: number[], p: number): number => {
  const sorted = [...values].sort((a, b) => a - b)
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? NaN
}

/** Debian's Chromium with a classroom laptop's page (1366×768) carrying the probes, and a browser CDP session. */
export async function openProbedPage(): Promise<{ browser: Browser; page: Page; cdp: CDPSession }> {
  const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS })
  const page = await browser.newPage({ viewport: { width: 1366, height: 768 } })
  await page.addInitScript(pageProbes())
  return { browser, page, cdp: await browser.newBrowserCDPSession() }
}
