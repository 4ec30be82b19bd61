// Stub: browser mode (web.cjs). Records its arguments in STUB_BROWSER_RECORD_FILE, prints the
// address line as the real one does, and runs until SIGINT or SIGTERM, then exits 0.
'use strict'
const fs = require('node:fs')

if (process.env.STUB_BROWSER_RECORD_FILE)
  fs.writeFileSync(process.env.STUB_BROWSER_RECORD_FILE, JSON.stringify(process.argv.slice(2)))
process.on('SIGINT', () => process.exit(0))
process.on('SIGTERM', () => process.exit(0))
setInterval(() => {}, 1 << 30)
process.stdout.write('Socket Lab (browser mode) is running at http://127.0.0.1:1/?token=x\n')
