/**
 * `npm run bench`: what "Forward to my server" costs (issue 14). Browser mode with Debian's
 * Chromium at 1366×768, the page live on the app, in one run: MB/s from a sender through Socket
 * Lab's forwarding listener (capture on, as a learner has it) to a sink standing in for the
 * learner's server, against the same sender and sink joined by a bare `net` pipe in its own
 * process. Sender, pipe and sink are separate processes; every round makes new ones.
 *
 * Printed as a table and written to bench-results/forward.json; the goal (≥ 0.6 of the bare pipe)
 * is checked by the test's outcome. Bounded: rounds, bytes and time.
 */
import { existsSync, mkdirSync, writeFileSync } from 'node:fs'
import { cpus } from 'node:os'
import { join } from 'node:path'
import { chromium, type Browser } from '@playwright/test'
import { afterAll, expect, it } from 'vitest'
import type { ListenerSnapshot } from '../../src/shared/contract'
import { CHROMIUM_ARGS as ARGS, CHROMIUM_PATH as CHROMIUM } from '../../e2e/chromium'
import { startWebServer, type WebServer } from '../../e2e/web-server'
import { control, median, runScript } from './http-kit'

const ROUNDS = 5
const BYTES = 64 * 1024 * 1024
const GOAL = 0.6

let web: WebServer | null = null
let browser: Browser | null = null
afterAll(async () => {
  await browser?.close()
  await web?.stop()
})

/** One transfer of BYTES from ingest.cjs through `via` (a port to connect to) into a new sink. */
async function transfer(via: (sinkPort: number) => Promise<number>): Promise<number> {
  const sink = runScript<{ port: number }>('sink.cjs', [BYTES])
  const sinkPort = (await sink.line).port
  const done = new Promise<{ ms: number; received: number }>((resolve, reject) => {
    let out = ''
    sink.child.stdout?.on('data', (data: Buffer) => {
      out += data.toString()
      // The first line ({ port }) went to runScript; this one is the result.
      const line = out.split('\n').find((l) => l.includes('"received"'))
      if (line !== undefined) resolve(JSON.parse(line) as { ms: number; received: number })
    })
    sink.child.once('exit', (code) => reject(new Error(`sink.cjs exited with ${code}: ${out}`)))
  })
  const port = await via(sinkPort)
  const sender = runScript<{ ms: number }>('ingest.cjs', [port, BYTES])
  sender.line.catch(() => undefined)
  const result = await done
  sender.child.kill()
  await sink.exited
  if (result.received !== BYTES) throw new Error(`the sink got ${result.received} of ${BYTES}`)
  return BYTES / 1e6 / (result.ms / 1000)
}

it(
  `forwarding with the GUI live runs at ≥ ${GOAL} of a bare net pipe`,
  { timeout: 240_000 },
  async (ctx) => {
    ctx.skip(!existsSync(CHROMIUM), `needs Chromium at ${CHROMIUM} (set CHROMIUM_PATH)`)
    web = await startWebServer()
    const api = await control(web)
    browser = await chromium.launch({ executablePath: CHROMIUM, args: ARGS })
    const page = await browser.newPage({ viewport: { width: 1366, height: 768 } })
    const added = await api.request<ListenerSnapshot>('listener:add', {
      host: '127.0.0.1',
      port: 0,
      responder: 'forward',
    })
    const started = await api.request<ListenerSnapshot>('listener:start', { listenerId: added.id })
    const forwardPort = started.bound!.port
    await page.goto(web.url)

    const throughForward = (sinkPort: number): Promise<number> =>
      api
        .request('listener:update', { listenerId: added.id, targetPort: sinkPort })
        .then(() => forwardPort)
    const pipes: Array<ReturnType<typeof runScript<{ port: number }>>> = []
    const throughPipe = async (sinkPort: number): Promise<number> => {
      const pipe = runScript<{ port: number }>('bare-pipe.cjs', [sinkPort])
      pipes.push(pipe)
      return (await pipe.line).port
    }
    // The rounds need no control connection beside the page (see http.bench.ts).
    await transfer(throughForward) // warm-up, not measured
    await transfer(throughPipe)
    const forwardMBs: number[] = []
    const bareMBs: number[] = []
    try {
      for (let round = 0; round < ROUNDS; round++) {
        const before = await transfer(throughPipe)
        forwardMBs.push(await transfer(throughForward))
        bareMBs.push((before + (await transfer(throughPipe))) / 2)
      }
    } finally {
      for (const pipe of pipes) pipe.child.stdin?.end()
    }
    api.close()

    const ratio = Number(median(forwardMBs.map((value, i) => value / bareMBs[i]!)).toFixed(2))
    const figures = {
      machine: `${cpus().length} × ${cpus()[0]?.model ?? 'cpu'}, Node ${process.version}`,
      bytesPerRound: BYTES,
      bareMBs: Math.round(median(bareMBs)),
      forwardLiveMBs: Math.round(median(forwardMBs)),
      forwardToBare: ratio,
      rounds: { bareMBs: bareMBs.map(Math.round), forwardMBs: forwardMBs.map(Math.round) },
    }
    console.log(
      `\nForward to my server with the GUI live (${figures.machine}; ${ROUNDS} rounds of ` +
        `${BYTES / 1024 / 1024} MiB)\n` +
        [
          ['bare net pipe (median)', `${figures.bareMBs} MB/s`, ''],
          ['Socket Lab forwarding, GUI live, capture on', `${figures.forwardLiveMBs} MB/s`, ''],
          ['  forwarding / bare pipe', `${ratio}`, `≥ ${GOAL}`],
        ]
          .map((r) => `| ${r.join(' | ')} |`)
          .join('\n') +
        '\n',
    )
    mkdirSync(join(import.meta.dirname, '..', '..', 'bench-results'), { recursive: true })
    writeFileSync(
      join(import.meta.dirname, '..', '..', 'bench-results', 'forward.json'),
      `${JSON.stringify(figures, null, 2)}\n`,
    )
    expect.soft(ratio).toBeGreaterThanOrEqual(GOAL)
  },
)
