import { createRequire } from 'node:module'
import { resolve } from 'node:path'
import { describe, expect, it } from 'vitest'

const load = createRequire(import.meta.url)
const { browserArgs, parseLauncherArgs } = load('./args.cjs') as typeof import('./args.cjs')

const cwd = resolve('/project')
const run = (argv: string[], env: Record<string, string> = {}) => parseLauncherArgs(argv, env, cwd)

describe('parseLauncherArgs', () => {
  it('defaults to the desktop app with the sandbox on', () => {
    expect(run([])).toEqual({
      kind: 'run',
      options: { browser: false, noSandbox: null, dataDir: null, uiPort: null, noOpen: false },
    })
  })

  it('reads every option', () => {
    const parsed = run(['--browser', '--data-dir', 'data', '--ui-port', '8080', '--no-open'])
    expect(parsed).toEqual({
      kind: 'run',
      options: {
        browser: true,
        noSandbox: null,
        dataDir: resolve(cwd, 'data'),
        uiPort: 8080,
        noOpen: true,
      },
    })
    expect(run(['--help']).kind).toBe('help')
    expect(run(['-h']).kind).toBe('help')
  })

  it('turns the sandbox off only on --no-sandbox or SOCKETLAB_NO_SANDBOX=1', () => {
    const noSandbox = (argv: string[], env: Record<string, string> = {}): unknown => {
      const parsed = run(argv, env)
      return parsed.kind === 'run' ? parsed.options.noSandbox : parsed.kind
    }
    expect(noSandbox(['--no-sandbox'])).toBe('--no-sandbox')
    expect(noSandbox([], { SOCKETLAB_NO_SANDBOX: '1' })).toBe('SOCKETLAB_NO_SANDBOX=1')
    expect(noSandbox(['--no-sandbox'], { SOCKETLAB_NO_SANDBOX: '1' })).toBe('--no-sandbox')
    for (const value of ['0', '', 'true', 'yes'])
      expect(noSandbox([], { SOCKETLAB_NO_SANDBOX: value })).toBe(null)
  })

  it('resolves --data-dir against the folder npm was started in (INIT_CWD)', () => {
    const parsed = run(['--data-dir', 'my data'], { INIT_CWD: resolve('/home/student') })
    expect(parsed.kind === 'run' && parsed.options.dataDir).toBe(resolve('/home/student/my data'))
  })

  it.each([
    [['--foo'], 'argUnknown', { option: '--foo' }],
    [['--data-dir'], 'argMissingValue', { option: '--data-dir' }],
    [['--ui-port'], 'argMissingValue', { option: '--ui-port' }],
    [['--browser=yes'], 'argNoValue', { option: '--browser' }],
    [['stray'], 'argPositional', { arg: 'stray' }],
    [['--ui-port', '65536'], 'argBadPort', { value: '"65536"' }],
    [['--ui-port', '-1'], 'argMissingValue', { option: '--ui-port' }],
    [['--ui-port', '80x'], 'argBadPort', { value: '"80x"' }],
    [['--data-dir', ' '], 'argEmptyDir', {}],
  ])('%j is an error (%s), never a throw', (argv, key, params) => {
    expect(run(argv)).toEqual({ kind: 'error', key, params })
  })
})

describe('browserArgs', () => {
  const options = { browser: false, noSandbox: null, dataDir: null, uiPort: null, noOpen: false }
  it("passes browser mode's own options on", () => {
    expect(browserArgs(options)).toEqual([])
    expect(browserArgs({ ...options, uiPort: 0, noOpen: true, dataDir: '/d' })).toEqual([
      '--ui-port',
      '0',
      '--no-open',
      '--data-dir',
      '/d',
    ])
  })

  it('adds --no-open when there is no display, once', () => {
    expect(browserArgs(options, { noDisplay: true })).toEqual(['--no-open'])
    expect(browserArgs({ ...options, noOpen: true }, { noDisplay: true })).toEqual(['--no-open'])
  })
})
