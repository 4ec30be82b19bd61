// Shared by the stub Electron binaries: Chromium's log-line format, a record of how the stub was
// started (for the tests' assertions), and dying the way Chromium does.
'use strict'
const fs = require('node:fs')

const pad = (/** @type {number} */ n, width = 2) => String(n).padStart(width, '0')

/**
 * A line as Chromium logs it: `[pid:MMDD/HHMMSS.micro:LEVEL:file.cc(line)] text`.
 *
 * @param {'FATAL' | 'ERROR' | 'WARNING' | 'INFO'} level
 * @param {string} file e.g. "setuid_sandbox_host.cc"
 * @param {number} line
 * @param {string} text
 */
function chromiumLine(level, file, line, text) {
  const now = new Date()
  const date = `${pad(now.getMonth() + 1)}${pad(now.getDate())}`
  const time = `${pad(now.getHours())}${pad(now.getMinutes())}${pad(now.getSeconds())}`
  const micro = pad(now.getMilliseconds() * 1000 + Math.floor(Math.random() * 1000), 6)
  return `[${process.pid}:${date}/${time}.${micro}:${level}:${file}(${line})] ${text}`
}

/**
 * Writes how this stub was started (its pid, its arguments after the script, the variables the
 * launcher sets or removes, its folder) to the JSON file named by STUB_RECORD_FILE, when there is one.
 */
function recordStart() {
  const file = process.env.STUB_RECORD_FILE
  if (!file) return
  const record = {
    pid: process.pid,
    argv: process.argv.slice(2),
    cwd: process.cwd(),
    env: {
      SOCKETLAB_DATA_DIR: process.env.SOCKETLAB_DATA_DIR ?? null,
      ELECTRON_RUN_AS_NODE: process.env.ELECTRON_RUN_AS_NODE ?? null,
    },
  }
  fs.writeFileSync(file, JSON.stringify(record))
}

/** The app folder: the launcher passes it last, as to the real binary. */
const appFolder = () => process.argv[process.argv.length - 1] ?? process.cwd()

/**
 * Prints `lines` to stderr, then ends by `signal` (as Chromium's FATAL does with SIGTRAP) or with
 * an exit code.
 *
 * @param {string[]} lines
 * @param {{ signal: NodeJS.Signals } | { code: number }} how
 */
function fail(lines, how) {
  recordStart()
  process.stderr.write(`${lines.join('\n')}\n`, () => {
    if ('signal' in how) process.kill(process.pid, how.signal)
    else process.exit(how.code)
  })
}

module.exports = { chromiumLine, recordStart, appFolder, fail }
