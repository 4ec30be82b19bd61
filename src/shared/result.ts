/**
 * Result values and errors shared by every side of the contract.
 *
 * Expected failures travel as values: an IPC handler's thrown error reaches the renderer with its
 * message only, so nothing that the user must understand is ever thrown across the boundary.
 */

/** Machine-readable error codes a request can answer with. */
export type AppErrorCode =
  | 'INVALID_REQUEST' // the request itself is malformed: unknown channel, wrong types, extra junk
  | 'INVALID_INPUT' // a field a person typed is wrong: see `field` and `reason`
  | 'NOT_FOUND' // no listener or connection with that id
  | 'BAD_STATE' // e.g. start a listener that is already listening
  | 'BIND_FAILED' // the OS refused the listen: see `bind`
  | 'FILE_FAILED' // the desktop app could not read or write a file the user chose: the OS's words
  | 'INTERNAL' // a bug: logged where it happened

/** Why a typed field was refused; the renderer turns these into catalog messages. */
export type InputReason =
  | 'port-empty'
  | 'port-not-integer'
  | 'port-out-of-range'
  | 'host-empty'
  | 'host-too-long'
  | 'host-invalid-characters'
  | 'port-zero' // a port to connect to (a forward target): 0 is not one
  | 'remote-not-confirmed' // a host that is not this machine, not confirmed
  | 'number-not-integer'
  | 'number-out-of-range'
  | 'send-empty' // connection:send with no bytes
  | 'send-too-large' // more than MAX_SEND_BYTES
  | 'pattern-empty' // connection:search for nothing
  | 'pattern-too-long' // more than MAX_SEARCH_PATTERN bytes

export interface AppError {
  code: AppErrorCode
  /** English, for logs and developers; people see the catalog text for code/field/reason. */
  message: string
  field?: string
  reason?: InputReason
  /** Present when code is BIND_FAILED. */
  bind?: import('./bind-failure').BindFailure
}

/**
 * The project's one result shape: a value, or an error. Across the contract the error is an
 * {@link AppError}; a reader of a file or of typed text gives its own error type (where a file is
 * damaged, why a query is not valid).
 */
export type Result<T, E = AppError> = { ok: true; value: T } | { ok: false; error: E }

export function ok<T, E = AppError>(value: T): Result<T, E> {
  return { ok: true, value }
}

/** A failure across the contract: an AppError. */
export function fail<T = never>(error: AppError): Result<T> {
  return { ok: false, error }
}

/** A failure with an error of its own type (a file's problem, a query's mistake). */
export function err<E, T = never>(error: E): Result<T, E> {
  return { ok: false, error }
}

/** For the end of every switch on a union's tag: a new member becomes a type error here. */
export function assertNever(value: never): never {
  throw new Error(`Unexpected value: ${JSON.stringify(value)}`)
}
