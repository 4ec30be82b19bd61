#!/usr/bin/env node
// `npm run smoke`: starts each packaged app that `npm run package` left in dist/ with
// `--smoke-test` and a fresh data folder, and requires, within the time limit, the line
// "Socket Lab: the window is open…" on its stdout and then exit code 0. The main process prints
// that line once its window is shown and quits; on a load failure it prints why and exits 1.
//
//   node scripts/smoke-packaged.cjs [--dist DIR] [--timeout-ms N] [-- COMMAND ARGS…]
//
// After `--`, COMMAND ARGS… is run instead of the apps found in dist/ (the tests use a stub).
// The time limit is 60 s unless --timeout-ms or SOCKETLAB_SMOKE_TIMEOUT_MS says otherwise.
// Exit code: 0 when every app passed, 1 when one failed or could not be started, 2 on a usage error.
'use strict'
const { spawn, spawnSync } = require('node:child_process')
const fs = require('node:fs')
const os = require('node:os')
const path = require('node:path')
const util = require('node:util')

const root = path.join(__dirname, '..')

/** The start of the line the app prints once its window is visible. */
const READY_PREFIX = 'Socket Lab: the window is open'

/** How long an app gets to open its window and exit, unless told otherwise. */
const DEFAULT_TIMEOUT_MS = 60_000

/** How long to wait for an app's output to drain after it exited or was killed. */
const DRAIN_MS = 5_000

const USAGE = 'usage: smoke-packaged.cjs [--dist DIR] [--timeout-ms N] [-- COMMAND ARGS…]'

/** A command line the script does not understand: reported with the usage line, exit code 2. */
class UsageError extends Error {}

/**
 * Apps running now, killed with us: in their own process groups they would not get our Ctrl-C.
 *
 * @type {Set<import('node:child_process').ChildProcess>}
 */
const running = new Set()

/**
 * @typedef {object} AppCommand
 * @property {string} label what the report calls it
 * @property {string} command the executable
 * @property {string[]} args arguments before `--smoke-test`
 */

/**
 * @typedef {object} SmokeResult
 * @property {boolean} ok the ready line came and the app exited with 0, both within the limit
 * @property {string} reason one sentence for the report
 * @property {boolean} sawReady whether the ready line came
 * @property {number | null} code the exit code, null if killed or never started
 * @property {NodeJS.Signals | null} signal the signal that killed the app, if one did
 * @property {number} elapsedMs
 */

/**
 * An error in words: for a system error the OS's own description and code, e.g. "no such file or
 * directory (ENOENT)", otherwise its message.
 *
 * @param {unknown} error
 * @returns {string}
 */
function describeError(error) {
  const errno = /** @type {NodeJS.ErrnoException | null | undefined} */ (error)?.errno
  const known = typeof errno === 'number' ? util.getSystemErrorMap().get(errno) : undefined
  if (known) return `${known[1]} (${known[0]})`
  return error instanceof Error ? error.message : String(error)
}

/**
 * Entries of a folder, or none when it does not exist.
 *
 * @param {string} dir
 * @returns {fs.Dirent[]}
 */
function list(dir) {
  try {
    return fs.readdirSync(dir, { withFileTypes: true })
  } catch {
    return []
  }
}

/**
 * Whether a path is a file (following symbolic links); false when it does not exist.
 *
 * @param {string} file
 */
function isFile(file) {
  try {
    return fs.statSync(file).isFile()
  } catch {
    return false
  }
}

/**
 * The parts of package.json that name the app.
 *
 * @typedef {object} PackageJson
 * @property {string} name
 * @property {string} [productName]
 * @property {{ productName?: string, linux?: { executableName?: string } }} [build]
 */

/**
 * The names electron-builder gives the app, read from package.json so they cannot drift.
 *
 * @param {string} [projectRoot]
 * @returns {{ productName: string, linuxExecutable: string }}
 */
function appNames(projectRoot = root) {
  const pkg = /** @type {PackageJson} */ (
    JSON.parse(fs.readFileSync(path.join(projectRoot, 'package.json'), 'utf8'))
  )
  const productName = pkg.build?.productName ?? pkg.productName ?? pkg.name
  return { productName, linuxExecutable: pkg.build?.linux?.executableName ?? pkg.name }
}

/**
 * The packaged apps in an electron-builder output folder, for one platform.
 *
 * electron-builder names the unpacked folder after the platform and, except for x64, the
 * architecture: linux-unpacked or linux-arm64-unpacked, win-unpacked or win-arm64-unpacked, mac,
 * mac-arm64 or mac-universal. On Linux the AppImage runs too, with
 * `--appimage-extract-and-run`, which needs no FUSE (GitHub's Ubuntu runners have none).
 *
 * @param {string} distDir
 * @param {NodeJS.Platform} [platform]
 * @param {{ productName: string, linuxExecutable: string }} [names]
 * @returns {AppCommand[]}
 */
function findPackagedApps(distDir, platform = process.platform, names = appNames()) {
  /** @type {AppCommand[]} */
  const apps = []
  const dirs = list(distDir)
    .filter((entry) => entry.isDirectory())
    .map((entry) => entry.name)
    .sort()
  /**
   * @param {string} label
   * @param {string} command
   * @param {string[]} [args]
   */
  const add = (label, command, args = []) => {
    if (isFile(command)) apps.push({ label, command, args })
  }
  if (platform === 'linux') {
    for (const dir of dirs.filter((name) => /^linux(-[a-z0-9]+)?-unpacked$/.test(name))) {
      add(dir, path.join(distDir, dir, names.linuxExecutable))
    }
    for (const entry of list(distDir)) {
      if (entry.isFile() && entry.name.endsWith('.AppImage')) {
        add(entry.name, path.join(distDir, entry.name), ['--appimage-extract-and-run'])
      }
    }
  } else if (platform === 'win32') {
    for (const dir of dirs.filter((name) => /^win(-[a-z0-9]+)?-unpacked$/.test(name))) {
      add(dir, path.join(distDir, dir, `${names.productName}.exe`))
    }
  } else if (platform === 'darwin') {
    for (const dir of dirs.filter((name) => /^mac(-[a-z0-9]+)?$/.test(name))) {
      const bundle = `${names.productName}.app`
      add(dir, path.join(distDir, dir, bundle, 'Contents', 'MacOS', names.productName))
    }
  }
  return apps
}

/**
 * Kills a process and everything it started: Electron runs GPU, network and renderer helpers that
 * would otherwise outlive it and keep its output pipes open.
 *
 * @param {import('node:child_process').ChildProcess} child started with `detached` on POSIX, so
 *   that it leads its own process group
 */
function killTree(child) {
  if (child.pid === undefined) return
  if (process.platform === 'win32') {
    spawnSync('taskkill', ['/pid', String(child.pid), '/T', '/F'], { stdio: 'ignore' })
    return
  }
  try {
    process.kill(-child.pid, 'SIGKILL')
  } catch {
    // The group is gone already.
  }
}

/**
 * Runs one app with `--smoke-test` and a fresh SOCKETLAB_DATA_DIR and judges it.
 *
 * Every line the app prints is passed on to `log` with its label, so a CI log shows why it failed.
 *
 * @param {AppCommand} app
 * @param {{ timeoutMs?: number, log?: (line: string) => void }} [options]
 * @returns {Promise<SmokeResult>}
 */
function smokeApp(app, { timeoutMs = DEFAULT_TIMEOUT_MS, log = console.log } = {}) {
  const started = Date.now()
  /**
   * @param {boolean} ok
   * @param {string} reason
   * @param {{ sawReady?: boolean, code?: number | null, signal?: NodeJS.Signals | null }} [seen]
   * @returns {SmokeResult}
   */
  const result = (ok, reason, { sawReady = false, code = null, signal = null } = {}) => ({
    ok,
    reason,
    sawReady,
    code,
    signal,
    elapsedMs: Date.now() - started,
  })
  const startFailure = (/** @type {unknown} */ error) =>
    result(false, `could not start "${app.command}": ${describeError(error)}`)

  /** @type {string} */
  let dataDir
  try {
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'socket-lab-smoke-'))
  } catch (error) {
    return Promise.resolve(
      result(false, `could not make a data folder in ${os.tmpdir()}: ${describeError(error)}`),
    )
  }
  const removeDataDir = () => {
    try {
      fs.rmSync(dataDir, { recursive: true, force: true, maxRetries: 10, retryDelay: 200 })
    } catch (error) {
      log(`[${app.label}] could not remove ${dataDir}: ${describeError(error)}`)
    }
  }

  /** @type {import('node:child_process').ChildProcess} */
  let child
  try {
    child = spawn(app.command, [...app.args, '--smoke-test'], {
      env: { ...process.env, SOCKETLAB_DATA_DIR: dataDir },
      stdio: ['ignore', 'pipe', 'pipe'],
      // Its own process group, so a timeout can kill the helpers too.
      detached: process.platform !== 'win32',
      windowsHide: true,
    })
  } catch (error) {
    // Node throws at once for an unusable command (an empty one, a path through a file…); the
    // commonest OS errors (ENOENT, EACCES) come as an 'error' event instead, below.
    removeDataDir()
    return Promise.resolve(startFailure(error))
  }
  running.add(child)

  return new Promise((resolve) => {
    let sawReady = false
    /** @type {number | null} */
    let code = null
    /** @type {NodeJS.Signals | null} */
    let signal = null
    let timedOut = false
    let settled = false
    /** @type {NodeJS.Timeout | null} */
    let drain = null

    /** @param {SmokeResult} outcome */
    const settle = (outcome) => {
      if (settled) return
      settled = true
      running.delete(child)
      clearTimeout(limit)
      if (drain) clearTimeout(drain)
      removeDataDir()
      resolve(outcome)
    }
    /**
     * @param {boolean} ok
     * @param {string} reason
     */
    const finish = (ok, reason) => settle(result(ok, reason, { sawReady, code, signal }))
    const ended = () => (signal ? `was killed by ${signal}` : `exited with ${code}`)
    const judge = () => {
      const seconds = `${Math.round(timeoutMs / 100) / 10} s`
      if (timedOut) {
        finish(
          false,
          sawReady
            ? `the window opened but the app did not exit within ${seconds}`
            : `no "${READY_PREFIX}" line within ${seconds}`,
        )
      } else if (!sawReady) {
        finish(false, `${ended()} without printing "${READY_PREFIX}"`)
      } else if (code !== 0) {
        finish(false, `the window opened but the app ${ended()}`)
      } else {
        finish(true, 'the window opened and the app exited with 0')
      }
    }
    // `close` comes once the output is drained. A helper process that keeps the pipes open must
    // not make us wait for ever, so once the app has exited (or been killed) the drain gets a
    // few seconds, then we judge on what we have.
    const startDrain = () => {
      drain ??= setTimeout(() => {
        killTree(child)
        child.stdout?.destroy()
        child.stderr?.destroy()
        judge()
      }, DRAIN_MS)
    }

    // No pipes when the start failed for want of file descriptors (EMFILE, ENFILE): 'error' comes.
    if (child.stdout) {
      eachLine(child.stdout, (line) => {
        log(`[${app.label}] ${line}`)
        if (line.startsWith(READY_PREFIX)) sawReady = true
      })
    }
    if (child.stderr) eachLine(child.stderr, (line) => log(`[${app.label}] (stderr) ${line}`))
    child.on('exit', (exitCode, exitSignal) => {
      code = exitCode
      signal = exitSignal
      startDrain()
    })
    child.on('close', judge)
    // Only a failed start comes here: nothing else of ours (such as child.kill) emits 'error'.
    child.on('error', (error) => settle(startFailure(error)))

    const limit = setTimeout(() => {
      // The app has ended already, with a code or by a signal: its output is draining, and it is
      // judged on how it ended, not as timed out.
      if (code !== null || signal !== null) return
      timedOut = true
      killTree(child)
      startDrain()
    }, timeoutMs)
  })
}

/**
 * Calls onLine for every line of a stream, without its line ending.
 *
 * @param {import('node:stream').Readable} stream
 * @param {(line: string) => void} onLine
 */
function eachLine(stream, onLine) {
  let rest = ''
  stream.setEncoding('utf8')
  stream.on('data', (/** @type {string} */ chunk) => {
    const parts = (rest + chunk).split('\n')
    rest = parts.pop() ?? ''
    for (const part of parts) onLine(part.replace(/\r$/, ''))
  })
  stream.on('end', () => {
    if (rest) onLine(rest.replace(/\r$/, ''))
  })
}

/**
 * Parses the command line.
 *
 * An option that takes a value refuses a missing or empty one and one that starts with `-`
 * (another option, or `--`): `--dist --` is a mistake, not a folder named `--`. A folder whose
 * name starts with `-` can be given as `./-name`.
 *
 * @param {string[]} argv the arguments after the script's name
 * @param {NodeJS.ProcessEnv} [env]
 * @returns {{ distDir: string, timeoutMs: number, command: string[] }}
 * @throws {UsageError}
 */
function parseArgs(argv, env = process.env) {
  let distDir = path.join(root, 'dist')
  let timeoutMs = Number(env.SOCKETLAB_SMOKE_TIMEOUT_MS) || DEFAULT_TIMEOUT_MS
  /** @type {string[]} */
  let command = []
  /**
   * The value after the option at argv[i].
   *
   * @param {number} i
   * @param {string} what what the option needs, for the message
   */
  const valueOf = (i, what) => {
    const value = argv[i + 1]
    if (value === undefined || value === '') throw new UsageError(`${argv[i]} needs ${what}`)
    if (value.startsWith('-')) throw new UsageError(`${argv[i]} needs ${what}, not "${value}"`)
    return value
  }
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]
    if (arg === '--') {
      command = argv.slice(i + 1)
      break
    } else if (arg === '--dist') {
      distDir = path.resolve(valueOf(i, 'a folder'))
      i++
    } else if (arg === '--timeout-ms') {
      const what = 'a number of milliseconds above 0'
      const value = valueOf(i, what)
      if (!(Number(value) > 0)) throw new UsageError(`${arg} needs ${what}, not "${value}"`)
      timeoutMs = Number(value)
      i++
    } else {
      throw new UsageError(`unknown argument: ${arg}`)
    }
  }
  return { distDir, timeoutMs, command }
}

/**
 * Runs the smoke test of every app found (or of the given command) one after the other.
 *
 * Never rejects: whatever goes wrong is reported on stderr and becomes the exit code.
 *
 * @param {string[]} argv
 * @returns {Promise<number>} the exit code: 0 when every app passed, 2 on a usage error, 1 otherwise
 */
async function main(argv) {
  try {
    return await smokeAll(parseArgs(argv))
  } catch (error) {
    console.error(`smoke: ${describeError(error)}`)
    if (!(error instanceof UsageError)) return 1
    console.error(USAGE)
    return 2
  }
}

/**
 * @param {{ distDir: string, timeoutMs: number, command: string[] }} options
 * @returns {Promise<number>} 0 when every app passed, 1 otherwise
 */
async function smokeAll(options) {
  const [command, ...args] = options.command
  const apps =
    command !== undefined
      ? [{ label: 'command', command, args }]
      : findPackagedApps(options.distDir)
  if (apps.length === 0) {
    console.error(
      `smoke: no packaged app for ${process.platform} in ${options.distDir}; run \`npm run package\` first`,
    )
    return 1
  }
  let failed = 0
  for (const app of apps) {
    console.log(`smoke: starting ${app.command} ${[...app.args, '--smoke-test'].join(' ')}`)
    const result = await smokeApp(app, { timeoutMs: options.timeoutMs })
    const verdict = result.ok ? 'passed' : 'FAILED'
    console.log(`smoke: ${app.label} ${verdict}: ${result.reason} (${result.elapsedMs} ms)`)
    if (!result.ok) failed += 1
  }
  console.log(`smoke: ${apps.length - failed} passed, ${failed} failed`)
  return failed === 0 ? 0 : 1
}

module.exports = {
  DEFAULT_TIMEOUT_MS,
  READY_PREFIX,
  appNames,
  findPackagedApps,
  main,
  parseArgs,
  smokeApp,
}

if (require.main === module) {
  for (const signal of ['SIGINT', 'SIGTERM']) {
    process.on(signal, () => {
      for (const child of running) killTree(child)
      process.exit(1)
    })
  }
  void main(process.argv.slice(2)).then((code) => {
    process.exitCode = code
  })
}
