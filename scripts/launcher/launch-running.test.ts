// The launcher with a desktop app that starts: its output passed on, the "window is open" line
// made friendly, --no-sandbox only when asked, Ctrl-C and SIGTERM ending both, crashes reported.
import { mkdtempSync } from 'node:fs'
import { createRequire } from 'node:module'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import {
  BROWSER_URL,
  desktopFacts,
  envFor,
  isAlive,
  isWindows,
  killLeftovers,
  runLauncher,
  SIGNALS_SKIP,
  startProcess,
  type LauncherRun,
} from './launcher-process'

const load = createRequire(import.meta.url)
const { translator } = load('./messages.cjs') as typeof import('./messages.cjs')
const { renderBlocks } = load('./text-layout.cjs') as typeof import('./text-layout.cjs')

const TIMEOUT = 60_000
const en = translator('en')
const STARTED = en('started', { logFile: '/tmp/Socket Lab/logs/main.log' })
const wrapped = (text: string): string => renderBlocks([{ text }])

beforeEach((ctx) => ctx.skip(isWindows, SIGNALS_SKIP))
afterEach(killLeftovers)

/** Waits until the stub's window is "open", which also means it has recorded how it started. */
async function started(
  run: LauncherRun,
): Promise<NonNullable<ReturnType<LauncherRun['electronRecord']>>> {
  await run.waitFor('stdout', STARTED)
  const record = run.electronRecord()
  expect(record).not.toBe(null)
  return record!
}

describe('a desktop app that starts', () => {
  it(
    'passes its output on, shows the friendly line for the marker, and Ctrl-C (SIGINT) ends both',
    async () => {
      const run = runLauncher({ stub: 'electron-running.cjs', env: { ELECTRON_RUN_AS_NODE: '1' } })
      const record = await started(run)
      await run.waitFor('stdout', 'app output after the window')
      expect(run.stdout()).toBe(
        `app output before the window\n${STARTED}\napp output after the window\n`,
      )
      await run.waitFor('stderr', 'a harmless warning')
      expect(run.stderr()).toMatch(
        /^\[\d+:\d{4}\/\d{6}\.\d{6}:WARNING:gpu_init\.cc\(90\)\] a harmless warning\n$/,
      )
      // Built before it started; the app folder as its one argument, run from there.
      expect(run.builds()).toBe(1)
      expect(record.argv).toEqual([run.projectRoot])
      expect(record.cwd).toBe(run.projectRoot)
      expect(record.env).toEqual({ SOCKETLAB_DATA_DIR: null, ELECTRON_RUN_AS_NODE: null })

      run.child.kill('SIGINT')
      expect(await run.exited).toEqual({ code: 0, signal: null })
      expect(run.signalsSeen()).toEqual(['SIGINT'])
      expect(isAlive(record.pid)).toBe(false)
      expect(run.browserArgs()).toBe(null)
    },
    TIMEOUT,
  )

  it(
    "SIGTERM ends both too, with the app's exit code; --data-dir reaches it as SOCKETLAB_DATA_DIR",
    async () => {
      const run = runLauncher({
        env: { STUB_QUIT_CODE: '5' },
        stub: 'electron-running.cjs',
        args: ['--data-dir', 'my data', '--ui-port', '9', '--no-open'],
      })
      const record = await started(run)
      expect(record.env.SOCKETLAB_DATA_DIR).toBe(join(run.projectRoot, 'my data'))
      // Browser mode's options are accepted and not passed to Electron.
      expect(record.argv).toEqual([run.projectRoot])
      run.child.kill('SIGTERM')
      expect(await run.exited).toEqual({ code: 5, signal: null })
      expect(run.signalsSeen()).toEqual(['SIGTERM'])
      expect(isAlive(record.pid)).toBe(false)
    },
    TIMEOUT,
  )

  it(
    "a terminal's Ctrl-C, sent to the whole process group, ends both",
    async () => {
      const run = runLauncher({ stub: 'electron-running.cjs', detached: true })
      const record = await started(run)
      process.kill(-run.child.pid!, 'SIGINT')
      expect(await run.exited).toEqual({ code: 0, signal: null })
      expect(run.signalsSeen()[0]).toBe('SIGINT')
      expect(isAlive(record.pid)).toBe(false)
    },
    TIMEOUT,
  )

  it(
    'kills an app that has not quit 10 s (here: the injected grace period) after the signal',
    async () => {
      const run = runLauncher({
        stub: 'electron-running.cjs',
        env: { STUB_IGNORE_SIGNALS: '1' },
        graceMs: 500,
      })
      const record = await started(run)
      run.child.kill('SIGTERM')
      // SIGKILL is signal 9: the launcher reports it as a shell would, 128 + 9.
      expect(await run.exited).toEqual({ code: 137, signal: null })
      expect(run.signalsSeen()).toEqual(['SIGTERM'])
      expect(run.stderr()).toContain(
        wrapped(en('killAfterTimeout', { seconds: 0.5, signal: 'SIGTERM' })),
      )
      expect(isAlive(record.pid)).toBe(false)
    },
    TIMEOUT,
  )

  it(
    'a crash after the window opened: one line, its exit code, no browser mode',
    async () => {
      const run = runLauncher({ stub: 'electron-crash-after-start.cjs' })
      // SIGABRT is signal 6.
      expect(await run.exited).toEqual({ code: 134, signal: null })
      expect(run.stdout()).toContain(en('started', { logFile: '/tmp/socket-lab/main.log' }))
      expect(run.stderr()).toBe(`${wrapped(en('crashedAfterStart', { how: 'signal SIGABRT' }))}\n`)
      expect(run.stdout()).not.toContain(BROWSER_URL)
      expect(run.browserArgs()).toBe(null)
    },
    TIMEOUT,
  )
})

describe('--no-sandbox', () => {
  it.each([
    ['nothing', [], {}, false],
    ['SOCKETLAB_NO_SANDBOX=true (only 1 counts)', [], { SOCKETLAB_NO_SANDBOX: 'true' }, false],
    ['--no-sandbox', ['--no-sandbox'], {}, '--no-sandbox'],
    ['SOCKETLAB_NO_SANDBOX=1', [], { SOCKETLAB_NO_SANDBOX: '1' }, 'SOCKETLAB_NO_SANDBOX=1'],
  ] as const)(
    'with %s: the switch before the app folder only when asked, and said',
    async (_name, args, env, source) => {
      const run = runLauncher({ stub: 'electron-running.cjs', args: [...args], env })
      const record = await started(run)
      if (source) {
        expect(record.argv).toEqual(['--no-sandbox', run.projectRoot])
        await run.waitFor('stderr', wrapped(en('sandboxOff', { source })))
      } else {
        expect(record.argv).toEqual([run.projectRoot])
        // The stub's warning comes after anything the launcher says before starting it.
        await run.waitFor('stderr', 'a harmless warning')
        expect(run.stderr()).not.toContain('sandbox')
      }
      run.child.kill('SIGTERM')
      expect(await run.exited).toEqual({ code: 0, signal: null })
    },
    TIMEOUT,
  )

  it(
    'lets root start the app once the user asked for it',
    async () => {
      const run = runLauncher({
        stub: 'electron-running.cjs',
        args: ['--no-sandbox'],
        facts: (root) => desktopFacts(root, { isRoot: true }),
      })
      expect((await started(run)).argv).toEqual(['--no-sandbox', run.projectRoot])
      run.child.kill('SIGTERM')
      expect(await run.exited).toEqual({ code: 0, signal: null })
    },
    TIMEOUT,
  )
})

describe('npm start itself (scripts/start.cjs)', () => {
  const start = join(__dirname, '..', 'start.cjs')

  it(
    'an unknown option: one line, the usage, exit code 2, no stack trace',
    async () => {
      const run = startProcess(process.execPath, [start, '--bogus'], { env: envFor('en') })
      expect(await run.exited).toEqual({ code: 2, signal: null })
      expect(run.stderr()).toBe(`Socket Lab: unknown option --bogus.\n${wrapped(en('usage'))}\n`)
      expect(run.stdout()).toBe('')
    },
    TIMEOUT,
  )

  it(
    'a bad value, in Russian',
    async () => {
      const run = startProcess(process.execPath, [start, '--ui-port', 'x'], { env: envFor('ru') })
      expect(await run.exited).toEqual({ code: 2, signal: null })
      expect(run.stderr()).toContain(translator('ru')('argBadPort', { value: '"x"' }))
      expect(run.stderr()).not.toMatch(/\n\s+at /)
    },
    TIMEOUT,
  )

  it(
    '--help prints the usage and the options, exit code 0',
    async () => {
      const run = startProcess(process.execPath, [start, '--help'], { env: envFor('en') })
      expect(await run.exited).toEqual({ code: 0, signal: null })
      expect(run.stdout()).toContain(en('usage'))
      expect(run.stdout()).toContain('--no-sandbox')
    },
    TIMEOUT,
  )

  it('--browser runs the real browser mode (web.cjs), which prints its address; SIGTERM ends it', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'socket-lab-start-'))
    const run = startProcess(
      process.execPath,
      [start, '--browser', '--no-open', '--ui-port', '0', '--data-dir', dataDir],
      { env: envFor('en', { BROWSER: 'none' }) },
    )
    // web.cjs builds first when out/ is older than the sources: that can take a while.
    await run.waitFor(
      'stdout',
      /Socket Lab \(browser mode\) is running at http:\/\/127\.0\.0\.1:\d+\/#token=\S+\n/,
    )
    run.child.kill('SIGTERM')
    expect(await run.exited).toEqual({ code: 0, signal: null })
  }, 240_000)
})
