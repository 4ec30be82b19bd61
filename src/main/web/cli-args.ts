/**
 * Browser mode's command line: `--ui-port N`, `--no-open`, `--data-dir DIR`, `--help`.
 */
import { parseArgs } from 'node:util'
import { parsePort } from '../../shared/validate'

export const USAGE = `Usage: npm run web -- [--ui-port N] [--no-open] [--data-dir DIR]

Runs Socket Lab in browser mode: the engine in this Node process, the GUI in your browser.

  --ui-port N   the GUI server's port on 127.0.0.1 (default 0: a free port)
  --no-open     do not open the system browser
  --data-dir D  keep settings.json in D (default: browser-mode/ in the desktop
                app's data folder, or $SOCKETLAB_DATA_DIR)
  --help        show this text`

export type CliCommand =
  /** dataDir: null for the default folder (see defaultBrowserModeDataDir). */
  | { kind: 'run'; port: number; open: boolean; dataDir: string | null }
  | { kind: 'help' }
  | { kind: 'error'; message: string }

/** Reads the arguments after the script name; never throws. */
export function parseCliArgs(argv: readonly string[]): CliCommand {
  let values: { 'ui-port'?: string; 'no-open'?: boolean; 'data-dir'?: string; help?: boolean }
  try {
    values = parseArgs({
      args: [...argv],
      options: {
        'ui-port': { type: 'string' },
        'no-open': { type: 'boolean' },
        'data-dir': { type: 'string' },
        help: { type: 'boolean', short: 'h' },
      },
      strict: true,
      allowPositionals: false,
    }).values
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error)
    return { kind: 'error', message: `${message.split('\n')[0] ?? message} (see --help)` }
  }
  if (values.help) return { kind: 'help' }
  let port = 0
  if (values['ui-port'] !== undefined) {
    const parsed = parsePort(values['ui-port'])
    if (!parsed.ok)
      return {
        kind: 'error',
        message: `--ui-port ${JSON.stringify(values['ui-port'])}: ${parsed.error.message}`,
      }
    port = parsed.value
  }
  const dataDir = values['data-dir'] ?? null
  if (dataDir !== null && dataDir.trim() === '')
    return { kind: 'error', message: '--data-dir needs a folder (see --help)' }
  return { kind: 'run', port, open: !values['no-open'], dataDir }
}
