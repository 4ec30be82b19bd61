import { spawn } from 'node:child_process'
import {
  chmodSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  readdirSync,
  rmSync,
  writeFileSync,
} from 'node:fs'
import { createRequire } from 'node:module'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'

interface AppCommand {
  label: string
  command: string
  args: string[]
}

interface SmokeModule {
  main: (argv: string[]) => Promise<number>
  findPackagedApps: (
    distDir: string,
    platform: NodeJS.Platform,
    names: { productName: string; linuxExecutable: string },
  ) => AppCommand[]
  appNames: (projectRoot?: string) => { productName: string; linuxExecutable: string }
  parseArgs: (
    argv: string[],
    env: NodeJS.ProcessEnv,
  ) => { distDir: string; timeoutMs: number; command: string[] }
}

const require = createRequire(import.meta.url)
const script = join(import.meta.dirname, 'smoke-packaged.cjs')
const smoke = require('./smoke-packaged.cjs') as SmokeModule

/** What a stub app saw, written to the file in SMOKE_STUB_REPORT. */
interface StubReport {
  argv: string[]
  dataDir: string
  dataDirExisted: boolean
  dataDirEntries: number
  pids: number[]
}

// Each stub plays one way a packaged app can behave. It reports what it was given, and the pids
// of itself and a helper process it starts, so a test can check that a timeout kills both.
const stubPrelude = `
const fs = require('node:fs')
const { spawn } = require('node:child_process')
const dataDir = process.env.SOCKETLAB_DATA_DIR
const report = (pids) => fs.writeFileSync(process.env.SMOKE_STUB_REPORT, JSON.stringify({
  argv: process.argv.slice(2),
  dataDir,
  dataDirExisted: fs.existsSync(dataDir),
  dataDirEntries: fs.existsSync(dataDir) ? fs.readdirSync(dataDir).length : -1,
  pids,
}))
const helper = () => spawn(process.execPath, ['-e', 'setInterval(() => {}, 1000)'], { stdio: 'ignore' })
`
const stubs = {
  opens: `${stubPrelude}
report([process.pid])
console.log('loading')
setTimeout(() => {
  console.log('Socket Lab: the window is open (1280×860)')
  process.exit(0)
}, 50)`,
  failsToLoad: `${stubPrelude}
report([process.pid])
console.log('Socket Lab: could not load the window: ERR_FILE_NOT_FOUND')
process.exit(1)`,
  opensThenFails: `${stubPrelude}
report([process.pid])
console.log('Socket Lab: the window is open')
process.exitCode = 3`,
  hangs: `${stubPrelude}
const child = helper()
report([process.pid, child.pid])
console.error('stuck before the window')
setInterval(() => {}, 1000)`,
  crashes: `${stubPrelude}
report([process.pid])
process.kill(process.pid, 'SIGSEGV')`,
  crashesLeavingHelper: `${stubPrelude}
const child = spawn(process.execPath, ['-e', 'setInterval(() => {}, 1000)'], {
  stdio: ['ignore', 'inherit', 'inherit'],
})
report([process.pid, child.pid])
process.kill(process.pid, 'SIGSEGV')`,
  opensThenHangs: `${stubPrelude}
const child = helper()
report([process.pid, child.pid])
console.log('Socket Lab: the window is open')
setInterval(() => {}, 1000)`,
}
type Stub = keyof typeof stubs

let dir = ''

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'socket-lab-smoke-test-'))
  for (const [name, source] of Object.entries(stubs))
    writeFileSync(join(dir, `${name}.cjs`), source)
})

afterAll(() => {
  rmSync(dir, { recursive: true, force: true })
})

interface Run {
  code: number | null
  output: string
  report: StubReport | null
  /** What the run left in its own temporary folder, where its data folders go. */
  leftovers: string[]
}

/**
 * Runs the smoke script as CI does, with a stub in place of the packaged app, and a temporary
 * folder of its own so a test can see what it leaves behind.
 */
function runSmoke(args: string[], stub?: Stub): Promise<Run> {
  const reportFile = join(dir, `report-${Math.random().toString(36).slice(2)}.json`)
  const tmp = mkdtempSync(join(dir, 'tmp-'))
  const command = stub ? ['--', process.execPath, join(dir, `${stub}.cjs`)] : []
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [script, ...args, ...command], {
      env: { ...process.env, SMOKE_STUB_REPORT: reportFile, TMPDIR: tmp, TMP: tmp, TEMP: tmp },
      stdio: ['ignore', 'pipe', 'pipe'],
    })
    let output = ''
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()))
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()))
    child.on('error', reject)
    child.on('close', (code) => {
      const report = existsSync(reportFile)
        ? (JSON.parse(readFileSync(reportFile, 'utf8')) as StubReport)
        : null
      resolve({ code, output, report, leftovers: readdirSync(tmp) })
    })
  })
}

/** Whether a process is still running; a zombie nobody reaps (as in some containers) is not. */
function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0)
  } catch {
    return false
  }
  if (process.platform !== 'linux') return true
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8')
    return stat.slice(stat.lastIndexOf(')') + 2)[0] !== 'Z'
  } catch {
    return false
  }
}

// Long enough that a stub on a busy machine has started and reported before it is killed.
const HANG_LIMIT_MS = '4000'

describe('smoke-packaged.cjs against stub apps', () => {
  it('passes an app that prints the ready line and exits 0, giving it --smoke-test and a fresh data folder', async () => {
    const run = await runSmoke([], 'opens')
    expect(run.output).toContain('command passed: the window opened and the app exited with 0')
    expect(run.output).toContain('[command] loading')
    expect(run.code).toBe(0)
    expect(run.report?.argv).toEqual(['--smoke-test'])
    expect(run.report?.dataDirExisted).toBe(true)
    expect(run.report?.dataDirEntries).toBe(0)
    expect(existsSync(run.report?.dataDir ?? '')).toBe(false)
    expect(run.leftovers).toEqual([])
  })

  it('fails an app that exits 1 without the ready line, and shows what it printed', async () => {
    const run = await runSmoke([], 'failsToLoad')
    expect(run.output).toContain('could not load the window: ERR_FILE_NOT_FOUND')
    expect(run.output).toContain(
      'command FAILED: exited with 1 without printing "Socket Lab: the window is open"',
    )
    expect(run.code).toBe(1)
  })

  it('fails an app that prints the ready line but exits with another code', async () => {
    const run = await runSmoke([], 'opensThenFails')
    expect(run.output).toContain('the window opened but the app exited with 3')
    expect(run.code).toBe(1)
  })

  it('names the signal that killed a crashed app', async (context) => {
    if (process.platform === 'win32') context.skip('Windows has no signals to report')
    const run = await runSmoke([], 'crashes')
    expect(run.output).toContain('command FAILED: was killed by SIGSEGV without printing')
    expect(run.code).toBe(1)
  })

  it('names the signal when the app was killed but a helper kept its output open past the time limit', async (context) => {
    if (process.platform === 'win32') context.skip('Windows has no signals to report')
    // The stub dies at once; its helper holds stdout open, so the time limit passes while the
    // output drains (the limit is shorter than the drain's few seconds). The app was not killed
    // by us: the report must name the signal, not a timeout.
    const run = await runSmoke(['--timeout-ms', HANG_LIMIT_MS], 'crashesLeavingHelper')
    expect(run.output).toContain('command FAILED: was killed by SIGSEGV without printing')
    expect(run.output).not.toContain('within 4 s')
    expect(run.code).toBe(1)
    const pids = run.report?.pids ?? []
    expect(pids).toHaveLength(2)
    await vi.waitFor(() => expect(pids.filter(isRunning)).toEqual([]), { timeout: 10_000 })
    expect(run.leftovers).toEqual([])
  })

  it('kills an app that never opens its window, helpers included, at the time limit', async () => {
    const run = await runSmoke(['--timeout-ms', HANG_LIMIT_MS], 'hangs')
    expect(run.output).toContain('(stderr) stuck before the window')
    expect(run.output).toContain('no "Socket Lab: the window is open" line within 4 s')
    expect(run.code).toBe(1)
    const pids = run.report?.pids ?? []
    expect(pids).toHaveLength(2)
    await vi.waitFor(() => expect(pids.filter(isRunning)).toEqual([]), { timeout: 10_000 })
  })

  it('kills an app that opens its window but does not quit', async () => {
    const run = await runSmoke(['--timeout-ms', HANG_LIMIT_MS], 'opensThenHangs')
    expect(run.output).toContain('the window opened but the app did not exit within 4 s')
    expect(run.code).toBe(1)
    const pids = run.report?.pids ?? []
    expect(pids).toHaveLength(2)
    await vi.waitFor(() => expect(pids.filter(isRunning)).toEqual([]), { timeout: 10_000 })
  })

  // What could not be started, and why, in one line; no stack trace, no data folder left behind.
  // Node throws at once for the empty command and ENOTDIR, and emits 'error' for ENOENT and EACCES.
  const unstartable = [
    {
      name: 'an empty command',
      command: () => '',
      reason: /could not start "": The argument 'file' cannot be empty/,
      posixOnly: false,
    },
    {
      name: 'a missing file',
      command: () => join(dir, 'no-such-app'),
      reason: /could not start ".*no-such-app": no such file or directory \(ENOENT\)/,
      posixOnly: false,
    },
    {
      name: 'a file that is not executable',
      command: () => {
        const file = join(dir, 'not-executable')
        writeFileSync(file, 'console.log(1)')
        chmodSync(file, 0o644)
        return file
      },
      reason: /could not start ".*not-executable": permission denied \(EACCES\)/,
      posixOnly: true,
    },
    {
      name: 'a path through a file',
      command: () => join(dir, 'opens.cjs', 'app'),
      reason: /could not start ".*app": not a directory \(ENOTDIR\)/,
      posixOnly: true,
    },
  ]
  it.for(unstartable)(
    'fails in one line, cleaning up, when the app cannot be started: $name',
    async ({ command, reason, posixOnly }, context) => {
      if (posixOnly && process.platform === 'win32') context.skip('POSIX errors')
      const run = await runSmoke(['--', command()])
      const failures = run.output.split('\n').filter((line) => line.includes('FAILED'))
      expect(failures).toHaveLength(1)
      expect(failures[0]).toMatch(/^smoke: command FAILED: /)
      expect(failures[0]).toMatch(reason)
      expect(run.output).not.toMatch(/^\s+at /m)
      expect(run.output).toContain('smoke: 0 passed, 1 failed')
      expect(run.code).toBe(1)
      expect(run.leftovers).toEqual([])
    },
  )

  it('main resolves to 1, never rejects, when the command cannot be started', async () => {
    const lines: string[] = []
    const capture = (...args: unknown[]) => void lines.push(args.join(' '))
    const log = vi.spyOn(console, 'log').mockImplementation(capture)
    const error = vi.spyOn(console, 'error').mockImplementation(capture)
    try {
      await expect(smoke.main(['--', ''])).resolves.toBe(1)
    } finally {
      log.mockRestore()
      error.mockRestore()
    }
    expect(lines).toContainEqual(
      expect.stringMatching(/^smoke: command FAILED: could not start ""/),
    )
  })

  it('fails when dist/ holds no packaged app', async () => {
    const empty = mkdtempSync(join(dir, 'dist-'))
    const run = await runSmoke(['--dist', empty])
    expect(run.output).toContain(`no packaged app for ${process.platform}`)
    expect(run.code).toBe(1)
  })

  it('refuses an unknown argument with a usage line and exit code 2', async () => {
    const run = await runSmoke(['--timeout', '5'])
    expect(run.output).toContain('unknown argument: --timeout')
    expect(run.output).toContain('usage: smoke-packaged.cjs')
    expect(run.code).toBe(2)
  })

  it.each([
    [['--dist', '--'], '--dist needs a folder, not "--"'],
    [['--dist', '--timeout-ms', '5'], '--dist needs a folder, not "--timeout-ms"'],
    [['--dist'], '--dist needs a folder'],
    [
      ['--timeout-ms', '--', 'app'],
      '--timeout-ms needs a number of milliseconds above 0, not "--"',
    ],
  ])('refuses an option or -- as the value of an option: %j', async (args, message) => {
    const run = await runSmoke(args)
    expect(run.output).toContain(`smoke: ${message}`)
    expect(run.output).toContain('usage: smoke-packaged.cjs')
    expect(run.output).not.toContain('no packaged app')
    expect(run.code).toBe(2)
  })
})

describe('findPackagedApps', () => {
  const names = { productName: 'Socket Lab', linuxExecutable: 'socket-lab' }

  function tree(files: string[]): string {
    const root = mkdtempSync(join(dir, 'tree-'))
    for (const file of files) {
      mkdirSync(join(root, file, '..'), { recursive: true })
      writeFileSync(join(root, file), '')
    }
    return root
  }

  it('finds the unpacked Linux app per architecture and the AppImage', () => {
    const dist = tree([
      'linux-unpacked/socket-lab',
      'linux-arm64-unpacked/socket-lab',
      'socket-lab-0.1.0-linux-x86_64.AppImage',
      'socket-lab-0.1.0-linux-amd64.deb',
      '.icon-set/icon_16x16.png',
      'linux-unpacked-old/socket-lab',
    ])
    expect(smoke.findPackagedApps(dist, 'linux', names)).toEqual([
      {
        label: 'linux-arm64-unpacked',
        command: join(dist, 'linux-arm64-unpacked/socket-lab'),
        args: [],
      },
      { label: 'linux-unpacked', command: join(dist, 'linux-unpacked/socket-lab'), args: [] },
      {
        label: 'socket-lab-0.1.0-linux-x86_64.AppImage',
        command: join(dist, 'socket-lab-0.1.0-linux-x86_64.AppImage'),
        args: ['--appimage-extract-and-run'],
      },
    ])
  })

  it('finds the Windows app by its product name', () => {
    const dist = tree(['win-unpacked/Socket Lab.exe', 'socket-lab-0.1.0-win-x64.exe'])
    expect(smoke.findPackagedApps(dist, 'win32', names)).toEqual([
      { label: 'win-unpacked', command: join(dist, 'win-unpacked/Socket Lab.exe'), args: [] },
    ])
  })

  it('finds the executable inside the macOS bundle, Intel or Apple silicon', () => {
    const binary = 'Socket Lab.app/Contents/MacOS/Socket Lab'
    const dist = tree([`mac/${binary}`, `mac-arm64/${binary}`, 'socket-lab-0.1.0-mac-arm64.dmg'])
    expect(smoke.findPackagedApps(dist, 'darwin', names)).toEqual([
      { label: 'mac', command: join(dist, 'mac', binary), args: [] },
      { label: 'mac-arm64', command: join(dist, 'mac-arm64', binary), args: [] },
    ])
  })

  it('finds nothing where a folder lacks its executable or the dist folder is missing', () => {
    const dist = tree(['linux-unpacked/electron', 'win-unpacked/electron.exe'])
    expect(smoke.findPackagedApps(dist, 'linux', names)).toEqual([])
    expect(smoke.findPackagedApps(dist, 'win32', names)).toEqual([])
    expect(smoke.findPackagedApps(join(dist, 'missing'), 'darwin', names)).toEqual([])
  })

  it('takes the names from package.json, as electron-builder does', () => {
    expect(smoke.appNames()).toEqual(names)
  })
})

describe('parseArgs', () => {
  it('reads the dist folder, the time limit and the command after --', () => {
    const options = smoke.parseArgs(
      ['--dist', 'out-dir', '--timeout-ms', '1500', '--', 'app', '-x'],
      {},
    )
    expect(options.timeoutMs).toBe(1500)
    expect(options.distDir).toMatch(/out-dir$/)
    expect(options.command).toEqual(['app', '-x'])
  })

  it('refuses another option, --, or nothing as the value of an option', () => {
    expect(() => smoke.parseArgs(['--dist', '--'], {})).toThrow('--dist needs a folder, not "--"')
    expect(() => smoke.parseArgs(['--dist', '--timeout-ms', '9'], {})).toThrow(
      '--dist needs a folder, not "--timeout-ms"',
    )
    expect(() => smoke.parseArgs(['--dist', ''], {})).toThrow('--dist needs a folder')
    expect(() => smoke.parseArgs(['--timeout-ms', '--dist', 'x'], {})).toThrow(
      '--timeout-ms needs a number of milliseconds above 0, not "--dist"',
    )
    expect(() => smoke.parseArgs(['--timeout-ms', '0'], {})).toThrow('--timeout-ms needs')
    expect(smoke.parseArgs(['--dist', './-odd-name'], {}).distDir).toMatch(/-odd-name$/)
  })

  it('waits 60 s unless SOCKETLAB_SMOKE_TIMEOUT_MS says otherwise', () => {
    expect(smoke.parseArgs([], {}).timeoutMs).toBe(60_000)
    expect(smoke.parseArgs([], { SOCKETLAB_SMOKE_TIMEOUT_MS: '90000' }).timeoutMs).toBe(90_000)
  })
})
