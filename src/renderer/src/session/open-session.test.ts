import { describe, expect, it } from 'vitest'
import type { ConnectionSnapshot } from '../../../shared/contract'
import {
  MAX_SESSION_DEPTH,
  MAX_SESSION_FILE_BYTES,
  type Session,
} from '../../../shared/session-file'
import { sessionText } from '../class/class-test-kit'
import {
  MAX_SESSION_ITEMS,
  readSessionBlob,
  sessionBuffers,
  type SessionBlob,
} from './open-session'

/** A file of `size` bytes whose text says whether it was asked for. */
function blob(size: number, text: string | Error): SessionBlob & { isRead: boolean } {
  const file = {
    size,
    isRead: false,
    text: () => {
      file.isRead = true
      return text instanceof Error ? Promise.reject(text) : Promise.resolve(text)
    },
  }
  return file
}

function nested(depth: number): string {
  return `{"format":"socket-lab-session","version":1,"x":${'['.repeat(depth)}${']'.repeat(depth)}}`
}

describe('readSessionBlob', () => {
  it('opens a session file', async () => {
    const text = sessionText('Anna')
    const read = await readSessionBlob(blob(text.length, text))
    expect(read.ok && read.value.platform).toBe('linux')
  })

  it('refuses a file over the limit by its size, without reading a byte of it', async () => {
    const file = blob(MAX_SESSION_FILE_BYTES + 1, new Error('must not be read'))
    expect(await readSessionBlob(file)).toEqual({
      ok: false,
      error: { kind: 'too-large', bytes: MAX_SESSION_FILE_BYTES + 1 },
    })
    expect(file.isRead).toBe(false)
    const atLimit = blob(MAX_SESSION_FILE_BYTES, sessionText(null))
    expect((await readSessionBlob(atLimit)).ok).toBe(true)
  })

  it('refuses a file nested deeper than a session, before parsing it', async () => {
    for (const depth of [MAX_SESSION_DEPTH, 1_000_000]) {
      const text = nested(depth)
      expect(await readSessionBlob(blob(text.length, text)), `${depth}`).toEqual({
        ok: false,
        error: { kind: 'too-deep' },
      })
    }
    // One level less is within the limit (and then not a session: its fields are missing).
    const within = nested(MAX_SESSION_DEPTH - 1)
    expect(await readSessionBlob(blob(within.length, within))).toMatchObject({
      ok: false,
      error: { kind: 'damaged' },
    })
  })

  it('refuses a file of more values than a session holds, before parsing it', async () => {
    // MAX_SESSION_ITEMS + 1 arrays and commas: an array of arrays, flat, within the size limit.
    const text = `[${'[],'.repeat(MAX_SESSION_ITEMS / 2)}[]]`
    expect(await readSessionBlob(blob(text.length, text))).toEqual({
      ok: false,
      error: { kind: 'too-many-values', limit: MAX_SESSION_ITEMS },
    })
  })

  it('says a file that cannot be read is unreadable', async () => {
    expect(await readSessionBlob(blob(10, new Error('NotReadableError')))).toEqual({
      ok: false,
      error: { kind: 'unreadable' },
    })
  })
})

describe('sessionBuffers', () => {
  it('lists each connection’s byte buffers once, leaving out empty ones', () => {
    const received = Uint8Array.of(1, 2, 3)
    const connection = {} as ConnectionSnapshot
    const session: Session = {
      savedAt: 1,
      platform: 'linux',
      listeners: [],
      connections: [
        { connection, chunks: [], received, sent: new Uint8Array(0) },
        { connection, chunks: [], received: received.subarray(1), sent: Uint8Array.of(9) },
      ],
    }
    expect(sessionBuffers(session)).toHaveLength(2)
    expect(sessionBuffers(session)[0]).toBe(received.buffer)
  })
})
