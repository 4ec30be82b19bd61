// Whether this machine has the Electron binary, without ever triggering its download: requiring
// the `electron` package would try to fetch it when it is missing.
'use strict'
const fs = require('node:fs')
const path = require('node:path')

const root = path.join(__dirname, '..')

/**
 * The Electron executable's absolute path, or null when it is not on this machine.
 *
 * Present means node_modules/electron/path.txt exists and names a file under dist/ (or under
 * ELECTRON_OVERRIDE_DIST_PATH, which the electron package honours too).
 *
 * @param {string} [projectRoot] the directory holding node_modules
 * @returns {string | null}
 */
function electronBinaryPath(projectRoot = root) {
  const dir = path.join(projectRoot, 'node_modules', 'electron')
  let relative
  try {
    relative = fs.readFileSync(path.join(dir, 'path.txt'), 'utf8').trim()
  } catch {
    return null
  }
  if (!relative) return null
  const override = process.env.ELECTRON_OVERRIDE_DIST_PATH
  const full = override ? path.join(override, relative) : path.join(dir, 'dist', relative)
  try {
    return fs.statSync(full).isFile() ? full : null
  } catch {
    return null
  }
}

module.exports = { electronBinaryPath }
