/**
 * Validation of the diagnostics' requests. PLACEHOLDER: the diagnostics module owns this file.
 */
import type { ExcludedPortsRequest, LocalhostRequest, WhoHoldsRequest } from './diagnostics-types'
import { fail, ok, type Result } from './result'
import { checkRequestInteger, onlyKeys } from './validate-fields'

export function checkWhoHolds(p: Record<string, unknown>): Result<WhoHoldsRequest> {
  const extra = onlyKeys(p, ['port'])
  if (extra) return fail(extra)
  const port = checkRequestInteger('port', p.port, 1, 65535)
  if (!port.ok) return port
  return ok({ port: port.value })
}

export function checkExcludedPorts(p: Record<string, unknown>): Result<ExcludedPortsRequest> {
  const extra = onlyKeys(p, [])
  if (extra) return fail(extra)
  return ok({})
}

export function checkLocalhost(p: Record<string, unknown>): Result<LocalhostRequest> {
  const extra = onlyKeys(p, ['port'])
  if (extra) return fail(extra)
  const port = checkRequestInteger('port', p.port, 1, 65535)
  if (!port.ok) return port
  return ok({ port: port.value })
}
