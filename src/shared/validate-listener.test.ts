import { describe, expect, it } from 'vitest'
import { HELLO_HEAD, NOT_FOUND_HEAD } from './book-pages'
import { MAX_HEAD_BYTES } from './contract'
import { validateRequest } from './validate'
import { checkSettingsPatch, parseAppSettings } from './validate-settings'

describe('the editable response heads', () => {
  it('accepts any text up to the limit: a broken head is the linter’s business', () => {
    const heads = { helloHead: 'HTTP/1.1 200 OK\n\n', notFoundHead: 'é'.repeat(MAX_HEAD_BYTES / 2) }
    expect(validateRequest('listener:update', { listenerId: 'L1', ...heads })).toEqual({
      ok: true,
      value: { channel: 'listener:update', request: { listenerId: 'L1', ...heads } },
    })
    expect(validateRequest('listener:add', { helloHead: '' })).toMatchObject({ ok: true })
  })

  it('refuses a head over the limit in UTF-8 bytes, naming the field', () => {
    expect(
      validateRequest('listener:add', { notFoundHead: 'é'.repeat(MAX_HEAD_BYTES / 2 + 1) }),
    ).toMatchObject({
      ok: false,
      error: { code: 'INVALID_INPUT', field: 'notFoundHead', message: /longer than 8192 bytes/ },
    })
  })

  it('refuses a head that is not a string as a malformed request', () => {
    expect(validateRequest('listener:add', { helloHead: 42 })).toMatchObject({
      ok: false,
      error: { code: 'INVALID_REQUEST', message: 'helloHead must be a string' },
    })
  })

  it('persists heads in the settings file; an older file without them gets the book’s', () => {
    const saved = {
      host: '127.0.0.1',
      port: 7878,
      maxConnections: null,
      captureLimitPerConnection: 1024,
    }
    const older = parseAppSettings({ version: 1, listeners: [saved] })
    expect(older.ok && older.value.listeners[0]).toMatchObject({
      helloHead: HELLO_HEAD,
      notFoundHead: NOT_FOUND_HEAD,
    })
    const edited = checkSettingsPatch({
      listeners: [{ ...saved, helloHead: 'HTTP/1.1 200 OK\r\n\r\n' }],
    })
    expect(edited.ok && edited.value.listeners?.[0]?.helloHead).toBe('HTTP/1.1 200 OK\r\n\r\n')
    expect(
      checkSettingsPatch({ listeners: [{ ...saved, helloHead: 'x'.repeat(MAX_HEAD_BYTES + 1) }] }),
    ).toMatchObject({ ok: false, error: { field: 'helloHead' } })
  })
})
