/**
 * Runs one OS tool with fixed arguments: `execFile`, never a shell, a timeout and an output cap.
 *
 * Never rejects: a missing tool, a timeout or a crash become a {@link ToolRun} the report shows.
 */
import { execFile } from 'node:child_process'
import { assertNever } from '../../../shared/result'
import {
  MAX_TOOL_OUTPUT_CHARS,
  TOOL_TIMEOUT_MS,
  type ToolRun,
} from '../../../shared/diagnostics-types'

/** One tool to run: the file, its fixed arguments, and the command line shown to the user. */
export interface ToolSpec {
  file: string
  args: readonly string[]
  /** As a person would type it (quotes where a shell would need them). */
  display: string
  /** Overrides {@link TOOL_TIMEOUT_MS} (tests). */
  timeoutMs?: number
}

/** Runs a {@link ToolSpec}; injectable so the lookups' logic can be tested on sample outputs. */
export type ToolRunner = (spec: ToolSpec) => Promise<ToolRun>

/** A Windows tool by full path: Windows would otherwise look in the current folder first. */
export function windowsTool(name: string): string {
  return `${process.env.SystemRoot ?? 'C:\\Windows'}\\System32\\${name}`
}

/** Bytes the child may print before it is killed (netstat -ano on a busy PC is ~100 KB). */
const MAX_BUFFER = 2 * 1024 * 1024

/** Standard places of ss, lsof and netstat, for GUI apps started with a short PATH. */
const EXTRA_PATH = ['/usr/sbin', '/sbin', '/usr/bin', '/bin']

function searchPath(): string | undefined {
  if (process.platform === 'win32') return process.env.PATH
  const parts = (process.env.PATH ?? '').split(':').filter((p) => p !== '')
  for (const dir of EXTRA_PATH) if (!parts.includes(dir)) parts.push(dir)
  return parts.join(':')
}

function cap(text: string): { output: string; isTruncated: boolean } {
  if (text.length <= MAX_TOOL_OUTPUT_CHARS) return { output: text, isTruncated: false }
  return { output: text.slice(0, MAX_TOOL_OUTPUT_CHARS), isTruncated: true }
}

function joinOutput(stdout: string, stderr: string): string {
  const err = stderr.trimEnd()
  if (err === '') return stdout
  return stdout === '' ? err : `${stdout.trimEnd()}\n${err}`
}

interface ExecError {
  code?: unknown
  killed?: boolean
  signal?: unknown
  message?: unknown
}

/**
 * Past the timeout, how long the runner still waits for the killed child's output to close: a
 * grandchild that inherited the pipes could hold them open, and the report must not wait for it.
 */
const CLOSE_GRACE_MS = 1000

/** The real runner. */
export const runTool: ToolRunner = (spec) =>
  new Promise((resolve) => {
    const timeoutMs = spec.timeoutMs ?? TOOL_TIMEOUT_MS
    let isSettled = false
    let backstop: ReturnType<typeof setTimeout> | undefined
    const done = (
      status: ToolRun['status'],
      exitCode: number | null,
      text: string,
      error: string | null,
    ): void => {
      if (isSettled) return
      isSettled = true
      clearTimeout(backstop)
      resolve({ command: spec.display, status, exitCode, error, ...cap(text) })
    }
    try {
      const child = execFile(
        spec.file,
        [...spec.args],
        {
          shell: false,
          windowsHide: true,
          timeout: timeoutMs,
          // SIGTERM may be ignored; a diagnostic must end.
          killSignal: 'SIGKILL',
          maxBuffer: MAX_BUFFER,
          encoding: 'utf8',
          // English output where the tool is localized (the parsers read numbers, not words).
          env: { ...process.env, PATH: searchPath(), LC_ALL: 'C' },
        },
        (err, stdout, stderr) => {
          const text = joinOutput(stdout, stderr)
          if (!err) return done('exited', 0, text, null)
          const e = err as ExecError
          if (e.code === 'ENOENT') return done('missing', null, text, null)
          if (e.code === 'ERR_CHILD_PROCESS_STDIO_MAXBUFFER')
            return done('failed', null, text, 'The command printed too much')
          if (e.killed === true && e.signal !== null) return done('timeout', null, text, null)
          if (typeof e.code === 'number') return done('exited', e.code, text, null)
          return done('failed', null, text, typeof e.message === 'string' ? e.message : String(err))
        },
      )
      backstop = setTimeout(() => {
        child.kill('SIGKILL')
        child.stdout?.destroy()
        child.stderr?.destroy()
        done('timeout', null, '', null)
      }, timeoutMs + CLOSE_GRACE_MS)
    } catch (err) {
      // Spawning can throw synchronously (e.g. EPERM on some systems).
      done('failed', null, '', err instanceof Error ? err.message : String(err))
    }
  })

/** A run that did not answer, as a diagnostic's outcome. */
export function failureOutcome(run: ToolRun): 'tool-missing' | 'timeout' | 'failed' {
  switch (run.status) {
    case 'missing':
      return 'tool-missing'
    case 'timeout':
      return 'timeout'
    case 'exited':
    case 'failed':
      return 'failed'
    default:
      return assertNever(run.status)
  }
}

/** Tools run at once; the rest wait their turn. */
export const MAX_RUNNING_TOOLS = 2
/** Tools that may wait; past that a run is refused at once (a renderer asking in a loop). */
export const MAX_WAITING_TOOLS = 16

/**
 * `run` with at most {@link MAX_RUNNING_TOOLS} children at a time and at most
 * {@link MAX_WAITING_TOOLS} waiting: however often the lookups are asked for, the processes they
 * start stay few.
 */
export function limitRuns(run: ToolRunner): ToolRunner {
  let running = 0
  const waiting: (() => void)[] = []
  // A finished run hands its slot straight to the oldest waiting one.
  const release = (): void => {
    const nextRun = waiting.shift()
    if (nextRun) nextRun()
    else running -= 1
  }
  return async (spec) => {
    if (running < MAX_RUNNING_TOOLS) running += 1
    else if (waiting.length >= MAX_WAITING_TOOLS)
      return {
        command: spec.display,
        status: 'failed',
        exitCode: null,
        error: 'Too many lookups at once: try again in a moment',
        output: '',
        isTruncated: false,
      }
    else await new Promise<void>((resolve) => waiting.push(resolve))
    try {
      return await run(spec)
    } finally {
      release()
    }
  }
}
