// Which Node.js versions can run Socket Lab, and which can download Electron.
//
// Loaded before anything else by start.cjs and web.cjs, so that an old Node.js gets one clear
// sentence instead of a SyntaxError or a missing API deep inside a dependency. Keep this file (and
// messages.cjs) to ES2019 syntax and free of requires: it has to parse and run on old versions.
'use strict'

/** What the app (browser mode, the build, the tests) needs: Vite 8 and its toolchain. */
const APP_RANGE = '^20.19.0 || >=22.12.0'

/** What Electron 45's installer (@electron/get 5) needs to download the binary. */
const ELECTRON_INSTALL_MINIMUM = '22.12.0'

/**
 * A version string ("v20.19.0", "22.12.0-nightly…") as [major, minor, patch].
 *
 * @param {string} version
 * @returns {[number, number, number]}
 */
function parseVersion(version) {
  const match = /^v?(\d+)\.(\d+)\.(\d+)/.exec(String(version).trim())
  if (!match) return [0, 0, 0]
  return [Number(match[1]), Number(match[2]), Number(match[3])]
}

/**
 * Whether `version` is at least major.minor.patch.
 *
 * @param {[number, number, number]} version
 * @param {[number, number, number]} minimum
 */
function isAtLeast(version, minimum) {
  if (version[0] !== minimum[0]) return version[0] > minimum[0]
  if (version[1] !== minimum[1]) return version[1] > minimum[1]
  return version[2] >= minimum[2]
}

/**
 * Whether this Node.js can run the app: ^20.19.0 or >=22.12.0 (21.x and 22.0–22.11 cannot).
 *
 * @param {string} version e.g. process.version
 * @returns {{ ok: true } | { ok: false, found: string, needed: string }}
 */
function checkNodeVersion(version) {
  const parsed = parseVersion(version)
  const major = parsed[0]
  const ok = (major === 20 && isAtLeast(parsed, [20, 19, 0])) || isAtLeast(parsed, [22, 12, 0])
  if (ok) return { ok: true }
  return { ok: false, found: parsed.join('.'), needed: APP_RANGE }
}

/**
 * Whether this Node.js can run Electron's installer (it needs >= 22.12).
 *
 * @param {string} version e.g. process.version
 */
function canInstallElectron(version) {
  return isAtLeast(parseVersion(version), [22, 12, 0])
}

module.exports = {
  APP_RANGE,
  ELECTRON_INSTALL_MINIMUM,
  parseVersion,
  checkNodeVersion,
  canInstallElectron,
}
