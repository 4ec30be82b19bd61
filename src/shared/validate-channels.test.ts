import { defaultListenerSettings } from './listener-defaults'
import { describe, expect, it } from 'vitest'
import {
  MAX_CAPTURE_PER_CONNECTION,
  MAX_CHUNKS_PER_READ,
  MAX_SEARCH_PATTERN,
  MAX_SEND_BYTES,
} from './contract'
import { base64ByteLength, validateRequest } from './validate'

/** Base64 of `n` zero bytes, without Buffer (src/shared is also compiled for the browser). */
function zeros64(n: number): string {
  const tail = ['', 'AA==', 'AAA='][n % 3] ?? ''
  return 'A'.repeat(Math.floor(n / 3) * 4) + tail
}

describe('validateRequest: the stream inspector and settings channels', () => {
  const id = { connectionId: 'L1#1' }

  it('cleans valid requests, with defaults left absent', () => {
    const cases: [string, unknown][] = [
      ['connection:close', { ...id, how: 'fin' }],
      ['connection:close', id],
      ['connections:close-all', { how: 'reset' }],
      ['connections:close-all', { listenerId: 'L1', how: 'destroy' }],
      ['connection:send', { ...id, base64: 'AA==' }],
      ['connection:send', { ...id, base64: 'aGk=' }],
      ['connection:read', { ...id, offset: 0, length: 1, direction: 'out' }],
      ['connection:chunks', { ...id, from: 0, count: MAX_CHUNKS_PER_READ }],
      ['connection:search', { ...id, direction: 'in', pattern: 'AQID', from: 5, backwards: true }],
      ['connection:http', { ...id, direction: 'out' }],
      ['settings:get', {}],
      ['settings:set', {}],
      ['settings:set', { language: null, theme: 'system' }],
      [
        'settings:set',
        {
          listeners: [
            { host: ' ::1 ', port: 0, maxConnections: null, captureLimitPerConnection: 0 },
          ],
        },
      ],
    ]
    for (const [channel, payload] of cases)
      expect(validateRequest(channel, payload), channel).toEqual({
        ok: true,
        value: {
          channel,
          request:
            channel === 'settings:set' && 'listeners' in (payload as object)
              ? {
                  listeners: [
                    {
                      ...defaultListenerSettings(),
                      host: '::1',
                      port: 0,
                      maxConnections: null,
                      captureLimitPerConnection: 0,
                    },
                  ],
                }
              : payload,
        },
      })
  })

  it('accepts a send of exactly MAX_SEND_BYTES and a pattern of MAX_SEARCH_PATTERN bytes', () => {
    expect(
      validateRequest('connection:send', {
        ...id,
        base64: zeros64(MAX_SEND_BYTES),
      }),
    ).toMatchObject({ ok: true })
    expect(
      validateRequest('connection:search', {
        ...id,
        direction: 'in',
        pattern: zeros64(MAX_SEARCH_PATTERN),
        from: 0,
        backwards: false,
      }),
    ).toMatchObject({ ok: true })
  })

  const search = { ...id, direction: 'in', pattern: 'QQ==', from: 0, backwards: false }
  const listener = {
    host: '127.0.0.1',
    port: 80,
    maxConnections: null,
    captureLimitPerConnection: 0,
  }

  it.each<[string, string, unknown]>([
    ['unknown how', 'connection:close', { ...id, how: 'gently' }],
    ['close-all without how', 'connections:close-all', {}],
    ['close-all with a bad listener id', 'connections:close-all', { listenerId: 5, how: 'fin' }],
    ['close-all extra field', 'connections:close-all', { how: 'fin', connectionId: 'L1#1' }],
    ['send without bytes', 'connection:send', id],
    ['send bytes not a string', 'connection:send', { ...id, base64: [1, 2] }],
    ['send base64 with junk', 'connection:send', { ...id, base64: 'AA=!' }],
    ['send base64 unpadded', 'connection:send', { ...id, base64: 'AAA' }],
    ['send base64 padding inside', 'connection:send', { ...id, base64: 'A=AA' }],
    ['send base64 too much padding', 'connection:send', { ...id, base64: 'A===' }],
    ['send base64url', 'connection:send', { ...id, base64: '-_8=' }],
    ['read direction', 'connection:read', { ...id, offset: 0, length: 1, direction: 'both' }],
    [
      'chunks count too big',
      'connection:chunks',
      { ...id, from: 0, count: MAX_CHUNKS_PER_READ + 1 },
    ],
    ['chunks from fractional', 'connection:chunks', { ...id, from: 0.5, count: 1 }],
    ['chunks from missing', 'connection:chunks', { ...id, count: 1 }],
    ['search direction missing', 'connection:search', { ...search, direction: undefined }],
    ['search backwards not boolean', 'connection:search', { ...search, backwards: 'yes' }],
    ['search from negative', 'connection:search', { ...search, from: -1 }],
    ['search pattern not base64', 'connection:search', { ...search, pattern: '????' }],
    ['http direction', 'connection:http', { ...id, direction: 'IN' }],
    ['settings:get with a field', 'settings:get', { all: true }],
    ['settings:set unknown key', 'settings:set', { version: 2 }],
    ['settings:set language', 'settings:set', { language: 'de' }],
    ['settings:set theme', 'settings:set', { theme: null }],
    ['listeners not an array', 'settings:set', { listeners: {} }],
    ['too many listeners', 'settings:set', { listeners: Array(33).fill(listener) }],
    ['listener with extra key', 'settings:set', { listeners: [{ ...listener, bogus: 1 }] }],
    ['listener responder', 'settings:set', { listeners: [{ ...listener, responder: 'x' }] }],
    ['listener port as string', 'settings:set', { listeners: [{ ...listener, port: '80' }] }],
    ['listener not an object', 'settings:set', { listeners: [null] }],
  ])('refuses %s as INVALID_REQUEST', (_name, channel, payload) => {
    expect(validateRequest(channel, payload)).toMatchObject({
      ok: false,
      error: { code: 'INVALID_REQUEST' },
    })
  })

  it.each<[string, string, unknown, string, string]>([
    ['an empty send', 'connection:send', { ...id, base64: '' }, 'base64', 'send-empty'],
    [
      'a send one byte too large',
      'connection:send',
      { ...id, base64: zeros64(MAX_SEND_BYTES + 1) },
      'base64',
      'send-too-large',
    ],
    [
      'a huge send string',
      'connection:send',
      { ...id, base64: 'A'.repeat(MAX_SEND_BYTES * 2) },
      'base64',
      'send-too-large',
    ],
    [
      'an empty pattern',
      'connection:search',
      { ...search, pattern: '' },
      'pattern',
      'pattern-empty',
    ],
    [
      'a pattern too long',
      'connection:search',
      { ...search, pattern: zeros64(MAX_SEARCH_PATTERN + 1) },
      'pattern',
      'pattern-too-long',
    ],
    [
      'a saved listener port out of range',
      'settings:set',
      { listeners: [{ ...listener, port: 65536 }] },
      'port',
      'port-out-of-range',
    ],
    [
      'a saved listener host',
      'settings:set',
      { listeners: [{ ...listener, host: '' }] },
      'host',
      'host-empty',
    ],
    [
      'a saved listener maxConnections 0',
      'settings:set',
      { listeners: [{ ...listener, maxConnections: 0 }] },
      'maxConnections',
      'number-out-of-range',
    ],
    [
      'a saved listener cap',
      'settings:set',
      { listeners: [{ ...listener, captureLimitPerConnection: MAX_CAPTURE_PER_CONNECTION + 1 }] },
      'captureLimitPerConnection',
      'number-out-of-range',
    ],
  ])('refuses %s as INVALID_INPUT', (_name, channel, payload, field, reason) => {
    expect(validateRequest(channel, payload)).toMatchObject({
      ok: false,
      error: { code: 'INVALID_INPUT', field, reason },
    })
  })
})

describe('base64ByteLength', () => {
  it('gives the decoded length of standard padded base64, null otherwise', () => {
    expect(base64ByteLength('')).toBe(0)
    expect(base64ByteLength('QQ==')).toBe(1)
    expect(base64ByteLength('QUI=')).toBe(2)
    expect(base64ByteLength('QUJD')).toBe(3)
    expect(base64ByteLength('+/+/')).toBe(3)
    for (const bad of ['Q', 'QQ=', 'QQ=a', '====', 'QU I', 'QUJ\n', 'Q-_=', 'QQ==QQ=='])
      expect(base64ByteLength(bad), bad).toBeNull()
    for (let n = 0; n < 40; n++) {
      const text = btoa(String.fromCharCode(...Array.from({ length: n }, (_, i) => (i * 37) % 256)))
      expect(base64ByteLength(text)).toBe(n)
    }
  })
})
