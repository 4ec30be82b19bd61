import { describe, expect, it } from 'vitest'
import type { ToolRun } from '../../../shared/diagnostics-types'
import { waitFor } from '../engine-test-kit'
import {
  limitRuns,
  MAX_RUNNING_TOOLS,
  MAX_WAITING_TOOLS,
  runTool,
  type ToolRunner,
} from './run-tool'

function fakeRun(command: string): ToolRun {
  return { command, status: 'exited', exitCode: 0, output: '', isTruncated: false, error: null }
}

describe('runTool', () => {
  it('a missing tool is "missing", not a crash', async () => {
    const run = await runTool({ file: 'socketlab-no-such-tool', args: [], display: 'x' })
    expect(run.status).toBe('missing')
  })

  it('a tool that runs too long is killed: "timeout"', async () => {
    const run = await runTool({
      file: process.execPath,
      args: ['-e', 'setTimeout(() => {}, 60000)'],
      display: 'node',
      timeoutMs: 300,
    })
    expect(run.status).toBe('timeout')
  })

  it('a tool that ignores SIGTERM is still ended at its timeout', async () => {
    const run = await runTool({
      file: process.execPath,
      args: ['-e', "process.on('SIGTERM', () => {}); setTimeout(() => {}, 60000)"],
      display: 'node',
      timeoutMs: 300,
    })
    expect(run.status).toBe('timeout')
  })

  it('passes arguments as they are, without a shell', async () => {
    const run = await runTool({
      file: process.execPath,
      args: ['-e', 'console.log(process.argv[1]); process.exit(3)', '$(echo hi); `x` | y'],
      display: 'node',
    })
    expect(run).toMatchObject({ status: 'exited', exitCode: 3, isTruncated: false })
    expect(run.output.trim()).toBe('$(echo hi); `x` | y')
  })

  it('cuts long output and says so', async () => {
    const run = await runTool({
      file: process.execPath,
      args: ['-e', "process.stdout.write('x'.repeat(100000))"],
      display: 'node',
    })
    expect(run.isTruncated).toBe(true)
    expect(run.output.length).toBeLessThan(100000)
  })
})

describe('limitRuns', () => {
  it('runs at most a few tools at once, queues some, refuses the rest', async () => {
    let running = 0
    let most = 0
    const releases: (() => void)[] = []
    const slow: ToolRunner = (spec) => {
      running += 1
      most = Math.max(most, running)
      return new Promise((resolve) =>
        releases.push(() => {
          running -= 1
          resolve(fakeRun(spec.display))
        }),
      )
    }
    const limited = limitRuns(slow)
    const total = MAX_RUNNING_TOOLS + MAX_WAITING_TOOLS + 3
    const runs = Array.from({ length: total }, (_, i) =>
      limited({ file: 'x', args: [], display: `run ${i}` }),
    )
    await waitFor(() => releases.length === MAX_RUNNING_TOOLS, 'the first runs')
    // Release one at a time: each frees a slot for exactly one waiting run.
    for (let released = 0; released < MAX_RUNNING_TOOLS + MAX_WAITING_TOOLS; released += 1) {
      await waitFor(() => releases.length > released, 'the next run to start')
      releases[released]?.()
    }
    const results = await Promise.all(runs)
    expect(most).toBe(MAX_RUNNING_TOOLS)
    expect(results.filter((r) => r.status === 'failed')).toHaveLength(3)
    expect(results.filter((r) => r.status === 'exited')).toHaveLength(
      MAX_RUNNING_TOOLS + MAX_WAITING_TOOLS,
    )
  })
})
