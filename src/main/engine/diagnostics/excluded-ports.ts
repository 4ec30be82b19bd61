/**
 * Windows' excluded port ranges (Hyper-V, WSL2, Docker and WinNAT reserve them): `netsh`, for TCP
 * over IPv4 and IPv6, and whether the port lies in one.
 */
import type { Platform } from '../../../shared/bind-failure'
import type { ExcludedPortsReport, ExcludedRange, ToolRun } from '../../../shared/diagnostics-types'
import { parseExcludedRanges, rangesWith } from './parse-excluded'
import { failureOutcome, windowsTool, type ToolRunner, type ToolSpec } from './run-tool'

/** `netsh` listing the excluded TCP port ranges of one address family. */
export function netshSpec(family: ExcludedRange['family']): ToolSpec {
  return {
    file: windowsTool('netsh.exe'),
    args: ['interface', family, 'show', 'excludedportrange', 'protocol=tcp'],
    display: `netsh interface ${family} show excludedportrange protocol=tcp`,
  }
}

/** Reads both tables; never rejects. Off Windows it runs nothing. */
export async function excludedPorts(
  port: number,
  deps: { platform: Platform; run: ToolRunner },
): Promise<ExcludedPortsReport> {
  const base = { port, platform: deps.platform }
  if (deps.platform !== 'win32')
    return { ...base, outcome: 'not-windows', ranges: [], matches: [], runs: [] }
  const runs: ToolRun[] = []
  const ranges: ExcludedRange[] = []
  let hasAnswer = false
  for (const family of ['ipv4', 'ipv6'] as const) {
    const run = await deps.run(netshSpec(family))
    runs.push(run)
    if (run.status !== 'exited' || run.exitCode !== 0) continue
    hasAnswer = true
    ranges.push(...parseExcludedRanges(run.output, family))
  }
  if (!hasAnswer) {
    const last = runs.at(-1)
    return { ...base, outcome: last ? failureOutcome(last) : 'failed', ranges, matches: [], runs }
  }
  const matches = rangesWith(ranges, port)
  return {
    ...base,
    outcome: matches.length > 0 ? 'in-range' : 'not-in-range',
    ranges,
    matches,
    runs,
  }
}
