import { describe, expect, it } from 'vitest'
import type { ToolRun, ToolStatus } from '../../../shared/diagnostics-types'
import { excludedPorts } from './excluded-ports'
import type { ToolRunner, ToolSpec } from './run-tool'
import { whoHolds, type WhoHoldsDeps } from './who-holds'

/** A runner answering each tool (by its file's base name) with a canned run. */
function canned(
  answers: Record<string, { status?: ToolStatus; exitCode?: number | null; output?: string }>,
): ToolRunner & { calls: ToolSpec[] } {
  const calls: ToolSpec[] = []
  const run = (spec: ToolSpec): Promise<ToolRun> => {
    calls.push(spec)
    const name = spec.file.split(/[\\/]/).at(-1) ?? ''
    const answer = answers[name] ?? { status: 'missing' }
    return Promise.resolve({
      command: spec.display,
      status: answer.status ?? 'exited',
      exitCode: answer.exitCode === undefined ? 0 : answer.exitCode,
      output: answer.output ?? '',
      isTruncated: false,
      error: null,
    })
  }
  return Object.assign(run, { calls })
}

const deps = (platform: WhoHoldsDeps['platform'], run: ToolRunner): WhoHoldsDeps => ({
  platform,
  run,
  selfPid: 4321,
  isRoot: false,
})

describe('whoHolds on sample outputs', () => {
  it('Linux: ss answers; lsof is not run', async () => {
    const run = canned({
      ss: { output: 'LISTEN 0 511 127.0.0.1:7878 0.0.0.0:* users:(("node",pid=99,fd=19))' },
    })
    const report = await whoHolds(7878, deps('linux', run))
    expect(report.outcome).toBe('found')
    expect(report.holders).toEqual([
      { localAddress: '127.0.0.1:7878', pid: 99, processName: 'node', isSelf: false },
    ])
    expect(run.calls.map((c) => c.file)).toEqual(['ss'])
    expect(run.calls[0]?.args).toEqual(['-ltnpH', 'sport = :7878'])
  })

  it('Linux: ss fails (an old ss without -H), lsof answers', async () => {
    const run = canned({
      ss: { exitCode: 255, output: 'ss: invalid option -- H' },
      lsof: { output: 'node 99 me 19u IPv4 1 0t0 TCP *:7878 (LISTEN)' },
    })
    const report = await whoHolds(7878, deps('linux', run))
    expect(report.outcome).toBe('found')
    expect(report.runs.map((r) => r.command)).toEqual([
      "ss -ltnpH 'sport = :7878'",
      'lsof -nP -iTCP:7878 -sTCP:LISTEN',
    ])
    expect(report.seesAllProcesses).toBe(false)
  })

  it('Linux: neither tool installed', async () => {
    const report = await whoHolds(7878, deps('linux', canned({})))
    expect(report.outcome).toBe('tool-missing')
    expect(report.runs.map((r) => r.status)).toEqual(['missing', 'missing'])
  })

  it('Linux: ss missing, lsof times out', async () => {
    const report = await whoHolds(7878, deps('linux', canned({ lsof: { status: 'timeout' } })))
    expect(report.outcome).toBe('timeout')
  })

  it('Linux: ss fails, lsof missing: failed (not "missing")', async () => {
    const report = await whoHolds(7878, deps('linux', canned({ ss: { exitCode: 1 } })))
    expect(report.outcome).toBe('failed')
  })

  it('macOS: lsof exit 1 with no output is "nobody"; without root it may not see everyone', async () => {
    const run = canned({ lsof: { exitCode: 1, output: '' } })
    const report = await whoHolds(5000, deps('darwin', run))
    expect(report).toMatchObject({ outcome: 'nobody', seesAllProcesses: false, holders: [] })
    expect(run.calls.map((c) => c.file)).toEqual(['lsof'])
  })

  it('macOS: lsof as root sees everyone', async () => {
    const run = canned({ lsof: { exitCode: 1 } })
    const report = await whoHolds(5000, { ...deps('darwin', run), isRoot: true })
    expect(report.seesAllProcesses).toBe(true)
  })

  it('Linux: lsof exit 1 with only warnings is still "nobody"', async () => {
    const output = "lsof: WARNING: can't stat() fuse.gvfsd-fuse file system /run/user/1000/gvfs"
    const run = canned({ lsof: { exitCode: 1, output } })
    expect((await whoHolds(5000, deps('linux', run))).outcome).toBe('nobody')
  })

  it('macOS: lsof exit 1 with an error message is a failure', async () => {
    const run = canned({ lsof: { exitCode: 1, output: 'lsof: unacceptable port' } })
    expect((await whoHolds(5000, deps('darwin', run))).outcome).toBe('failed')
  })

  it('Windows: netstat, then tasklist for the names; its own pid is marked', async () => {
    const run = canned({
      'netstat.exe': {
        output: [
          '  TCP    127.0.0.1:7878   0.0.0.0:0   LISTENING   4321',
          '  TCP    [::]:7878        [::]:0      LISTENING   77',
        ].join('\r\n'),
      },
      'tasklist.exe': { output: '"node.exe","4321","Console","1","45,000 K"' },
    })
    const report = await whoHolds(7878, deps('win32', run))
    expect(report.outcome).toBe('found')
    expect(report.holders).toEqual([
      { localAddress: '127.0.0.1:7878', pid: 4321, processName: 'node.exe', isSelf: true },
      { localAddress: '[::]:7878', pid: 77, processName: null, isSelf: false },
    ])
    expect(report.runs.map((r) => r.command)).toEqual([
      'netstat -ano',
      'tasklist /FI "PID eq 4321" /FO CSV /NH',
      'tasklist /FI "PID eq 77" /FO CSV /NH',
    ])
    expect(run.calls[0]?.file).toMatch(/\\System32\\netstat\.exe$/)
  })

  it('Windows: nobody', async () => {
    const run = canned({ 'netstat.exe': { output: '  TCP  0.0.0.0:135  0.0.0.0:0  LISTENING  1' } })
    expect((await whoHolds(7878, deps('win32', run))).outcome).toBe('nobody')
  })

  it('another OS: unsupported, nothing run', async () => {
    const run = canned({})
    expect((await whoHolds(7878, deps('other', run))).outcome).toBe('unsupported')
    expect(run.calls).toEqual([])
  })
})

describe('excludedPorts on sample outputs', () => {
  const table = 'Start Port    End Port\r\n----------    --------\r\n      7800        7899\r\n'

  it('Windows: the port lies in an IPv4 range', async () => {
    const run = canned({ 'netsh.exe': { output: table } })
    const report = await excludedPorts(7878, { platform: 'win32', run })
    expect(report.outcome).toBe('in-range')
    expect(report.matches).toEqual([
      { family: 'ipv4', start: 7800, end: 7899, isAdministered: false },
      { family: 'ipv6', start: 7800, end: 7899, isAdministered: false },
    ])
    expect(run.calls.map((c) => c.args.join(' '))).toEqual([
      'interface ipv4 show excludedportrange protocol=tcp',
      'interface ipv6 show excludedportrange protocol=tcp',
    ])
  })

  it('Windows: not in a range', async () => {
    const run = canned({ 'netsh.exe': { output: table } })
    expect((await excludedPorts(8080, { platform: 'win32', run })).outcome).toBe('not-in-range')
  })

  it('Windows: netsh missing or failing', async () => {
    expect((await excludedPorts(1, { platform: 'win32', run: canned({}) })).outcome).toBe(
      'tool-missing',
    )
    const failing = canned({
      'netsh.exe': { exitCode: 1, output: 'The following command was not found' },
    })
    expect((await excludedPorts(1, { platform: 'win32', run: failing })).outcome).toBe('failed')
  })

  it('elsewhere: not-windows, nothing run', async () => {
    const run = canned({})
    expect((await excludedPorts(80, { platform: 'linux', run })).outcome).toBe('not-windows')
    expect(run.calls).toEqual([])
  })
})
