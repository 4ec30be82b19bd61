/**
 * Writing a file so that a crash, a power cut or a second process never leaves half of it: a
 * temporary file in the same folder, flushed to disk (fsync), then renamed over the old one.
 *
 * On Windows an antivirus or the search indexer may hold the old file for a moment, and the
 * rename fails with EPERM, EBUSY or EACCES; it is retried a few times with a short, growing wait.
 *
 * Only a regular file (or nothing) is replaced: the rename would silently put a file in place of
 * a FIFO, a socket or a link to a device that someone put there.
 */
import {
  closeSync,
  fsyncSync,
  mkdirSync,
  openSync,
  renameSync,
  statSync,
  unlinkSync,
  writeSync,
} from 'node:fs'
import { dirname } from 'node:path'
import { fileKindOf, notAFileMessage } from './regular-file'

/** Waits before each retry of a refused rename (Windows only): 10 + 20 + 40 + 80 + 160 ms. */
export const RENAME_RETRY_DELAYS_MS: readonly number[] = [10, 20, 40, 80, 160]

const RETRYABLE = new Set(['EPERM', 'EBUSY', 'EACCES'])

export interface AtomicWriteOptions {
  platform?: NodeJS.Platform
  /** Tests stand in for the rename and the wait. */
  rename?: (from: string, to: string) => void
  sleep?: (ms: number) => void
  mode?: number
}

/** Blocks the thread for `ms` (the settings are saved synchronously, and rarely). */
function sleepSync(ms: number): void {
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms)
}

function codeOf(error: unknown): string | undefined {
  return (error as NodeJS.ErrnoException | null)?.code
}

let tempCounter = 0

/** Throws when something other than a regular file stands at `file` (nothing is fine). */
function refuseNotAFile(file: string): void {
  let kind: ReturnType<typeof fileKindOf>
  try {
    kind = fileKindOf(statSync(file))
  } catch (error) {
    if (codeOf(error) === 'ENOENT') return
    throw error
  }
  if (kind !== 'file') throw new Error(`${notAFileMessage(file, kind)}: not replaced`)
}

/**
 * Replaces `file` with `text` atomically, creating its folder; throws the last error on failure
 * (or when `file` is a directory, FIFO, socket or device) and leaves no temporary file behind.
 */
export function writeFileAtomicSync(
  file: string,
  text: string,
  options: AtomicWriteOptions = {},
): void {
  const platform = options.platform ?? process.platform
  const rename = options.rename ?? renameSync
  const sleep = options.sleep ?? sleepSync
  mkdirSync(dirname(file), { recursive: true })
  refuseNotAFile(file)
  tempCounter += 1
  const temp = `${file}.tmp-${process.pid}-${tempCounter}`
  try {
    const fd = openSync(temp, 'w', options.mode ?? 0o600)
    try {
      writeSync(fd, text, null, 'utf8')
      fsyncSync(fd)
    } finally {
      closeSync(fd)
    }
    for (let attempt = 0; ; attempt++) {
      try {
        rename(temp, file)
        return
      } catch (error) {
        const delay = RENAME_RETRY_DELAYS_MS[attempt]
        if (platform !== 'win32' || delay === undefined || !RETRYABLE.has(codeOf(error) ?? ''))
          throw error
        sleep(delay)
      }
    }
  } catch (error) {
    try {
      unlinkSync(temp)
    } catch {
      // Nothing was written, or it is gone already.
    }
    throw error
  }
}
