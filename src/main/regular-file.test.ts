import { mkdirSync, mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { makeFifo, NO_FIFOS } from './fifo-test-kit'
import { notAFileMessage, readRegularFileSync } from './regular-file'

let dir: string

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'socket-lab-regular-'))
})

afterEach(() => {
  rmSync(dir, { recursive: true, force: true })
})

describe('readRegularFileSync', () => {
  it('reads a regular file up to the limit, and refuses one byte more', () => {
    const file = join(dir, 'a.json')
    writeFileSync(file, '0123456789')
    expect(readRegularFileSync(file, 10)).toEqual({ ok: true, value: Buffer.from('0123456789') })
    expect(readRegularFileSync(file, 9)).toEqual({
      ok: false,
      error: { kind: 'too-large', bytes: 10 },
    })
  })

  it('a missing file (or folder) is missing; a file as a folder is the OS’s words', () => {
    expect(readRegularFileSync(join(dir, 'none', 'a.json'), 10)).toEqual({
      ok: false,
      error: { kind: 'missing' },
    })
    writeFileSync(join(dir, 'file'), '')
    expect(readRegularFileSync(join(dir, 'file', 'a.json'), 10)).toEqual({
      ok: false,
      error: { kind: 'unreadable', message: expect.stringMatching(/ENOTDIR/) },
    })
  })

  it('never opens a FIFO, a directory or a device', (ctx) => {
    mkdirSync(join(dir, 'folder'))
    expect(readRegularFileSync(join(dir, 'folder'), 10)).toEqual({
      ok: false,
      error: { kind: 'not-a-file', found: 'directory' },
    })
    ctx.skip(process.platform === 'win32', NO_FIFOS)
    const fifo = makeFifo(join(dir, 'fifo'))
    try {
      expect(readRegularFileSync(join(dir, 'fifo'), 10)).toEqual({
        ok: false,
        error: { kind: 'not-a-file', found: 'fifo' },
      })
    } finally {
      fifo.close()
    }
    // /dev/zero would never end.
    expect(readRegularFileSync('/dev/zero', 10)).toEqual({
      ok: false,
      error: { kind: 'not-a-file', found: 'device' },
    })
  })

  it('reads to the end a file whose size says 0 (Linux /proc)', (ctx) => {
    ctx.skip(process.platform !== 'linux', '/proc is Linux’s')
    expect(statSync('/proc/self/status').size).toBe(0)
    const read = readRegularFileSync('/proc/self/status', 1024 * 1024)
    expect(read.ok && read.value.toString('utf8')).toMatch(/^Name:/)
  })
})

describe('notAFileMessage', () => {
  it('names the file and what it is', () => {
    expect(notAFileMessage('/x/settings.json', 'fifo')).toBe(
      '/x/settings.json is a FIFO (named pipe), not a regular file',
    )
  })
})
