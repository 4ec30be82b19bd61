import { readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { join } from 'node:path'
import { Linter } from 'eslint'
import { describe, expect, it } from 'vitest'

const load = createRequire(import.meta.url)
const { checkNodeVersion, canInstallElectron, parseVersion } = load(
  './node-version.cjs',
) as typeof import('./node-version.cjs')

describe('checkNodeVersion', () => {
  it.each(['v20.19.0', 'v20.20.2', 'v22.12.0', 'v22.20.1', 'v23.0.0', 'v24.11.1', 'v25.2.0'])(
    'accepts %s',
    (version) => {
      expect(checkNodeVersion(version)).toEqual({ ok: true })
    },
  )

  it.each([
    ['v18.20.4', '18.20.4'],
    ['v20.18.3', '20.18.3'],
    ['v21.7.3', '21.7.3'],
    ['v22.0.0', '22.0.0'],
    ['v22.11.0', '22.11.0'],
    ['v16.20.2', '16.20.2'],
  ])('refuses %s, naming the version found and the one needed', (version, found) => {
    expect(checkNodeVersion(version)).toEqual({
      ok: false,
      found,
      needed: '^20.19.0 || >=22.12.0',
    })
  })

  it('reads versions with a pre-release tail and without the v', () => {
    expect(parseVersion('22.12.0-nightly20241201')).toEqual([22, 12, 0])
    expect(parseVersion('nonsense')).toEqual([0, 0, 0])
    expect(checkNodeVersion('nonsense').ok).toBe(false)
  })
})

describe('canInstallElectron', () => {
  it('needs Node.js 22.12 or newer, as @electron/get 5 does', () => {
    expect(canInstallElectron('v22.12.0')).toBe(true)
    expect(canInstallElectron('v24.0.0')).toBe(true)
    expect(canInstallElectron('v22.11.9')).toBe(false)
    expect(canInstallElectron('v20.20.2')).toBe(false)
  })
})

describe('files parsed before the version check', () => {
  // An old Node.js parses start.cjs and web.cjs whole, and these modules, before the check can
  // print its sentence: newer syntax there would be a SyntaxError instead (Node 12 lacks ?? and ?.).
  const files = [
    '../start.cjs',
    '../web.cjs',
    'node-version.cjs',
    'messages.cjs',
    'text-layout.cjs',
  ]
  it.each(files)('%s is ES2019', (file) => {
    const code = readFileSync(join(__dirname, file), 'utf8')
    const messages = new Linter().verify(code, {
      languageOptions: { ecmaVersion: 2019, sourceType: 'commonjs' },
    })
    expect(messages.filter((message) => message.fatal)).toEqual([])
  })
})
