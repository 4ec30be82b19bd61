/**
 * Validation of a listener's settings, shared by listener:add/update and the settings file.
 *
 * The book's stage fields (responder, handling, workers, sleepSeconds, stopAfter, the pages) may
 * change while a listener listens: they apply to connections accepted afterwards.
 */
import {
  HANDLINGS,
  MAX_CAPTURE_PER_CONNECTION,
  MAX_HEAD_BYTES,
  MAX_MAX_CONNECTIONS,
  MAX_PAGE_BYTES,
  MAX_SLEEP_SECONDS,
  MAX_WORKERS,
  RESPONDERS,
  type AddListenerRequest,
} from './contract'
import { fail, ok, type Result } from './result'
import { checkHost, checkInteger, checkOneOf, parsePort, requestError } from './validate-fields'

/** The most take(N) may count. */
export const MAX_STOP_AFTER = 1000

export const LISTENER_SETTING_KEYS = [
  'host',
  'port',
  'maxConnections',
  'captureLimitPerConnection',
  'responder',
  'handling',
  'workers',
  'sleepSeconds',
  'stopAfter',
  'helloHtml',
  'notFoundHtml',
  'helloHead',
  'notFoundHead',
] as const

/** The stage fields of a request or a saved listener; each present one is checked. */
export type StageFields = Pick<
  AddListenerRequest,
  | 'responder'
  | 'handling'
  | 'workers'
  | 'sleepSeconds'
  | 'stopAfter'
  | 'helloHtml'
  | 'notFoundHtml'
  | 'helloHead'
  | 'notFoundHead'
>

const utf8 = new TextEncoder()

/**
 * An HTML page or a response head as edited: a string of at most `max` UTF-8 bytes.
 *
 * Too large is INVALID_INPUT without a reason (the editor refuses it first, with its own text).
 * A head's content is not checked: a broken head is a lesson, which the linter explains.
 */
function checkText(field: string, value: unknown, max: number): Result<string> {
  if (typeof value !== 'string') return fail(requestError(`${field} must be a string`))
  // A UTF-16 unit is at most 3 UTF-8 bytes: short strings need no encoding to be measured.
  const size = value.length * 3 <= max ? 0 : utf8.encode(value).length
  if (size > max)
    return fail({
      code: 'INVALID_INPUT',
      field,
      message: `${field} is longer than ${max} bytes`,
    })
  return ok(value)
}

export function checkStageFields(obj: Record<string, unknown>): Result<StageFields> {
  const out: StageFields = {}
  if (obj.responder !== undefined) {
    const responder = checkOneOf('responder', obj.responder, RESPONDERS)
    if (!responder.ok) return responder
    out.responder = responder.value
  }
  if (obj.handling !== undefined) {
    const handling = checkOneOf('handling', obj.handling, HANDLINGS)
    if (!handling.ok) return handling
    out.handling = handling.value
  }
  if (obj.workers !== undefined) {
    const workers = checkInteger('workers', obj.workers, 1, MAX_WORKERS)
    if (!workers.ok) return workers
    out.workers = workers.value
  }
  if (obj.sleepSeconds !== undefined) {
    const sleep = checkInteger('sleepSeconds', obj.sleepSeconds, 0, MAX_SLEEP_SECONDS)
    if (!sleep.ok) return sleep
    out.sleepSeconds = sleep.value
  }
  if (obj.stopAfter !== undefined) {
    if (obj.stopAfter === null) out.stopAfter = null
    else {
      const stopAfter = checkInteger('stopAfter', obj.stopAfter, 1, MAX_STOP_AFTER)
      if (!stopAfter.ok) return stopAfter
      out.stopAfter = stopAfter.value
    }
  }
  for (const field of ['helloHtml', 'notFoundHtml'] as const) {
    if (obj[field] === undefined) continue
    const page = checkText(field, obj[field], MAX_PAGE_BYTES)
    if (!page.ok) return page
    out[field] = page.value
  }
  for (const field of ['helloHead', 'notFoundHead'] as const) {
    if (obj[field] === undefined) continue
    const head = checkText(field, obj[field], MAX_HEAD_BYTES)
    if (!head.ok) return head
    out[field] = head.value
  }
  return ok(out)
}

/** The listener settings a request may set; each present one is checked. */
export function checkListenerSettings(
  obj: Record<string, unknown>,
): Result<AddListenerRequest & { port?: number }> {
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
    const cap = checkInteger(
      'captureLimitPerConnection',
      obj.captureLimitPerConnection,
      0,
      MAX_CAPTURE_PER_CONNECTION,
    )
    if (!cap.ok) return cap
    out.captureLimitPerConnection = cap.value
  }
  const stage = checkStageFields(obj)
  if (!stage.ok) return stage
  return ok({ ...out, ...stage.value })
}
