/**
 * Validation of everything that crosses the boundary, and of what a person types.
 *
 * The engine runs {@link validateRequest} on every request, whatever the transport; the renderer
 * runs {@link parsePort} and {@link checkHost} for inline messages, so both say the same thing.
 * Every request is checked by its channel's valibot schema (contract/requests.ts, client-types.ts,
 * diagnostics-types.ts, settings.ts); schema/app-error.ts turns the first issue into an AppError.
 */
import type * as v from 'valibot'
import {
  addListenerSchema,
  analyzeBytesSchema,
  closeAllSchema,
  closeConnectionSchema,
  emptySchema,
  httpSchema,
  listenerIdSchema,
  readBytesSchema,
  readChunksSchema,
  searchSchema,
  sendSchema,
  stopListenerSchema,
  updateListenerSchema,
  type Channel,
  type RequestOf,
} from './contract'
import { clientCancelSchema } from './client-types'
import {
  excludedPortsSchema,
  freePortSchema,
  localhostSchema,
  whoHoldsSchema,
} from './diagnostics-types'
import { fail, ok, type Result } from './result'
import { parseWith } from './schema/app-error'
import type { Same } from './schema/same'
import { settingsPatchSchema } from './settings'
import { clientRunSchema } from './validate-client'

export { base64ByteLength, checkHost, parsePort } from './validate-fields'
export { checkSettingsPatch, parseAppSettings } from './validate-settings'

/** Each channel's schema: what its request takes, and what the engine gets from it. */
const REQUEST_SCHEMAS = {
  'listener:add': addListenerSchema,
  'listener:update': updateListenerSchema,
  'listener:set-up': updateListenerSchema,
  'listener:start': listenerIdSchema,
  'listener:stop': stopListenerSchema,
  'listener:remove': listenerIdSchema,
  'engine:snapshot': emptySchema,
  'connection:close': closeConnectionSchema,
  'connections:close-all': closeAllSchema,
  'connection:send': sendSchema,
  'connection:read': readBytesSchema,
  'connection:chunks': readChunksSchema,
  'connection:search': searchSchema,
  'connection:http': httpSchema,
  'http:analyze': analyzeBytesSchema,
  'settings:get': emptySchema,
  'settings:set': settingsPatchSchema,
  'client:run': clientRunSchema,
  'client:cancel': clientCancelSchema,
  'diagnostics:who-holds': whoHoldsSchema,
  'diagnostics:excluded-ports': excludedPortsSchema,
  'diagnostics:localhost': localhostSchema,
  'diagnostics:free-port': freePortSchema,
} satisfies Record<Channel, v.GenericSchema>

type RequestSchemas = typeof REQUEST_SCHEMAS

/**
 * A request as the engine acts on it: its schema's output, cleaned (the port a number, the host
 * trimmed), where the contract's request types are what a caller may send (the schema's input).
 */
export type ValidRequest = {
  [C in Channel]: { channel: C; request: v.InferOutput<RequestSchemas[C]> }
}[Channel]

// The channel map's request types are the schemas' inputs (settings:set's is its output: see
// settings.ts), and what the engine gets fits what the channel map says it gets.
type NotInput = {
  [C in Channel]: Same<v.InferInput<RequestSchemas[C]>, RequestOf<C>> extends true ? never : C
}[Channel]
type NotFitting = {
  [C in Channel]: v.InferOutput<RequestSchemas[C]> extends RequestOf<C> ? never : C
}[Channel]
const isEveryInput: Same<NotInput, 'settings:set'> = true
const isEveryFitting: Same<NotFitting, never> = true
void [isEveryInput, isEveryFitting]

/**
 * Checks a request from any transport: a known channel and a plain object with exactly the fields
 * that channel takes, each of the right type and range. Returns the cleaned request.
 */
export function validateRequest(channel: unknown, payload: unknown): Result<ValidRequest> {
  if (typeof channel !== 'string' || !Object.hasOwn(REQUEST_SCHEMAS, channel))
    return fail({
      code: 'INVALID_REQUEST',
      message: `Unknown channel: ${String(channel).slice(0, 40)}`,
    })
  const c = channel as Channel
  const request = parseWith(REQUEST_SCHEMAS[c], payload)
  // The table pairs each channel with its schema; TypeScript cannot follow the pair through `c`.
  return request.ok ? ok({ channel: c, request: request.value } as ValidRequest) : request
}
