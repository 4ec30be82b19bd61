/**
 * Validation of the client's requests (client:run, client:cancel). PLACEHOLDER: the client's
 * module owns this file.
 */
import type { ClientCancelRequest, ClientRunRequest } from './client-types'
import { fail, ok, type Result } from './result'
import { checkId, onlyKeys, requestError } from './validate-fields'

export function checkClientRun(p: Record<string, unknown>): Result<ClientRunRequest> {
  const extra = onlyKeys(p, ['target'])
  if (extra) return fail(extra)
  if (typeof p.target !== 'string') return fail(requestError('target must be a string'))
  return ok({ target: p.target })
}

export function checkClientCancel(p: Record<string, unknown>): Result<ClientCancelRequest> {
  const extra = onlyKeys(p, ['runId'])
  if (extra) return fail(extra)
  const id = checkId(p, 'runId')
  if (!id.ok) return id
  return ok({ runId: id.value })
}
