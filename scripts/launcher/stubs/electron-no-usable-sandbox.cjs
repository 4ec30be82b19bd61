// Stub: Electron 45 on Linux when no sandbox at all can be set up: a FATAL line, then SIGTRAP.
'use strict'
const { chromiumLine, fail } = require('./chromium.cjs')

fail(
  [
    chromiumLine(
      'FATAL',
      'zygote_host_impl_linux.cc',
      128,
      'No usable sandbox! If you are running on Ubuntu 23.10+ or another Linux distro that has disabled unprivileged user namespaces with AppArmor, see https://chromium.googlesource.com/chromium/src/+/main/docs/security/apparmor-userns-restrictions.md. Otherwise see https://chromium.googlesource.com/chromium/src/+/main/docs/linux/suid_sandbox_development.md for more information on developing with the (older) SUID sandbox. If you want to live dangerously and need an immediate workaround, you can try using --no-sandbox.',
    ),
  ],
  { signal: 'SIGTRAP' },
)
