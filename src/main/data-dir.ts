/**
 * The desktop app's data folder: settings.json, socket-lab.log, Chromium's profile and the
 * single-instance lock. Plain Node, no Electron.
 */
import { mkdirSync, rmSync, writeFileSync } from 'node:fs'
import { join, resolve } from 'node:path'

/**
 * SOCKETLAB_DATA_DIR when set (tests and classrooms give each instance a folder of its own; the
 * lock is per folder), else Electron's userData folder.
 */
export function desktopDataDir(env: NodeJS.ProcessEnv, userData: string): string {
  const override = env['SOCKETLAB_DATA_DIR']
  return override ? resolve(override) : userData
}

/**
 * Why `dir` cannot hold the app's files, or null when it can: the folder is created if needed and
 * a probe file is written and removed (permissions alone do not tell, e.g. on a read-only mount).
 */
export function probeWritable(dir: string): string | null {
  const probe = join(dir, `.write-test-${process.pid}`)
  try {
    mkdirSync(dir, { recursive: true })
    writeFileSync(probe, '')
    rmSync(probe, { force: true })
    return null
  } catch (error) {
    return error instanceof Error ? error.message : String(error)
  }
}
