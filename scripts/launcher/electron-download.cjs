// What `npm install` does about the Electron binary (scripts/postinstall.cjs): say what it is about
// to download, skip when asked or when this Node.js cannot run the installer, and when the
// download fails, say why and what helps behind a proxy. Never fails the install: browser mode
// needs no binary.
'use strict'
const { canInstallElectron } = require('./node-version.cjs')

/** Long enough for ~100 MB over a slow school link; short enough not to hang an install forever. */
const INSTALL_TIMEOUT_MS = 600_000

/** Ours, and Electron's own (which Electron 45's lazy installer no longer reads itself). */
const SKIP_VARIABLES = ['SOCKETLAB_SKIP_ELECTRON_DOWNLOAD', 'ELECTRON_SKIP_BINARY_DOWNLOAD']

/**
 * The installer's error in one short phrase: the first line of the stack it prints
 * (e.g. "TypeError: fetch failed", "HTTPError: Response code 404 …"), or its last line.
 *
 * @param {string} output
 */
function failureReason(output) {
  const lines = output
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter((line) => line !== '' && !line.startsWith('at '))
  const reason = lines.find((line) => /^\w*Error\b/.test(line)) ?? lines[lines.length - 1] ?? ''
  return reason.length > 200 ? `${reason.slice(0, 200)}…` : reason
}

/**
 * @typedef {object} DownloadDeps
 * @property {Record<string, string | undefined>} env
 * @property {string} nodeVersion
 * @property {string} electronVersion from node_modules/electron/package.json
 * @property {boolean} hasInstaller node_modules/electron/install.js exists (not in a production install)
 * @property {() => string | null} binaryPath scripts/electron-binary.cjs
 * @property {(timeoutMs: number) => { status: number | null, error?: Error & { code?: string }, output: string }} runInstaller
 * @property {ReturnType<import('./messages.cjs').translator>} t
 * @property {(text: string) => void} say prints one catalog sentence
 */

/**
 * Gets the Electron binary if it is missing and can be downloaded; always returns normally.
 *
 * @param {DownloadDeps} deps
 * @returns {'present' | 'no-installer' | 'skipped' | 'old-node' | 'downloaded' | 'failed'}
 */
function downloadElectron(deps) {
  const { env, t, say } = deps
  if (!deps.hasInstaller) return 'no-installer'
  // The usual case after the first install: nothing to do, nothing to print, nothing spawned.
  if (deps.binaryPath()) return 'present'
  const variable = SKIP_VARIABLES.find((name) => {
    const value = env[name]
    return value !== undefined && value !== '' && value !== '0' && value !== 'false'
  })
  if (variable) {
    say(t('piSkippedEnv', { variable }))
    return 'skipped'
  }
  if (!canInstallElectron(deps.nodeVersion)) {
    say(t('piSkippedNode', { found: deps.nodeVersion.replace(/^v/, '') }))
    return 'old-node'
  }
  say(t('piDownloading', { version: deps.electronVersion }))
  const result = deps.runInstaller(INSTALL_TIMEOUT_MS)
  if (result.status === 0 && deps.binaryPath()) {
    say(t('piDone'))
    return 'downloaded'
  }
  const reason =
    result.error?.code === 'ETIMEDOUT'
      ? t('piTimedOut', { seconds: INSTALL_TIMEOUT_MS / 1000 })
      : failureReason(result.error ? result.error.message : result.output)
  say(t('piFailed', { reason }))
  say(t('piProxy'))
  return 'failed'
}

module.exports = { INSTALL_TIMEOUT_MS, downloadElectron, failureReason }
