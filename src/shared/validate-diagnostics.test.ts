import { describe, expect, it } from 'vitest'
import { validateRequest } from './validate'

describe('validateRequest: the diagnostics channels', () => {
  it.each([
    ['diagnostics:who-holds', { port: 7878 }],
    ['diagnostics:who-holds', { port: 1 }],
    ['diagnostics:excluded-ports', { port: 65535 }],
    ['diagnostics:localhost', { port: 7878 }],
    ['diagnostics:localhost', { port: null }],
  ])('accepts %s %j', (channel, payload) => {
    expect(validateRequest(channel, payload)).toEqual({
      ok: true,
      value: { channel, request: payload },
    })
  })

  const channels = ['diagnostics:who-holds', 'diagnostics:excluded-ports', 'diagnostics:localhost']
  const bad: [string, unknown][] = [
    ['port 0', { port: 0 }],
    ['port 70000', { port: 70000 }],
    ['port -1', { port: -1 }],
    ['port 1.5', { port: 1.5 }],
    ['port NaN', { port: Number.NaN }],
    ['a string port', { port: '7878' }],
    ['a shell string', { port: '7878; rm -rf /' }],
    ['no port', {}],
    ['an extra key', { port: 7878, args: ['-x'] }],
    ['an array', [7878]],
    ['a string', '7878'],
    ['null', null],
  ]
  for (const channel of channels) {
    it.each(bad)(`${channel} refuses %s with INVALID_REQUEST`, (_name, payload) => {
      const result = validateRequest(channel, payload)
      expect(result.ok).toBe(false)
      if (!result.ok) expect(result.error.code).toBe('INVALID_REQUEST')
    })
  }

  it('only localhost takes a null port', () => {
    for (const channel of ['diagnostics:who-holds', 'diagnostics:excluded-ports']) {
      expect(validateRequest(channel, { port: null }).ok).toBe(false)
    }
  })
})
