import { describe, expect, it } from 'vitest'
import { parseCliArgs } from './cli-args'
import { browserCommand } from './open-browser'

describe('parseCliArgs', () => {
  it('defaults to a free port and opening the browser', () => {
    expect(parseCliArgs([])).toEqual({ kind: 'run', port: 0, open: true, dataDir: null })
    expect(parseCliArgs(['--ui-port', '8080', '--no-open'])).toEqual({
      kind: 'run',
      port: 8080,
      open: false,
      dataDir: null,
    })
    expect(parseCliArgs(['--ui-port=0'])).toEqual({
      kind: 'run',
      port: 0,
      open: true,
      dataDir: null,
    })
    expect(parseCliArgs(['--help'])).toEqual({ kind: 'help' })
  })

  it('takes --data-dir for the settings folder', () => {
    expect(parseCliArgs(['--data-dir', '/tmp/lab data'])).toMatchObject({
      kind: 'run',
      dataDir: '/tmp/lab data',
    })
    expect(parseCliArgs(['--data-dir=rel/dir', '--no-open'])).toMatchObject({
      kind: 'run',
      open: false,
      dataDir: 'rel/dir',
    })
  })

  it('refuses bad ports and unknown arguments with one line', () => {
    for (const argv of [
      ['--ui-port', '70000'],
      ['--ui-port', '80x'],
      ['--ui-port', '-1'],
      ['--ui-port', ''],
      ['--ui-port'],
      ['--port', '1'],
      ['extra'],
      ['--data-dir'],
      ['--data-dir', ''],
      ['--data-dir', '  '],
    ]) {
      const command = parseCliArgs(argv)
      expect(command.kind, argv.join(' ')).toBe('error')
      if (command.kind === 'error') expect(command.message).not.toContain('\n')
    }
  })
})

describe('browserCommand', () => {
  const url = 'http://127.0.0.1:5000/?token=abc_-1'

  it('picks the opener per platform', () => {
    expect(browserCommand(url, { platform: 'darwin', env: {} })?.command).toBe('open')
    expect(browserCommand(url, { platform: 'win32', env: {} })).toEqual({
      command: 'cmd',
      args: ['/c', 'start', '""', url],
      verbatim: true,
    })
    expect(browserCommand(url, { platform: 'linux', env: { DISPLAY: ':0' } })?.command).toBe(
      'xdg-open',
    )
  })

  it('opens nothing in CI, without a display, or for a URL cmd could misread', () => {
    expect(browserCommand(url, { platform: 'darwin', env: { CI: 'true' } })).toBeNull()
    expect(browserCommand(url, { platform: 'linux', env: {} })).toBeNull()
    expect(browserCommand(`${url}&calc`, { platform: 'win32', env: {} })).toBeNull()
  })
})
