// Stub: an Electron app that starts. It prints some output, then the main process's "window is
// open" line on stdout, and keeps running until SIGINT or SIGTERM, which it writes to the file
// named by STUB_SIGNAL_FILE before exiting 0 (as the app quits cleanly; STUB_QUIT_CODE sets another
// code). STUB_IGNORE_SIGNALS=1
// makes it ignore them, to test the launcher's kill after the grace period.
'use strict'
const fs = require('node:fs')
const { chromiumLine, recordStart } = require('./chromium.cjs')

recordStart()
const onSignal = (/** @type {NodeJS.Signals} */ signal) => {
  if (process.env.STUB_SIGNAL_FILE) fs.appendFileSync(process.env.STUB_SIGNAL_FILE, `${signal}\n`)
  if (process.env.STUB_IGNORE_SIGNALS !== '1') process.exit(Number(process.env.STUB_QUIT_CODE ?? 0))
}
process.on('SIGINT', onSignal)
process.on('SIGTERM', onSignal)
// Keeps the event loop alive until a signal arrives.
setInterval(() => {}, 1 << 30)

process.stderr.write(`${chromiumLine('WARNING', 'gpu_init.cc', 90, 'a harmless warning')}\n`)
process.stdout.write('app output before the window\n')
// As the real main process does: the line on stdout, and its log's echo of it on stderr.
const opened = 'Socket Lab: the window is open (log file: /tmp/Socket Lab/logs/main.log)\n'
process.stdout.write(opened)
process.stderr.write(opened)
process.stdout.write('app output after the window\n')
