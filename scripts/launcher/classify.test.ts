import { createRequire } from 'node:module'
import { describe, expect, it } from 'vitest'

const load = createRequire(import.meta.url)
const { classifyFailure } = load('./classify.cjs') as typeof import('./classify.cjs')

// Electron 45's own lines on Linux, as reported.
const SUID =
  "[31739:0311/091752.049986:FATAL:setuid_sandbox_host.cc(163)] The SUID sandbox helper binary was found, but is not configured correctly. Rather than run without sandboxing I'm aborting now. You need to make sure that /home/ann/socket lab/node_modules/electron/dist/chrome-sandbox is owned by root and has mode 4755.\n[31742:0100/000000.633160:ERROR:zygote_linux.cc(664)] write: Broken pipe (32)\n"
const NO_USABLE =
  '[1234:0311/091752.049986:FATAL:zygote_host_impl_linux.cc(128)] No usable sandbox! If you are running on Ubuntu 23.10+ or another Linux distro that has disabled unprivileged user namespaces with AppArmor, see https://chromium.googlesource.com/chromium/src/+/main/docs/security/apparmor-userns-restrictions.md. Otherwise see https://chromium.googlesource.com/chromium/src/+/main/docs/linux/suid_sandbox_development.md for more information on developing with the (older) SUID sandbox. If you want to live dangerously and need an immediate workaround, you can try using --no-sandbox.\n'
const ROOT =
  '[12170:1204/064742.756272:FATAL:electron_main_delegate.cc(294)] Running as root without --no-sandbox is not supported. See https://crbug.com/638180.\n'
const NO_DISPLAY =
  '[7760:0116/122818.642576:ERROR:ozone_platform_x11.cc(240)] Missing X server or $DISPLAY\n[7760:0116/122818.642619:ERROR:env.cc(257)] The platform failed to initialize.  Exiting.\n'

describe('classifyFailure', () => {
  it('recognises the misconfigured setuid helper and reads its path', () => {
    expect(classifyFailure(`some chatter\n${SUID}`)).toEqual({
      kind: 'suid-sandbox',
      helperPath: '/home/ann/socket lab/node_modules/electron/dist/chrome-sandbox',
    })
  })

  it('recognises the other failures', () => {
    expect(classifyFailure(NO_USABLE)).toEqual({ kind: 'no-usable-sandbox', helperPath: null })
    expect(classifyFailure(ROOT)).toEqual({ kind: 'root', helperPath: null })
    expect(classifyFailure(NO_DISPLAY)).toEqual({ kind: 'no-display', helperPath: null })
    expect(classifyFailure(NO_DISPLAY.split('\n')[1]!).kind).toBe('no-display')
    expect(
      classifyFailure(
        '[1:0101/000000.000000:ERROR:ozone_platform_wayland.cc(282)] Failed to connect to Wayland display: No such file or directory (2)',
      ).kind,
    ).toBe('no-display')
  })

  it('does not depend on line numbers, which change between versions', () => {
    expect(classifyFailure(ROOT.replace('(294)', '(301)')).kind).toBe('root')
    expect(classifyFailure(SUID.replace('(163)', '(170)')).kind).toBe('suid-sandbox')
  })

  it('puts root first: as root, Chromium names root, whatever else is wrong', () => {
    expect(classifyFailure(`${NO_DISPLAY}${ROOT}`).kind).toBe('root')
  })

  it('calls anything else unknown', () => {
    expect(classifyFailure('')).toEqual({ kind: 'unknown', helperPath: null })
    expect(classifyFailure('Error: Cannot find module out/main/index.js').kind).toBe('unknown')
    // The text alone, without Chromium's prefix, is not enough: it could be the app's own log.
    expect(classifyFailure('Running as root without --no-sandbox is not supported').kind).toBe(
      'unknown',
    )
  })
})
