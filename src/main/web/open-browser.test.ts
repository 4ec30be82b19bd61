import { describe, expect, it } from 'vitest'
import { browserCommand } from './open-browser'

describe('browserCommand with the printed address', () => {
  it('opens the address whose token is in the fragment, on every platform', () => {
    const url = 'http://127.0.0.1:5173/#token=abc_DEF-123'
    expect(browserCommand(url, { platform: 'darwin', env: {} })).toEqual({
      command: 'open',
      args: [url],
      verbatim: false,
    })
    expect(browserCommand(url, { platform: 'win32', env: {} })?.args).toEqual([
      '/c',
      'start',
      '""',
      url,
    ])
    expect(browserCommand(url, { platform: 'linux', env: { DISPLAY: ':0' } })?.args).toEqual([url])
  })

  it('still refuses what cmd would read as a command', () => {
    for (const url of [
      'http://127.0.0.1:5173/#token=a&calc',
      'http://127.0.0.1:5173/#token=a|calc',
      'http://127.0.0.1:5173/#token=a^b',
      'http://127.0.0.1:5173/#token=a"b',
    ])
      expect(browserCommand(url, { platform: 'win32', env: {} }), url).toBeNull()
  })
})
