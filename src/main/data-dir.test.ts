import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { desktopDataDir, probeWritable } from './data-dir'

let dir: string

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'socket-lab-data-'))
})

afterEach(() => {
  rmSync(dir, { recursive: true, force: true })
})

describe('desktopDataDir', () => {
  it("is SOCKETLAB_DATA_DIR made absolute, else Electron's userData", () => {
    expect(desktopDataDir({}, '/home/u/.config/Socket Lab')).toBe('/home/u/.config/Socket Lab')
    expect(desktopDataDir({ SOCKETLAB_DATA_DIR: '' }, '/u')).toBe('/u')
    expect(desktopDataDir({ SOCKETLAB_DATA_DIR: 'rel' }, '/u')).toBe(join(process.cwd(), 'rel'))
  })
})

describe('probeWritable', () => {
  it('creates a missing folder and leaves nothing behind', () => {
    const target = join(dir, 'a', 'b')
    expect(probeWritable(target)).toBeNull()
    expect(readdirSync(target)).toEqual([])
  })

  it('says why when a file stands where the folder should be', () => {
    writeFileSync(join(dir, 'file'), 'x')
    expect(probeWritable(join(dir, 'file', 'data'))).toMatch(/ENOTDIR|EEXIST/)
  })

  it('says why on a file system that takes no folders (/sys: refused even to root)', (ctx) => {
    ctx.skip(process.platform !== 'linux', '/sys is Linux only')
    expect(probeWritable('/sys/socket-lab-data')).toMatch(/ENOENT|EACCES|EPERM/)
  })
})
