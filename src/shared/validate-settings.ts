/**
 * Validation of the persisted settings: a `settings:set` patch and the whole settings file.
 */
import { MAX_CAPTURE_PER_CONNECTION, MAX_MAX_CONNECTIONS } from './contract'
import { fail, ok, type Result } from './result'
import {
  DEFAULT_SETTINGS,
  MAX_SAVED_LISTENERS,
  type AppSettings,
  type Language,
  type SavedListener,
  type SettingsPatch,
  type ThemeChoice,
} from './settings'
import {
  checkHost,
  checkInteger,
  checkOneOf,
  isPlainObject,
  onlyKeys,
  parsePort,
  requestError,
} from './validate-fields'
import { checkStageFields, LISTENER_SETTING_KEYS } from './validate-listener'
import { defaultListenerSettings } from './listener-defaults'

const LANGUAGES: readonly (Language | null)[] = [null, 'en', 'ru']
const THEMES: readonly ThemeChoice[] = ['system', 'light', 'dark']
const PATCH_KEYS = ['language', 'theme', 'listeners'] as const

/**
 * One saved listener: the port a number (never a string, see parsePort). host, port, the limits
 * are always there; the stage fields came later, so a file without them takes their defaults.
 */
function checkSavedListener(value: unknown, where: string): Result<SavedListener> {
  if (!isPlainObject(value)) return fail(requestError(`${where} must be an object`))
  const extra = onlyKeys(value, LISTENER_SETTING_KEYS)
  if (extra) return fail({ ...extra, message: `${where}: ${extra.message}` })
  const host = checkHost(value.host)
  if (!host.ok) return host
  if (typeof value.port !== 'number') return fail(requestError(`${where}.port must be a number`))
  const port = parsePort(value.port)
  if (!port.ok) return port
  let maxConnections: number | null = null
  if (value.maxConnections !== null) {
    const max = checkInteger('maxConnections', value.maxConnections, 1, MAX_MAX_CONNECTIONS)
    if (!max.ok) return max
    maxConnections = max.value
  }
  const cap = checkInteger(
    'captureLimitPerConnection',
    value.captureLimitPerConnection,
    0,
    MAX_CAPTURE_PER_CONNECTION,
  )
  if (!cap.ok) return cap
  const stage = checkStageFields(value)
  if (!stage.ok) return stage
  return ok({
    ...defaultListenerSettings(),
    ...stage.value,
    host: host.value,
    port: port.value,
    maxConnections,
    captureLimitPerConnection: cap.value,
  })
}

function checkListeners(value: unknown): Result<SavedListener[]> {
  if (!Array.isArray(value)) return fail(requestError('listeners must be an array'))
  if (value.length > MAX_SAVED_LISTENERS)
    return fail(requestError(`listeners: at most ${MAX_SAVED_LISTENERS}`))
  const listeners: SavedListener[] = []
  for (const [index, item] of value.entries()) {
    const listener = checkSavedListener(item, `listeners[${index}]`)
    if (!listener.ok) return listener
    listeners.push(listener.value)
  }
  return ok(listeners)
}

/** A `settings:set` patch: only language, theme and listeners, each checked when present. */
export function checkSettingsPatch(obj: Record<string, unknown>): Result<SettingsPatch> {
  const extra = onlyKeys(obj, PATCH_KEYS)
  if (extra) return fail(extra)
  const patch: SettingsPatch = {}
  if (obj.language !== undefined) {
    const language = checkOneOf('language', obj.language, LANGUAGES)
    if (!language.ok) return language
    patch.language = language.value
  }
  if (obj.theme !== undefined) {
    const theme = checkOneOf('theme', obj.theme, THEMES)
    if (!theme.ok) return theme
    patch.theme = theme.value
  }
  if (obj.listeners !== undefined) {
    const listeners = checkListeners(obj.listeners)
    if (!listeners.ok) return listeners
    patch.listeners = listeners.value
  }
  return ok(patch)
}

/**
 * A settings file's parsed JSON: version 1, no unknown keys; a missing field takes its default.
 */
export function parseAppSettings(value: unknown): Result<AppSettings> {
  if (!isPlainObject(value)) return fail(requestError('The settings must be a JSON object'))
  const { version, ...rest } = value
  if (version !== 1) return fail(requestError('version must be 1'))
  const patch = checkSettingsPatch(rest)
  if (!patch.ok) return patch
  return ok({ ...DEFAULT_SETTINGS, listeners: [], ...patch.value, version: 1 })
}
