// For the tests: runs the real launcher (launch.cjs) in its own process, against stub binaries.
// Usage: node run-launcher.cjs '<json config>' [launcher options…]
// The config names the Electron stub (a file in this folder, run with this Node.js), the facts to
// use instead of this machine's, the app folder, the grace period, and a file in which each
// ensureBuilt() call is recorded.
'use strict'
const fs = require('node:fs')
const path = require('node:path')
const { launch } = require('../launch.cjs')

/**
 * @type {{ electronStub: string, facts: import('../facts.cjs').Facts, projectRoot: string,
 *   graceMs?: number, buildRecordFile?: string }}
 */
const config = JSON.parse(process.argv[2] ?? '{}')

launch({
  argv: process.argv.slice(3),
  facts: config.facts,
  projectRoot: config.projectRoot,
  electron: { command: process.execPath, args: [path.join(__dirname, config.electronStub)] },
  browser: { command: process.execPath, args: [path.join(__dirname, 'browser-mode.cjs')] },
  ensureBuilt: () => {
    if (config.buildRecordFile) fs.appendFileSync(config.buildRecordFile, 'ensureBuilt\n')
  },
  graceMs: config.graceMs,
}).then((code) => {
  process.exitCode = code
})
