/**
 * The value checks of a client plan, as a person types it: the target, the rows, the raw bytes
 * and their framing, and the limits (200 connections, 60 s, loopback unless confirmed).
 *
 * The GUI shows every error inline as the user types; the engine runs the same checks through
 * validate-client.ts and refuses the first as INVALID_INPUT.
 */
import { isLoopbackHost } from './address'
import {
  MAX_CLIENT_CHUNKS,
  MAX_CLIENT_CONNECTIONS,
  MAX_CLIENT_GAP_MS,
  MAX_CLIENT_IDLE,
  MAX_CLIENT_PATH,
  MAX_CLIENT_RAW_BYTES,
  MAX_CLIENT_ROWS,
  MAX_CLIENT_SECONDS,
  MAX_CLIENT_START_MS,
  type ClientFraming,
  type ClientHttpRow,
  type ClientPlan,
  type ClientRunRequest,
} from './client-types'
import { parseComposerText } from './compose'
import { assertNever, err, ok, type Result } from './result'
import { checkHost, parsePort } from './validate-fields'

/** Why a field of a plan was refused; the GUI words each through its catalog. */
export type ClientInputReason =
  | 'target-empty'
  | 'target-no-port'
  | 'target-ipv6-brackets'
  | 'host-too-long'
  | 'host-invalid-characters'
  | 'port-not-integer'
  | 'port-out-of-range'
  | 'port-zero'
  | 'remote-not-confirmed'
  | 'rows-empty'
  | 'rows-too-many'
  | 'count-range'
  | 'start-range'
  | 'path-empty'
  | 'path-no-slash'
  | 'path-invalid'
  | 'path-too-long'
  | 'too-many-connections'
  | 'idle-range'
  | 'raw-empty'
  | 'raw-too-large'
  | 'raw-escape'
  | 'chunks-range'
  | 'chunks-more-than-bytes'
  | 'gap-range'
  | 'interval-range'
  | 'time-limit-range'

/** One refused field: `field` is `target`, `rows.0.path`, `framing.chunks`, … */
export interface ClientFieldError {
  field: string
  reason: ClientInputReason
  /** English, for logs and the engine's answer. */
  message: string
  /** Numbers the message needs (limits, an index in the text). */
  params?: Record<string, number>
}

export interface ClientTarget {
  host: string
  port: number
}

function fieldError(
  field: string,
  reason: ClientInputReason,
  message: string,
  params?: Record<string, number>,
): ClientFieldError {
  return params ? { field, reason, message, params } : { field, reason, message }
}

/** A field error as a failed Result. */
function refuse<T>(...args: Parameters<typeof fieldError>): Result<T, ClientFieldError> {
  return err(fieldError(...args))
}

/**
 * host:port as typed: `127.0.0.1:7878`, `localhost:7878`, `[::1]:7878`. An IPv6 address needs
 * its brackets; port 0 cannot be connected to.
 */
export function parseTarget(text: string): Result<ClientTarget, ClientFieldError> {
  const s = text.trim()
  if (s === '') return refuse('target', 'target-empty', 'Target is empty')
  let host: string
  let portText: string
  const bracketed = /^\[([^\]]*)\](?::(.*))?$/.exec(s)
  if (bracketed) {
    host = bracketed[1] ?? ''
    if (bracketed[2] === undefined)
      return refuse('target', 'target-no-port', 'Target needs a port: host:port')
    portText = bracketed[2]
  } else {
    const colon = s.lastIndexOf(':')
    if (colon < 0) return refuse('target', 'target-no-port', 'Target needs a port: host:port')
    host = s.slice(0, colon)
    portText = s.slice(colon + 1)
    if (host.includes(':'))
      return refuse('target', 'target-ipv6-brackets', 'Write an IPv6 address in brackets')
  }
  if (host === '') return refuse('target', 'target-empty', 'Target has no host')
  const checkedHost = checkHost(host)
  if (!checkedHost.ok) {
    const reason =
      checkedHost.error.reason === 'host-too-long' ? 'host-too-long' : 'host-invalid-characters'
    return refuse('target', reason, checkedHost.error.message)
  }
  const port = parsePort(portText)
  if (!port.ok) {
    const reason =
      port.error.reason === 'port-not-integer' ? 'port-not-integer' : 'port-out-of-range'
    if (port.error.reason === 'port-empty')
      return refuse('target', 'target-no-port', 'Target needs a port: host:port')
    return refuse('target', reason, port.error.message)
  }
  if (port.value === 0) return refuse('target', 'port-zero', 'Port 0 cannot be connected to')
  return ok({ host: checkedHost.value, port: port.value })
}

/** True when connecting to `host` leaves this machine (or may: any name but localhost). */
export function isRemoteHost(host: string): boolean {
  return !isLoopbackHost(host)
}

function isWhole(value: number, min: number, max: number): boolean {
  return Number.isInteger(value) && value >= min && value <= max
}

function rowErrors(rows: readonly ClientHttpRow[], idle: number): ClientFieldError[] {
  const errors: ClientFieldError[] = []
  if (rows.length === 0) errors.push(fieldError('rows', 'rows-empty', 'The plan has no requests'))
  if (rows.length > MAX_CLIENT_ROWS)
    errors.push(
      fieldError('rows', 'rows-too-many', `At most ${MAX_CLIENT_ROWS} rows`, {
        max: MAX_CLIENT_ROWS,
      }),
    )
  let total = 0
  if (!isWhole(idle, 0, MAX_CLIENT_IDLE))
    errors.push(
      fieldError('idle', 'idle-range', `Idle connections must be 0 to ${MAX_CLIENT_IDLE}`, {
        max: MAX_CLIENT_IDLE,
      }),
    )
  else total += idle
  rows.forEach((row, i) => {
    if (!isWhole(row.count, 1, MAX_CLIENT_CONNECTIONS))
      errors.push(
        fieldError(
          `rows.${i}.count`,
          'count-range',
          `Count must be 1 to ${MAX_CLIENT_CONNECTIONS}`,
          {
            max: MAX_CLIENT_CONNECTIONS,
          },
        ),
      )
    else total += row.count
    if (!isWhole(row.startMs, 0, MAX_CLIENT_START_MS))
      errors.push(
        fieldError(
          `rows.${i}.startMs`,
          'start-range',
          `Start must be 0 to ${MAX_CLIENT_START_MS} ms`,
          {
            max: MAX_CLIENT_START_MS,
          },
        ),
      )
    const path = row.path
    if (path === '') errors.push(fieldError(`rows.${i}.path`, 'path-empty', 'Path is empty'))
    else if (path.length > MAX_CLIENT_PATH)
      errors.push(
        fieldError(`rows.${i}.path`, 'path-too-long', `Path is longer than ${MAX_CLIENT_PATH}`, {
          max: MAX_CLIENT_PATH,
        }),
      )
    else if (!path.startsWith('/'))
      errors.push(fieldError(`rows.${i}.path`, 'path-no-slash', 'Path must start with /'))
    // A request line is `GET path HTTP/1.1`: a space, CR, LF or any other control byte (or a
    // character outside ASCII) would change the request rather than the path.
    else if (!/^[\x21-\x7e]+$/.test(path))
      errors.push(
        fieldError(
          `rows.${i}.path`,
          'path-invalid',
          'Path may not contain spaces, CR, LF or non-ASCII',
        ),
      )
  })
  if (total > MAX_CLIENT_CONNECTIONS)
    errors.push(
      fieldError(
        'rows',
        'too-many-connections',
        `At most ${MAX_CLIENT_CONNECTIONS} connections per plan (this one has ${total})`,
        { max: MAX_CLIENT_CONNECTIONS, count: total },
      ),
    )
  return errors
}

/** The bytes of a raw plan's text (typed line breaks become CRLF), or why not. */
export function rawPlanBytes(text: string): Result<Uint8Array, ClientFieldError> {
  const parsed = parseComposerText(text, 'crlf')
  if (!parsed.ok)
    return refuse('raw.text', 'raw-escape', `Bad escape at ${parsed.error.index}`, {
      index: parsed.error.index,
    })
  if (parsed.value.length === 0) return refuse('raw.text', 'raw-empty', 'Nothing to send')
  if (parsed.value.length > MAX_CLIENT_RAW_BYTES)
    return refuse('raw.text', 'raw-too-large', `At most ${MAX_CLIENT_RAW_BYTES} bytes`, {
      max: MAX_CLIENT_RAW_BYTES,
    })
  return parsed
}

function framingErrors(framing: ClientFraming, size: number | null): ClientFieldError[] {
  switch (framing.kind) {
    case 'whole':
      return []
    case 'chunks': {
      const errors: ClientFieldError[] = []
      if (!isWhole(framing.chunks, 1, MAX_CLIENT_CHUNKS))
        errors.push(
          fieldError('framing.chunks', 'chunks-range', `Chunks must be 1 to ${MAX_CLIENT_CHUNKS}`, {
            max: MAX_CLIENT_CHUNKS,
          }),
        )
      else if (size !== null && framing.chunks > size)
        errors.push(
          fieldError('framing.chunks', 'chunks-more-than-bytes', 'More chunks than bytes', {
            max: size,
          }),
        )
      if (!isWhole(framing.gapMs, 0, MAX_CLIENT_GAP_MS))
        errors.push(
          fieldError('framing.gapMs', 'gap-range', `Gap must be 0 to ${MAX_CLIENT_GAP_MS} ms`, {
            max: MAX_CLIENT_GAP_MS,
          }),
        )
      return errors
    }
    case 'bytes':
      return isWhole(framing.intervalMs, 1, MAX_CLIENT_GAP_MS)
        ? []
        : [
            fieldError(
              'framing.intervalMs',
              'interval-range',
              `Interval must be 1 to ${MAX_CLIENT_GAP_MS} ms`,
              {
                max: MAX_CLIENT_GAP_MS,
              },
            ),
          ]
    default:
      return assertNever(framing)
  }
}

function planErrors(plan: ClientPlan): ClientFieldError[] {
  if (plan.kind === 'http') return rowErrors(plan.rows, plan.idle ?? 0)
  const bytes = rawPlanBytes(plan.text)
  const size = bytes.ok ? bytes.value.length : null
  return [...(bytes.ok ? [] : [bytes.error]), ...framingErrors(plan.framing, size)]
}

/** Every value error of a well-formed request, in the order of the form; [] when it may run. */
export function clientPlanErrors(request: ClientRunRequest): ClientFieldError[] {
  const errors: ClientFieldError[] = []
  const target = parseTarget(request.target)
  if (!target.ok) errors.push(target.error)
  else if (isRemoteHost(target.value.host) && request.confirmedRemote !== true)
    errors.push(
      fieldError(
        'confirmedRemote',
        'remote-not-confirmed',
        `${target.value.host} is not this machine: confirm sending to it first`,
      ),
    )
  const limit = request.timeLimitSeconds
  if (limit !== undefined && !isWhole(limit, 1, MAX_CLIENT_SECONDS))
    errors.push(
      fieldError(
        'timeLimitSeconds',
        'time-limit-range',
        `Time limit must be 1 to ${MAX_CLIENT_SECONDS} s`,
        {
          max: MAX_CLIENT_SECONDS,
        },
      ),
    )
  errors.push(...planErrors(request.plan))
  return errors
}
