/**
 * Browser mode's entry (built to out/main/web.js): the engine under plain Node, the GUI served to
 * a browser. Prints exactly one line on stdout, the address to open; everything else goes to stderr.
 */
import { join, resolve } from 'node:path'
import { createEngine } from '../engine/engine'
import { createSettingsStore, defaultBrowserModeDataDir } from '../settings-store'
import { guardedWriter } from '../stdio'
import { parseCliArgs, USAGE } from './cli-args'
import { openBrowser } from './open-browser'
import { startWebServer, type WebServer } from './server'

/** Longest wait for sockets to close on the way out. */
const SHUTDOWN_TIMEOUT_MS = 5000

// The terminal may go away while the server runs: see stdio.ts.
const toStderr = guardedWriter(process.stderr)
const toStdout = guardedWriter(process.stdout)
const log = (line: string): void => toStderr(`${line}\n`)

async function main(): Promise<void> {
  const command = parseCliArgs(process.argv.slice(2))
  if (command.kind === 'help') {
    toStdout(`${USAGE}\n`)
    return
  }
  if (command.kind === 'error') {
    log(`Socket Lab: ${command.message}`)
    process.exitCode = 2
    return
  }

  const dataDir = command.dataDir === null ? defaultBrowserModeDataDir() : resolve(command.dataDir)
  const engine = createEngine({
    settingsStorage: createSettingsStore(join(dataDir, 'settings.json')),
  })
  let server: WebServer | null = null
  let stopping: Promise<void> | null = null
  const stop = (exitCode: number): Promise<void> => {
    // A signal may come several times (terminal, npm, our launcher): the first one wins.
    stopping ??= (async () => {
      const timeout = new Promise<void>((resolve) =>
        setTimeout(resolve, SHUTDOWN_TIMEOUT_MS).unref(),
      )
      const closeAll = async (): Promise<void> => {
        await engine.shutdown()
        await server?.close()
      }
      await Promise.race([closeAll(), timeout]).catch((error: unknown) => {
        log(`Socket Lab: shutdown failed: ${String(error)}`)
      })
      process.exit(exitCode)
    })()
    return stopping
  }

  process.on('SIGINT', () => void stop(0))
  process.on('SIGTERM', () => void stop(0))
  process.on('uncaughtException', (error) => {
    log(`Socket Lab: unexpected error: ${error.stack ?? String(error)}`)
    void stop(1)
  })
  process.on('unhandledRejection', (reason) => {
    log(
      `Socket Lab: unexpected error: ${reason instanceof Error ? (reason.stack ?? reason.message) : String(reason)}`,
    )
    void stop(1)
  })

  try {
    server = await startWebServer({
      engine,
      rendererDir: join(__dirname, '../renderer'),
      host: '127.0.0.1',
      port: command.port,
      log,
    })
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code
    log(
      code === 'EADDRINUSE'
        ? `Socket Lab: port ${command.port} is in use; pick another with --ui-port, or 0 for a free one`
        : `Socket Lab: could not start the GUI server: ${error instanceof Error ? error.message : String(error)}`,
    )
    await engine.shutdown()
    process.exit(1)
  }

  toStdout(`Socket Lab (browser mode) is running at ${server.url}\n`)
  if (command.open) openBrowser(server.url, log)
}

void main()
