/**
 * A listener's settings as a validated request changes them.
 */
import type { AddListenerRequest, ListenerSettings } from '../../shared/contract'
import { parsePort } from '../../shared/validate'

/** Settings with the port as a number, as `listen()` must get it. */
export type SettingsPatch = Omit<AddListenerRequest, 'port'> & { port?: number }

/**
 * The settings of a validated request. validate.ts already turned the port into a number; its
 * type does not say so, hence the second parse (which cannot fail on a validated request).
 */
export function toSettingsPatch(request: AddListenerRequest): SettingsPatch {
  const { port, ...rest } = request
  if (port === undefined) return rest
  const parsed = parsePort(port)
  if (!parsed.ok) throw new Error(`Unvalidated port reached the engine: ${parsed.error.message}`)
  return { ...rest, port: parsed.value }
}

/** `settings` with every field `patch` sets (an absent or undefined field leaves it as is). */
export function withPatch(settings: ListenerSettings, patch: SettingsPatch): ListenerSettings {
  const next: ListenerSettings = { ...settings }
  for (const [key, value] of Object.entries(patch))
    if (value !== undefined && key in next) Object.assign(next, { [key]: value })
  return next
}
