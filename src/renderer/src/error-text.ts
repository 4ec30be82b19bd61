/**
 * A refused request or field in the user's language: the catalog text of an {@link AppError}, with
 * the field's own reason when the engine (or the renderer's check) refused an input.
 */
import { MAX_SEARCH_PATTERN, MAX_SEND_BYTES } from '../../shared/contract'
import { assertNever, type AppError, type InputReason } from '../../shared/result'
import type { Translate } from './i18n/context'

const MIB = 1024 * 1024

/** The catalog text for a field the engine refused. */
function inputText(t: Translate, reason: InputReason): string {
  switch (reason) {
    case 'port-empty':
    case 'port-not-integer':
    case 'port-out-of-range':
    case 'host-empty':
    case 'host-too-long':
    case 'host-invalid-characters':
    case 'port-zero':
    case 'remote-not-confirmed':
    case 'number-not-integer':
    case 'number-out-of-range':
      return t(`input.${reason}`)
    case 'send-empty':
    case 'pattern-empty':
      return t(`workspace.input.${reason}`)
    case 'send-too-large':
      return t('workspace.input.send-too-large', { max: String(MAX_SEND_BYTES / MIB) })
    case 'pattern-too-long':
      return t('workspace.input.pattern-too-long', { max: String(MAX_SEARCH_PATTERN) })
    default:
      return assertNever(reason)
  }
}

/** The catalog text for a refused field or request. */
export function errorText(t: Translate, error: AppError): string {
  if (error.code === 'INVALID_INPUT' && error.reason) return inputText(t, error.reason)
  return t(`error.${error.code}`)
}
