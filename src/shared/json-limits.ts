/**
 * Limits checked on JSON text before it is parsed: a hostile file (deeply nested, or huge) must be
 * refused with a reason, never freeze or crash the page that opens it.
 */
import { err, ok, type Result } from './result'

/**
 * The deepest nesting of arrays and objects in `text`, counted without parsing (brackets inside
 * strings do not count); stops counting at `stopAt` so a hostile file costs one pass at most.
 */
export function jsonDepth(text: string, stopAt = Number.POSITIVE_INFINITY): number {
  let depth = 0
  let deepest = 0
  let inString = false
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i)
    if (inString) {
      if (c === 0x5c)
        i++ // backslash: skip the escaped character
      else if (c === 0x22) inString = false
      continue
    }
    if (c === 0x22) inString = true
    else if (c === 0x7b || c === 0x5b) {
      depth++
      if (depth > deepest) {
        deepest = depth
        if (deepest >= stopAt) return deepest
      }
    } else if (c === 0x7d || c === 0x5d) depth--
  }
  return deepest
}

/**
 * How many arrays, objects and commas `text` has outside strings, counted without parsing: a
 * measure of how many values JSON.parse would build (at least half of them: n values in an array
 * take n - 1 commas), which is what its time and memory grow with. Stops counting at `stopAt`.
 */
export function jsonItems(text: string, stopAt = Number.POSITIVE_INFINITY): number {
  let items = 0
  let inString = false
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i)
    if (inString) {
      if (c === 0x5c)
        i++ // backslash: skip the escaped character
      else if (c === 0x22) inString = false
      continue
    }
    if (c === 0x22) inString = true
    else if (c === 0x2c || c === 0x7b || c === 0x5b) {
      items++
      if (items >= stopAt) return items
    }
  }
  return items
}

/** Why text was not parsed as JSON within limits. */
export type JsonLimitProblem =
  { kind: 'too-large'; bytes: number } | { kind: 'too-deep' } | { kind: 'not-json' }

/**
 * `text` parsed as JSON, unless it is longer than `maxChars` or nests deeper than `maxDepth`
 * (both checked before parsing) or is not JSON.
 */
export function parseJsonWithin(
  text: string,
  limits: { maxChars: number; maxDepth: number },
): Result<unknown, JsonLimitProblem> {
  if (text.length > limits.maxChars) return err({ kind: 'too-large', bytes: text.length })
  if (jsonDepth(text, limits.maxDepth + 1) > limits.maxDepth) return err({ kind: 'too-deep' })
  try {
    return ok(JSON.parse(text) as unknown)
  } catch {
    return err({ kind: 'not-json' })
  }
}
