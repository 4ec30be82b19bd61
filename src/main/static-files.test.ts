import { mkdirSync, mkdtempSync, realpathSync, rmSync, symlinkSync, writeFileSync } from 'node:fs'
import { readFile, realpath, stat } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { readStaticFile, type StaticFs } from './static-files'

let root: string
let renderer: string

beforeAll(() => {
  root = realpathSync(mkdtempSync(join(tmpdir(), 'socket-lab-static-')))
  renderer = join(root, 'renderer')
  mkdirSync(join(renderer, 'assets'), { recursive: true })
  writeFileSync(join(renderer, 'index.html'), '<!doctype html><title>Socket Lab</title>')
  writeFileSync(join(root, 'secret.txt'), 'not for the page')
  symlinkSync(join(root, 'secret.txt'), join(renderer, 'assets', 'link.txt'))
})

afterAll(() => {
  rmSync(root, { recursive: true, force: true })
})

/** An error as node:fs gives it: a code and the syscall's words. */
function fsError(code: string): NodeJS.ErrnoException {
  return Object.assign(new Error(`${code}: failed, open`), { code, syscall: 'open' })
}

/** The real file system, but with `call` failing with `code`. */
function failing(call: keyof StaticFs, code: string): StaticFs {
  const real: StaticFs = { readFile: (path) => readFile(path), realpath, stat }
  return { ...real, [call]: () => Promise.reject(fsError(code)) }
}

describe('readStaticFile', () => {
  it('reads a file inside the root with its content type', async () => {
    const file = await readStaticFile(renderer, '/')
    expect(file.ok && file.value.contentType).toBe('text/html; charset=utf-8')
    expect(file.ok && file.value.body.toString()).toContain('<title>Socket Lab</title>')
  })

  it('finds nothing outside the root, at a missing path or at a folder', async () => {
    for (const path of ['/../secret.txt', '/%2e%2e/secret.txt', '/assets/link.txt', '/nope.js'])
      expect(await readStaticFile(renderer, path), path).toEqual({
        ok: false,
        error: { kind: 'not-found' },
      })
    expect(await readStaticFile(renderer, '/assets')).toEqual({
      ok: false,
      error: { kind: 'not-found' },
    })
    expect(await readStaticFile(renderer, '/index.html/x')).toEqual({
      ok: false,
      error: { kind: 'not-found' },
    })
  })

  it('says a file is unavailable, not missing, when the OS is out of descriptors', async () => {
    for (const call of ['realpath', 'stat', 'readFile'] as const)
      for (const code of ['EMFILE', 'ENFILE', 'EAGAIN', 'EBUSY', 'EIO'])
        expect(await readStaticFile(renderer, '/', failing(call, code)), `${call} ${code}`).toEqual(
          { ok: false, error: { kind: 'unavailable', code } },
        )
  })

  it('still says not found when the injected calls say so', async () => {
    for (const code of ['ENOENT', 'ENOTDIR', 'EISDIR'])
      expect(await readStaticFile(renderer, '/', failing('readFile', code))).toEqual({
        ok: false,
        error: { kind: 'not-found' },
      })
  })
})
