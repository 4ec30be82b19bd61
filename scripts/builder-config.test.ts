import { existsSync, readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'

// The packaging configuration cannot be exercised here (electron-builder downloads Electron), so
// these tests check what can be checked without it: the schema electron-builder validates
// against, and the settings the installers depend on.

const root = join(import.meta.dirname, '..')
const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as {
  name: string
  homepage?: string
  author?: { name?: string; email?: string }
  scripts: Record<string, string>
  build: Record<string, unknown> & {
    linux: Record<string, unknown>
    win: Record<string, unknown>
    mac: Record<string, unknown>
  }
}

interface Ajv {
  compile: (schema: unknown) => ((data: unknown) => boolean) & { errors?: unknown[] | null }
}

/**
 * Validates a configuration against electron-builder's own scheme.json with the ajv it uses,
 * both found through electron-builder so that hoisting cannot hand us another copy.
 */
function builderSchemaValidator(): (config: unknown) => unknown[] {
  const require = createRequire(import.meta.url)
  const builderRequire = createRequire(require.resolve('electron-builder/package.json'))
  const libRequire = createRequire(builderRequire.resolve('app-builder-lib/package.json'))
  const ajvModule = libRequire('ajv') as { default: new (options: object) => Ajv }
  const ajv = new ajvModule.default({ allErrors: true, strict: false })
  const validate = ajv.compile(libRequire('app-builder-lib/scheme.json'))
  return (config) => (validate(config) ? [] : (validate.errors ?? ['invalid']))
}

const validate = builderSchemaValidator()

describe('the electron-builder configuration in package.json', () => {
  it("matches electron-builder's schema", () => {
    expect(validate(pkg.build)).toEqual([])
  })

  it('would be refused with a misspelled key, so the check above can fail', () => {
    const misspelled = { ...pkg.build, linux: { ...pkg.build.linux, executablename: 'x' } }
    expect(validate(misspelled)).not.toEqual([])
    expect(validate({ ...pkg.build, electronFuses: { runAsnode: false } })).not.toEqual([])
  })

  it('packs only the build output and package.json into an asar, without rebuilding modules', () => {
    expect(pkg.build['files']).toEqual(['out/**/*', 'package.json'])
    expect(pkg.build['asar']).toBe(true)
    expect(pkg.build['npmRebuild']).toBe(false)
  })

  it('turns off what a packaged app does not need: running as Node, NODE_OPTIONS, --inspect', () => {
    expect(pkg.build['electronFuses']).toEqual({
      runAsNode: false,
      enableCookieEncryption: true,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      enableEmbeddedAsarIntegrityValidation: true,
      onlyLoadAppFromAsar: true,
      grantFileProtocolExtraPrivileges: false,
      // Flipping fuses breaks the Electron binary's ad-hoc signature, and an unsigned arm64 app
      // does not start on macOS: re-sign ad hoc (a real identity signs again afterwards).
      resetAdHocDarwinSignature: true,
    })
  })

  it('builds NSIS, dmg, AppImage and deb installers named with version, OS and architecture', () => {
    expect(pkg.build.win['target']).toBe('nsis')
    expect(pkg.build.mac['target']).toBe('dmg')
    expect(pkg.build.linux['target']).toEqual(['AppImage', 'deb'])
    const name = String(pkg.build['artifactName'])
    for (const macro of ['${version}', '${os}', '${arch}', '${ext}']) expect(name).toContain(macro)
    expect(pkg.scripts['package']).toBe('electron-vite build && electron-builder --publish never')
  })

  it('gives the deb what it requires: a homepage, an author with an email, a synopsis', () => {
    expect(pkg.homepage).toMatch(/^https:\/\//)
    expect(pkg.author?.email).toMatch(/@/)
    expect(pkg.build.linux['synopsis']).toEqual(expect.any(String))
    expect(pkg.build.linux['category']).toBe('Education')
    expect(pkg.build.linux['executableName']).toBe(pkg.name)
  })

  it('points every platform at an icon that exists', () => {
    expect(existsSync(join(root, String(pkg.build.win['icon'])))).toBe(true)
    expect(existsSync(join(root, String(pkg.build.mac['icon'])))).toBe(true)
    const linuxIcons = join(root, String(pkg.build.linux['icon']))
    for (const size of [16, 32, 48, 64, 128, 256, 512]) {
      expect(existsSync(join(linuxIcons, `${size}x${size}.png`)), `${size}x${size}.png`).toBe(true)
    }
  })
})
