import { describe, expect, it } from 'vitest'
import { checkLessonProgress, checkSettingsPatch } from './validate-settings'
import { validateRequest } from './validate'

/**
 * What the schemas keep from the hand-written checks they replaced: what is refused first when a
 * request has several things wrong, and what an absent field is.
 */
describe('validateRequest: the shape before the values', () => {
  it('refuses objects that are not plain, and takes one without a prototype', () => {
    class Request {
      listenerId = 'L1'
    }
    for (const payload of [new Request(), Object.create({ listenerId: 'L1' }), ['L1']])
      expect(validateRequest('listener:start', payload)).toMatchObject({
        ok: false,
        error: { code: 'INVALID_REQUEST' },
      })
    const bare = Object.assign(Object.create(null) as object, { listenerId: 'L1' })
    expect(validateRequest('listener:start', bare)).toMatchObject({ ok: true })
  })

  it('refuses an unknown key before any typed value', () => {
    expect(validateRequest('listener:add', { port: 'x', extra: 1 })).toEqual({
      ok: false,
      error: { code: 'INVALID_REQUEST', message: 'The request has an unknown field: extra' },
    })
    expect(
      checkSettingsPatch({ listeners: [{ host: '', port: 1, maxConnections: null, bogus: 1 }] }),
    ).toMatchObject({ ok: false, error: { code: 'INVALID_REQUEST' } })
  })

  it('refuses a host or port of the wrong type before a typed value', () => {
    for (const payload of [
      { host: '', port: [80] },
      { host: 5, port: 'x' },
    ])
      expect(validateRequest('listener:add', payload)).toMatchObject({
        ok: false,
        error: { code: 'INVALID_REQUEST' },
      })
  })

  it('refuses a key JSON made own, __proto__ included', () => {
    const stages = JSON.parse('{"__proto__": {"since": 1, "ticked": {}}}') as unknown
    expect(checkLessonProgress({ stageId: 'connect', stages })).toMatchObject({
      ok: false,
      error: {
        code: 'INVALID_REQUEST',
        message: 'progress.stages has an unknown stage: __proto__',
      },
    })
  })

  it('refuses too many rows before looking at any', () => {
    const rows = Array.from({ length: 201 }, () => null)
    expect(
      validateRequest('client:run', { target: '127.0.0.1:1', plan: { kind: 'http', rows } }),
    ).toEqual({
      ok: false,
      error: { code: 'INVALID_REQUEST', message: 'plan.rows has more than 200 rows' },
    })
  })
})

describe('validateRequest: an absent field', () => {
  it('is refused as the field refuses nothing: an absent host is an empty one', () => {
    expect(validateRequest('diagnostics:free-port', { from: 7878 })).toMatchObject({
      ok: false,
      error: { code: 'INVALID_INPUT', field: 'host', reason: 'host-empty' },
    })
    expect(
      checkSettingsPatch({ listeners: [{ host: '::1', port: 1, captureLimitPerConnection: 0 }] }),
    ).toMatchObject({
      ok: false,
      error: { code: 'INVALID_INPUT', field: 'maxConnections', reason: 'number-not-integer' },
    })
  })

  it('keeps the field of a number no person types, answered as INVALID_REQUEST', () => {
    expect(validateRequest('connection:read', { connectionId: 'c', length: 1 })).toEqual({
      ok: false,
      error: {
        code: 'INVALID_REQUEST',
        field: 'offset',
        reason: 'number-not-integer',
        message: 'offset must be a whole number',
      },
    })
  })

  it('is required by the diagnostics, whose port reaches an OS command', () => {
    expect(validateRequest('diagnostics:who-holds', {})).toEqual({
      ok: false,
      error: { code: 'INVALID_REQUEST', message: 'port is required' },
    })
  })
})

describe('validateRequest: an optional field given as undefined', () => {
  it('is left out, so a patch spread over the settings changes nothing with it', () => {
    const patch = validateRequest('settings:set', { language: undefined, theme: 'dark' })
    expect(patch).toStrictEqual({
      ok: true,
      value: { channel: 'settings:set', request: { theme: 'dark' } },
    })
    const read = validateRequest('connection:read', {
      connectionId: 'c',
      offset: 0,
      length: 1,
      direction: undefined,
    })
    expect(read.ok && Object.keys(read.value.request)).toEqual(['connectionId', 'offset', 'length'])
  })
})
