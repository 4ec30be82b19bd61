import { createRequire } from 'node:module'
import { describe, expect, it } from 'vitest'

const load = createRequire(import.meta.url)
const { decide } = load('./preflight.cjs') as typeof import('./preflight.cjs')
type Facts = import('./facts.cjs').Facts
type LaunchOptions = import('./args.cjs').LaunchOptions

const facts: Facts = {
  platform: 'linux',
  electronBinary: '/app/node_modules/electron/dist/electron',
  nodeVersion: 'v22.12.0',
  canInstallElectron: true,
  hasDisplay: true,
  display: ':0',
  isRoot: false,
  sudoUser: null,
  appArmorRestrictsUserns: null,
  chromeSandbox: null,
}
const options: LaunchOptions = {
  browser: false,
  noSandbox: null,
  dataDir: null,
  uiPort: null,
  noOpen: false,
}

describe('decide', () => {
  it('starts Electron, with the sandbox, where nothing stands in the way', () => {
    expect(decide(options, facts)).toEqual({ action: 'electron', noSandbox: null })
  })

  it('goes to browser mode when asked, or when there is no binary', () => {
    expect(decide({ ...options, browser: true }, facts)).toEqual({
      action: 'browser',
      reason: 'requested',
      noDisplay: false,
    })
    expect(decide(options, { ...facts, electronBinary: null })).toMatchObject({
      action: 'browser',
      reason: 'no-binary',
    })
  })

  it('does not start Electron on Linux without a display, even with --no-sandbox', () => {
    const noDisplay = { ...facts, hasDisplay: false, display: null }
    expect(decide(options, noDisplay)).toEqual({
      action: 'browser',
      reason: 'no-display',
      noDisplay: true,
    })
    expect(decide({ ...options, noSandbox: '--no-sandbox' }, noDisplay)).toMatchObject({
      reason: 'no-display',
    })
  })

  it('does not start Electron as root unless the user turned the sandbox off', () => {
    const root = { ...facts, isRoot: true }
    expect(decide(options, root)).toEqual({ action: 'browser', reason: 'root', noDisplay: false })
    expect(decide({ ...options, noSandbox: '--no-sandbox' }, root)).toEqual({
      action: 'electron',
      noSandbox: '--no-sandbox',
    })
    expect(decide({ ...options, noSandbox: 'SOCKETLAB_NO_SANDBOX=1' }, root)).toEqual({
      action: 'electron',
      noSandbox: 'SOCKETLAB_NO_SANDBOX=1',
    })
  })

  it('lets AppArmor and the setuid helper explain a failure, not block the start', () => {
    const restricted: Facts = {
      ...facts,
      appArmorRestrictsUserns: true,
      chromeSandbox: {
        path: '/app/node_modules/electron/dist/chrome-sandbox',
        exists: true,
        ownerUid: 1000,
        mode: '755',
        isSetuidRoot: false,
      },
    }
    expect(decide(options, restricted)).toEqual({ action: 'electron', noSandbox: null })
  })

  it('applies the Linux rules on Linux only', () => {
    for (const platform of ['darwin', 'win32'])
      expect(decide(options, { ...facts, platform, isRoot: true, hasDisplay: true })).toEqual({
        action: 'electron',
        noSandbox: null,
      })
  })
})
