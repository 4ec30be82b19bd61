/**
 * Browser mode's command line: `--ui-port N`, `--no-open`, `--help`.
 */
import { parseArgs } from 'node:util'
import { parsePort } from '../../shared/validate'

export const USAGE = `Usage: npm run web -- [--ui-port N] [--no-open]

Runs Socket Lab in browser mode: the engine in this Node process, the GUI in your browser.

  --ui-port N   the GUI server's port on 127.0.0.1 (default 0: a free port)
  --no-open     do not open the system browser
  --help        show this text`

export type CliCommand =
  | { kind: 'run'; port: number; open: boolean }
  | { kind: 'help' }
  | { kind: 'error'; message: string }

/** Reads the arguments after the script name; never throws. */
export function parseCliArgs(argv: readonly string[]): CliCommand {
  let values: { 'ui-port'?: string; 'no-open'?: boolean; help?: boolean }
  try {
    values = parseArgs({
      args: [...argv],
      options: {
        'ui-port': { type: 'string' },
        'no-open': { type: 'boolean' },
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
  return { kind: 'run', port, open: !values['no-open'] }
}
