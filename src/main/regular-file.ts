/**
 * Reading a file that must be a regular file of bounded size, never blocking on what stands in
 * its place: a FIFO (opening one for reading waits for a writer, for ever if none comes), a
 * device (/dev/zero never ends), a directory.
 *
 * It is stat'ed first and nothing but a regular file is opened; the open adds O_NONBLOCK where
 * the OS has it (not Windows, which has no FIFOs in its file system), so that a FIFO put there
 * between the stat and the open cannot block it either, and the descriptor is stat'ed again.
 */
import { closeSync, constants, fstatSync, openSync, readSync, statSync, type Stats } from 'node:fs'
import { err, ok, type Result } from '../shared/result'
import type { NotAFileKind } from '../shared/settings'

/** What a path names: a regular file, or what else. */
export function fileKindOf(stats: Stats): 'file' | NotAFileKind {
  if (stats.isFile()) return 'file'
  if (stats.isDirectory()) return 'directory'
  if (stats.isFIFO()) return 'fifo'
  if (stats.isSocket()) return 'socket'
  if (stats.isCharacterDevice() || stats.isBlockDevice()) return 'device'
  return 'other'
}

const KIND_WORDS: Record<NotAFileKind, string> = {
  directory: 'a directory',
  fifo: 'a FIFO (named pipe)',
  socket: 'a socket',
  device: 'a device',
  other: 'something else',
}

/** `<file> is a FIFO (named pipe), not a regular file`: for logs and error messages. */
export function notAFileMessage(file: string, kind: NotAFileKind): string {
  return `${file} is ${KIND_WORDS[kind]}, not a regular file`
}

/** Why a file was not read. */
export type ReadProblem =
  | { kind: 'missing' }
  | { kind: 'not-a-file'; found: NotAFileKind }
  | { kind: 'too-large'; bytes: number }
  /** The OS refused (EACCES, ENOTDIR, EIO…): its words. */
  | { kind: 'unreadable'; message: string }

const READ_CHUNK_BYTES = 1024 * 1024

function codeOf(error: unknown): string | undefined {
  return (error as NodeJS.ErrnoException | null)?.code
}

function refused(error: unknown): Result<Buffer, ReadProblem> {
  if (codeOf(error) === 'ENOENT') return err({ kind: 'missing' })
  return err({
    kind: 'unreadable',
    message: error instanceof Error ? error.message : String(error),
  })
}

/** Why `stats` may not be read, or null. */
function checkStats(stats: Stats, maxBytes: number): ReadProblem | null {
  const kind = fileKindOf(stats)
  if (kind !== 'file') return { kind: 'not-a-file', found: kind }
  if (stats.size > maxBytes) return { kind: 'too-large', bytes: stats.size }
  return null
}

/** Reads to the end, or to one byte past `maxBytes` (a file that grew, or says size 0). */
function readUpTo(fd: number, maxBytes: number): Buffer {
  const chunks: Buffer[] = []
  let total = 0
  while (total <= maxBytes) {
    const chunk = Buffer.allocUnsafe(Math.min(READ_CHUNK_BYTES, maxBytes + 1 - total))
    const count = readSync(fd, chunk, 0, chunk.length, null)
    if (count === 0) break
    chunks.push(chunk.subarray(0, count))
    total += count
  }
  return Buffer.concat(chunks, total)
}

/** The bytes of `file` if it is a regular file of at most `maxBytes`; never blocks, never throws. */
export function readRegularFileSync(file: string, maxBytes: number): Result<Buffer, ReadProblem> {
  let fd: number
  try {
    const before = checkStats(statSync(file), maxBytes)
    if (before !== null) return err(before)
    fd = openSync(file, constants.O_RDONLY | (constants.O_NONBLOCK ?? 0))
  } catch (error) {
    return refused(error)
  }
  try {
    const after = checkStats(fstatSync(fd), maxBytes)
    if (after !== null) return err(after)
    const bytes = readUpTo(fd, maxBytes)
    if (bytes.length > maxBytes) return err({ kind: 'too-large', bytes: bytes.length })
    return ok(bytes)
  } catch (error) {
    return refused(error)
  } finally {
    closeSync(fd)
  }
}
