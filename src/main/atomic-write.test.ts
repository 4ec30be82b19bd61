import {
  lstatSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { RENAME_RETRY_DELAYS_MS, writeFileAtomicSync } from './atomic-write'
import { makeFifo, NO_FIFOS } from './fifo-test-kit'

let dir: string

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'socket-lab-atomic-'))
})

afterEach(() => {
  rmSync(dir, { recursive: true, force: true })
})

function errno(code: string): NodeJS.ErrnoException {
  return Object.assign(new Error(`${code}: the rename was refused`), { code })
}

/** A rename that the OS refuses `times` times with `code`, then does for real. */
function refusingRename(code: string, times: number) {
  let refused = 0
  return {
    rename(from: string, to: string) {
      if (refused < times) {
        refused += 1
        throw errno(code)
      }
      renameSync(from, to)
    },
    get refused() {
      return refused
    },
  }
}

describe('writeFileAtomicSync', () => {
  it('creates the folder and replaces the file whole, leaving no temporary file', () => {
    const file = join(dir, 'nested', 'settings.json')
    writeFileAtomicSync(file, 'one')
    writeFileAtomicSync(file, 'two')
    expect(readFileSync(file, 'utf8')).toBe('two')
    expect(readdirSync(join(dir, 'nested'))).toEqual(['settings.json'])
  })

  it('on Windows, retries a rename refused with EPERM or EBUSY (an antivirus holding the file)', () => {
    const file = join(dir, 'settings.json')
    writeFileSync(file, 'old')
    for (const code of ['EPERM', 'EBUSY']) {
      const waits: number[] = []
      const fs = refusingRename(code, 2)
      writeFileAtomicSync(file, `new after ${code}`, {
        platform: 'win32',
        rename: fs.rename,
        sleep: (ms) => waits.push(ms),
      })
      expect(fs.refused).toBe(2)
      expect(waits).toEqual(RENAME_RETRY_DELAYS_MS.slice(0, 2))
      expect(readFileSync(file, 'utf8')).toBe(`new after ${code}`)
    }
    expect(readdirSync(dir)).toEqual(['settings.json'])
  })

  it('gives up after the last retry, keeps the old file and removes the temporary one', () => {
    const file = join(dir, 'settings.json')
    writeFileSync(file, 'old')
    const fs = refusingRename('EPERM', 100)
    expect(() =>
      writeFileAtomicSync(file, 'new', { platform: 'win32', rename: fs.rename, sleep: () => {} }),
    ).toThrow(/EPERM/)
    expect(fs.refused).toBe(RENAME_RETRY_DELAYS_MS.length + 1)
    expect(readFileSync(file, 'utf8')).toBe('old')
    expect(readdirSync(dir)).toEqual(['settings.json'])
  })

  it('does not retry elsewhere, nor errors that waiting cannot cure', () => {
    const file = join(dir, 'settings.json')
    const linux = refusingRename('EPERM', 1)
    expect(() =>
      writeFileAtomicSync(file, 'x', { platform: 'linux', rename: linux.rename }),
    ).toThrow(/EPERM/)
    expect(linux.refused).toBe(1)
    const noSpace = refusingRename('ENOSPC', 1)
    expect(() =>
      writeFileAtomicSync(file, 'x', {
        platform: 'win32',
        rename: noSpace.rename,
        sleep: () => {},
      }),
    ).toThrow(/ENOSPC/)
    expect(noSpace.refused).toBe(1)
    expect(readdirSync(dir)).toEqual([])
  })

  it('never replaces a FIFO: it stays, no temporary file is left', (ctx) => {
    ctx.skip(process.platform === 'win32', NO_FIFOS)
    const file = join(dir, 'settings.json')
    const fifo = makeFifo(file)
    try {
      expect(() => writeFileAtomicSync(file, 'x')).toThrow(
        `${file} is a FIFO (named pipe), not a regular file: not replaced`,
      )
      expect(lstatSync(file).isFIFO()).toBe(true)
      expect(readdirSync(dir)).toEqual(['settings.json'])
    } finally {
      fifo.close()
    }
  })

  it('never replaces a directory, nor a link to a device', (ctx) => {
    const folder = join(dir, 'settings.json')
    mkdirSync(folder)
    expect(() => writeFileAtomicSync(folder, 'x')).toThrow(/is a directory, not a regular file/)
    expect(readdirSync(dir)).toEqual(['settings.json'])
    ctx.skip(process.platform === 'win32', 'Windows has no /dev/null to link to')
    const link = join(dir, 'null.json')
    symlinkSync('/dev/null', link)
    expect(() => writeFileAtomicSync(link, 'x')).toThrow(/is a device, not a regular file/)
    expect(lstatSync(link).isSymbolicLink()).toBe(true)
  })
})
