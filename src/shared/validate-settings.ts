/**
 * Validation of the persisted settings: a `settings:set` patch and the whole settings file.
 */
import { MAX_CAPTURE_PER_CONNECTION, MAX_MAX_CONNECTIONS } from './contract'
import {
  CHECKPOINT_IDS,
  MAX_STUDENT_NAME,
  STAGE_IDS,
  type CheckpointId,
  type LessonProgress,
  type StageId,
  type StageProgress,
} from './lesson-progress'
import { fail, ok, type Result } from './result'
import {
  DEFAULT_SETTINGS,
  MAX_FONT_SCALE,
  MAX_SAVED_LISTENERS,
  MIN_FONT_SCALE,
  PANE_SHARES,
  type AppSettings,
  type PaneShares,
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
const PATCH_KEYS = [
  'language',
  'theme',
  'listeners',
  'fontScale',
  'isProjector',
  'isFirstRunDismissed',
  'studentName',
  'progress',
  'panes',
] as const

const PANE_KEYS = Object.keys(PANE_SHARES) as (keyof PaneShares)[]

/** The splitters' shares: every one there, each a number within its range. */
export function checkPaneShares(value: unknown): Result<PaneShares> {
  if (!isPlainObject(value)) return fail(requestError('panes must be an object'))
  const extra = onlyKeys(value, PANE_KEYS)
  if (extra) return fail({ ...extra, message: `panes: ${extra.message}` })
  const panes: Partial<PaneShares> = {}
  for (const key of PANE_KEYS) {
    const { min, max } = PANE_SHARES[key]
    const share = value[key]
    if (typeof share !== 'number' || !(share >= min && share <= max))
      return fail(requestError(`panes.${key} must be a number from ${min} to ${max}`))
    panes[key] = share
  }
  return ok(panes as PaneShares)
}

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

/** A wall-clock time in ms: a finite, non-negative number. */
function isTime(value: unknown): value is number {
  return typeof value === 'number' && Number.isFinite(value) && value >= 0
}

function checkStageProgress(value: unknown, where: string): Result<StageProgress> {
  if (!isPlainObject(value)) return fail(requestError(`${where} must be an object`))
  const extra = onlyKeys(value, ['since', 'ticked'])
  if (extra) return fail({ ...extra, message: `${where}: ${extra.message}` })
  if (!isTime(value.since)) return fail(requestError(`${where}.since must be a time`))
  if (!isPlainObject(value.ticked)) return fail(requestError(`${where}.ticked must be an object`))
  const ticked: Partial<Record<CheckpointId, number>> = {}
  for (const [id, at] of Object.entries(value.ticked)) {
    if (!(CHECKPOINT_IDS as readonly string[]).includes(id))
      return fail(requestError(`${where}.ticked: unknown checkpoint ${id.slice(0, 40)}`))
    if (!isTime(at)) return fail(requestError(`${where}.ticked.${id} must be a time`))
    ticked[id as CheckpointId] = at
  }
  return ok({ since: value.since, ticked })
}

/** A student's progress: a known open stage, and known stages and checkpoints with times. */
export function checkLessonProgress(value: unknown): Result<LessonProgress> {
  if (!isPlainObject(value)) return fail(requestError('progress must be an object'))
  const extra = onlyKeys(value, ['stageId', 'stages'])
  if (extra) return fail(extra)
  const stageId = checkOneOf('progress.stageId', value.stageId, STAGE_IDS)
  if (!stageId.ok) return stageId
  if (!isPlainObject(value.stages)) return fail(requestError('progress.stages must be an object'))
  const stages: Partial<Record<StageId, StageProgress>> = {}
  for (const [id, stage] of Object.entries(value.stages)) {
    if (!(STAGE_IDS as readonly string[]).includes(id))
      return fail(requestError(`progress.stages: unknown stage ${id.slice(0, 40)}`))
    const checked = checkStageProgress(stage, `progress.stages.${id}`)
    if (!checked.ok) return checked
    stages[id as StageId] = checked.value
  }
  return ok({ stageId: stageId.value, stages })
}

/** A student's name as typed: trimmed, at most MAX_STUDENT_NAME characters, no control characters; empty is none. */
export function checkStudentName(value: unknown): Result<string | null> {
  if (value === null) return ok(null)
  if (typeof value !== 'string') return fail(requestError('studentName must be a string or null'))
  const name = value.trim()
  if (name.length > MAX_STUDENT_NAME)
    return fail(requestError(`studentName: at most ${MAX_STUDENT_NAME} characters`))
  // eslint-disable-next-line no-control-regex
  if (/[\u0000-\u001f\u007f]/.test(name))
    return fail(requestError('studentName has control characters'))
  return ok(name === '' ? null : name)
}

/** A `settings:set` patch: each known field checked when present, nothing else. */
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
  if (obj.fontScale !== undefined) {
    const scale = obj.fontScale
    if (typeof scale !== 'number' || !(scale >= MIN_FONT_SCALE && scale <= MAX_FONT_SCALE))
      return fail(
        requestError(`fontScale must be a number from ${MIN_FONT_SCALE} to ${MAX_FONT_SCALE}`),
      )
    patch.fontScale = scale
  }
  for (const key of ['isProjector', 'isFirstRunDismissed'] as const) {
    if (obj[key] === undefined) continue
    const flag = checkOneOf(key, obj[key], [true, false])
    if (!flag.ok) return flag
    patch[key] = flag.value
  }
  if (obj.studentName !== undefined) {
    const name = checkStudentName(obj.studentName)
    if (!name.ok) return name
    patch.studentName = name.value
  }
  if (obj.progress !== undefined) {
    const progress = checkLessonProgress(obj.progress)
    if (!progress.ok) return progress
    patch.progress = progress.value
  }
  if (obj.panes !== undefined) {
    const panes = checkPaneShares(obj.panes)
    if (!panes.ok) return panes
    patch.panes = panes.value
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
