import { spawnSync } from 'node:child_process'
import { createRequire } from 'node:module'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { envFor, startProcess } from './launcher-process'

const load = createRequire(import.meta.url)
const { downloadElectron, failureReason, INSTALL_TIMEOUT_MS } = load(
  './electron-download.cjs',
) as typeof import('./electron-download.cjs')
const { translator } = load('./messages.cjs') as typeof import('./messages.cjs')
const { electronBinaryPath } = load(
  '../electron-binary.cjs',
) as typeof import('../electron-binary.cjs')

const en = translator('en')

/** Runs downloadElectron with what it prints and how often the installer ran. */
function attempt(changes: Partial<Parameters<typeof downloadElectron>[0]> = {}): {
  result: string
  said: string[]
  installs: number
} {
  const said: string[] = []
  let installs = 0
  const result = downloadElectron({
    env: {},
    nodeVersion: 'v22.12.0',
    electronVersion: '45.4.1',
    hasInstaller: true,
    binaryPath: () => null,
    runInstaller: () => {
      installs += 1
      return { status: 0, output: '' }
    },
    t: en,
    say: (text) => said.push(text),
    ...changes,
  })
  return { result, said, installs }
}

describe('downloadElectron', () => {
  it('does nothing, quietly, when the binary is there', () => {
    expect(attempt({ binaryPath: () => '/x/electron' })).toEqual({
      result: 'present',
      said: [],
      installs: 0,
    })
    expect(attempt({ hasInstaller: false })).toEqual({
      result: 'no-installer',
      said: [],
      installs: 0,
    })
  })

  it('says what it downloads before it starts, and that it is done', () => {
    let present = false
    const run = attempt({
      binaryPath: () => (present ? '/x/electron' : null),
      runInstaller: () => {
        present = true
        return { status: 0, output: '' }
      },
    })
    expect(run.said).toEqual([
      'Socket Lab: downloading the Electron 45.4.1 binary for the desktop app (about 100 MB)…',
      en('piDone'),
    ])
    expect(run.result).toBe('downloaded')
  })

  it.each(['SOCKETLAB_SKIP_ELECTRON_DOWNLOAD', 'ELECTRON_SKIP_BINARY_DOWNLOAD'])(
    'skips on %s=1',
    (variable) => {
      expect(attempt({ env: { [variable]: '1' } })).toEqual({
        result: 'skipped',
        said: [en('piSkippedEnv', { variable })],
        installs: 0,
      })
      expect(attempt({ env: { [variable]: '0' } }).installs).toBe(1)
    },
  )

  it("skips on a Node.js older than 22.12, which Electron's installer needs", () => {
    expect(attempt({ nodeVersion: 'v20.20.2' })).toEqual({
      result: 'old-node',
      said: [en('piSkippedNode', { found: '20.20.2' })],
      installs: 0,
    })
  })

  it("names the installer's error and the proxy variables when the download fails", () => {
    // A real process that fails as install.js does without network: it prints the stack.
    const failing = () => {
      const result = spawnSync(process.execPath, [
        '-e',
        "console.error(new TypeError('fetch failed').stack); process.exit(1)",
      ])
      return { status: result.status, output: `${result.stderr}\n${result.stdout}` }
    }
    const run = attempt({ runInstaller: failing })
    expect(run.result).toBe('failed')
    expect(run.said).toEqual([
      en('piDownloading', { version: '45.4.1' }),
      en('piFailed', { reason: 'TypeError: fetch failed' }),
      en('piProxy'),
    ])
    for (const variable of [
      'HTTPS_PROXY',
      'HTTP_PROXY',
      'NO_PROXY',
      'ELECTRON_GET_USE_PROXY=1',
      'ELECTRON_MIRROR',
    ])
      expect(run.said[2]).toContain(variable)
  })

  it('says when the download took too long', () => {
    const timedOut = () => ({
      status: null,
      error: Object.assign(new Error('spawnSync ETIMEDOUT'), { code: 'ETIMEDOUT' }),
      output: '',
    })
    expect(attempt({ runInstaller: timedOut }).said[1]).toBe(
      en('piFailed', { reason: en('piTimedOut', { seconds: INSTALL_TIMEOUT_MS / 1000 }) }),
    )
  })
})

describe('failureReason', () => {
  it('takes the error line, not the stack frames', () => {
    expect(
      failureReason('HTTPError: Response code 404 (Not Found) for https://x\n    at a (b.js:1:1)'),
    ).toBe('HTTPError: Response code 404 (Not Found) for https://x')
    expect(failureReason('something odd\nlast words\n')).toBe('last words')
    expect(failureReason('')).toBe('')
  })
})

describe('scripts/postinstall.cjs', () => {
  it('exits 0 and says it skipped, when asked to', async (ctx) => {
    ctx.skip(
      electronBinaryPath() !== null,
      'the Electron binary is installed here: postinstall has nothing to do',
    )
    const run = startProcess(process.execPath, [join(__dirname, '..', 'postinstall.cjs')], {
      env: envFor('en', { SOCKETLAB_SKIP_ELECTRON_DOWNLOAD: '1' }),
    })
    expect(await run.exited).toEqual({ code: 0, signal: null })
    expect(run.stdout().replace(/\s+/g, ' ').trim()).toBe(
      en('piSkippedEnv', { variable: 'SOCKETLAB_SKIP_ELECTRON_DOWNLOAD' }),
    )
  })
})
