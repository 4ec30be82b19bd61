import { readFile } from 'node:fs/promises'
import { join } from 'node:path'
import type { AppSettings } from '../src/shared/settings'

/** The settings file in a data folder as the app last wrote it; null while there is none. */
export async function savedSettings(dataDir: string): Promise<Partial<AppSettings> | null> {
  try {
    return JSON.parse(
      await readFile(join(dataDir, 'settings.json'), 'utf8'),
    ) as Partial<AppSettings>
  } catch {
    return null
  }
}
