import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { jsonDepth, jsonItems, parseJsonWithin } from './json-limits'

/** The nesting of a parsed value: arrays and objects count one level each, anything else none. */
function trueDepth(value: unknown): number {
  if (typeof value !== 'object' || value === null) return 0
  const children: unknown[] = Array.isArray(value) ? value : Object.values(value)
  return 1 + children.reduce<number>((deepest, child) => Math.max(deepest, trueDepth(child)), 0)
}

/** The arrays and objects in a parsed value plus the commas between their elements. */
function trueItems(value: unknown): number {
  if (typeof value !== 'object' || value === null) return 0
  const children: unknown[] = Array.isArray(value) ? value : Object.values(value)
  const commas = Math.max(0, children.length - 1)
  return children.reduce<number>((sum, child) => sum + trueItems(child), 1 + commas)
}

/** Characters that would fool a scan that does not skip strings and their escapes. */
const TRICKY = fc.constantFrom('[', ']', '{', '}', '"', '\\', 'a', ' ', '\n', '\u0000')

describe('jsonDepth', () => {
  it('equals the parsed value’s depth for any JSON value', () => {
    fc.assert(
      fc.property(fc.jsonValue({ maxDepth: 12 }), (value) => {
        expect(jsonDepth(JSON.stringify(value))).toBe(trueDepth(value))
      }),
      { numRuns: 500 },
    )
  })

  it('does not count brackets, quotes or escapes inside strings and keys', () => {
    fc.assert(
      fc.property(fc.jsonValue({ maxDepth: 6, stringUnit: TRICKY }), (value) => {
        expect(jsonDepth(JSON.stringify(value))).toBe(trueDepth(value))
        // The same value laid out with indentation is as deep.
        expect(jsonDepth(JSON.stringify(value, null, 2))).toBe(trueDepth(value))
      }),
      { numRuns: 500 },
    )
  })

  it('reads escaped quotes and backslashes as a string’s own characters', () => {
    expect(jsonDepth('"[[[\\"[[["')).toBe(0)
    expect(jsonDepth('["\\\\", [["\\"]]"]]]')).toBe(3)
    expect(jsonDepth('{"a\\"{{": [{"\\\\": "}}}"}]}')).toBe(3)
  })

  it('stops counting at stopAt', () => {
    const deep = '['.repeat(1_000_000) + ']'.repeat(1_000_000)
    expect(jsonDepth(deep, 33)).toBe(33)
    expect(jsonDepth(deep)).toBe(1_000_000)
  })
})

describe('jsonItems', () => {
  it('counts the arrays, objects and commas of any JSON value, none inside strings', () => {
    fc.assert(
      fc.property(fc.jsonValue({ maxDepth: 6, stringUnit: TRICKY }), (value) => {
        expect(jsonItems(JSON.stringify(value))).toBe(trueItems(value))
        expect(jsonItems(JSON.stringify(value, null, 2))).toBe(trueItems(value))
      }),
      { numRuns: 500 },
    )
  })

  it('stops counting at stopAt', () => {
    const wide = `[${'{},'.repeat(1_000_000)}{}]`
    expect(jsonItems(wide, 100)).toBe(100)
    expect(jsonItems(wide)).toBe(2_000_002)
    expect(jsonItems('"a,b,[c]{d}\\\\",1')).toBe(1)
  })
})

describe('parseJsonWithin', () => {
  const limits = { maxChars: 1000, maxDepth: 3 }

  it('parses JSON within the limits', () => {
    expect(parseJsonWithin('[[["x"]]]', limits)).toEqual({ ok: true, value: [[['x']]] })
  })

  it('refuses text that is too long, too deep or not JSON, before parsing', () => {
    expect(parseJsonWithin(' '.repeat(1001), limits)).toEqual({
      ok: false,
      error: { kind: 'too-large', bytes: 1001 },
    })
    expect(parseJsonWithin('[[[[1]]]]', limits)).toEqual({ ok: false, error: { kind: 'too-deep' } })
    expect(parseJsonWithin('[[[', limits)).toEqual({ ok: false, error: { kind: 'not-json' } })
  })
})
