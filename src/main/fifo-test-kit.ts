/**
 * A real FIFO for tests of code that must never open one for reading.
 *
 * A writer waits on it: should the code under test open it anyway (a blocking open, then a read
 * to the end), the writer meets it, writes a byte that is not JSON and leaves. That code then gets
 * an answer, and its test fails on what it got, instead of hanging the whole test run on a
 * FIFO nobody writes to (which is what a user's startup did).
 */
import { execFileSync, spawn } from 'node:child_process'

/** Why FIFO tests are skipped where they are. */
export const NO_FIFOS =
  'Windows has no FIFOs in the file system (its named pipes live under \\\\.\\pipe\\)'

export interface TestFifo {
  /** Ends the waiting writer (before the folder is removed). */
  close(): void
}

/** Makes a FIFO at `path` (with `mkfifo`) and a writer that waits for a reader. */
export function makeFifo(path: string): TestFifo {
  execFileSync('mkfifo', [path])
  const writer = spawn('sh', ['-c', 'printf x > "$1"', 'sh', path], { stdio: 'ignore' })
  writer.on('error', () => undefined)
  return {
    close() {
      if (writer.exitCode === null && writer.signalCode === null) writer.kill()
    },
  }
}
