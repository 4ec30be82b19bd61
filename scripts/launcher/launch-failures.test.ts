// The launcher against stub Electron binaries that fail as Electron 45 does on Linux: each failure
// gets its paragraph, in English and in Russian, then browser mode starts. Real processes only.
import { createRequire } from 'node:module'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import {
  BROWSER_URL,
  desktopFacts,
  isWindows,
  killLeftovers,
  runLauncher,
  SIGNALS_SKIP,
  type LauncherRun,
} from './launcher-process'

const load = createRequire(import.meta.url)
const { explainFailure, howItEnded } = load('./explain.cjs') as typeof import('./explain.cjs')
const { translator } = load('./messages.cjs') as typeof import('./messages.cjs')
const { renderBlocks } = load('./text-layout.cjs') as typeof import('./text-layout.cjs')
type Facts = import('./facts.cjs').Facts

const TIMEOUT = 60_000
const flat = (text: string): string => text.replace(/\s+/g, ' ')

beforeEach((ctx) => ctx.skip(isWindows, SIGNALS_SKIP))
afterEach(killLeftovers)

/** The launcher's last line before browser mode, after a paragraph: wait for it on stderr too. */
const fallbackLine = (t: ReturnType<typeof translator>): string =>
  renderBlocks([{ text: t('fallback') }])

/** Stops the launcher (and so browser mode) with SIGTERM; both end, the launcher with code 0. */
async function stopBrowserMode(run: LauncherRun): Promise<void> {
  run.child.kill('SIGTERM')
  expect(await run.exited).toEqual({ code: 0, signal: null })
}

const failures = [
  {
    name: 'the setuid helper, under the AppArmor restriction',
    stub: 'electron-suid-sandbox.cjs',
    kind: 'suid-sandbox',
    ended: [null, 'SIGTRAP'],
    facts: { appArmorRestrictsUserns: true },
    helper: true,
  },
  {
    name: 'the setuid helper, without the restriction',
    stub: 'electron-suid-sandbox.cjs',
    kind: 'suid-sandbox',
    ended: [null, 'SIGTRAP'],
    facts: { appArmorRestrictsUserns: false },
    helper: true,
  },
  {
    name: 'no usable sandbox',
    stub: 'electron-no-usable-sandbox.cjs',
    kind: 'no-usable-sandbox',
    ended: [null, 'SIGTRAP'],
    facts: { appArmorRestrictsUserns: true },
  },
  { name: 'root', stub: 'electron-root.cjs', kind: 'root', ended: [null, 'SIGTRAP'] },
  {
    name: 'no X server (SIGSEGV)',
    stub: 'electron-no-display.cjs',
    kind: 'no-display',
    ended: [null, 'SIGSEGV'],
    noOpen: true,
  },
  {
    name: 'no X server (exit code 1)',
    stub: 'electron-no-display.cjs',
    kind: 'no-display',
    ended: [1, null],
    env: { STUB_EXIT_CODE: '1' },
    noOpen: true,
  },
] as const

describe.each(['en', 'ru'] as const)('a failed start, in %s', (language) => {
  const t = translator(language)
  it.each(failures)(
    '$name: its paragraph, then browser mode',
    async (failure) => {
      const run = runLauncher({
        stub: failure.stub,
        language,
        facts: (root) => desktopFacts(root, 'facts' in failure ? failure.facts : {}),
        env: 'env' in failure ? failure.env : {},
      })
      await run.waitFor('stdout', BROWSER_URL)
      await run.waitFor('stderr', fallbackLine(t))
      const facts: Facts = desktopFacts(run.projectRoot, 'facts' in failure ? failure.facts : {})
      const [code, signal] = failure.ended
      const paragraph = explainFailure(
        {
          kind: failure.kind,
          phase: 'failed',
          how: howItEnded(code, signal, t),
          helperPath: 'helper' in failure ? facts.chromeSandbox!.path : null,
        },
        facts,
        t,
      )
      // Chromium's own lines first, as they came, then the paragraph and the fallback line.
      expect(run.stderr()).toMatch(/\[\d+:\d{4}\/\d{6}\.\d{6}:(FATAL|ERROR):/)
      expect(run.stderr()).toContain(`\n${paragraph}\n${renderBlocks([{ text: t('fallback') }])}\n`)
      expect(run.electronRecord()?.argv).toEqual([run.projectRoot])
      expect(run.browserArgs()).toEqual('noOpen' in failure ? ['--no-open'] : [])
      await stopBrowserMode(run)
    },
    TIMEOUT,
  )

  it(
    'an unknown failure: how it ended and its last lines, then browser mode',
    async () => {
      const run = runLauncher({ stub: 'electron-unknown.cjs', language, args: ['--ui-port', '0'] })
      await run.waitFor('stdout', BROWSER_URL)
      await run.waitFor('stderr', fallbackLine(t))
      expect(flat(run.stderr())).toContain(
        flat(`${t('failedAtStart', { how: howItEnded(3, null, t) })} ${t('causeUnknown')}`),
      )
      expect(run.stderr()).toContain('\n  Error: the stub failed in an unexpected way\n')
      expect(run.browserArgs()).toEqual(['--ui-port', '0'])
      await stopBrowserMode(run)
    },
    TIMEOUT,
  )
})

describe('pre-flight', () => {
  it(
    'as root, without --no-sandbox: the root paragraph, Electron never started',
    async () => {
      const t = translator('en')
      const run = runLauncher({
        stub: 'electron-running.cjs',
        facts: (root) => desktopFacts(root, { isRoot: true }),
      })
      await run.waitFor('stdout', BROWSER_URL)
      await run.waitFor('stderr', fallbackLine(t))
      const facts = desktopFacts(run.projectRoot, { isRoot: true })
      expect(run.stderr()).toContain(explainFailure({ kind: 'root', phase: 'preflight' }, facts, t))
      expect(run.electronRecord()).toBe(null)
      expect(run.builds()).toBe(0)
      await stopBrowserMode(run)
    },
    TIMEOUT,
  )

  it(
    'without a display: the display paragraph in Russian, browser mode without opening a browser',
    async () => {
      const t = translator('ru')
      const noDisplay = { hasDisplay: false, display: null }
      const run = runLauncher({
        stub: 'electron-running.cjs',
        language: 'ru',
        args: ['--no-sandbox', '--data-dir', 'data'],
        facts: (root) => desktopFacts(root, noDisplay),
      })
      await run.waitFor('stdout', BROWSER_URL)
      await run.waitFor('stderr', fallbackLine(t))
      const facts = desktopFacts(run.projectRoot, noDisplay)
      expect(run.stderr()).toContain(
        explainFailure({ kind: 'no-display', phase: 'preflight' }, facts, t),
      )
      expect(run.electronRecord()).toBe(null)
      expect(run.browserArgs()).toEqual(['--no-open', '--data-dir', join(run.projectRoot, 'data')])
      await stopBrowserMode(run)
    },
    TIMEOUT,
  )

  it.each([
    [true, 'noBinary'],
    [false, 'noBinaryOldNode'],
  ] as const)(
    'without a binary (this Node.js can install Electron: %s): one line, then browser mode',
    async (canInstallElectron, key) => {
      const t = translator('en')
      const run = runLauncher({
        stub: 'electron-running.cjs',
        facts: (root) =>
          desktopFacts(root, { electronBinary: null, canInstallElectron, nodeVersion: 'v20.19.0' }),
      })
      await run.waitFor('stdout', BROWSER_URL)
      await run.waitFor('stderr', /\n$/)
      expect(flat(run.stderr())).toBe(`${t(key, { found: '20.19.0' })} `)
      expect(run.electronRecord()).toBe(null)
      await stopBrowserMode(run)
    },
    TIMEOUT,
  )

  it(
    'with --browser: straight to browser mode, saying nothing',
    async () => {
      const run = runLauncher({ stub: 'electron-running.cjs', args: ['--browser', '--no-open'] })
      await run.waitFor('stdout', BROWSER_URL)
      expect(run.stderr()).toBe('')
      expect(run.electronRecord()).toBe(null)
      expect(run.browserArgs()).toEqual(['--no-open'])
      await stopBrowserMode(run)
    },
    TIMEOUT,
  )
})
