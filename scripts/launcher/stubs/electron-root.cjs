// Stub: Electron 45 on Linux started as root without --no-sandbox: a FATAL line, then SIGTRAP.
'use strict'
const { chromiumLine, fail } = require('./chromium.cjs')

fail(
  [
    chromiumLine(
      'FATAL',
      'electron_main_delegate.cc',
      294,
      'Running as root without --no-sandbox is not supported. See https://crbug.com/638180.',
    ),
  ],
  { signal: 'SIGTRAP' },
)
