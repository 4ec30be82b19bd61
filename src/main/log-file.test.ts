import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { createLogFile } from './log-file'

let dir: string
const now = () => new Date('2026-12-03T10:00:00.000Z')

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'socket-lab-log-'))
})

afterEach(() => {
  vi.restoreAllMocks()
  rmSync(dir, { recursive: true, force: true })
})

describe('the log file', () => {
  it('creates its folder and appends timestamped lines, indenting continuation lines', () => {
    const echoed: string[] = []
    const log = createLogFile(join(dir, 'data', 'socket-lab.log'), {
      echo: (line) => echoed.push(line),
      now,
    })
    log.write('Socket Lab: first')
    log.write('Socket Lab: a stack\nat one\nat two')
    expect(readFileSync(log.file, 'utf8')).toBe(
      '2026-12-03T10:00:00.000Z Socket Lab: first\n' +
        '2026-12-03T10:00:00.000Z Socket Lab: a stack\n  at one\n  at two\n',
    )
    expect(echoed).toEqual(['Socket Lab: first', 'Socket Lab: a stack\nat one\nat two'])
    expect(log.isWritable).toBe(true)
  })

  it('moves a full file to .1 and starts again', () => {
    const file = join(dir, 'socket-lab.log')
    const log = createLogFile(file, { maxBytes: 100, echo: null, now })
    for (let i = 0; i < 5; i++) log.write(`line ${i} ${'x'.repeat(30)}`)
    const current = readFileSync(file, 'utf8')
    const older = readFileSync(`${file}.1`, 'utf8')
    expect(Buffer.byteLength(current)).toBeLessThanOrEqual(100)
    expect(current).toContain('line 4')
    expect(older).toContain('line 3')
    expect(older).not.toContain('line 4')
  })

  it('never throws when it cannot write: it says so once on stderr and stays quiet', () => {
    const stderr = vi.spyOn(process.stderr, 'write').mockImplementation(() => true)
    writeFileSync(join(dir, 'a file'), 'x')
    const log = createLogFile(join(dir, 'a file', 'socket-lab.log'), { echo: null })
    log.write('one')
    log.write('two')
    expect(log.isWritable).toBe(false)
    expect(stderr).toHaveBeenCalledOnce()
    expect(String(stderr.mock.calls[0]?.[0])).toContain('cannot write the log file')
  })
})
