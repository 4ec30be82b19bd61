/**
 * The settings file (settings.json in the user data folder): loaded once at start, saved
 * atomically. Plain Node fs, no Electron, so browser mode and tests use it too.
 *
 * A file that cannot be used never stops the app, and every problem is one line on the terminal
 * and a notice in the app (LoadedSettings.problem):
 * - damaged, unreadable or over MAX_SETTINGS_FILE_BYTES (not read): moved aside as
 *   `settings.json.corrupt-<timestamp>`, and defaults take its place;
 * - a directory, FIFO, socket or device (never opened for reading: a FIFO would block the start
 *   for ever): left exactly as it is, defaults are used, and saves are refused until it is removed
 *   or replaced by a regular file (someone put it there, perhaps on purpose: a link to /dev/null);
 * - more than MAX_SAVED_LISTENERS listeners: the first ones are used, the rest counted.
 */
import { renameSync } from 'node:fs'
import { homedir } from 'node:os'
import { posix, win32 } from 'node:path'
import { assertNever } from '../shared/result'
import {
  DEFAULT_SETTINGS,
  MAX_SAVED_LISTENERS,
  MAX_SETTINGS_FILE_BYTES,
  type AppSettings,
  type LoadedSettings,
} from '../shared/settings'
import { parseAppSettings } from '../shared/validate'
import { writeFileAtomicSync } from './atomic-write'
import type { SettingsStorage } from './engine/engine-api'
import { notAFileMessage, readRegularFileSync } from './regular-file'
import { guardedWriter } from './stdio'

/**
 * The engine's {@link SettingsStorage} as a file. `load` never throws (missing → defaults with no
 * problem); `save` writes the whole settings atomically (see atomic-write.ts) and throws on failure.
 */
export interface SettingsStore extends SettingsStorage {
  /** The file, or null when nothing is persisted. */
  readonly file: string | null
}

export interface SettingsStoreOptions {
  /** The clock for the `.corrupt-<timestamp>` name (tests). */
  now?: () => Date
  /** Where the one line about a problem goes: the terminal (stderr) unless given. */
  log?: (line: string) => void
}

const MIB = 1024 * 1024

function defaults(): AppSettings {
  return { ...DEFAULT_SETTINGS, listeners: [] }
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error)
}

/** `data` with its listeners cut to MAX_SAVED_LISTENERS, and how many were cut. */
function capListeners(data: unknown): { data: unknown; ignored: number } {
  if (typeof data !== 'object' || data === null || !('listeners' in data))
    return { data, ignored: 0 }
  const { listeners } = data
  if (!Array.isArray(listeners) || listeners.length <= MAX_SAVED_LISTENERS)
    return { data, ignored: 0 }
  return {
    data: { ...data, listeners: listeners.slice(0, MAX_SAVED_LISTENERS) },
    ignored: listeners.length - MAX_SAVED_LISTENERS,
  }
}

/** A store for `file`; null gives one that loads defaults and saves nothing. */
export function createSettingsStore(
  file: string | null,
  {
    now = () => new Date(),
    log = (line) => guardedWriter(process.stderr)(`${line}\n`),
  }: SettingsStoreOptions = {},
): SettingsStore {
  const report = (line: string): void => log(`[settings] ${line}`)

  const save = (settings: AppSettings): void => {
    if (file === null) return
    writeFileAtomicSync(file, `${JSON.stringify(settings, null, 2)}\n`)
  }

  /** Moves the bad file aside and writes defaults; where it went, or null (that is logged). */
  const replace = (path: string): string | null => {
    const aside = `${path}.corrupt-${now().toISOString().replace(/[:.]/g, '-')}`
    try {
      renameSync(path, aside)
    } catch (error) {
      report(`could not move ${path} aside: ${messageOf(error)}`)
      return null
    }
    try {
      save(defaults())
    } catch (error) {
      report(`could not write defaults to ${path}: ${messageOf(error)}`)
    }
    return aside
  }

  /** Defaults in place of `path`, which is moved aside; `why` says what was wrong with it. */
  const movedAside = (
    path: string,
    kind: 'corrupt' | 'unreadable' | 'too-large',
    why: string,
    message: string,
  ): LoadedSettings => {
    const movedTo = replace(path)
    report(
      `${path} ${why}: ${movedTo === null ? 'left where it is' : `moved aside to ${movedTo}`}; started with defaults`,
    )
    return { settings: defaults(), problem: { kind, file: path, message, movedTo } }
  }

  const loadFrom = (path: string): LoadedSettings => {
    const read = readRegularFileSync(path, MAX_SETTINGS_FILE_BYTES)
    if (!read.ok) {
      const problem = read.error
      switch (problem.kind) {
        case 'missing':
          return { settings: defaults(), problem: null }
        case 'not-a-file': {
          const message = notAFileMessage(path, problem.found)
          report(
            `${message}: ignored and left as it is; started with defaults, and settings are not saved until it is removed or replaced by a regular file`,
          )
          return {
            settings: defaults(),
            problem: { kind: 'not-a-file', file: path, found: problem.found, message },
          }
        }
        case 'too-large':
          return movedAside(
            path,
            'too-large',
            `is larger than ${MAX_SETTINGS_FILE_BYTES / MIB} MiB (${problem.bytes} bytes), so it was not read`,
            `${problem.bytes} bytes; settings files are read up to ${MAX_SETTINGS_FILE_BYTES}`,
          )
        case 'unreadable':
          return movedAside(
            path,
            'unreadable',
            `could not be read (${problem.message})`,
            problem.message,
          )
        default:
          return assertNever(problem)
      }
    }
    let data: unknown
    try {
      data = JSON.parse(read.value.toString('utf8'))
    } catch (error) {
      return movedAside(path, 'corrupt', `is damaged (${messageOf(error)})`, messageOf(error))
    }
    const capped = capListeners(data)
    const parsed = parseAppSettings(capped.data)
    if (!parsed.ok)
      return movedAside(
        path,
        'corrupt',
        `is damaged (${parsed.error.message})`,
        parsed.error.message,
      )
    if (capped.ignored === 0) return { settings: parsed.value, problem: null }
    const total = MAX_SAVED_LISTENERS + capped.ignored
    const message = `${total} listeners; the first ${MAX_SAVED_LISTENERS} were restored, ${capped.ignored} ignored`
    report(`${path} has ${message} (the next save keeps only the first ${MAX_SAVED_LISTENERS})`)
    return {
      settings: parsed.value,
      problem: { kind: 'listeners-capped', file: path, ignored: capped.ignored, message },
    }
  }

  return {
    file,
    load: () => (file === null ? { settings: defaults(), problem: null } : loadFrom(file)),
    save,
  }
}

/**
 * The desktop app's data folder: what Electron's `app.getPath('userData')` gives for
 * `productName`, or SOCKETLAB_DATA_DIR when it is set.
 */
export function defaultDataDir(
  productName = 'Socket Lab',
  env: NodeJS.ProcessEnv = process.env,
  platform: NodeJS.Platform = process.platform,
  home: string = homedir(),
): string {
  const override = env['SOCKETLAB_DATA_DIR']
  if (override !== undefined && override !== '') return override
  if (platform === 'win32')
    return win32.join(env['APPDATA'] || win32.join(home, 'AppData', 'Roaming'), productName)
  if (platform === 'darwin') return posix.join(home, 'Library', 'Application Support', productName)
  return posix.join(env['XDG_CONFIG_HOME'] || posix.join(home, '.config'), productName)
}

/**
 * Browser mode's data folder: `browser-mode` inside the desktop app's, so the two keep separate
 * settings (each would otherwise overwrite the other's listeners while both run), unless
 * SOCKETLAB_DATA_DIR points both at one folder.
 */
export function defaultBrowserModeDataDir(
  productName = 'Socket Lab',
  env: NodeJS.ProcessEnv = process.env,
  platform: NodeJS.Platform = process.platform,
  home: string = homedir(),
): string {
  const desktop = defaultDataDir(productName, env, platform, home)
  if (env['SOCKETLAB_DATA_DIR']) return desktop
  return platform === 'win32'
    ? win32.join(desktop, 'browser-mode')
    : posix.join(desktop, 'browser-mode')
}
