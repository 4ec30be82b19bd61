// `npm start`: parse the options, decide, start the desktop app and watch it, explain a failed
// start and fall back to browser mode. Every collaborator is injectable, so tests run this very
// function against stub binaries (scripts/launcher/stubs/) with real child processes.
'use strict'
const path = require('node:path')
const { parseLauncherArgs, browserArgs } = require('./args.cjs')
const { createTail } = require('./child-output.cjs')
const { classifyFailure } = require('./classify.cjs')
const { explainFailure, howItEnded, exitCodeOf } = require('./explain.cjs')
const { gatherFacts } = require('./facts.cjs')
const { pickLanguage, translator } = require('./messages.cjs')
const { decide } = require('./preflight.cjs')
const { GRACE_MS, runInherited, runPiped } = require('./processes.cjs')
const { renderBlocks } = require('./text-layout.cjs')

const ROOT = path.join(__dirname, '..', '..')

/**
 * The line the main process prints on stdout once its window is visible (src/main/index.ts; its
 * log echoes it on stderr). Before it, a failure is a failed start and browser mode takes over;
 * after it, the app ran and is left alone.
 */
const STARTED_MARKER = /^Socket Lab: the window is open \(log file: (.*)\)$/

/** A signal that means someone asked the child to stop: its end is not a failed start. */
const STOPPED_BY = new Set(['SIGINT', 'SIGTERM', 'SIGHUP'])

/**
 * A command and the arguments that come before ours.
 *
 * @typedef {{ command: string, args: string[] }} CommandLine
 */

/**
 * @typedef {object} LaunchDeps
 * @property {readonly string[]} argv the arguments after the script name
 * @property {Record<string, string | undefined>} [env] default process.env
 * @property {string} [cwd] default process.cwd()
 * @property {string} [projectRoot] the app folder Electron is given (package.json "main")
 * @property {import('./facts.cjs').Facts} [facts] default: gathered from this machine
 * @property {() => string | null} [electronBinaryPath] default scripts/electron-binary.cjs
 * @property {CommandLine} [electron] default: the binary itself, no leading arguments
 * @property {CommandLine} [browser] default: node scripts/web.cjs
 * @property {() => void} [ensureBuilt] default: web.cjs's, which builds when out/ is stale
 * @property {NodeJS.WritableStream} [stdout]
 * @property {NodeJS.WritableStream} [stderr]
 * @property {'en' | 'ru'} [language] default: the terminal's (see pickLanguage)
 * @property {number} [graceMs] how long the app may take to quit after a signal
 */

/**
 * What the steps below share.
 *
 * @typedef {object} Session
 * @property {LaunchDeps} deps
 * @property {Record<string, string | undefined>} env
 * @property {string} projectRoot
 * @property {import('./args.cjs').LaunchOptions} options
 * @property {import('./facts.cjs').Facts} facts
 * @property {ReturnType<typeof translator>} t
 * @property {NodeJS.WritableStream} stdout
 * @property {NodeJS.WritableStream} stderr
 */

/** Writes text as it is: laid-out paragraphs, the child's own lines. */
const say = (/** @type {NodeJS.WritableStream} */ stream, /** @type {string} */ text) =>
  stream.write(`${text}\n`)

/** Writes one catalog sentence wrapped at ~100 columns. */
const tell = (/** @type {NodeJS.WritableStream} */ stream, /** @type {string} */ text) =>
  say(stream, renderBlocks([{ text }]))

/**
 * Runs browser mode (web.cjs) with the user's browser-mode options, to its end.
 *
 * @param {Session} session
 * @param {boolean} noDisplay adds --no-open
 * @returns {Promise<number>} its exit code
 */
async function runBrowserMode(session, noDisplay) {
  const browser = session.deps.browser ?? {
    command: process.execPath,
    args: [path.join(__dirname, '..', 'web.cjs')],
  }
  const args = [...browser.args, ...browserArgs(session.options, { noDisplay })]
  const ending = await runInherited(browser.command, args, {
    cwd: session.projectRoot,
    env: session.env,
    windowsHide: true,
  })
  if (ending.error) {
    const { t } = session
    say(
      session.stderr,
      t('spawnFailed', { command: browser.command, message: ending.error.message }),
    )
    return 1
  }
  return exitCodeOf(ending.code, ending.signal)
}

/**
 * Builds if needed, starts the desktop app and watches it to its end; after a failed start,
 * explains it and runs browser mode.
 *
 * @param {Session} session
 * @param {import('./args.cjs').LaunchOptions['noSandbox']} noSandbox
 * @returns {Promise<number>}
 */
async function runDesktop(session, noSandbox) {
  const { deps, t, stdout, stderr, facts } = session
  try {
    ;(deps.ensureBuilt ?? require('../web.cjs').ensureBuilt)()
  } catch (error) {
    tell(
      stderr,
      t('buildFailed', { detail: error instanceof Error ? error.message : String(error) }),
    )
    return 1
  }

  const electron = deps.electron ?? {
    command: /** @type {string} */ (facts.electronBinary),
    args: [],
  }
  // Chromium reads its switches before the app's path; only the user's own opt-in adds this one.
  const args = [...electron.args, ...(noSandbox ? ['--no-sandbox'] : []), session.projectRoot]
  if (noSandbox) tell(stderr, t('sandboxOff', { source: noSandbox }))

  const env = { ...session.env }
  // Set in some shells and CI images; it would make Electron a plain Node.js.
  delete env.ELECTRON_RUN_AS_NODE
  if (session.options.dataDir !== null) env.SOCKETLAB_DATA_DIR = session.options.dataDir

  const tail = createTail()
  let started = false
  let announced = false
  const ending = await runPiped(
    electron.command,
    args,
    // windowsHide must stay false: on Windows it would hide the app's first window (electron#15467).
    { cwd: session.projectRoot, env, windowsHide: false },
    (stream, line) => {
      tail.record(`${line}\n`)
      const marker = STARTED_MARKER.exec(line)
      if (!marker) {
        say(stream === 'stdout' ? stdout : stderr, line)
        return
      }
      // The app's log echoes the line on stderr, which may arrive first: either one means it
      // started, and the friendly line takes the place of the stdout one, in stdout's order.
      if (stream === 'stdout' && !announced) say(stdout, t('started', { logFile: marker[1] ?? '' }))
      announced ||= stream === 'stdout'
      started = true
    },
    {
      graceMs: deps.graceMs,
      onKill: (signal) =>
        tell(stderr, t('killAfterTimeout', { seconds: (deps.graceMs ?? GRACE_MS) / 1000, signal })),
    },
  )

  const how = howItEnded(ending.code, ending.signal, t)
  const exitCode = exitCodeOf(ending.code, ending.signal)
  // Stopped on purpose (Ctrl-C, SIGTERM, a closed terminal): not a failed start.
  if (ending.interruptedBy || (ending.signal && STOPPED_BY.has(ending.signal))) return exitCode
  if (started) {
    // It ran: a crash now is the app's, and browser mode would not help.
    if (exitCode !== 0) tell(stderr, t('crashedAfterStart', { how }))
    return exitCode
  }
  if (!ending.error && exitCode === 0) {
    tell(stderr, t('endedWithoutWindow', { how }))
    return 0
  }

  let noDisplay = !facts.hasDisplay
  let paragraph
  if (ending.error) {
    paragraph = t('spawnFailed', { command: electron.command, message: ending.error.message })
  } else {
    const output = tail.text()
    const failure = classifyFailure(output)
    // DISPLAY may be set yet lead nowhere (a stale SSH session): no browser to open there either.
    noDisplay ||= failure.kind === 'no-display'
    paragraph = explainFailure(
      { kind: failure.kind, phase: 'failed', how, helperPath: failure.helperPath, output },
      facts,
      t,
    )
  }
  say(stderr, `\n${paragraph}\n${renderBlocks([{ text: t('fallback') }])}`)
  return runBrowserMode(session, noDisplay)
}

/**
 * Runs `npm start` to its end and resolves with the exit code for the launcher: 2 for a bad
 * command line, otherwise the code of the program that ran last (the desktop app, or browser mode
 * after a fallback), 128 + n when it was ended by signal n, 1 when it could not be started.
 *
 * @param {LaunchDeps} deps
 * @returns {Promise<number>}
 */
async function launch(deps) {
  const env = deps.env ?? process.env
  const stdout = deps.stdout ?? process.stdout
  const stderr = deps.stderr ?? process.stderr
  const t = translator(
    deps.language ??
      pickLanguage(env, process.platform, () => Intl.DateTimeFormat().resolvedOptions().locale),
  )

  const parsed = parseLauncherArgs(deps.argv, env, deps.cwd ?? process.cwd())
  if (parsed.kind === 'help') {
    say(stdout, `${renderBlocks([{ text: t('usage') }])}\n\n${t('help')}`)
    return 0
  }
  if (parsed.kind === 'error') {
    tell(stderr, t(parsed.key, parsed.params))
    tell(stderr, t('usage'))
    return 2
  }

  const binaryPath = deps.electronBinaryPath ?? require('../electron-binary.cjs').electronBinaryPath
  /** @type {Session} */
  const session = {
    deps,
    env,
    projectRoot: deps.projectRoot ?? ROOT,
    options: parsed.options,
    facts: deps.facts ?? gatherFacts({ electronBinary: binaryPath(), env }),
    t,
    stdout,
    stderr,
  }
  const { facts } = session
  const decision = decide(session.options, facts)
  if (decision.action === 'electron') return runDesktop(session, decision.noSandbox)

  if (decision.reason === 'no-binary')
    tell(
      stderr,
      facts.canInstallElectron
        ? t('noBinary')
        : t('noBinaryOldNode', { found: facts.nodeVersion.replace(/^v/, '') }),
    )
  else if (decision.reason === 'no-display' || decision.reason === 'root')
    say(
      stderr,
      `${explainFailure({ kind: decision.reason, phase: 'preflight' }, facts, t)}\n${renderBlocks([{ text: t('fallback') }])}`,
    )
  return runBrowserMode(session, decision.noDisplay)
}

module.exports = { STARTED_MARKER, launch }
