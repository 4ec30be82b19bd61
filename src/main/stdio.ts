/**
 * Writing to a terminal that may be gone.
 *
 * When the reading end of stdout or stderr closes (the terminal was closed, the parent process
 * died), the next write fails with EPIPE as an 'error' event. Unhandled, it becomes an uncaught
 * exception whose report is written to the same dead pipe, which fails again: browser mode spun
 * at 100% CPU that way, forever. A guarded stream takes its first error as "gone" and writes
 * nothing more; the app goes on without a terminal.
 */
import type { Writable } from 'node:stream'

const gone = new WeakSet<Writable>()
const guarded = new WeakSet<Writable>()

/** A function that writes `text` to `stream` while it can, and never throws or emits. */
export function guardedWriter(stream: Writable): (text: string) => void {
  if (!guarded.has(stream)) {
    guarded.add(stream)
    stream.on('error', () => gone.add(stream))
  }
  return (text: string): void => {
    if (gone.has(stream) || stream.destroyed || !stream.writable) return
    try {
      stream.write(text)
    } catch {
      gone.add(stream)
    }
  }
}
