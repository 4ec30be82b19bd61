/**
 * The settings file (settings.json in the user data folder): loaded once at start, saved
 * atomically. Plain Node fs, no Electron, so browser mode and tests use it too.
 *
 * A file that cannot be read or used never stops the app: it is moved aside as
 * `settings.json.corrupt-<timestamp>`, defaults take its place, and the problem is reported.
 */
import { readFileSync, renameSync } from 'node:fs'
import { homedir } from 'node:os'
import { posix, win32 } from 'node:path'
import { DEFAULT_SETTINGS, type AppSettings } from '../shared/settings'
import { parseAppSettings } from '../shared/validate'
import { writeFileAtomicSync } from './atomic-write'
import type { SettingsStorage } from './engine/engine-api'

/**
 * The engine's {@link SettingsStorage} as a file. `load` never throws (missing → defaults with no
 * problem); `save` writes the whole settings atomically (see atomic-write.ts) and throws on failure.
 */
export interface SettingsStore extends SettingsStorage {
  /** The file, or null when nothing is persisted. */
  readonly file: string | null
}

function defaults(): AppSettings {
  return { ...DEFAULT_SETTINGS, listeners: [] }
}

function errorCode(error: unknown): string | undefined {
  return (error as NodeJS.ErrnoException | null)?.code
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error)
}

/**
 * A store for `file`; null gives one that loads defaults and saves nothing.
 *
 * @param now the clock for the `.corrupt-<timestamp>` name (tests)
 */
export function createSettingsStore(
  file: string | null,
  now: () => Date = () => new Date(),
): SettingsStore {
  const save = (settings: AppSettings): void => {
    if (file === null) return
    writeFileAtomicSync(file, `${JSON.stringify(settings, null, 2)}\n`)
  }

  /** Moves the bad file aside and writes defaults; a failure here is logged, not thrown. */
  const replace = (path: string): void => {
    const stamp = now().toISOString().replace(/[:.]/g, '-')
    try {
      renameSync(path, `${path}.corrupt-${stamp}`)
      save(defaults())
    } catch (error) {
      console.error(`[settings] could not replace ${path}:`, error)
    }
  }

  return {
    file,
    load() {
      if (file === null) return { settings: defaults(), problem: null }
      let text: string
      try {
        text = readFileSync(file, 'utf8')
      } catch (error) {
        if (errorCode(error) === 'ENOENT') return { settings: defaults(), problem: null }
        replace(file)
        return { settings: defaults(), problem: { kind: 'unreadable', message: messageOf(error) } }
      }
      let data: unknown
      try {
        data = JSON.parse(text)
      } catch (error) {
        replace(file)
        return { settings: defaults(), problem: { kind: 'corrupt', message: messageOf(error) } }
      }
      const parsed = parseAppSettings(data)
      if (!parsed.ok) {
        replace(file)
        return { settings: defaults(), problem: { kind: 'corrupt', message: parsed.error.message } }
      }
      return { settings: parsed.value, problem: null }
    },
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
