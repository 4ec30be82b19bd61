// What the launcher needs to know about this machine before and after starting Electron, gathered
// in one place so that the decisions (preflight.cjs, classify.cjs) stay pure and tests inject facts.
'use strict'
const fs = require('node:fs')
const path = require('node:path')
const { canInstallElectron } = require('./node-version.cjs')

/** Ubuntu 23.10+ sets this to 1 to keep unprivileged programs from creating user namespaces. */
const APPARMOR_USERNS = '/proc/sys/kernel/apparmor_restrict_unprivileged_userns'

/**
 * Chromium's setuid helper, next to the Electron binary.
 *
 * @typedef {object} SandboxHelper
 * @property {string} path
 * @property {boolean} exists
 * @property {number | null} ownerUid
 * @property {string | null} mode permission bits in octal, e.g. "4755" or "755"
 * @property {boolean} isSetuidRoot what Chromium requires: owned by root, setuid, executable
 */

/**
 * @typedef {object} Facts
 * @property {string} platform process.platform
 * @property {string | null} electronBinary the Electron executable, null when not installed
 * @property {string} nodeVersion e.g. "v20.20.0"
 * @property {boolean} canInstallElectron this Node.js can run Electron's installer
 * @property {boolean} hasDisplay DISPLAY or WAYLAND_DISPLAY is set (always true off Linux)
 * @property {string | null} display DISPLAY's value
 * @property {boolean} isRoot the effective user is root (Linux and macOS)
 * @property {string | null} sudoUser who ran sudo, when the launcher runs under sudo
 * @property {boolean | null} appArmorRestrictsUserns null where the setting does not exist
 * @property {SandboxHelper | null} chromeSandbox null off Linux or without a binary
 */

/**
 * The setuid helper's state; never throws.
 *
 * @param {string} helperPath
 * @param {(path: string) => fs.Stats} stat
 * @returns {SandboxHelper}
 */
function sandboxHelper(helperPath, stat) {
  try {
    const stats = stat(helperPath)
    const bits = stats.mode & 0o7777
    return {
      path: helperPath,
      exists: true,
      ownerUid: stats.uid,
      mode: bits.toString(8),
      isSetuidRoot: stats.uid === 0 && (bits & 0o4000) !== 0 && (bits & 0o001) !== 0,
    }
  } catch {
    return { path: helperPath, exists: false, ownerUid: null, mode: null, isSetuidRoot: false }
  }
}

/**
 * Reads the facts from this machine. Every source is injectable; the defaults are the real ones.
 *
 * @param {object} [sources]
 * @param {string} [sources.platform]
 * @param {Record<string, string | undefined>} [sources.env]
 * @param {string | null} [sources.electronBinary]
 * @param {string} [sources.nodeVersion]
 * @param {(() => number) | undefined} [sources.getuid] absent on Windows
 * @param {(path: string) => string} [sources.readFile]
 * @param {(path: string) => fs.Stats} [sources.stat]
 * @returns {Facts}
 */
function gatherFacts(sources = {}) {
  const platform = sources.platform ?? process.platform
  const env = sources.env ?? process.env
  const electronBinary = sources.electronBinary ?? null
  const nodeVersion = sources.nodeVersion ?? process.version
  const getuid = 'getuid' in sources ? sources.getuid : process.getuid
  const readFile = sources.readFile ?? ((file) => fs.readFileSync(file, 'utf8'))
  const stat = sources.stat ?? fs.statSync
  const isLinux = platform === 'linux'

  let appArmorRestrictsUserns = null
  if (isLinux) {
    try {
      appArmorRestrictsUserns = readFile(APPARMOR_USERNS).trim() === '1'
    } catch {
      // Not Ubuntu's kernel, or no /proc: nothing restricts namespaces this way.
    }
  }

  return {
    platform,
    electronBinary,
    nodeVersion,
    canInstallElectron: canInstallElectron(nodeVersion),
    hasDisplay: !isLinux || Boolean(env.DISPLAY || env.WAYLAND_DISPLAY),
    display: env.DISPLAY || null,
    isRoot: typeof getuid === 'function' && getuid() === 0,
    sudoUser: env.SUDO_USER || null,
    appArmorRestrictsUserns,
    chromeSandbox:
      isLinux && electronBinary
        ? sandboxHelper(path.join(path.dirname(electronBinary), 'chrome-sandbox'), stat)
        : null,
  }
}

module.exports = { APPARMOR_USERNS, gatherFacts, sandboxHelper }
