import { chmodSync, mkdtempSync, statSync, writeFileSync, type Stats } from 'node:fs'
import { createRequire } from 'node:module'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'

const load = createRequire(import.meta.url)
const { APPARMOR_USERNS, gatherFacts, sandboxHelper } = load(
  './facts.cjs',
) as typeof import('./facts.cjs')

const noFile = (): never => {
  throw Object.assign(new Error('ENOENT'), { code: 'ENOENT' })
}
const stats = (uid: number, mode: number) => (): Stats => ({ uid, mode }) as Stats

describe('gatherFacts', () => {
  const linux = {
    platform: 'linux',
    env: {},
    electronBinary: '/app/node_modules/electron/dist/electron',
    nodeVersion: 'v22.12.0',
    getuid: () => 1000,
    readFile: noFile,
    stat: noFile,
  }

  it('sees a display in DISPLAY or WAYLAND_DISPLAY, on Linux only', () => {
    expect(gatherFacts(linux).hasDisplay).toBe(false)
    expect(gatherFacts({ ...linux, env: { DISPLAY: ':0' } })).toMatchObject({
      hasDisplay: true,
      display: ':0',
    })
    expect(gatherFacts({ ...linux, env: { WAYLAND_DISPLAY: 'wayland-0' } }).hasDisplay).toBe(true)
    expect(gatherFacts({ ...linux, platform: 'darwin' }).hasDisplay).toBe(true)
  })

  it('knows root, and that Windows has no uid', () => {
    expect(gatherFacts(linux).isRoot).toBe(false)
    expect(gatherFacts({ ...linux, getuid: () => 0, env: { SUDO_USER: 'ann' } })).toMatchObject({
      isRoot: true,
      sudoUser: 'ann',
    })
    expect(gatherFacts({ ...linux, platform: 'win32', getuid: undefined }).isRoot).toBe(false)
  })

  it("reads Ubuntu's AppArmor user-namespace restriction", () => {
    const reading = (value: string) => (file: string) => {
      expect(file).toBe(APPARMOR_USERNS)
      return `${value}\n`
    }
    expect(gatherFacts({ ...linux, readFile: reading('1') }).appArmorRestrictsUserns).toBe(true)
    expect(gatherFacts({ ...linux, readFile: reading('0') }).appArmorRestrictsUserns).toBe(false)
    expect(gatherFacts(linux).appArmorRestrictsUserns).toBe(null)
  })

  it('checks chrome-sandbox next to the binary: root-owned and setuid, or not', () => {
    const helper = '/app/node_modules/electron/dist/chrome-sandbox'
    expect(gatherFacts({ ...linux, stat: stats(0, 0o104755) }).chromeSandbox).toEqual({
      path: helper,
      exists: true,
      ownerUid: 0,
      mode: '4755',
      isSetuidRoot: true,
    })
    expect(gatherFacts({ ...linux, stat: stats(1000, 0o100755) }).chromeSandbox).toMatchObject({
      ownerUid: 1000,
      mode: '755',
      isSetuidRoot: false,
    })
    expect(gatherFacts({ ...linux, stat: stats(0, 0o100755) }).chromeSandbox?.isSetuidRoot).toBe(
      false,
    )
    expect(gatherFacts(linux).chromeSandbox).toMatchObject({ exists: false, isSetuidRoot: false })
    expect(gatherFacts({ ...linux, electronBinary: null }).chromeSandbox).toBe(null)
    expect(gatherFacts({ ...linux, platform: 'darwin' }).chromeSandbox).toBe(null)
  })

  it('knows whether this Node.js can download Electron', () => {
    expect(gatherFacts(linux).canInstallElectron).toBe(true)
    expect(gatherFacts({ ...linux, nodeVersion: 'v20.20.0' }).canInstallElectron).toBe(false)
  })
})

describe('sandboxHelper', () => {
  it('reads a real file', () => {
    const file = join(mkdtempSync(join(tmpdir(), 'socket-lab-facts-')), 'chrome-sandbox')
    writeFileSync(file, '')
    chmodSync(file, 0o755)
    expect(sandboxHelper(file, statSync)).toMatchObject({
      exists: true,
      mode: process.platform === 'win32' ? expect.any(String) : '755',
      isSetuidRoot: false,
    })
    expect(sandboxHelper(`${file}-missing`, noFile).exists).toBe(false)
  })
})
