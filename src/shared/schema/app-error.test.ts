import * as v from 'valibot'
import { describe, expect, it } from 'vitest'
import { fieldMessage, inputMessage, parseWith, toAppError } from './app-error'
import { strictObject } from './object'

const issueOf = (schema: v.GenericSchema, value: unknown) => {
  const result = v.safeParse(schema, value, { abortEarly: true })
  if (result.success) throw new Error('expected an issue')
  return result.issues[0]
}

describe('toAppError', () => {
  it('answers a typed value as INVALID_INPUT with its field and reason', () => {
    const schema = v.string(inputMessage('host', 'host-empty', 'Host is empty'))
    expect(toAppError(issueOf(schema, 5))).toEqual({
      code: 'INVALID_INPUT',
      field: 'host',
      reason: 'host-empty',
      message: 'Host is empty',
    })
    const page = v.string(inputMessage('helloHtml', undefined, 'helloHtml is too long'))
    expect(toAppError(issueOf(page, 5))).toEqual({
      code: 'INVALID_INPUT',
      field: 'helloHtml',
      message: 'helloHtml is too long',
    })
  })

  it('keeps the field and reason of a field answered as INVALID_REQUEST', () => {
    const message = fieldMessage({
      code: 'INVALID_REQUEST',
      field: 'offset',
      reason: 'number-not-integer',
      message: 'offset must be a whole number',
    })
    expect(toAppError(issueOf(v.number(message), 'x'))).toEqual({
      code: 'INVALID_REQUEST',
      field: 'offset',
      reason: 'number-not-integer',
      message: 'offset must be a whole number',
    })
  })

  it('puts the place of any other issue in front of its phrase', () => {
    const schema = strictObject({
      listeners: v.array(strictObject({ port: v.number('must be a number') })),
    })
    const issue = issueOf(schema, { listeners: [{ port: '80' }] })
    expect(toAppError(issue)).toEqual({
      code: 'INVALID_REQUEST',
      message: 'listeners.0.port must be a number',
    })
    expect(toAppError(issue, { name: 'settings' }).message).toBe(
      'settings.listeners.0.port must be a number',
    )
    expect(toAppError(issueOf(schema, [])).message).toBe('The request must be a plain object')
    expect(toAppError(issueOf(schema, []), { whole: 'The file' }).message).toBe(
      'The file must be a plain object',
    )
  })
})

describe('parseWith', () => {
  it('gives the output, or the first issue as an AppError', () => {
    const schema = strictObject({ name: v.pipe(v.string('must be a string'), v.trim()) })
    expect(parseWith(schema, { name: ' a ' })).toEqual({ ok: true, value: { name: 'a' } })
    expect(parseWith(schema, { name: 1, extra: 2 })).toEqual({
      ok: false,
      error: { code: 'INVALID_REQUEST', message: 'The request has an unknown field: extra' },
    })
  })
})
