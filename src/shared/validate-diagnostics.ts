/**
 * Validation of the diagnostics' requests.
 *
 * The port is the only thing that reaches an OS command, so it must be an integer 1–65535 and
 * nothing else. The free-port search's host only reaches listen() (as a listener's would).
 */
import type {
  ExcludedPortsRequest,
  FreePortRequest,
  LocalhostRequest,
  WhoHoldsRequest,
} from './diagnostics-types'
import { fail, ok, type Result } from './result'
import { checkHost, checkRequestInteger, onlyKeys, requestError } from './validate-fields'

function checkPort(p: Record<string, unknown>): Result<number> {
  if (!('port' in p)) return fail(requestError('port is required'))
  return checkRequestInteger('port', p.port, 1, 65535)
}

/** `{ port }` for diagnostics:who-holds. */
export function checkWhoHolds(p: Record<string, unknown>): Result<WhoHoldsRequest> {
  const extra = onlyKeys(p, ['port'])
  if (extra) return fail(extra)
  const port = checkPort(p)
  return port.ok ? ok({ port: port.value }) : port
}

/** `{ port }` for diagnostics:excluded-ports. */
export function checkExcludedPorts(p: Record<string, unknown>): Result<ExcludedPortsRequest> {
  const extra = onlyKeys(p, ['port'])
  if (extra) return fail(extra)
  const port = checkPort(p)
  return port.ok ? ok({ port: port.value }) : port
}

/** `{ port }` (or `{ port: null }` to only resolve) for diagnostics:localhost. */
export function checkLocalhost(p: Record<string, unknown>): Result<LocalhostRequest> {
  const extra = onlyKeys(p, ['port'])
  if (extra) return fail(extra)
  if (p.port === null) return ok({ port: null })
  const port = checkPort(p)
  return port.ok ? ok({ port: port.value }) : port
}

/** `{ host, from }` for diagnostics:free-port. */
export function checkFreePort(p: Record<string, unknown>): Result<FreePortRequest> {
  const extra = onlyKeys(p, ['host', 'from'])
  if (extra) return fail(extra)
  const host = checkHost(p.host)
  if (!host.ok) return host
  const from = checkRequestInteger('from', p.from, 1, 65535)
  return from.ok ? ok({ host: host.value, from: from.value }) : from
}
