/**
 * Validation of the desktop-only requests (desktop-contract.ts), run by the main process on
 * everything the renderer sends before a dialog opens, a file is written or a link leaves the app.
 */
import {
  DESKTOP_CHANNELS,
  MAX_COPY_CHARS,
  MAX_FILE_NAME_LENGTH,
  MAX_SAVE_BYTES,
  OPEN_KINDS,
  SAVE_KINDS,
  type DesktopChannel,
  type DesktopRequestOf,
} from './desktop-contract'
import { isAllowedDocUrl, loopbackHttpPort } from './external-links'
import { assertNever, fail, ok, type Result } from './result'
import { checkOneOf, isPlainObject, onlyKeys, requestError } from './validate-fields'

export type ValidDesktopRequest = {
  [C in DesktopChannel]: { channel: C; request: DesktopRequestOf<C> }
}[DesktopChannel]

/**
 * A name the Save dialog may offer: no folders (so a page cannot steer the default location), no
 * control characters, not `.` or `..`, at most MAX_FILE_NAME_LENGTH characters.
 */
export function isSafeFileName(name: unknown): name is string {
  if (typeof name !== 'string' || name.length === 0 || name.length > MAX_FILE_NAME_LENGTH)
    return false
  if (name === '.' || name === '..') return false
  // eslint-disable-next-line no-control-regex
  return !/[\u0000-\u001f\u007f/\\:*?"<>|]/.test(name)
}

/** Checks a desktop request: a known channel and exactly the fields it takes, each in range. */
export function validateDesktopRequest(
  channel: unknown,
  payload: unknown,
): Result<ValidDesktopRequest> {
  if (typeof channel !== 'string' || !(DESKTOP_CHANNELS as string[]).includes(channel))
    return fail(requestError(`Unknown channel: ${String(channel).slice(0, 40)}`))
  const c = channel as DesktopChannel
  if (!isPlainObject(payload)) return fail(requestError('The request must be a plain object'))
  const p = payload
  switch (c) {
    case 'desktop:info': {
      const extra = onlyKeys(p, [])
      if (extra) return fail(extra)
      return ok({ channel: c, request: {} })
    }
    case 'desktop:save-file': {
      const extra = onlyKeys(p, ['kind', 'suggestedName', 'content'])
      if (extra) return fail(extra)
      const kind = checkOneOf('kind', p.kind, SAVE_KINDS)
      if (!kind.ok) return kind
      if (!isSafeFileName(p.suggestedName))
        return fail(requestError('suggestedName must be a plain file name'))
      if (!(p.content instanceof Uint8Array))
        return fail(requestError('content must be a Uint8Array'))
      if (p.content.byteLength > MAX_SAVE_BYTES)
        return fail(requestError(`content is larger than ${MAX_SAVE_BYTES} bytes`))
      return ok({
        channel: c,
        request: { kind: kind.value, suggestedName: p.suggestedName, content: p.content },
      })
    }
    case 'desktop:open-file': {
      const extra = onlyKeys(p, ['kind'])
      if (extra) return fail(extra)
      const kind = checkOneOf('kind', p.kind, OPEN_KINDS)
      if (!kind.ok) return kind
      return ok({ channel: c, request: { kind: kind.value } })
    }
    case 'desktop:copy-text': {
      const extra = onlyKeys(p, ['text'])
      if (extra) return fail(extra)
      if (typeof p.text !== 'string' || p.text.length > MAX_COPY_CHARS)
        return fail(requestError(`text must be a string of at most ${MAX_COPY_CHARS} characters`))
      return ok({ channel: c, request: { text: p.text } })
    }
    case 'desktop:open-link': {
      const extra = onlyKeys(p, ['url'])
      if (extra) return fail(extra)
      if (
        typeof p.url !== 'string' ||
        (!isAllowedDocUrl(p.url) && loopbackHttpPort(p.url) === null)
      )
        return fail(
          requestError(
            'url must be a documentation link the app knows, or a loopback http address',
          ),
        )
      return ok({ channel: c, request: { url: p.url } })
    }
    default:
      return assertNever(c)
  }
}
