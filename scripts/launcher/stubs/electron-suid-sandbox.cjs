// Stub: Electron 45 on Linux when the setuid helper is not root-owned 4755 and user namespaces are
// unavailable (e.g. Ubuntu 24.04's AppArmor restriction): a FATAL line, then SIGTRAP.
'use strict'
const path = require('node:path')
const { appFolder, chromiumLine, fail } = require('./chromium.cjs')

const helper = path.join(appFolder(), 'node_modules', 'electron', 'dist', 'chrome-sandbox')
fail(
  [
    chromiumLine(
      'FATAL',
      'setuid_sandbox_host.cc',
      163,
      `The SUID sandbox helper binary was found, but is not configured correctly. Rather than run without sandboxing I'm aborting now. You need to make sure that ${helper} is owned by root and has mode 4755.`,
    ),
    chromiumLine('ERROR', 'zygote_linux.cc', 664, 'write: Broken pipe (32)'),
  ],
  { signal: 'SIGTRAP' },
)
