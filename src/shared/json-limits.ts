/**
 * Limits checked on JSON text before it is parsed: a hostile file (deeply nested, or huge) must be
 * refused with a reason, never freeze or crash the page that opens it.
 */
import { err, ok, type Result } from './result'

/** What a scan of JSON text found outside strings; see {@link jsonShape}. */
export interface JsonShape {
  /** The deepest nesting of arrays and objects. */
  depth: number
  /**
   * Arrays, objects and commas: a measure of how many values JSON.parse would build (at least
   * half of them: n values in an array take n - 1 commas), which its time and memory grow with.
   */
  items: number
}

/**
 * The nesting and the number of items of `text`, counted in one pass without parsing (brackets and
 * commas inside strings do not count). Stops as soon as the depth reaches `stopAt.depth` or the
 * items reach `stopAt.items`, so a hostile text costs one pass at most.
 */
export function jsonShape(
  text: string,
  stopAt: { depth?: number; items?: number } = {},
): JsonShape {
  const depthLimit = stopAt.depth ?? Number.POSITIVE_INFINITY
  const itemLimit = stopAt.items ?? Number.POSITIVE_INFINITY
  let depth = 0
  let deepest = 0
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
    else if (c === 0x7b || c === 0x5b) {
      depth++
      items++
      if (depth > deepest) deepest = depth
      if (deepest >= depthLimit || items >= itemLimit) break
    } else if (c === 0x7d || c === 0x5d) depth--
    else if (c === 0x2c && ++items >= itemLimit) break
  }
  return { depth: deepest, items }
}

/** The deepest nesting of arrays and objects in `text` (see {@link jsonShape}). */
export function jsonDepth(text: string, stopAt = Number.POSITIVE_INFINITY): number {
  return jsonShape(text, { depth: stopAt }).depth
}

/** How many arrays, objects and commas `text` has outside strings (see {@link jsonShape}). */
export function jsonItems(text: string, stopAt = Number.POSITIVE_INFINITY): number {
  return jsonShape(text, { items: stopAt }).items
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
