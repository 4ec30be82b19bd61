/**
 * Validation of everything that crosses the boundary, and of what a person types.
 *
 * The engine runs {@link validateRequest} on every request, whatever the transport; the renderer
 * runs {@link parsePort} and {@link checkHost} for inline messages, so both say the same thing.
 */
import {
  CHANNELS,
  MAX_CAPTURE_PER_CONNECTION,
  MAX_HOST_LENGTH,
  MAX_MAX_CONNECTIONS,
  MAX_READ_LENGTH,
  type AddListenerRequest,
  type Channel,
  type RequestOf,
  type StopMode,
} from './contract'
import { assertNever, fail, ok, type AppError, type InputReason, type Result } from './result'

function inputError(field: string, reason: InputReason, message: string): AppError {
  return { code: 'INVALID_INPUT', field, reason, message }
}

function requestError(message: string): AppError {
  return { code: 'INVALID_REQUEST', message }
}

/**
 * A port as typed: digits only, 0–65535.
 *
 * Numbers are accepted too, if they are integers in range. Anything else is refused: a string must
 * never reach `listen()`, which would take it for a pipe path.
 */
export function parsePort(input: unknown): Result<number> {
  if (typeof input === 'number') {
    if (!Number.isInteger(input)) return fail(inputError('port', 'port-not-integer', 'Port must be a whole number'))
    if (input < 0 || input > 65535)
      return fail(inputError('port', 'port-out-of-range', 'Port must be between 0 and 65535'))
    return ok(input)
  }
  if (typeof input !== 'string') return fail(inputError('port', 'port-not-integer', 'Port must be a whole number'))
  const text = input.trim()
  if (text === '') return fail(inputError('port', 'port-empty', 'Port is empty'))
  if (!/^\d+$/.test(text)) {
    if (/^-\d+$/.test(text)) return fail(inputError('port', 'port-out-of-range', 'Port must be between 0 and 65535'))
    return fail(inputError('port', 'port-not-integer', 'Port must be a whole number'))
  }
  // Digits only; a long run of them is out of range without parsing to Infinity.
  if (text.length > 5) return fail(inputError('port', 'port-out-of-range', 'Port must be between 0 and 65535'))
  const port = Number(text)
  if (port > 65535) return fail(inputError('port', 'port-out-of-range', 'Port must be between 0 and 65535'))
  return ok(port)
}

/** A host as typed: non-empty, at most 255 characters, no spaces or control characters. */
export function checkHost(input: unknown): Result<string> {
  if (typeof input !== 'string') return fail(inputError('host', 'host-empty', 'Host is empty'))
  const host = input.trim()
  if (host === '') return fail(inputError('host', 'host-empty', 'Host is empty'))
  if (host.length > MAX_HOST_LENGTH)
    return fail(inputError('host', 'host-too-long', `Host is longer than ${MAX_HOST_LENGTH} characters`))
  // eslint-disable-next-line no-control-regex
  if (/[\s\u0000-\u001f\u007f/\\?#@]/.test(host))
    return fail(inputError('host', 'host-invalid-characters', 'Host contains characters a host cannot have'))
  return ok(host)
}

function checkInteger(field: string, value: unknown, min: number, max: number): Result<number> {
  if (typeof value !== 'number' || !Number.isInteger(value))
    return fail(inputError(field, 'number-not-integer', `${field} must be a whole number`))
  if (value < min || value > max)
    return fail(inputError(field, 'number-out-of-range', `${field} must be between ${min} and ${max}`))
  return ok(value)
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false
  const proto = Object.getPrototypeOf(value) as unknown
  return proto === Object.prototype || proto === null
}

function onlyKeys(obj: Record<string, unknown>, allowed: readonly string[]): AppError | null {
  for (const key of Object.keys(obj)) {
    if (!allowed.includes(key)) return requestError(`Unknown field: ${key.slice(0, 40)}`)
  }
  return null
}

function checkId(obj: Record<string, unknown>, key: string): Result<string> {
  const value = obj[key]
  if (typeof value !== 'string' || value.length === 0 || value.length > 64)
    return fail(requestError(`${key} must be a non-empty string of at most 64 characters`))
  return ok(value)
}

const SETTINGS_KEYS = ['host', 'port', 'maxConnections', 'captureLimitPerConnection'] as const

/** The listener settings a request may set; each present one is checked. */
function checkSettings(obj: Record<string, unknown>): Result<AddListenerRequest & { port?: number }> {
  const out: AddListenerRequest & { port?: number } = {}
  // A wrong type is a malformed request, not something a person typed.
  if (obj.host !== undefined && typeof obj.host !== 'string')
    return fail(requestError('host must be a string'))
  if (obj.port !== undefined && typeof obj.port !== 'string' && typeof obj.port !== 'number')
    return fail(requestError('port must be a number or a string'))
  if (obj.host !== undefined) {
    const host = checkHost(obj.host)
    if (!host.ok) return host
    out.host = host.value
  }
  if (obj.port !== undefined) {
    const port = parsePort(obj.port)
    if (!port.ok) return port
    out.port = port.value
  }
  if (obj.maxConnections !== undefined) {
    if (obj.maxConnections === null) out.maxConnections = null
    else {
      const max = checkInteger('maxConnections', obj.maxConnections, 1, MAX_MAX_CONNECTIONS)
      if (!max.ok) return max
      out.maxConnections = max.value
    }
  }
  if (obj.captureLimitPerConnection !== undefined) {
    const cap = checkInteger('captureLimitPerConnection', obj.captureLimitPerConnection, 0, MAX_CAPTURE_PER_CONNECTION)
    if (!cap.ok) return cap
    out.captureLimitPerConnection = cap.value
  }
  return ok(out)
}

const STOP_MODES: readonly StopMode[] = ['let-finish', 'close-all']

export type ValidRequest = { [C in Channel]: { channel: C; request: RequestOf<C> } }[Channel]

/**
 * Checks a request from any transport: a known channel and a plain object with exactly the fields
 * that channel takes, each of the right type and range. Returns the cleaned request.
 */
export function validateRequest(channel: unknown, payload: unknown): Result<ValidRequest> {
  if (typeof channel !== 'string' || !(CHANNELS as string[]).includes(channel))
    return fail(requestError(`Unknown channel: ${String(channel).slice(0, 40)}`))
  const c = channel as Channel
  if (!isPlainObject(payload)) return fail(requestError('The request must be a plain object'))
  const p = payload
  switch (c) {
    case 'listener:add': {
      const extra = onlyKeys(p, SETTINGS_KEYS)
      if (extra) return fail(extra)
      const settings = checkSettings(p)
      if (!settings.ok) return settings
      return ok({ channel: c, request: settings.value })
    }
    case 'listener:update': {
      const extra = onlyKeys(p, ['listenerId', ...SETTINGS_KEYS])
      if (extra) return fail(extra)
      const id = checkId(p, 'listenerId')
      if (!id.ok) return id
      const settings = checkSettings(p)
      if (!settings.ok) return settings
      return ok({ channel: c, request: { listenerId: id.value, ...settings.value } })
    }
    case 'listener:start':
    case 'listener:remove': {
      const extra = onlyKeys(p, ['listenerId'])
      if (extra) return fail(extra)
      const id = checkId(p, 'listenerId')
      if (!id.ok) return id
      return ok({ channel: c, request: { listenerId: id.value } })
    }
    case 'listener:stop': {
      const extra = onlyKeys(p, ['listenerId', 'mode'])
      if (extra) return fail(extra)
      const id = checkId(p, 'listenerId')
      if (!id.ok) return id
      if (!STOP_MODES.includes(p.mode as StopMode))
        return fail(requestError(`mode must be one of ${STOP_MODES.join(', ')}`))
      return ok({ channel: c, request: { listenerId: id.value, mode: p.mode as StopMode } })
    }
    case 'engine:snapshot': {
      const extra = onlyKeys(p, [])
      if (extra) return fail(extra)
      return ok({ channel: c, request: {} })
    }
    case 'connection:close': {
      const extra = onlyKeys(p, ['connectionId'])
      if (extra) return fail(extra)
      const id = checkId(p, 'connectionId')
      if (!id.ok) return id
      return ok({ channel: c, request: { connectionId: id.value } })
    }
    case 'connection:read': {
      const extra = onlyKeys(p, ['connectionId', 'offset', 'length'])
      if (extra) return fail(extra)
      const id = checkId(p, 'connectionId')
      if (!id.ok) return id
      const offset = checkInteger('offset', p.offset, 0, Number.MAX_SAFE_INTEGER)
      if (!offset.ok) return fail({ ...offset.error, code: 'INVALID_REQUEST' })
      const length = checkInteger('length', p.length, 0, MAX_READ_LENGTH)
      if (!length.ok) return fail({ ...length.error, code: 'INVALID_REQUEST' })
      return ok({ channel: c, request: { connectionId: id.value, offset: offset.value, length: length.value } })
    }
    default:
      return assertNever(c)
  }
}
