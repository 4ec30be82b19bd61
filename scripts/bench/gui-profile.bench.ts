/**
 * Where the page's CPU goes in a live burst (issue 12): a CPU profile of the renderer over one burst
 * of 2,000 connects, after a history of 6,000, with the page's main-thread time split by Chromium's
 * Performance metrics (script, style, layout). Off by default (about 30 s):
 * `GUI_PROFILE=1 npx vitest run --config vitest.bench.config.ts scripts/bench/gui-profile.bench.ts`;
 * `GUI_PROFILE=http` profiles HTTP hello under http-load.cjs (20 at a time) instead of bare connects.
 *
 * The profile's functions are found in the sources by name (the bundle is not minified); total
 * time counts a sample for every app function on its stack. Printed only: the profiler slows what
 * it samples, so these are shares, not the benchmark's figures.
 */
import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import type { Browser } from '@playwright/test'
import { afterAll, it } from 'vitest'
import { root, startWebServer, type WebServer } from '../../e2e/web-server'
import {
  burst as connectBurst,
  cpuSample,
  cpuSpent,
  openProbedPage,
  untilQuiet,
  untilShown,
} from './gui-kit'
import { control, runScript, startCloseAtOnce, startListener } from './http-kit'

const HISTORY = 6000
const BURST = 2000
const CONCURRENCY = 200

let web: WebServer | null = null
let browser: Browser | null = null
afterAll(async () => {
  await browser?.close()
  await web?.stop()
})

interface ProfileNode {
  id: number
  callFrame: { functionName: string; url: string; lineNumber: number }
  children?: number[]
}

/** Source files of the renderer and shared/, without tests. */
function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name)
    if (entry.isDirectory()) return sources(path)
    return /\.tsx?$/.test(entry.name) && !/\.test\.tsx?$/.test(entry.name) ? [path] : []
  })
}

/**
 * Where a profiled function comes from. The bundle is not minified: an app function keeps its
 * name, found in the sources (`file:line`, or every place when the name is not unique); a
 * library's function is named by the `// node_modules/…` comment above it in the bundle.
 */
function locator(): { file: string; locate: (frame: ProfileNode['callFrame']) => string } {
  const dir = join(root, 'out', 'renderer', 'assets')
  const file = readdirSync(dir).find((f) => /^index-.*\.js$/.test(f)) ?? ''
  const starts: Array<[number, string]> = []
  readFileSync(join(dir, file), 'utf8')
    .split('\n')
    .forEach((text, i) => {
      const match = /^\/\/ ((?:src|node_modules)\/\S+)/.exec(text)
      if (match?.[1]) starts.push([i, match[1]])
    })
  const moduleAt = (line: number): string => {
    let found = '?'
    for (const [start, name] of starts) {
      if (start > line) break
      found = name
    }
    return found
  }
  const declared = new Map<string, string[]>()
  const declaration =
    /^\s*(?:export\s+)?(?:async\s+)?(?:function\s+(\w+)|(?:const|let)\s+(\w+)\s*=\s*(?:async\s*)?(?:\(|function|\w+\s*=>))|^\s+(\w+)\s*\([^)]*\)\s*(?::[^{]*)?\{\s*$/
  for (const path of [
    ...sources(join(root, 'src', 'renderer', 'src')),
    ...sources(join(root, 'src', 'shared')),
  ])
    readFileSync(path, 'utf8')
      .split('\n')
      .forEach((text, i) => {
        const match = declaration.exec(text)
        const name = match?.[1] ?? match?.[2] ?? match?.[3]
        if (!name || ['if', 'for', 'while', 'switch', 'catch'].includes(name)) return
        const places = declared.get(name) ?? []
        places.push(`${path.slice(root.length + 1)}:${i + 1}`)
        declared.set(name, places)
      })
  return {
    file,
    locate(frame) {
      if (!frame.url.endsWith(file)) return frame.url.split('/').pop() || '(native)'
      const module = moduleAt(frame.lineNumber)
      if (module.startsWith('node_modules/')) return module
      const places = declared.get(frame.functionName)
      if (places && places.length <= 3) return places.join(', ')
      return `bundle line ${frame.lineNumber + 1}`
    },
  }
}

it('where the page’s CPU goes in a live burst', { timeout: 300_000 }, async (ctx) => {
  ctx.skip(!process.env.GUI_PROFILE, 'set GUI_PROFILE=1 (or =http) to profile the page')
  web = await startWebServer()
  const api = await control(web)
  const isHttp = process.env.GUI_PROFILE === 'http'
  const port = isHttp
    ? (await startListener(api, { responder: 'http-hello' })).port
    : await startCloseAtOnce(api)
  const burst = isHttp
    ? async (to: number, count: number): Promise<{ closed: number }> => {
        const result = await runScript<{ completed: number }>('http-load.cjs', [to, count, 20]).line
        return { closed: result.completed }
      }
    : connectBurst
  const opened = await openProbedPage()
  browser = opened.browser
  const { page, cdp } = opened
  const session = await page.context().newCDPSession(page)
  let total = 0
  for (let done = 0; done < HISTORY; done += BURST)
    total += (await burst(port, BURST, CONCURRENCY)).closed
  await page.goto(web.url)
  await untilShown(page, total)
  await untilQuiet(cdp)
  const history = total

  await session.send('Performance.enable')
  await session.send('Profiler.enable')
  await session.send('Profiler.setSamplingInterval', { interval: 500 })
  const metric = async (): Promise<Record<string, number>> =>
    Object.fromEntries(
      (
        (await session.send('Performance.getMetrics')) as {
          metrics: Array<{ name: string; value: number }>
        }
      ).metrics.map((m) => [m.name, m.value]),
    )
  const metricsBefore = await metric()
  const cpuBefore = await cpuSample(cdp)
  await session.send('Profiler.start')
  const result = await burst(port, BURST, CONCURRENCY)
  await untilShown(page, total + result.closed)
  const { profile } = (await session.send('Profiler.stop')) as {
    profile: { nodes: ProfileNode[]; samples: number[]; timeDeltas: number[] }
  }
  const cpu = cpuSpent(cpuBefore, await cpuSample(cdp))
  const metricsAfter = await metric()
  total += result.closed

  // A second burst under Chromium's tracing: every thread's tasks, and what the page's main
  // thread did (inclusive: nested events count in each of their parents).
  await untilQuiet(cdp)
  await browser.startTracing(page, {
    categories: ['toplevel', 'devtools.timeline', 'disabled-by-default-devtools.timeline', 'v8'],
  })
  total += (await burst(port, BURST, CONCURRENCY)).closed
  await untilShown(page, total)
  const trace = JSON.parse((await browser.stopTracing()).toString('utf8')) as {
    traceEvents: Array<{
      ph: string
      name: string
      pid: number
      tid: number
      dur?: number
      args?: { name?: string }
    }>
  }
  api.close()
  const threadNames = new Map<string, string>()
  const processNames = new Map<number, string>()
  for (const e of trace.traceEvents) {
    if (e.ph !== 'M') continue
    if (e.name === 'thread_name') threadNames.set(`${e.pid}:${e.tid}`, e.args?.name ?? '?')
    if (e.name === 'process_name') processNames.set(e.pid, e.args?.name ?? '?')
  }
  const tasks = new Map<string, number>()
  const mainThreads = new Map<string, Map<string, number>>()
  for (const e of trace.traceEvents) {
    if (e.ph !== 'X' || e.dur === undefined) continue
    const thread = `${e.pid}:${e.tid}`
    const label = `${processNames.get(e.pid) ?? e.pid} / ${threadNames.get(thread) ?? e.tid}`
    if (e.name === 'ThreadControllerImpl::RunTask' || e.name === 'RunTask')
      tasks.set(label, (tasks.get(label) ?? 0) + e.dur / 1000)
    if (threadNames.get(thread) === 'CrRendererMain') {
      const names = mainThreads.get(thread) ?? new Map<string, number>()
      names.set(e.name, (names.get(e.name) ?? 0) + e.dur / 1000)
      mainThreads.set(thread, names)
    }
  }
  const busiest = [...mainThreads.values()].sort(
    (a, b) =>
      (b.get('ThreadControllerImpl::RunTask') ?? 0) - (a.get('ThreadControllerImpl::RunTask') ?? 0),
  )[0]

  const { file, locate } = locator()
  const byNode = new Map(profile.nodes.map((n) => [n.id, n]))
  const self = new Map<string, number>()
  profile.samples.forEach((id, i) => {
    const frame = byNode.get(id)?.callFrame
    if (!frame) return
    const ms = (profile.timeDeltas[i + 1] ?? 0) / 1000
    const key = `${frame.functionName || '(anonymous)'} — ${locate(frame)}`
    self.set(key, (self.get(key) ?? 0) + ms)
  })
  // Inclusive time: each sample counts once for every app function and module on its stack.
  const parent = new Map<number, number>()
  for (const node of profile.nodes)
    for (const child of node.children ?? []) parent.set(child, node.id)
  const inclusive = new Map<string, number>()
  const byModule = new Map<string, number>()
  profile.samples.forEach((id, i) => {
    const ms = (profile.timeDeltas[i + 1] ?? 0) / 1000
    const functions = new Set<string>()
    const modules = new Set<string>()
    for (let at: number | undefined = id; at !== undefined; at = parent.get(at)) {
      const frame = byNode.get(at)?.callFrame
      if (!frame?.url.endsWith(file)) continue
      const where = locate(frame)
      if (!where.startsWith('src/')) continue
      modules.add(where.split(':')[0] ?? where)
      functions.add(`${frame.functionName || '(anonymous)'} — ${where}`)
    }
    for (const f of functions) inclusive.set(f, (inclusive.get(f) ?? 0) + ms)
    for (const m of modules) byModule.set(m, (byModule.get(m) ?? 0) + ms)
  })
  const top = (map: Map<string, number>, n: number): string =>
    [...map]
      .sort((a, b) => b[1] - a[1])
      .slice(0, n)
      .map(([key, ms]) => `| ${ms.toFixed(1)} ms | ${key} |`)
      .join('\n')
  const delta = (name: string): string =>
    (((metricsAfter[name] ?? 0) - (metricsBefore[name] ?? 0)) * 1000).toFixed(0)
  console.log(
    `\nOne live burst of ${BURST} after ${history}: Chromium CPU ${JSON.stringify(cpu)}\n` +
      `renderer main thread (Performance metrics, ms): task ${delta('TaskDuration')}, script ${delta('ScriptDuration')}, ` +
      `style ${delta('RecalcStyleDuration')}, layout ${delta('LayoutDuration')}\n` +
      `\nSelf time by function (profile):\n${top(self, 30)}\n\nTotal time by app function:\n${top(inclusive, 40)}\n\nTotal time by app module:\n${top(byModule, 25)}\n` +
      `\nTraced burst: task time by thread:\n${top(tasks, 12)}\n` +
      `\nTraced burst: the page's main thread by event (inclusive):\n${top(busiest ?? new Map<string, number>(), 25)}\n`,
  )
})
