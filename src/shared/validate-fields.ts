/**
 * What a person types, checked as the engine will check it: the renderer runs these for inline
 * messages and the client's checks for a target, so both sides say the same thing.
 *
 * Each is its schema (schema/fields.ts) with the first issue as an AppError: INVALID_INPUT with
 * the field and a reason the renderer explains.
 */
import { parseWith } from './schema/app-error'
import { hostSchema, portSchema } from './schema/fields'
import type { Result } from './result'

export { base64ByteLength } from './schema/fields'
export { isPlainObject } from './schema/object'

/**
 * A port as typed: digits only, 0–65535.
 *
 * Numbers are accepted too, if they are integers in range. Anything else is refused: a string must
 * never reach `listen()`, which would take it for a pipe path.
 */
export function parsePort(input: unknown): Result<number> {
  return parseWith(portSchema, input)
}

/** A host as typed: non-empty, at most 255 characters, no spaces or control characters. */
export function checkHost(input: unknown): Result<string> {
  return parseWith(hostSchema, input)
}
