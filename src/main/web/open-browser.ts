/**
 * Opening the printed address in the system browser, when there is one to open.
 */
import { spawn } from 'node:child_process'

export interface OpenEnvironment {
  platform: NodeJS.Platform
  env: NodeJS.ProcessEnv
}

/** The command that opens `url`, or null where nothing should be opened (CI, no display). */
export function browserCommand(
  url: string,
  { platform, env }: OpenEnvironment,
): { command: string; args: string[]; verbatim: boolean } | null {
  if (env['CI']) return null
  // cmd would read &, |, ^ … in the URL; ours is only letters, digits and :/.#=_- (and ? in
  // addresses printed by older versions).
  if (!/^http:\/\/[\w.:/?#=-]+$/.test(url)) return null
  if (platform === 'darwin') return { command: 'open', args: [url], verbatim: false }
  if (platform === 'win32')
    return { command: 'cmd', args: ['/c', 'start', '""', url], verbatim: true }
  if (!env['DISPLAY'] && !env['WAYLAND_DISPLAY']) return null
  return { command: 'xdg-open', args: [url], verbatim: false }
}

/**
 * Tries to open `url`; a missing opener is reported with `log`, never thrown.
 *
 * Returns whether an opener was started.
 */
export function openBrowser(
  url: string,
  log: (line: string) => void,
  environment: OpenEnvironment = { platform: process.platform, env: process.env },
): boolean {
  const command = browserCommand(url, environment)
  if (command === null) return false
  try {
    const child = spawn(command.command, command.args, {
      detached: true,
      stdio: 'ignore',
      windowsHide: true,
      windowsVerbatimArguments: command.verbatim,
    })
    child.on('error', (error) => log(`Socket Lab: could not open a browser (${error.message})`))
    child.unref()
    return true
  } catch (error) {
    log(`Socket Lab: could not open a browser (${String(error)})`)
    return false
  }
}
