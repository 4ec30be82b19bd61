import { describe, expect, it } from 'vitest'
import { MAX_FILE_NAME_LENGTH, MAX_SAVE_BYTES } from './desktop-contract'
import { isSafeFileName, validateDesktopRequest } from './validate-desktop'

describe('validateDesktopRequest', () => {
  it('takes exactly the fields each channel needs', () => {
    const content = new Uint8Array([1, 2, 3])
    expect(validateDesktopRequest('desktop:info', {})).toEqual({
      ok: true,
      value: { channel: 'desktop:info', request: {} },
    })
    expect(
      validateDesktopRequest('desktop:save-file', {
        kind: 'pcap',
        suggestedName: 'a.pcap',
        content,
      }),
    ).toEqual({
      ok: true,
      value: {
        channel: 'desktop:save-file',
        request: { kind: 'pcap', suggestedName: 'a.pcap', content },
      },
    })
    for (const [channel, payload] of [
      ['desktop:info', { extra: 1 }],
      ['desktop:save-file', { kind: 'exe', suggestedName: 'a', content }],
      ['desktop:save-file', { kind: 'text', suggestedName: 'a', content: 'text' }],
      ['desktop:save-file', { kind: 'text', suggestedName: 'a', content: [1, 2] }],
      ['desktop:open-file', { kind: 'pcap' }],
      ['desktop:copy-text', { text: 7 }],
      ['desktop:open-link', { url: 'https://example.com/' }],
      ['desktop:nope', {}],
      ['listener:start', { listenerId: 'L1' }],
      ['desktop:info', null],
      ['desktop:info', []],
    ] as const)
      expect(validateDesktopRequest(channel, payload), `${channel}`).toMatchObject({
        ok: false,
        error: { code: 'INVALID_REQUEST' },
      })
  })

  it('refuses a save larger than the limit without copying it', () => {
    const huge = { byteLength: MAX_SAVE_BYTES + 1 }
    Object.setPrototypeOf(huge, Uint8Array.prototype)
    expect(
      validateDesktopRequest('desktop:save-file', {
        kind: 'bytes',
        suggestedName: 'a',
        content: huge,
      }),
    ).toMatchObject({ ok: false, error: { code: 'INVALID_REQUEST' } })
  })
})

describe('isSafeFileName', () => {
  it('takes plain names and refuses folders, devices and control characters', () => {
    for (const name of ['socket-lab-session-2026-12-03.json', 'a b.pcap', 'сеанс.json'])
      expect(isSafeFileName(name), name).toBe(true)
    for (const name of [
      '',
      '.',
      '..',
      '../x',
      'a/b',
      'a\\b',
      'C:x',
      'a\nb',
      'x'.repeat(MAX_FILE_NAME_LENGTH + 1),
    ])
      expect(isSafeFileName(name), name).toBe(false)
  })
})
