/**
 * The fields requests and files are made of, as valibot schemas: a port and a host as a person
 * types them, whole numbers in a range, ids, choices, base64 bytes and edited text.
 *
 * A wrong type or shape is INVALID_REQUEST (a program sent it); a wrong value a person typed is
 * INVALID_INPUT with the field and a reason the renderer explains (see app-error.ts).
 */
import * as v from 'valibot'
import { MAX_HOST_LENGTH } from '../contract/limits'
import type { InputReason } from '../result'
import { fieldMessage, inputMessage } from './app-error'

const isNumber = (input: unknown): boolean => typeof input === 'number'
const isString = (input: unknown): boolean => typeof input === 'string'

const PORT_NOT_INTEGER = inputMessage('port', 'port-not-integer', 'Port must be a whole number')
const PORT_OUT_OF_RANGE = inputMessage(
  'port',
  'port-out-of-range',
  'Port must be between 0 and 65535',
)

/** A port as a number: an integer in range (NaN and Infinity are numbers that are not whole). */
export function portNumber(typeMessage?: string) {
  return v.pipe(
    v.custom<number>(isNumber, typeMessage),
    v.integer(PORT_NOT_INTEGER),
    v.minValue(0, PORT_OUT_OF_RANGE),
    v.maxValue(65535, PORT_OUT_OF_RANGE),
  )
}

/**
 * A port as typed: digits only (spaces around them trimmed), 0–65535; or a number that is an
 * integer in range. Anything else is refused with `typeMessage`: a string must never reach
 * `listen()`, which would take it for a pipe path. Text and numbers go through the same checks,
 * each saying why (not a union, whose refused option would cost an issue on every request).
 */
export function port(typeMessage: string) {
  return portOf('port', typeMessage)
}

/** {@link port} for a field of another name (a forward's targetPort). */
export function portOf(field: string, typeMessage: string) {
  const empty = inputMessage(field, 'port-empty', 'Port is empty')
  const notInteger = inputMessage(field, 'port-not-integer', 'Port must be a whole number')
  const outOfRange = inputMessage(field, 'port-out-of-range', 'Port must be between 0 and 65535')
  return v.pipe(
    v.custom<number | string>((input) => isNumber(input) || isString(input), typeMessage),
    v.transform((input) => (typeof input === 'string' ? input.trim() : input)),
    v.check((port) => port !== '', empty),
    v.check(
      (port) => (typeof port === 'number' ? Number.isInteger(port) : /^-?\d+$/.test(port)),
      notInteger,
    ),
    // Text: a minus sign is out of range, and so is a long run of digits (not parsed to Infinity).
    v.check(
      (port) =>
        typeof port === 'number'
          ? port >= 0 && port <= 65535
          : /^\d{1,5}$/.test(port) && Number(port) <= 65535,
      outOfRange,
    ),
    v.transform(Number),
  )
}

/** A port as a person typed it, whatever it is: what is not a number or text is not whole. */
export const portSchema = port(PORT_NOT_INTEGER)

/**
 * A host as typed for `field`: trimmed, non-empty, at most 255 characters, no spaces or control
 * characters.
 */
export function hostNamed(field: string) {
  const empty = inputMessage(field, 'host-empty', 'Host is empty')
  return v.pipe(
    v.custom<string>(isString, empty),
    v.trim(),
    v.nonEmpty(empty),
    v.maxLength(
      MAX_HOST_LENGTH,
      inputMessage(field, 'host-too-long', `Host is longer than ${MAX_HOST_LENGTH} characters`),
    ),
    v.check(
      // eslint-disable-next-line no-control-regex
      (host) => !/[\s\u0000-\u001f\u007f/\\?#@]/.test(host),
      inputMessage(field, 'host-invalid-characters', 'Host contains characters a host cannot have'),
    ),
  )
}

/** The listener's host as typed (see {@link hostNamed}). */
export const hostSchema = hostNamed('host')

/**
 * A whole number in [min, max], refused with one message or the other. One check, not a pipe of
 * three: every request has a few of these, and each step of a pipe costs (see validate.bench.ts).
 */
function wholeNumber(min: number, max: number, notInteger: string, outOfRange: string) {
  return v.custom<number>(
    (input) => Number.isInteger(input) && (input as number) >= min && (input as number) <= max,
    (issue) => (Number.isInteger(issue.input) ? outOfRange : notInteger),
  )
}

/** A whole number a person typed for `field`, in [min, max]: INVALID_INPUT otherwise. */
export function typedInteger(field: string, min: number, max: number) {
  return wholeNumber(
    min,
    max,
    inputMessage(field, 'number-not-integer', `${field} must be a whole number`),
    inputMessage(field, 'number-out-of-range', `${field} must be between ${min} and ${max}`),
  )
}

/**
 * A whole number in [min, max] that no person types (an offset, a count): INVALID_REQUEST, with
 * the field and the reason a typed one would have.
 */
export function integer(field: string, min: number, max: number) {
  return wholeNumber(
    min,
    max,
    fieldMessage({
      code: 'INVALID_REQUEST',
      field,
      reason: 'number-not-integer',
      message: `${field} must be a whole number`,
    }),
    fieldMessage({
      code: 'INVALID_REQUEST',
      field,
      reason: 'number-out-of-range',
      message: `${field} must be between ${min} and ${max}`,
    }),
  )
}

/** Any number, NaN included (a value check after the shape's says what is wrong with it). */
export const anyNumber = v.custom<number>(isNumber, 'must be a number')

/** A listener's, a connection's or a run's id: a string of 1 to 64 characters. */
export const idSchema = v.custom<string>(
  (input) => typeof input === 'string' && input.length >= 1 && input.length <= 64,
  'must be a non-empty string of at most 64 characters',
)

/** One of `options`, the message listing them. */
export function oneOf<const T extends string>(options: readonly T[]) {
  return v.picklist(options, `must be one of ${options.join(', ')}`)
}

export const flag = v.boolean('must be one of true, false')

/** Standard base64: its alphabet, then at most two `=` of padding at the end. */
const BASE64 = /^[A-Za-z0-9+/]*={0,2}$/

/** Whether `text` is standard, padded base64: one linear regular expression. */
function isBase64(text: string): boolean {
  return text.length % 4 === 0 && BASE64.test(text)
}

/** The bytes standard, padded base64 decodes to, from its length and padding alone. */
function decodedSize(text: string): number {
  const padding = text.endsWith('==') ? 2 : text.endsWith('=') ? 1 : 0
  return (text.length / 4) * 3 - padding
}

/**
 * How many bytes a standard, padded base64 string decodes to; null if it is not one.
 *
 * No decoding is needed to check it (the engine decodes with Buffer): one linear regular
 * expression, about twice as fast as a loop over the characters on an 8 MiB send's 11 MB string
 * (`npm run bench` measures validation on the hot path).
 */
export function base64ByteLength(text: string): number | null {
  return isBase64(text) ? decodedSize(text) : null
}

/**
 * Base64 bytes a person chose for `field` (a send, a search pattern): malformed base64 is
 * INVALID_REQUEST; more than `max` bytes INVALID_INPUT for `reasons.tooLarge`, and none for
 * `reasons.empty` (when null, none is fine: an empty stream to analyse).
 */
export function base64Bytes(
  field: string,
  max: number,
  reasons: { empty: InputReason | null; tooLarge: InputReason },
) {
  const tooLarge = inputMessage(field, reasons.tooLarge, `${field} is longer than ${max} bytes`)
  const empty = reasons.empty && inputMessage(field, reasons.empty, `${field} is empty`)
  return v.pipe(
    v.string('must be a base64 string'),
    // Cheap bound first: the string's length alone says it is too large.
    v.maxLength(Math.ceil(max / 3) * 4 + 4, tooLarge),
    v.check(isBase64, 'must be standard padded base64'),
    v.check(
      (text) => decodedSize(text) <= max && (empty === null || text.length > 0),
      (issue) => (issue.input.length === 0 && empty !== null ? empty : tooLarge),
    ),
  )
}

const utf8 = new TextEncoder()

/**
 * A page or a response head as edited: a string of at most `max` UTF-8 bytes.
 *
 * Too large is INVALID_INPUT without a reason (the editor refuses it first, with its own text).
 * A head's content is not checked: a broken head is a lesson, which the linter explains.
 */
export function editedText(field: string, max: number) {
  return v.pipe(
    v.string('must be a string'),
    v.check(
      // A UTF-16 unit is at most 3 UTF-8 bytes: short strings need no encoding to be measured.
      (text) => text.length * 3 <= max || utf8.encode(text).length <= max,
      inputMessage(field, undefined, `${field} is longer than ${max} bytes`),
    ),
  )
}
