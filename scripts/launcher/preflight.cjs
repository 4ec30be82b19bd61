// Whether to start Electron at all: a pure decision from the options and the machine's facts, made
// before anything is spawned so that a start that cannot work is not even tried.
'use strict'

/**
 * What to do. `noDisplay` tells browser mode not to try opening a browser.
 *
 * @typedef {{ action: 'browser', reason: 'requested' | 'no-binary' | 'no-display' | 'root', noDisplay: boolean }
 *   | { action: 'electron', noSandbox: import('./args.cjs').LaunchOptions['noSandbox'] }} Decision
 */

/**
 * Decides between the desktop app and browser mode.
 *
 * Only the conditions under which Chromium is certain to refuse block the start: no display, and
 * root without the user's own --no-sandbox. The AppArmor setting and the setuid helper do not: an
 * AppArmor profile may already allow this binary, so those facts only explain a failure afterwards.
 *
 * @param {import('./args.cjs').LaunchOptions} options
 * @param {import('./facts.cjs').Facts} facts
 * @returns {Decision}
 */
function decide(options, facts) {
  const noDisplay = !facts.hasDisplay
  if (options.browser) return { action: 'browser', reason: 'requested', noDisplay }
  if (!facts.electronBinary) return { action: 'browser', reason: 'no-binary', noDisplay }
  if (facts.platform === 'linux') {
    if (noDisplay) return { action: 'browser', reason: 'no-display', noDisplay }
    // Chromium's own rule (Linux only): root needs --no-sandbox, and only the user may ask for it.
    if (facts.isRoot && !options.noSandbox) return { action: 'browser', reason: 'root', noDisplay }
  }
  return { action: 'electron', noSandbox: options.noSandbox }
}

module.exports = { decide }
