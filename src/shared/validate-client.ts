/**
 * Validation of the client's requests (client:run, client:cancel): their shape here, their values
 * with the same checks the GUI runs as the user types (client-checks.ts).
 */
import { clientPlanErrors, type ClientInputReason } from './client-checks'
import {
  MAX_CLIENT_RAW_BYTES,
  MAX_CLIENT_ROWS,
  type ClientCancelRequest,
  type ClientFraming,
  type ClientHttpRow,
  type ClientPlan,
  type ClientRunRequest,
} from './client-types'
import { fail, ok, type InputReason, type Result } from './result'
import { checkId, isPlainObject, onlyKeys, requestError } from './validate-fields'

function checkFraming(value: unknown): Result<ClientFraming> {
  if (!isPlainObject(value)) return fail(requestError('framing must be an object'))
  const numbers = (keys: string[]): boolean => keys.every((k) => typeof value[k] === 'number')
  switch (value.kind) {
    case 'whole': {
      const extra = onlyKeys(value, ['kind'])
      return extra ? fail(extra) : ok({ kind: 'whole' })
    }
    case 'chunks': {
      const extra = onlyKeys(value, ['kind', 'chunks', 'gapMs'])
      if (extra) return fail(extra)
      if (!numbers(['chunks', 'gapMs']))
        return fail(requestError('chunks and gapMs must be numbers'))
      return ok({ kind: 'chunks', chunks: value.chunks as number, gapMs: value.gapMs as number })
    }
    case 'bytes': {
      const extra = onlyKeys(value, ['kind', 'intervalMs'])
      if (extra) return fail(extra)
      if (!numbers(['intervalMs'])) return fail(requestError('intervalMs must be a number'))
      return ok({ kind: 'bytes', intervalMs: value.intervalMs as number })
    }
    default:
      return fail(requestError('framing.kind must be whole, chunks or bytes'))
  }
}

function checkRow(value: unknown): Result<ClientHttpRow> {
  if (!isPlainObject(value)) return fail(requestError('each row must be an object'))
  const extra = onlyKeys(value, ['count', 'path', 'startMs'])
  if (extra) return fail(extra)
  const { count, path, startMs } = value
  if (typeof count !== 'number' || typeof startMs !== 'number' || typeof path !== 'string')
    return fail(requestError('a row has a number count and startMs and a string path'))
  return ok({ count, path, startMs })
}

function checkPlan(value: unknown): Result<ClientPlan> {
  if (!isPlainObject(value)) return fail(requestError('plan must be an object'))
  if (value.kind === 'http') {
    const extra = onlyKeys(value, ['kind', 'rows', 'idle'])
    if (extra) return fail(extra)
    if (value.idle !== undefined && typeof value.idle !== 'number')
      return fail(requestError('idle must be a number'))
    if (!Array.isArray(value.rows)) return fail(requestError('rows must be an array'))
    if (value.rows.length > MAX_CLIENT_ROWS * 10) return fail(requestError('too many rows'))
    const rows: ClientHttpRow[] = []
    for (const raw of value.rows as unknown[]) {
      const row = checkRow(raw)
      if (!row.ok) return row
      rows.push(row.value)
    }
    return ok(
      value.idle === undefined
        ? { kind: 'http', rows }
        : { kind: 'http', rows, idle: value.idle as number },
    )
  }
  if (value.kind === 'raw') {
    const extra = onlyKeys(value, ['kind', 'text', 'framing'])
    if (extra) return fail(extra)
    if (typeof value.text !== 'string') return fail(requestError('text must be a string'))
    // Escapes take up to 4 characters a byte: anything longer is too large however it parses.
    if (value.text.length > MAX_CLIENT_RAW_BYTES * 4) return fail(requestError('text is too long'))
    const framing = checkFraming(value.framing)
    if (!framing.ok) return framing
    return ok({ kind: 'raw', text: value.text, framing: framing.value })
  }
  return fail(requestError('plan.kind must be http or raw'))
}

/** The InputReason closest to a client reason, for the AppError the engine answers. */
function toInputReason(reason: ClientInputReason): InputReason | undefined {
  switch (reason) {
    case 'host-too-long':
    case 'host-invalid-characters':
    case 'port-not-integer':
    case 'port-out-of-range':
      return reason
    case 'target-empty':
      return 'host-empty'
    default:
      return undefined
  }
}

/** client:run: the shape here, then every value check of client-checks.ts; the first error wins. */
export function checkClientRun(p: Record<string, unknown>): Result<ClientRunRequest> {
  const extra = onlyKeys(p, ['target', 'plan', 'confirmedRemote', 'timeLimitSeconds'])
  if (extra) return fail(extra)
  if (typeof p.target !== 'string' || p.target.length > 1024)
    return fail(requestError('target must be a string of at most 1024 characters'))
  if (p.confirmedRemote !== undefined && typeof p.confirmedRemote !== 'boolean')
    return fail(requestError('confirmedRemote must be a boolean'))
  if (p.timeLimitSeconds !== undefined && typeof p.timeLimitSeconds !== 'number')
    return fail(requestError('timeLimitSeconds must be a number'))
  const plan = checkPlan(p.plan)
  if (!plan.ok) return plan
  const request: ClientRunRequest = { target: p.target, plan: plan.value }
  if (p.confirmedRemote !== undefined) request.confirmedRemote = p.confirmedRemote
  if (p.timeLimitSeconds !== undefined) request.timeLimitSeconds = p.timeLimitSeconds
  const first = clientPlanErrors(request)[0]
  if (first === undefined) return ok(request)
  const reason = toInputReason(first.reason)
  return fail({
    code: 'INVALID_INPUT',
    field: first.field,
    message: first.message,
    ...(reason ? { reason } : {}),
  })
}

/** client:cancel: `{ runId }`. */
export function checkClientCancel(p: Record<string, unknown>): Result<ClientCancelRequest> {
  const extra = onlyKeys(p, ['runId'])
  if (extra) return fail(extra)
  const id = checkId(p, 'runId')
  if (!id.ok) return id
  return ok({ runId: id.value })
}
