// Test helpers: the launcher as a real process (stubs/run-launcher.cjs or start.cjs itself), its
// output collected as it comes, and waits on what it prints or on its exit, never on a clock.
import { spawn, type ChildProcess } from 'node:child_process'
import { existsSync, mkdtempSync, readFileSync, realpathSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'

type Facts = import('./facts.cjs').Facts

export const isWindows = process.platform === 'win32'
export const SIGNALS_SKIP =
  'Windows has no POSIX signals: the stubs die by SIGTRAP or SIGSEGV as Chromium does on Linux, and the launcher is stopped with SIGINT and SIGTERM'

const running = new Set<ChildProcess>()

/** Kills whatever a failed test left running. */
export function killLeftovers(): void {
  for (const child of running)
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL')
  running.clear()
}

export interface Run {
  child: ChildProcess
  stdout(): string
  stderr(): string
  /** Resolves once the stream has printed `pattern`; rejects if the process exits first. */
  waitFor(stream: 'stdout' | 'stderr', pattern: string | RegExp): Promise<void>
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>
}

/** An environment in which the launcher's language is `language` whatever the machine's. */
export function envFor(
  language: 'en' | 'ru',
  extra: Record<string, string> = {},
): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env }
  for (const name of ['LC_ALL', 'LC_MESSAGES', 'LANGUAGE', 'SOCKETLAB_NO_SANDBOX', 'INIT_CWD'])
    delete env[name]
  env.LANG = language === 'ru' ? 'ru_RU.UTF-8' : 'en_US.UTF-8'
  return { ...env, ...extra }
}

export function startProcess(
  command: string,
  args: string[],
  options: { env: NodeJS.ProcessEnv; cwd?: string; detached?: boolean },
): Run {
  const child = spawn(command, args, { ...options, stdio: ['ignore', 'pipe', 'pipe'] })
  running.add(child)
  const output = { stdout: '', stderr: '' }
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    child.on('exit', (code, signal) => resolve({ code, signal })),
  )
  // 'close' comes after the last output: waits must not miss text printed just before the exit.
  const closed = new Promise<void>((resolve) => child.on('close', () => resolve()))
  child.stdout!.on('data', (data: Buffer) => (output.stdout += data.toString()))
  child.stderr!.on('data', (data: Buffer) => (output.stderr += data.toString()))
  const matches = (stream: 'stdout' | 'stderr', pattern: string | RegExp): boolean =>
    typeof pattern === 'string' ? output[stream].includes(pattern) : pattern.test(output[stream])
  const waitFor = (stream: 'stdout' | 'stderr', pattern: string | RegExp): Promise<void> =>
    new Promise((resolve, reject) => {
      if (matches(stream, pattern)) return resolve()
      const check = (): void => {
        if (!matches(stream, pattern)) return
        child[stream]!.off('data', check)
        resolve()
      }
      child[stream]!.on('data', check)
      void closed.then(() => {
        if (matches(stream, pattern)) return resolve()
        reject(
          new Error(
            `exited before printing ${String(pattern)} on ${stream}\n--- stdout\n${output.stdout}\n--- stderr\n${output.stderr}`,
          ),
        )
      })
    })
  return {
    child,
    stdout: () => output.stdout,
    stderr: () => output.stderr,
    waitFor,
    exited: exited.then(async (result) => {
      await closed
      return result
    }),
  }
}

/** Facts of a Linux desktop where Electron can start; tests change what they need. */
export function desktopFacts(projectRoot: string, changes: Partial<Facts> = {}): Facts {
  const dist = join(projectRoot, 'node_modules', 'electron', 'dist')
  return {
    platform: 'linux',
    electronBinary: join(dist, 'electron'),
    nodeVersion: 'v22.12.0',
    canInstallElectron: true,
    hasDisplay: true,
    display: ':0',
    isRoot: false,
    sudoUser: null,
    appArmorRestrictsUserns: null,
    chromeSandbox: {
      path: join(dist, 'chrome-sandbox'),
      exists: true,
      ownerUid: 1000,
      mode: '755',
      isSetuidRoot: false,
    },
    ...changes,
  }
}

export interface LauncherRun extends Run {
  /** The app folder given to the stub (a temp folder: a stub's core dump would land there). */
  projectRoot: string
  /** How the Electron stub was started, or null if it was not. */
  electronRecord(): {
    pid: number
    argv: string[]
    cwd: string
    env: Record<string, string | null>
  } | null
  /** Browser mode's arguments, or null if it was not started. */
  browserArgs(): string[] | null
  signalsSeen(): string[]
  builds(): number
}

const readOr = <T>(file: string, parse: (text: string) => T, fallback: T): T =>
  existsSync(file) ? parse(readFileSync(file, 'utf8')) : fallback

/** Runs launch.cjs through stubs/run-launcher.cjs against an Electron stub and the browser stub. */
export function runLauncher(options: {
  stub: string
  args?: string[]
  language?: 'en' | 'ru'
  facts?: (projectRoot: string) => Facts
  env?: Record<string, string>
  graceMs?: number
  detached?: boolean
}): LauncherRun {
  const projectRoot = realpathSync(mkdtempSync(join(tmpdir(), 'socket-lab-launch-')))
  const files = {
    electron: join(projectRoot, 'electron.json'),
    browser: join(projectRoot, 'browser.json'),
    signals: join(projectRoot, 'signals.txt'),
    builds: join(projectRoot, 'builds.txt'),
  }
  const config = {
    electronStub: options.stub,
    projectRoot,
    facts: (options.facts ?? desktopFacts)(projectRoot),
    graceMs: options.graceMs,
    buildRecordFile: files.builds,
  }
  const run = startProcess(
    process.execPath,
    [join(__dirname, 'stubs', 'run-launcher.cjs'), JSON.stringify(config), ...(options.args ?? [])],
    {
      cwd: projectRoot,
      detached: options.detached,
      env: envFor(options.language ?? 'en', {
        STUB_RECORD_FILE: files.electron,
        STUB_BROWSER_RECORD_FILE: files.browser,
        STUB_SIGNAL_FILE: files.signals,
        ...options.env,
      }),
    },
  )
  return {
    ...run,
    projectRoot,
    electronRecord: () => readOr(files.electron, JSON.parse, null),
    browserArgs: () => readOr(files.browser, JSON.parse, null),
    signalsSeen: () => readOr(files.signals, (text) => text.split('\n').filter(Boolean), []),
    builds: () => readOr(files.builds, (text) => text.split('\n').filter(Boolean).length, 0),
  }
}

/** Whether a process is still alive. */
export function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0)
    return true
  } catch {
    return false
  }
}

export const BROWSER_URL = 'Socket Lab (browser mode) is running at http://127.0.0.1:1/?token=x'
