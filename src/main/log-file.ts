/**
 * The desktop app's log file (socket-lab.log in the data folder): what went wrong at start, what
 * was refused, why a window could not show. An error dialog names it, so a student can send it.
 *
 * Plain Node, no Electron. Writing never throws: a log that cannot be written must not stop the
 * app, so a failed write is reported once on stderr and the file is left alone from then on.
 */
import { appendFileSync, mkdirSync, renameSync, statSync } from 'node:fs'
import { dirname } from 'node:path'
import { guardedWriter } from './stdio'

/** Past this size the file is moved to `socket-lab.log.1` (replacing the older one). */
export const MAX_LOG_BYTES = 1024 * 1024

export const LOG_FILE_NAME = 'socket-lab.log'

export interface LogFile {
  /** The file's path, also when it could not be written. */
  readonly file: string
  /** Whether every write so far reached the file. */
  readonly isWritable: boolean
  /** Appends one timestamped line (and echoes it on stderr). */
  write(line: string): void
}

export interface LogFileOptions {
  maxBytes?: number
  /** Where lines are echoed; default stderr. Null: nowhere. */
  echo?: ((line: string) => void) | null
  now?: () => Date
}

/** A log writing to `file`, creating its folder on the first write. */
export function createLogFile(file: string, options: LogFileOptions = {}): LogFile {
  const maxBytes = options.maxBytes ?? MAX_LOG_BYTES
  const echo =
    options.echo === undefined
      ? (line: string) => guardedWriter(process.stderr)(`${line}\n`)
      : options.echo
  const now = options.now ?? (() => new Date())
  let isWritable = true
  let size: number | null = null

  const rotateIfFull = (adding: number): void => {
    if (size === null) {
      try {
        size = statSync(file).size
      } catch {
        size = 0
      }
    }
    if (size + adding <= maxBytes) return
    try {
      renameSync(file, `${file}.1`)
    } catch {
      // Nothing to move yet, or the old one is locked: keep appending.
    }
    size = 0
  }

  return {
    file,
    get isWritable() {
      return isWritable
    },
    write(line: string) {
      echo?.(line)
      if (!isWritable) return
      const text = `${now().toISOString()} ${line.replace(/\r?\n/g, '\n  ')}\n`
      try {
        mkdirSync(dirname(file), { recursive: true })
        rotateIfFull(Buffer.byteLength(text))
        appendFileSync(file, text, { encoding: 'utf8', mode: 0o600 })
        size = (size ?? 0) + Buffer.byteLength(text)
      } catch (error) {
        isWritable = false
        guardedWriter(process.stderr)(
          `Socket Lab: cannot write the log file ${file}: ${String(error)}\n`,
        )
      }
    },
  }
}
