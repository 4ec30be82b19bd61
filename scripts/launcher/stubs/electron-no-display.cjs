// Stub: Electron 45 on Linux without an X server: two ERROR lines, then SIGSEGV (recent versions),
// or exit code STUB_EXIT_CODE when that is set (older ones exit 1).
'use strict'
const { chromiumLine, fail } = require('./chromium.cjs')

const code = process.env.STUB_EXIT_CODE
fail(
  [
    chromiumLine('ERROR', 'ozone_platform_x11.cc', 240, 'Missing X server or $DISPLAY'),
    chromiumLine('ERROR', 'env.cc', 257, 'The platform failed to initialize.  Exiting.'),
  ],
  code ? { code: Number(code) } : { signal: 'SIGSEGV' },
)
