// Stub: an app that opens its window, then crashes (SIGABRT) while running.
'use strict'
const { recordStart } = require('./chromium.cjs')

recordStart()
process.stdout.write('Socket Lab: the window is open (log file: /tmp/socket-lab/main.log)\n', () =>
  process.kill(process.pid, 'SIGABRT'),
)
