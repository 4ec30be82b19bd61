/**
 * Validation of the desktop-only requests (desktop-contract.ts), run by the main process on
 * everything the renderer sends before a dialog opens, a file is written or a link leaves the app.
 */
import type * as v from 'valibot'
import {
  copyTextSchema,
  emptyDesktopSchema,
  openFileSchema,
  openLinkSchema,
  saveFileSchema,
  type DesktopChannel,
} from './desktop-contract'
import { fail, ok, type Result } from './result'
import { parseWith } from './schema/app-error'

export { isSafeFileName } from './desktop-contract'

/** Each desktop channel's schema: what its request takes. */
const DESKTOP_SCHEMAS = {
  'desktop:info': emptyDesktopSchema,
  'desktop:save-file': saveFileSchema,
  'desktop:open-file': openFileSchema,
  'desktop:copy-text': copyTextSchema,
  'desktop:open-link': openLinkSchema,
} satisfies Record<DesktopChannel, v.GenericSchema>

type DesktopSchemas = typeof DESKTOP_SCHEMAS

/** A desktop request as the main process acts on it: its schema's output. */
export type ValidDesktopRequest = {
  [C in DesktopChannel]: { channel: C; request: v.InferOutput<DesktopSchemas[C]> }
}[DesktopChannel]

/** Checks a desktop request: a known channel and exactly the fields it takes, each in range. */
export function validateDesktopRequest(
  channel: unknown,
  payload: unknown,
): Result<ValidDesktopRequest> {
  if (typeof channel !== 'string' || !Object.hasOwn(DESKTOP_SCHEMAS, channel))
    return fail({
      code: 'INVALID_REQUEST',
      message: `Unknown channel: ${String(channel).slice(0, 40)}`,
    })
  const c = channel as DesktopChannel
  const request = parseWith(DESKTOP_SCHEMAS[c], payload)
  return request.ok ? ok({ channel: c, request: request.value } as ValidDesktopRequest) : request
}
