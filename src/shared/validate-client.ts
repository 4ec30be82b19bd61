/**
 * Validation of the client's requests (client:run, client:cancel): their shape by the schemas in
 * client-types.ts, then their values by the same checks the GUI runs as the user types
 * (client-checks.ts), the first error answered as INVALID_INPUT.
 */
import * as v from 'valibot'
import { clientPlanErrors, type ClientInputReason } from './client-checks'
import {
  clientCancelSchema,
  clientRunShape,
  type ClientCancelRequest,
  type ClientRunRequest,
} from './client-types'
import type { InputReason, Result } from './result'
import { inputMessage, parseWith } from './schema/app-error'

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

/** client:run: the shape, then every value check of client-checks.ts; the first error wins. */
export const clientRunSchema = v.pipe(
  clientRunShape,
  v.rawCheck(({ dataset, addIssue }) => {
    if (!dataset.typed) return
    const first = clientPlanErrors(dataset.value)[0]
    if (first !== undefined)
      addIssue({ message: inputMessage(first.field, toInputReason(first.reason), first.message) })
  }),
)

export function checkClientRun(p: Record<string, unknown>): Result<ClientRunRequest> {
  return parseWith(clientRunSchema, p)
}

/** client:cancel: `{ runId }`. */
export function checkClientCancel(p: Record<string, unknown>): Result<ClientCancelRequest> {
  return parseWith(clientCancelSchema, p)
}
