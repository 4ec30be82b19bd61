import { describe, expect, it } from 'vitest'
import {
  HANDLINGS,
  MAX_MAX_CONNECTIONS,
  MAX_PAGE_BYTES,
  MAX_READ_LENGTH,
  MAX_SLEEP_SECONDS,
  MAX_WORKERS,
  RESPONDERS,
} from './contract'
import { checkHost, parsePort, validateRequest } from './validate'

describe('parsePort', () => {
  it.each([
    ['7878', 7878],
    [' 80 ', 80],
    ['0', 0],
    ['65535', 65535],
    ['00080', 80],
    [0, 0],
    [65535, 65535],
  ])('accepts %j as %i', (input, port) => {
    expect(parsePort(input)).toEqual({ ok: true, value: port })
  })

  it.each([
    ['', 'port-empty'],
    ['   ', 'port-empty'],
    ['8080x', 'port-not-integer'],
    ['1.5', 'port-not-integer'],
    ['1e3', 'port-not-integer'],
    ['0x50', 'port-not-integer'],
    ['٨٠', 'port-not-integer'],
    ['-1', 'port-out-of-range'],
    ['65536', 'port-out-of-range'],
    ['99999999999999999999', 'port-out-of-range'],
    [1.5, 'port-not-integer'],
    [Number.NaN, 'port-not-integer'],
    [Number.POSITIVE_INFINITY, 'port-not-integer'],
    [-1, 'port-out-of-range'],
    [70000, 'port-out-of-range'],
    [null, 'port-not-integer'],
  ])('refuses %j (%s)', (input, reason) => {
    expect(parsePort(input)).toMatchObject({
      ok: false,
      error: { code: 'INVALID_INPUT', field: 'port', reason },
    })
  })
})

describe('checkHost', () => {
  it('accepts addresses and names, trimmed', () => {
    for (const host of ['127.0.0.1', '::1', 'localhost', 'fe80::1%eth0', '[::1]', 'a'.repeat(255)])
      expect(checkHost(host)).toEqual({ ok: true, value: host })
    expect(checkHost(' 127.0.0.1 ')).toEqual({ ok: true, value: '127.0.0.1' })
  })

  it.each([
    ['', 'host-empty'],
    ['  ', 'host-empty'],
    ['a'.repeat(256), 'host-too-long'],
    ['has space', 'host-invalid-characters'],
    ['tab\there', 'host-invalid-characters'],
    ['nul\u0000', 'host-invalid-characters'],
    ['http://x', 'host-invalid-characters'],
    ['user@host', 'host-invalid-characters'],
  ])('refuses %j (%s)', (input, reason) => {
    expect(checkHost(input)).toMatchObject({
      ok: false,
      error: { code: 'INVALID_INPUT', field: 'host', reason },
    })
  })
})

describe('validateRequest', () => {
  it('cleans a valid request per channel', () => {
    expect(validateRequest('listener:add', { host: ' ::1 ', port: '8080' })).toEqual({
      ok: true,
      value: { channel: 'listener:add', request: { host: '::1', port: 8080 } },
    })
    expect(validateRequest('listener:add', {})).toEqual({
      ok: true,
      value: { channel: 'listener:add', request: {} },
    })
    expect(
      validateRequest('listener:update', {
        listenerId: 'L1',
        maxConnections: null,
        captureLimitPerConnection: 0,
      }),
    ).toEqual({
      ok: true,
      value: {
        channel: 'listener:update',
        request: { listenerId: 'L1', maxConnections: null, captureLimitPerConnection: 0 },
      },
    })
    expect(validateRequest('listener:stop', { listenerId: 'L1', mode: 'close-all' })).toMatchObject(
      { ok: true },
    )
    expect(validateRequest('engine:snapshot', {})).toMatchObject({ ok: true })
    expect(
      validateRequest('connection:read', {
        connectionId: 'L1#1',
        offset: 0,
        length: MAX_READ_LENGTH,
      }),
    ).toMatchObject({
      ok: true,
    })
    expect(validateRequest('listener:add', Object.create(null))).toMatchObject({ ok: true })
  })

  it.each<[string, unknown, unknown]>([
    ['unknown channel', 'listener:explode', {}],
    ['channel not a string', 1, {}],
    ['inherited channel name', 'toString', {}],
    ['null payload', 'engine:snapshot', null],
    ['array payload', 'engine:snapshot', []],
    ['string payload', 'engine:snapshot', '{}'],
    ['class instance', 'engine:snapshot', new Map()],
    ['extra field', 'listener:start', { listenerId: 'L1', force: true }],
    ['missing id', 'listener:remove', {}],
    ['id of the wrong type', 'connection:close', { connectionId: 7 }],
    ['id too long', 'connection:close', { connectionId: 'x'.repeat(65) }],
    ['unknown stop mode', 'listener:stop', { listenerId: 'L1', mode: 'gently' }],
    ['host of the wrong type', 'listener:add', { host: 127001 }],
    ['port of the wrong type', 'listener:add', { port: [80] }],
    ['negative offset', 'connection:read', { connectionId: 'L1#1', offset: -1, length: 1 }],
    [
      'read too long',
      'connection:read',
      { connectionId: 'L1#1', offset: 0, length: MAX_READ_LENGTH + 1 },
    ],
  ])('refuses %s as INVALID_REQUEST', (_name, channel, payload) => {
    expect(validateRequest(channel, payload)).toMatchObject({
      ok: false,
      error: { code: 'INVALID_REQUEST' },
    })
  })

  it('refuses what a person typed wrong as INVALID_INPUT with the field', () => {
    expect(validateRequest('listener:add', { port: '8080x' })).toMatchObject({
      ok: false,
      error: { code: 'INVALID_INPUT', field: 'port', reason: 'port-not-integer' },
    })
    expect(validateRequest('listener:add', { host: '' })).toMatchObject({
      ok: false,
      error: { code: 'INVALID_INPUT', field: 'host', reason: 'host-empty' },
    })
    for (const maxConnections of [0, -1, 1.5, MAX_MAX_CONNECTIONS + 1])
      expect(validateRequest('listener:add', { maxConnections })).toMatchObject({
        ok: false,
        error: { code: 'INVALID_INPUT', field: 'maxConnections' },
      })
    expect(validateRequest('listener:add', { captureLimitPerConnection: -1 })).toMatchObject({
      ok: false,
      error: {
        code: 'INVALID_INPUT',
        field: 'captureLimitPerConnection',
        reason: 'number-out-of-range',
      },
    })
  })
})

describe('validateRequest: the book stage fields of listener:add/update', () => {
  it('accepts every responder and handling, and the fields at their bounds', () => {
    for (const responder of RESPONDERS)
      expect(validateRequest('listener:add', { responder })).toMatchObject({ ok: true })
    for (const handling of HANDLINGS)
      expect(validateRequest('listener:update', { listenerId: 'L1', handling })).toMatchObject({
        ok: true,
      })
    const bounds = {
      workers: MAX_WORKERS,
      sleepSeconds: 0,
      stopAfter: null,
      helloHtml: 'é'.repeat(MAX_PAGE_BYTES / 2),
      notFoundHtml: '',
    }
    expect(validateRequest('listener:add', bounds)).toEqual({
      ok: true,
      value: { channel: 'listener:add', request: bounds },
    })
    expect(
      validateRequest('listener:add', {
        workers: 1,
        sleepSeconds: MAX_SLEEP_SECONDS,
        stopAfter: 1,
      }),
    ).toMatchObject({ ok: true })
    expect(validateRequest('listener:add', { stopAfter: 1000 })).toMatchObject({ ok: true })
  })

  it.each<[string, Record<string, unknown>]>([
    ['an unknown responder', { responder: 'teapot' }],
    ['an unknown handling', { handling: 'fibers' }],
    ['a page that is not a string', { helloHtml: 42 }],
  ])('refuses %s as INVALID_REQUEST', (_name, payload) => {
    expect(validateRequest('listener:add', payload)).toMatchObject({
      ok: false,
      error: { code: 'INVALID_REQUEST' },
    })
  })

  it.each<[string, Record<string, unknown>, string]>([
    ['workers 0', { workers: 0 }, 'workers'],
    ['too many workers', { workers: MAX_WORKERS + 1 }, 'workers'],
    ['fractional workers', { workers: 1.5 }, 'workers'],
    ['a negative sleep', { sleepSeconds: -1 }, 'sleepSeconds'],
    ['too long a sleep', { sleepSeconds: MAX_SLEEP_SECONDS + 1 }, 'sleepSeconds'],
    ['stopAfter 0', { stopAfter: 0 }, 'stopAfter'],
    ['stopAfter 1001', { stopAfter: 1001 }, 'stopAfter'],
    // 2-byte characters: the limit is in UTF-8 bytes, not in characters.
    ['a page over the limit', { helloHtml: 'é'.repeat(MAX_PAGE_BYTES / 2 + 1) }, 'helloHtml'],
    ['a 404 page over the limit', { notFoundHtml: 'x'.repeat(MAX_PAGE_BYTES + 1) }, 'notFoundHtml'],
  ])('refuses %s as INVALID_INPUT for its field', (_name, payload, field) => {
    expect(validateRequest('listener:add', payload)).toMatchObject({
      ok: false,
      error: { code: 'INVALID_INPUT', field },
    })
  })
})
