import { spawn, type ChildProcess } from 'node:child_process'
import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'

export const root = join(__dirname, '..')

/** A running browser mode (`npm run web`). */
export interface WebServer {
  /** The one URL line it printed: http://127.0.0.1:PORT/#token=TOKEN */
  url: string
  origin: string
  port: number
  token: string
  /** Its data folder (a fresh one per run). */
  dataDir: string
  /** Everything it printed so far. */
  output(): string
  /** Sends `signal` to its process group, as a terminal's Ctrl-C would; resolves with the exit code. */
  stop(signal?: NodeJS.Signals): Promise<number | null>
}

const URL_LINE = /(http:\/\/127\.0\.0\.1:(\d+)\/#token=([\w-]+))/

/**
 * Starts browser mode with `--no-open --ui-port 0` in its own process group and waits for its URL.
 *
 * A settings folder per run unless `dataDir` is given (a restart on the same folder): saved
 * listeners must not leak from one test into the next. By default it runs `node scripts/web.cjs`,
 * exactly what `npm run web` runs, so that the exit code is the server's own (npm reports a signal
 * as 143); `viaNpm` goes through npm as a user would.
 */
export async function startWebServer({
  viaNpm = false,
  dataDir = mkdtempSync(join(tmpdir(), 'socket-lab-e2e-')),
}: { viaNpm?: boolean; dataDir?: string } = {}): Promise<WebServer> {
  const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm'
  const [command, args] = viaNpm
    ? [npm, ['run', '--silent', 'web', '--', '--no-open', '--ui-port', '0']]
    : [process.execPath, [join(root, 'scripts', 'web.cjs'), '--no-open', '--ui-port', '0']]
  const child: ChildProcess = spawn(command, args, {
    cwd: root,
    detached: process.platform !== 'win32',
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, BROWSER: 'none', SOCKETLAB_DATA_DIR: dataDir },
  })
  let output = ''
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)))
  const url = await new Promise<RegExpMatchArray>((resolve, reject) => {
    const timer = setTimeout(
      () => reject(new Error(`npm run web printed no URL:\n${output}`)),
      90_000,
    )
    const onData = (data: Buffer): void => {
      output += data.toString()
      const match = URL_LINE.exec(output)
      if (match) {
        clearTimeout(timer)
        resolve(match)
      }
    }
    child.stdout?.on('data', onData)
    child.stderr?.on('data', (data: Buffer) => (output += data.toString()))
    child.on('exit', (code) => {
      clearTimeout(timer)
      reject(new Error(`npm run web exited with ${code}:\n${output}`))
    })
  })
  const stop = async (signal: NodeJS.Signals = 'SIGTERM'): Promise<number | null> => {
    if (child.exitCode !== null) return child.exitCode
    try {
      if (process.platform === 'win32') child.kill(signal)
      else process.kill(-child.pid!, signal)
    } catch {
      // already gone
    }
    const timeout = new Promise<'timeout'>((resolve) =>
      setTimeout(() => resolve('timeout'), 15_000),
    )
    const code = await Promise.race([exited, timeout])
    if (code === 'timeout') {
      if (process.platform !== 'win32') process.kill(-child.pid!, 'SIGKILL')
      throw new Error(`browser mode did not exit on ${signal}:\n${output}`)
    }
    return code
  }
  const [, full, port, token] = url
  return {
    url: full!,
    origin: `http://127.0.0.1:${port}`,
    port: Number(port),
    token: token!,
    dataDir,
    output: () => output,
    stop,
  }
}
