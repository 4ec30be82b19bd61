/**
 * Validation of everything that crosses the boundary, and of what a person types.
 *
 * The engine runs {@link validateRequest} on every request, whatever the transport; the renderer
 * runs {@link parsePort} and {@link checkHost} for inline messages, so both say the same thing.
 */
import {
  CHANNELS,
  MAX_CHUNKS_PER_READ,
  MAX_READ_LENGTH,
  MAX_SEARCH_PATTERN,
  MAX_SEND_BYTES,
  type Channel,
  type CloseHow,
  type Direction,
  type RequestOf,
  type StopMode,
} from './contract'
import { assertNever, fail, ok, type AppError, type InputReason, type Result } from './result'
import {
  base64ByteLength,
  checkId,
  checkOneOf,
  checkRequestInteger,
  inputError,
  isPlainObject,
  onlyKeys,
  requestError,
} from './validate-fields'
import { checkListenerSettings, LISTENER_SETTING_KEYS } from './validate-listener'
import { checkSettingsPatch } from './validate-settings'
import { checkClientCancel, checkClientRun } from './validate-client'
import {
  checkExcludedPorts,
  checkFreePort,
  checkLocalhost,
  checkWhoHolds,
} from './validate-diagnostics'

export { base64ByteLength, checkHost, parsePort } from './validate-fields'
export { checkSettingsPatch, parseAppSettings } from './validate-settings'

const STOP_MODES: readonly StopMode[] = ['let-finish', 'close-all']
const CLOSE_HOWS: readonly CloseHow[] = ['fin', 'reset', 'destroy']
const DIRECTIONS: readonly Direction[] = ['in', 'out']

/**
 * Base64 bytes a person chose (a send, a search pattern): malformed base64 is INVALID_REQUEST,
 * too few or too many bytes INVALID_INPUT with the given reasons.
 */
function checkBytes(
  field: string,
  value: unknown,
  max: number,
  reasons: { empty: InputReason; tooLarge: InputReason },
): AppError | null {
  if (typeof value !== 'string') return requestError(`${field} must be a base64 string`)
  // Cheap bound first: the string's length alone says it is too large.
  if (value.length > Math.ceil(max / 3) * 4 + 4)
    return inputError(field, reasons.tooLarge, `${field} is longer than ${max} bytes`)
  const size = base64ByteLength(value)
  if (size === null) return requestError(`${field} must be standard padded base64`)
  if (size === 0) return inputError(field, reasons.empty, `${field} is empty`)
  if (size > max) return inputError(field, reasons.tooLarge, `${field} is longer than ${max} bytes`)
  return null
}

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
      const extra = onlyKeys(p, LISTENER_SETTING_KEYS)
      if (extra) return fail(extra)
      const settings = checkListenerSettings(p)
      if (!settings.ok) return settings
      return ok({ channel: c, request: settings.value })
    }
    case 'listener:update':
    case 'listener:set-up': {
      const extra = onlyKeys(p, ['listenerId', ...LISTENER_SETTING_KEYS])
      if (extra) return fail(extra)
      const id = checkId(p, 'listenerId')
      if (!id.ok) return id
      const settings = checkListenerSettings(p)
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
      const mode = checkOneOf('mode', p.mode, STOP_MODES)
      if (!mode.ok) return mode
      return ok({ channel: c, request: { listenerId: id.value, mode: mode.value } })
    }
    case 'engine:snapshot':
    case 'settings:get': {
      const extra = onlyKeys(p, [])
      if (extra) return fail(extra)
      return ok({ channel: c, request: {} })
    }
    case 'connection:close': {
      const extra = onlyKeys(p, ['connectionId', 'how'])
      if (extra) return fail(extra)
      const id = checkId(p, 'connectionId')
      if (!id.ok) return id
      if (p.how === undefined) return ok({ channel: c, request: { connectionId: id.value } })
      const how = checkOneOf('how', p.how, CLOSE_HOWS)
      if (!how.ok) return how
      return ok({ channel: c, request: { connectionId: id.value, how: how.value } })
    }
    case 'connections:close-all': {
      const extra = onlyKeys(p, ['listenerId', 'how'])
      if (extra) return fail(extra)
      const how = checkOneOf('how', p.how, CLOSE_HOWS)
      if (!how.ok) return how
      if (p.listenerId === undefined) return ok({ channel: c, request: { how: how.value } })
      const id = checkId(p, 'listenerId')
      if (!id.ok) return id
      return ok({ channel: c, request: { listenerId: id.value, how: how.value } })
    }
    case 'connection:send': {
      const extra = onlyKeys(p, ['connectionId', 'base64'])
      if (extra) return fail(extra)
      const id = checkId(p, 'connectionId')
      if (!id.ok) return id
      const bad = checkBytes('base64', p.base64, MAX_SEND_BYTES, {
        empty: 'send-empty',
        tooLarge: 'send-too-large',
      })
      if (bad) return fail(bad)
      return ok({ channel: c, request: { connectionId: id.value, base64: p.base64 as string } })
    }
    case 'connection:read': {
      const extra = onlyKeys(p, ['connectionId', 'offset', 'length', 'direction'])
      if (extra) return fail(extra)
      const id = checkId(p, 'connectionId')
      if (!id.ok) return id
      const offset = checkRequestInteger('offset', p.offset, 0, Number.MAX_SAFE_INTEGER)
      if (!offset.ok) return offset
      const length = checkRequestInteger('length', p.length, 0, MAX_READ_LENGTH)
      if (!length.ok) return length
      const request = { connectionId: id.value, offset: offset.value, length: length.value }
      if (p.direction === undefined) return ok({ channel: c, request })
      const direction = checkOneOf('direction', p.direction, DIRECTIONS)
      if (!direction.ok) return direction
      return ok({ channel: c, request: { ...request, direction: direction.value } })
    }
    case 'connection:chunks': {
      const extra = onlyKeys(p, ['connectionId', 'from', 'count'])
      if (extra) return fail(extra)
      const id = checkId(p, 'connectionId')
      if (!id.ok) return id
      const from = checkRequestInteger('from', p.from, 0, Number.MAX_SAFE_INTEGER)
      if (!from.ok) return from
      const count = checkRequestInteger('count', p.count, 0, MAX_CHUNKS_PER_READ)
      if (!count.ok) return count
      return ok({
        channel: c,
        request: { connectionId: id.value, from: from.value, count: count.value },
      })
    }
    case 'connection:search': {
      const extra = onlyKeys(p, ['connectionId', 'direction', 'pattern', 'from', 'backwards'])
      if (extra) return fail(extra)
      const id = checkId(p, 'connectionId')
      if (!id.ok) return id
      const direction = checkOneOf('direction', p.direction, DIRECTIONS)
      if (!direction.ok) return direction
      const bad = checkBytes('pattern', p.pattern, MAX_SEARCH_PATTERN, {
        empty: 'pattern-empty',
        tooLarge: 'pattern-too-long',
      })
      if (bad) return fail(bad)
      const from = checkRequestInteger('from', p.from, 0, Number.MAX_SAFE_INTEGER)
      if (!from.ok) return from
      const backwards = checkOneOf('backwards', p.backwards, [true, false])
      if (!backwards.ok) return backwards
      return ok({
        channel: c,
        request: {
          connectionId: id.value,
          direction: direction.value,
          pattern: p.pattern as string,
          from: from.value,
          backwards: backwards.value,
        },
      })
    }
    case 'connection:http': {
      const extra = onlyKeys(p, ['connectionId', 'direction'])
      if (extra) return fail(extra)
      const id = checkId(p, 'connectionId')
      if (!id.ok) return id
      const direction = checkOneOf('direction', p.direction, DIRECTIONS)
      if (!direction.ok) return direction
      return ok({ channel: c, request: { connectionId: id.value, direction: direction.value } })
    }
    case 'http:analyze': {
      const extra = onlyKeys(p, ['base64', 'direction', 'truncated'])
      if (extra) return fail(extra)
      const bad = checkBytes('base64', p.base64, MAX_SEND_BYTES, {
        empty: 'send-empty',
        tooLarge: 'send-too-large',
      })
      // An empty stream is fine to analyse: it is simply not HTTP yet.
      if (bad && p.base64 !== '') return fail(bad)
      const direction = checkOneOf('direction', p.direction, DIRECTIONS)
      if (!direction.ok) return direction
      const truncated = checkOneOf('truncated', p.truncated, [true, false])
      if (!truncated.ok) return truncated
      return ok({
        channel: c,
        request: {
          base64: p.base64 as string,
          direction: direction.value,
          truncated: truncated.value,
        },
      })
    }
    case 'settings:set': {
      const patch = checkSettingsPatch(p)
      if (!patch.ok) return patch
      return ok({ channel: c, request: patch.value })
    }
    case 'client:run': {
      const request = checkClientRun(p)
      return request.ok ? ok({ channel: c, request: request.value }) : request
    }
    case 'client:cancel': {
      const request = checkClientCancel(p)
      return request.ok ? ok({ channel: c, request: request.value }) : request
    }
    case 'diagnostics:who-holds': {
      const request = checkWhoHolds(p)
      return request.ok ? ok({ channel: c, request: request.value }) : request
    }
    case 'diagnostics:excluded-ports': {
      const request = checkExcludedPorts(p)
      return request.ok ? ok({ channel: c, request: request.value }) : request
    }
    case 'diagnostics:localhost': {
      const request = checkLocalhost(p)
      return request.ok ? ok({ channel: c, request: request.value }) : request
    }
    case 'diagnostics:free-port': {
      const request = checkFreePort(p)
      return request.ok ? ok({ channel: c, request: request.value }) : request
    }
    default:
      return assertNever(c)
  }
}
