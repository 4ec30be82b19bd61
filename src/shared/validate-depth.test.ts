/**
 * The desktop app's IPC hands the engine a structured clone, not text, so no scan of a frame can
 * bound its depth. The validators must not need one: each looks only as deep as its schema, so a
 * hostile payload nested a million levels is refused as quickly as a flat one, never recursed into.
 */
import { describe, expect, it } from 'vitest'
import { CHANNELS } from './contract'
import { DESKTOP_CHANNELS } from './desktop-contract'
import { validateRequest } from './validate'
import { validateDesktopRequest } from './validate-desktop'

const LEVELS = 1_000_000

/** A million objects or arrays inside each other, built without recursion. */
function deep(kind: 'object' | 'array'): unknown {
  let value: unknown = 1
  for (let i = 0; i < LEVELS; i++) value = kind === 'object' ? { a: value } : [value]
  return value
}

describe('a payload nested a million levels deep', () => {
  const object = deep('object')
  const array = deep('array')
  /** The deep value where each kind of field would be: the whole, a field, a list, a record. */
  const payloads = (value: unknown): unknown[] => [
    value,
    { a: value },
    { listeners: [value] },
    { progress: { stageId: 'connect', stages: { connect: { since: 1, ticked: value } } } },
    { target: '127.0.0.1:1', plan: { kind: 'http', rows: [value] } },
    { connectionId: value, base64: value },
  ]

  it('is refused as a value by every engine channel', () => {
    for (const channel of CHANNELS)
      for (const payload of [...payloads(object), ...payloads(array)]) {
        const result = validateRequest(channel, payload)
        expect(result.ok, channel).toBe(false)
      }
  })

  it('is refused as a value by every desktop channel', () => {
    for (const channel of DESKTOP_CHANNELS)
      for (const payload of [...payloads(object), ...payloads(array)])
        expect(validateDesktopRequest(channel, payload).ok, channel).toBe(false)
  })
})
