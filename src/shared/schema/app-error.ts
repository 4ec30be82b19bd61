/**
 * From valibot's issues to the contract's {@link AppError}: the one place where a refused value
 * becomes INVALID_REQUEST (a program sent something malformed) or INVALID_INPUT (a person typed
 * a value wrong: the field and the reason travel with it, for the renderer's catalog).
 *
 * A valibot issue carries one string of ours, its message, so the schemas' messages say it all:
 * - {@link inputMessage} marks the issue of a typed value, with its field and reason (and
 *   {@link fieldMessage} a field's issue answered as INVALID_REQUEST with them, as a number no
 *   person types is);
 * - any other message is a phrase ("must be a string") that the issue's place is put in front
 *   of: `helloHtml must be a string`, `listeners.0.port must be a number`.
 */
import * as v from 'valibot'
import { fail, ok, type AppError, type InputReason, type Result } from '../result'

/** Starts the message of a field's issue; no phrase of ours starts with a NUL. */
const FIELD_MARK = '\u0000field:'

/** An issue about one field, answered as it is: its code, field, reason and English. */
interface FieldIssue {
  code: 'INVALID_INPUT' | 'INVALID_REQUEST'
  field: string
  reason?: InputReason
  message: string
}

/** The message for an issue about `field` that is answered with `issue` as it is. */
export function fieldMessage(issue: FieldIssue): string {
  return FIELD_MARK + JSON.stringify(issue)
}

/**
 * The message for a value a person typed: INVALID_INPUT for `field`, with `reason` when the
 * renderer has words for it (a page over its size has none: the editor refuses it first).
 */
export function inputMessage(
  field: string,
  reason: InputReason | undefined,
  message: string,
): string {
  return fieldMessage(
    reason === undefined
      ? { code: 'INVALID_INPUT', field, message }
      : { code: 'INVALID_INPUT', field, reason, message },
  )
}

/** How a refused value is named in a message. */
export interface Subject {
  /** Put in front of the issue's path: the value is `panes`, so `panes.side must be …`. */
  name?: string
  /** The value as a whole, when the issue is about all of it: `The settings file must be …`. */
  whole?: string
}

/** The AppError for an issue; a request's fields need no {@link Subject}. */
export function toAppError(issue: v.BaseIssue<unknown>, subject: Subject = {}): AppError {
  if (issue.message.startsWith(FIELD_MARK))
    return JSON.parse(issue.message.slice(FIELD_MARK.length)) as FieldIssue
  const place = [subject.name, v.getDotPath(issue)].filter((part) => part).join('.')
  return {
    code: 'INVALID_REQUEST',
    message: `${place || subject.whole || 'The request'} ${issue.message}`,
  }
}

/** Stop at the first issue: only one is answered, and a request's later fields need no work. */
const FIRST_ISSUE = { abortEarly: true } as const

/** `value` checked and cleaned by `schema`, or its first issue as an AppError. */
export function parseWith<S extends v.GenericSchema>(
  schema: S,
  value: unknown,
  subject?: Subject,
): Result<v.InferOutput<S>> {
  const result = v.safeParse(schema, value, FIRST_ISSUE)
  return result.success ? ok(result.output) : fail(toAppError(result.issues[0], subject))
}
