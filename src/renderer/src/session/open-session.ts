/**
 * A saved session a person opens, read and checked within limits: the size from the file's
 * metadata before a byte is read, then how many values it holds and how deep they nest before
 * JSON.parse. Runs in the parsing worker (class/parse-worker.ts), so even a large file never
 * freezes the page; the count keeps a hostile file from making JSON.parse exhaust the worker's
 * memory, which would take the whole tab down with it.
 */
import { jsonItems } from '../../../shared/json-limits'
import { err, type Result } from '../../../shared/result'
import {
  MAX_SESSION_FILE_BYTES,
  parseSessionFile,
  type Session,
  type SessionFileProblem,
} from '../../../shared/session-file'

/**
 * Most arrays, objects and commas (see jsonItems) a session file may hold: a recorded read is 6
 * of them, so this lets in over 5 million reads. As many empty objects as this lets in (sixteen
 * million, a 48 MB file) take about 1 GB once parsed in Node, less in a browser; the 512 MB the
 * size limit allows would take several GB.
 */
export const MAX_SESSION_ITEMS = 32 * 1024 * 1024

/** Why a session file could not be opened; SessionProblem words each. */
export type SessionOpenProblem =
  SessionFileProblem | { kind: 'unreadable' } | { kind: 'too-many-values'; limit: number }

export type SessionOpenResult = Result<Session, SessionOpenProblem>

/** A file as the worker gets it: only its size and, if that is within the limit, its text. */
export interface SessionBlob {
  readonly size: number
  text(): Promise<string>
}

/** Reads and checks a session file; never throws. */
export async function readSessionBlob(blob: SessionBlob): Promise<SessionOpenResult> {
  if (blob.size > MAX_SESSION_FILE_BYTES) return err({ kind: 'too-large', bytes: blob.size })
  let text: string
  try {
    text = await blob.text()
  } catch {
    // Larger than the engine's longest string, or the file went away.
    return err({ kind: 'unreadable' })
  }
  if (jsonItems(text, MAX_SESSION_ITEMS + 1) > MAX_SESSION_ITEMS)
    return err({ kind: 'too-many-values', limit: MAX_SESSION_ITEMS })
  try {
    return parseSessionFile(text)
  } catch {
    // A file the engine cannot hold as parsed JSON (out of memory) is refused, not thrown.
    return err({ kind: 'unreadable' })
  }
}

/** The buffers of a session's bytes, to hand them from the worker to the page without a copy. */
export function sessionBuffers(session: Session): ArrayBuffer[] {
  const buffers = new Set<ArrayBuffer>()
  for (const c of session.connections)
    for (const bytes of [c.received, c.sent])
      if (bytes.buffer instanceof ArrayBuffer && bytes.buffer.byteLength > 0)
        buffers.add(bytes.buffer)
  return [...buffers]
}
