// Child processes as the launcher runs them: never through a shell (paths with spaces, on Windows
// too, stay one argument), with Ctrl-C and SIGTERM passed on, and the launcher ending after them.
'use strict'
const { spawn } = require('node:child_process')
const { readLines } = require('./child-output.cjs')

/** How long a child may take to quit after a forwarded signal before it is killed. */
const GRACE_MS = 10_000

/** After the child exits, how long its grandchildren may keep our pipes open before we stop reading. */
const DRAIN_MS = 2_000

/** Signals a terminal or a service manager sends to stop a program; SIGHUP does not exist on Windows. */
const STOP_SIGNALS = /** @type {NodeJS.Signals[]} */ (
  process.platform === 'win32' ? ['SIGINT', 'SIGTERM'] : ['SIGINT', 'SIGTERM', 'SIGHUP']
)

/**
 * How a child ended. `error` is set when it could not be started at all (then code is null).
 *
 * @typedef {{ code: number | null, signal: NodeJS.Signals | null, error: Error | null }} Ending
 */

/**
 * Passes the launcher's stop signals on to `child` until it exits. A terminal's Ctrl-C reaches the
 * whole process group anyway; forwarding covers `kill <launcher pid>` and Windows, where the
 * desktop app, a GUI program, gets no console Ctrl-C (there child.kill ends it at once).
 * If the child is still running `graceMs` after the first forwarded signal, it is killed.
 *
 * @param {import('node:child_process').ChildProcess} child
 * @param {{ graceMs?: number, onKill?: (signal: NodeJS.Signals) => void }} [options]
 * @returns {{ received: () => NodeJS.Signals | null, dispose: () => void }}
 */
function forwardSignals(child, options = {}) {
  const graceMs = options.graceMs ?? GRACE_MS
  /** @type {NodeJS.Signals | null} */
  let received = null
  /** @type {NodeJS.Timeout | null} */
  let timer = null
  const running = () => child.exitCode === null && child.signalCode === null
  /** @type {Array<[NodeJS.Signals, () => void]>} */
  const handlers = STOP_SIGNALS.map((signal) => [
    signal,
    () => {
      received ??= signal
      if (!running()) return
      child.kill(signal)
      timer ??= setTimeout(() => {
        if (!running()) return
        options.onKill?.(signal)
        child.kill('SIGKILL')
      }, graceMs)
    },
  ])
  for (const [signal, handler] of handlers) process.on(signal, handler)
  return {
    received: () => received,
    dispose() {
      for (const [signal, handler] of handlers) process.off(signal, handler)
      if (timer) clearTimeout(timer)
    },
  }
}

/**
 * Starts `command` with piped stdout and stderr, calling `onLine` for each line as it arrives,
 * and resolves once it has exited and its output is read. Stop signals are forwarded meanwhile.
 *
 * @param {string} command
 * @param {string[]} args
 * @param {import('node:child_process').SpawnOptions} spawnOptions cwd, env, windowsHide
 * @param {(stream: 'stdout' | 'stderr', line: string) => void} onLine
 * @param {{ graceMs?: number, onKill?: (signal: NodeJS.Signals) => void }} [signalOptions]
 * @returns {Promise<Ending & { interruptedBy: NodeJS.Signals | null }>}
 */
function runPiped(command, args, spawnOptions, onLine, signalOptions) {
  return new Promise((resolve) => {
    const child = spawn(command, args, { ...spawnOptions, stdio: ['ignore', 'pipe', 'pipe'] })
    const forwarding = forwardSignals(child, signalOptions)
    let open = 2
    let resolved = false
    /** @type {Ending | null} */
    let ending = null
    /** @type {NodeJS.Timeout | null} */
    let drainTimer = null
    const finish = () => {
      if (resolved || !ending) return
      resolved = true
      if (drainTimer) clearTimeout(drainTimer)
      forwarding.dispose()
      resolve({ ...ending, interruptedBy: forwarding.received() })
    }
    for (const name of /** @type {const} */ (['stdout', 'stderr'])) {
      const stream = child[name]
      if (!stream) continue
      readLines(stream, (line) => onLine(name, line))
      stream.on('close', () => {
        open -= 1
        if (open === 0) finish()
      })
    }
    child.on('error', (error) => {
      // Not started at all (ENOENT, EACCES): no exit event follows.
      if (child.pid !== undefined) return
      ending = { code: null, signal: null, error }
      finish()
    })
    child.on('exit', (code, signal) => {
      ending = { code, signal, error: null }
      if (open === 0) return finish()
      // A grandchild (Chromium's zygote, a GPU process) may hold our pipes open past the exit.
      drainTimer = setTimeout(() => {
        child.stdout?.destroy()
        child.stderr?.destroy()
        finish()
      }, DRAIN_MS)
    })
  })
}

/**
 * Runs `command` with our own stdin, stdout and stderr (browser mode prints its address itself),
 * forwarding stop signals, and resolves with how it ended.
 *
 * @param {string} command
 * @param {string[]} args
 * @param {import('node:child_process').SpawnOptions} spawnOptions
 * @returns {Promise<Ending>}
 */
function runInherited(command, args, spawnOptions) {
  return new Promise((resolve) => {
    const child = spawn(command, args, { ...spawnOptions, stdio: 'inherit' })
    const forwarding = forwardSignals(child)
    child.on('error', (error) => {
      if (child.pid !== undefined) return
      forwarding.dispose()
      resolve({ code: null, signal: null, error })
    })
    child.on('exit', (code, signal) => {
      forwarding.dispose()
      resolve({ code, signal, error: null })
    })
  })
}

module.exports = { GRACE_MS, STOP_SIGNALS, forwardSignals, runPiped, runInherited }
