// Stub: a start that fails for a reason the launcher does not know: a few lines, exit code 3.
'use strict'
const { chromiumLine, fail } = require('./chromium.cjs')

fail(
  [
    'Some unrelated start-up chatter',
    chromiumLine('ERROR', 'gpu_init.cc', 90, 'Something unusual went wrong here.'),
    'Error: the stub failed in an unexpected way',
  ],
  { code: 3 },
)
