import { createRequire } from 'node:module'
import { describe, expect, it } from 'vitest'

const load = createRequire(import.meta.url)
const { explainFailure, exitCodeOf, howItEnded, shellQuote } = load(
  './explain.cjs',
) as typeof import('./explain.cjs')
const { translator } = load('./messages.cjs') as typeof import('./messages.cjs')
type Facts = import('./facts.cjs').Facts

const binary = '/home/ann/socket lab/node_modules/electron/dist/electron'
const helper = '/home/ann/socket lab/node_modules/electron/dist/chrome-sandbox'
const facts: Facts = {
  platform: 'linux',
  electronBinary: binary,
  nodeVersion: 'v22.12.0',
  canInstallElectron: true,
  hasDisplay: true,
  display: ':0',
  isRoot: false,
  sudoUser: null,
  appArmorRestrictsUserns: false,
  chromeSandbox: { path: helper, exists: true, ownerUid: 1000, mode: '755', isSetuidRoot: false },
}
const en = translator('en')
const ru = translator('ru')
const how = howItEnded(null, 'SIGTRAP', en)

/** The text with its line breaks and indents as single spaces: wrapping may break any sentence. */
const flat = (text: string): string => text.replace(/\s+/g, ' ')

/** Prose lines stay within 100 columns; commands (indented 5+) are never wrapped. */
function expectWrapped(text: string): void {
  for (const line of text.split('\n'))
    if (!/^ {5}/.test(line)) expect([...line].length, line).toBeLessThanOrEqual(100)
}

describe('explainFailure: the sandbox', () => {
  it('with the AppArmor restriction: the .deb, a profile, sysctl, setuid, and the opt-in', () => {
    const text = explainFailure(
      { kind: 'suid-sandbox', phase: 'failed', how, helperPath: helper },
      { ...facts, appArmorRestrictsUserns: true },
      en,
    )
    expect(flat(text)).toContain('Socket Lab: the desktop app stopped at start (signal SIGTRAP).')
    expect(flat(text)).toContain('kernel.apparmor_restrict_unprivileged_userns = 1')
    expect(flat(text)).toContain(en('fixDeb'))
    expect(text).toContain(
      [
        '     abi <abi/4.0>,',
        '     include <tunables/global>',
        `     profile socket-lab-dev "${binary}" flags=(unconfined) {`,
        '       userns,',
        '     }',
      ].join('\n'),
    )
    expect(text).toContain('\n     sudo apparmor_parser -r /etc/apparmor.d/socket-lab-dev\n')
    expect(text).toContain('\n     sudo sysctl -w kernel.apparmor_restrict_unprivileged_userns=0\n')
    expect(text).toContain(
      `\n     sudo chown root:root '${helper}'\n     sudo chmod 4755 '${helper}'\n`,
    )
    expect(flat(text)).toContain('(owner uid 1000, mode 755)')
    expect(flat(text)).toContain(en('noSandboxOptIn'))
    expectWrapped(text)
  })

  it('without it: the helper must be setuid root, with the chown/chmod fix', () => {
    const text = explainFailure(
      { kind: 'no-usable-sandbox', phase: 'failed', how },
      { ...facts, appArmorRestrictsUserns: null },
      en,
    )
    expect(flat(text)).toContain(en('causeNoUsableSandbox'))
    expect(flat(text)).toContain(en('whyNoUserns', { helper }))
    expect(text).toContain(`sudo chmod 4755 '${helper}'`)
    expect(text).not.toContain('apparmor')
    expect(flat(text)).toContain('npm start -- --no-sandbox (or SOCKETLAB_NO_SANDBOX=1)')
    expect(flat(text)).toContain('weakens security')
    expectWrapped(text)
  })

  it('says what is wrong with the helper: missing, or setuid root and still refused', () => {
    const missing = explainFailure(
      { kind: 'suid-sandbox', phase: 'failed', how, helperPath: helper },
      { ...facts, chromeSandbox: { ...facts.chromeSandbox!, exists: false } },
      en,
    )
    expect(flat(missing)).toContain(en('helperMissing', { helper }))
    const setuid = explainFailure(
      { kind: 'suid-sandbox', phase: 'failed', how, helperPath: helper },
      { ...facts, chromeSandbox: { ...facts.chromeSandbox!, ownerUid: 0, isSetuidRoot: true } },
      en,
    )
    expect(flat(setuid)).toContain(en('helperSetuidButFailed', { helper }))
  })

  it('in Russian', () => {
    const text = explainFailure(
      {
        kind: 'suid-sandbox',
        phase: 'failed',
        how: howItEnded(null, 'SIGTRAP', ru),
        helperPath: helper,
      },
      { ...facts, appArmorRestrictsUserns: true },
      ru,
    )
    expect(flat(text)).toContain(
      'Socket Lab: настольное приложение остановилось при запуске (сигнал SIGTRAP).',
    )
    expect(flat(text)).toContain('Как исправить (достаточно одного способа):')
    expect(flat(text)).toContain('это ослабляет защиту')
    expectWrapped(text)
  })
})

describe('explainFailure: root, display, unknown', () => {
  it('root: an ordinary user (the one behind sudo when known), a container user, the opt-in', () => {
    const text = explainFailure(
      { kind: 'root', phase: 'preflight' },
      { ...facts, isRoot: true, sudoUser: 'ann' },
      en,
    )
    expect(text.startsWith(`${en('notStarted')} ${en('causeRoot').split(' ')[0]}`)).toBe(true)
    expect(text).toContain('\n    su - ann\n')
    expect(text).toContain('\n    useradd -m student\n    su - student\n')
    expect(flat(text)).toContain(en('noSandboxOptIn'))
    const ruText = explainFailure(
      { kind: 'root', phase: 'failed', how },
      { ...facts, isRoot: true },
      ru,
    )
    expect(ruText).toContain('su - ИМЯ_ПОЛЬЗОВАТЕЛЯ')
    expectWrapped(ruText)
  })

  it('no display: a desktop terminal, WSLg, a container, xvfb-run', () => {
    const preflight = explainFailure(
      { kind: 'no-display', phase: 'preflight' },
      { ...facts, hasDisplay: false, display: null },
      en,
    )
    expect(flat(preflight)).toContain(en('causeNoDisplayPreflight'))
    for (const key of [
      'fixDisplayDesktop',
      'fixDisplayWsl',
      'fixDisplayContainer',
      'fixDisplayCi',
    ] as const)
      expect(flat(preflight)).toContain(en(key).split(' ').slice(0, 3).join(' '))
    expect(preflight).toContain('\n    xvfb-run -a npm start')
    const failed = explainFailure(
      { kind: 'no-display', phase: 'failed', how },
      { ...facts, display: 'localhost:10.0' },
      en,
    )
    expect(flat(failed)).toContain('(DISPLAY=localhost:10.0)')
    expectWrapped(failed)
  })

  it('unknown: how it ended and its last five lines', () => {
    const output = ['1', '2', '3', '4', '5', '6', ''].join('\n')
    const text = explainFailure(
      { kind: 'unknown', phase: 'failed', how: howItEnded(3, null, en), output },
      facts,
      en,
    )
    expect(text).toMatch(/^Socket Lab: the desktop app stopped at start \(exit code 3\)\./)
    expect(flat(text)).toContain(en('causeUnknown'))
    expect(text.endsWith(':\n  2\n  3\n  4\n  5\n  6')).toBe(true)
    expect(
      flat(explainFailure({ kind: 'unknown', phase: 'failed', how, output: '' }, facts, en)),
    ).toContain(en('causeUnknownNoOutput'))
  })
})

describe('exit codes', () => {
  it("is the child's code, or 128 + the signal's number as a shell reports it", () => {
    expect(exitCodeOf(0, null)).toBe(0)
    expect(exitCodeOf(3, null)).toBe(3)
    expect(exitCodeOf(null, 'SIGTRAP')).toBe(133)
    expect(exitCodeOf(null, 'SIGSEGV')).toBe(139)
    expect(exitCodeOf(null, 'SIGINT')).toBe(130)
    expect(exitCodeOf(null, null)).toBe(1)
  })

  it('says how it ended', () => {
    expect(howItEnded(1, null, en)).toBe('exit code 1')
    expect(howItEnded(null, 'SIGSEGV', ru)).toBe('сигнал SIGSEGV')
  })
})

describe('shellQuote', () => {
  it('quotes only what needs it', () => {
    expect(shellQuote('/opt/app/chrome-sandbox')).toBe('/opt/app/chrome-sandbox')
    expect(shellQuote('/home/a b/x')).toBe("'/home/a b/x'")
    expect(shellQuote("/it's")).toBe("'/it'\\''s'")
  })
})
