/**
 * "Who holds this port?": runs the OS's tool for listening sockets and says who, or why it cannot.
 *
 * Linux: `ss`, then `lsof` if ss is missing or fails. macOS: `lsof`. Windows: `netstat -ano`, then
 * `tasklist` for each pid's name. Every argument is fixed; the port is a validated integer.
 */
import type { Platform } from '../../../shared/bind-failure'
import type {
  PortHolder,
  ToolRun,
  WhoHoldsOutcome,
  WhoHoldsReport,
} from '../../../shared/diagnostics-types'
import { parseLsof, parseNetstat, parseSs, parseTasklist, type ParsedHolder } from './parse-holders'
import { failureOutcome, windowsTool, type ToolRunner, type ToolSpec } from './run-tool'

/** At most this many pids get a tasklist lookup (each is a process start on Windows). */
const MAX_NAME_LOOKUPS = 8

/** The platform, a tool runner, and who we are (to mark our own listeners). */
export interface WhoHoldsDeps {
  platform: Platform
  run: ToolRunner
  /** This process's pid (its own listeners are marked). */
  selfPid: number
  isRoot: boolean
}

/** The commands, as specs; exported for tests and for the panel's "commands" list. */
export function ssSpec(port: number): ToolSpec {
  return {
    file: 'ss',
    args: ['-ltnpH', `sport = :${port}`],
    display: `ss -ltnpH 'sport = :${port}'`,
  }
}

/** `lsof` for the listening TCP sockets on `port` (Linux fallback, macOS). */
export function lsofSpec(port: number): ToolSpec {
  return {
    file: 'lsof',
    args: ['-nP', `-iTCP:${port}`, '-sTCP:LISTEN'],
    display: `lsof -nP -iTCP:${port} -sTCP:LISTEN`,
  }
}

/** `netstat -ano`: every TCP socket with its pid (Windows; filtered by the parser). */
export function netstatSpec(): ToolSpec {
  return { file: windowsTool('netstat.exe'), args: ['-ano'], display: 'netstat -ano' }
}

/** `tasklist` for one pid: its process name (Windows). */
export function tasklistSpec(pid: number): ToolSpec {
  return {
    file: windowsTool('tasklist.exe'),
    args: ['/FI', `PID eq ${pid}`, '/FO', 'CSV', '/NH'],
    display: `tasklist /FI "PID eq ${pid}" /FO CSV /NH`,
  }
}

/**
 * lsof exits 1 when nothing matches, printing nothing or only warnings (e.g. about a file system
 * it cannot stat): that is an answer, not a failure.
 */
function lsofAnswered(run: ToolRun): boolean {
  if (run.status !== 'exited') return false
  if (run.exitCode === 0) return true
  const lines = run.output.split('\n').filter((l) => l.trim() !== '')
  return run.exitCode === 1 && lines.every((l) => l.startsWith('lsof: WARNING'))
}

async function linuxOrMac(
  port: number,
  deps: WhoHoldsDeps,
  runs: ToolRun[],
): Promise<{ outcome: WhoHoldsOutcome; parsed: ParsedHolder[]; seesAll: boolean }> {
  if (deps.platform === 'linux') {
    const ss = await deps.run(ssSpec(port))
    runs.push(ss)
    if (ss.status === 'exited' && ss.exitCode === 0) {
      const parsed = parseSs(ss.output, port)
      // ss lists every socket in this network namespace, attributed or not.
      return { outcome: parsed.length > 0 ? 'found' : 'nobody', parsed, seesAll: true }
    }
  }
  const lsof = await deps.run(lsofSpec(port))
  runs.push(lsof)
  if (!lsofAnswered(lsof)) {
    // All missing is "missing"; otherwise the last tool that ran tells what went wrong.
    const last = runs.filter((r) => r.status !== 'missing').at(-1)
    return { outcome: last ? failureOutcome(last) : 'tool-missing', parsed: [], seesAll: false }
  }
  const parsed = parseLsof(lsof.output, port)
  // Without root, lsof sees only this user's processes: other users' sockets are not listed.
  return { outcome: parsed.length > 0 ? 'found' : 'nobody', parsed, seesAll: deps.isRoot }
}

async function windows(
  port: number,
  deps: WhoHoldsDeps,
  runs: ToolRun[],
): Promise<{ outcome: WhoHoldsOutcome; parsed: ParsedHolder[]; seesAll: boolean }> {
  const netstat = await deps.run(netstatSpec())
  runs.push(netstat)
  if (netstat.status !== 'exited' || netstat.exitCode !== 0)
    return { outcome: failureOutcome(netstat), parsed: [], seesAll: false }
  const parsed = parseNetstat(netstat.output, port)
  const pids = [...new Set(parsed.map((h) => h.pid).filter((p): p is number => p !== null))]
  const names = new Map<number, string>()
  for (const pid of pids.slice(0, MAX_NAME_LOOKUPS)) {
    const run = await deps.run(tasklistSpec(pid))
    runs.push(run)
    const name = run.status === 'exited' ? parseTasklist(run.output, pid) : null
    if (name !== null) names.set(pid, name)
  }
  const named = parsed.map((h) => ({
    ...h,
    processName: h.pid === null ? null : (names.get(h.pid) ?? null),
  }))
  // netstat -ano lists every TCP socket with its pid, also without administrator rights.
  return { outcome: named.length > 0 ? 'found' : 'nobody', parsed: named, seesAll: true }
}

/** Looks up who listens on `port`; never rejects. */
export async function whoHolds(port: number, deps: WhoHoldsDeps): Promise<WhoHoldsReport> {
  const runs: ToolRun[] = []
  const base = { port, platform: deps.platform, isRoot: deps.isRoot, runs }
  if (deps.platform === 'other')
    return { ...base, outcome: 'unsupported', holders: [], seesAllProcesses: false }
  const answer =
    deps.platform === 'win32' ? await windows(port, deps, runs) : await linuxOrMac(port, deps, runs)
  const holders: PortHolder[] = answer.parsed.map((h) => ({
    ...h,
    isSelf: h.pid !== null && h.pid === deps.selfPid,
  }))
  return { ...base, outcome: answer.outcome, holders, seesAllProcesses: answer.seesAll }
}
