// The one paragraph a student reads when the desktop app cannot start: what happened, why on this
// machine, and the fixes for this OS, with commands on lines of their own. Pure: sentences come from
// the catalog, facts are passed in.
'use strict'
const path = require('node:path')
const os = require('node:os')
const { renderBlocks } = require('./text-layout.cjs')

/** @typedef {import('./text-layout.cjs').Block} Block */
/** @typedef {ReturnType<import('./messages.cjs').translator>} Translate */

/** How many of the child's last lines the generic paragraph quotes. */
const LAST_LINES = 5
/** Longer quoted lines are cut: a minified stack frame can run to thousands of characters. */
const MAX_LINE = 300

/**
 * Quotes a path for a POSIX shell when it needs it, so that the command can be pasted as it is.
 *
 * @param {string} value
 */
function shellQuote(value) {
  return /^[\w@%+=:,./-]+$/.test(value) ? value : `'${value.replace(/'/g, `'\\''`)}'`
}

/**
 * "exit code 3" or "signal SIGTRAP", in the catalog's language.
 *
 * @param {number | null} code
 * @param {NodeJS.Signals | null} signal
 * @param {Translate} t
 */
function howItEnded(code, signal, t) {
  return signal ? t('howSignal', { signal }) : t('howExitCode', { code: code ?? 1 })
}

/**
 * The exit code a shell would report: the child's own, or 128 + the signal's number.
 *
 * @param {number | null} code
 * @param {NodeJS.Signals | null} signal
 */
function exitCodeOf(code, signal) {
  if (code !== null) return code
  const number = signal ? os.constants.signals[signal] : undefined
  return number ? 128 + number : 1
}

/**
 * @param {import('./facts.cjs').Facts} facts
 * @param {string | null} helperPath from Chromium's message, when it named one
 * @param {Translate} t
 * @returns {Block[]}
 */
function sandboxFixes(facts, helperPath, t) {
  const helper =
    helperPath ??
    facts.chromeSandbox?.path ??
    path.join(path.dirname(facts.electronBinary ?? 'electron'), 'chrome-sandbox')
  const state = facts.chromeSandbox
  let helperSentence = ''
  if (state && !state.exists) helperSentence = t('helperMissing', { helper })
  else if (state?.isSetuidRoot) helperSentence = t('helperSetuidButFailed', { helper })
  else if (state)
    helperSentence = t('helperNotSetuid', {
      helper,
      uid: state.ownerUid ?? '?',
      mode: state.mode ?? '?',
    })
  const setuid = [
    `sudo chown root:root ${shellQuote(helper)}`,
    `sudo chmod 4755 ${shellQuote(helper)}`,
  ]
  if (facts.appArmorRestrictsUserns) {
    const binary = facts.electronBinary ?? path.join(path.dirname(helper), 'electron')
    return [
      { text: `${t('whyAppArmor')} ${helperSentence}`.trim() },
      { text: t('fixesPickOne') },
      { bullet: '1.', text: t('fixDeb') },
      { bullet: '2.', text: t('fixProfile') },
      {
        code: [
          'abi <abi/4.0>,',
          'include <tunables/global>',
          `profile socket-lab-dev "${binary}" flags=(unconfined) {`,
          '  userns,',
          '}',
        ],
      },
      { indent: 3, text: t('fixProfileLoad') },
      { code: ['sudo apparmor_parser -r /etc/apparmor.d/socket-lab-dev'] },
      { bullet: '3.', text: t('fixSysctl') },
      { code: ['sudo sysctl -w kernel.apparmor_restrict_unprivileged_userns=0'] },
      { bullet: '4.', text: t('fixSetuid') },
      { code: setuid },
      { text: t('noSandboxOptIn') },
    ]
  }
  return [
    { text: `${t('whyNoUserns', { helper })} ${helperSentence}`.trim() },
    { text: t('whatYouCanDo') },
    { bullet: '-', text: t('fixSetuid') },
    { code: setuid },
    { text: t('noSandboxOptIn') },
  ]
}

/**
 * The paragraph for a start that failed (`phase: 'failed'`, with how it ended) or that the
 * pre-flight checks refused (`phase: 'preflight'`), as terminal text wrapped at ~100 columns.
 *
 * @param {object} report
 * @param {import('./classify.cjs').FailureKind} report.kind
 * @param {'preflight' | 'failed'} report.phase
 * @param {string} [report.how] from howItEnded, for a failed start
 * @param {string | null} [report.helperPath] from classifyFailure
 * @param {string} [report.output] the child's last output, quoted for an unknown failure
 * @param {import('./facts.cjs').Facts} facts
 * @param {Translate} t
 * @returns {string}
 */
function explainFailure(report, facts, t) {
  const head =
    report.phase === 'preflight' ? t('notStarted') : t('failedAtStart', { how: report.how ?? '' })
  /** @type {Block[]} */
  let blocks
  switch (report.kind) {
    case 'suid-sandbox':
    case 'no-usable-sandbox': {
      const cause = report.kind === 'suid-sandbox' ? 'causeSuidSandbox' : 'causeNoUsableSandbox'
      blocks = [
        { text: `${head} ${t(cause)}` },
        ...sandboxFixes(facts, report.helperPath ?? null, t),
      ]
      break
    }
    case 'root':
      blocks = [
        { text: `${head} ${t('causeRoot')}` },
        { text: t('whatYouCanDo') },
        { bullet: '-', text: t('fixRootUser') },
        { code: [`su - ${facts.sudoUser ?? t('userPlaceholder')}`] },
        { bullet: '-', text: t('fixRootContainer') },
        { code: ['useradd -m student', 'su - student'] },
        { text: t('noSandboxOptIn') },
      ]
      break
    case 'no-display': {
      const cause =
        report.phase === 'preflight'
          ? t('causeNoDisplayPreflight')
          : t('causeNoDisplayFailed', {
              display: facts.display ? `DISPLAY=${facts.display}` : t('displayUnset'),
            })
      blocks = [
        { text: `${head} ${cause}` },
        { text: t('whatYouCanDo') },
        { bullet: '-', text: t('fixDisplayDesktop') },
        { bullet: '-', text: t('fixDisplayWsl') },
        { bullet: '-', text: t('fixDisplayContainer') },
        { bullet: '-', text: t('fixDisplayCi') },
        { code: ['xvfb-run -a npm start'] },
      ]
      break
    }
    case 'unknown': {
      const lines = (report.output ?? '')
        .split(/\r?\n/)
        .filter((line) => line.trim() !== '')
        .slice(-LAST_LINES)
        .map((line) => (line.length > MAX_LINE ? `${line.slice(0, MAX_LINE)}…` : line))
      blocks = lines.length
        ? [{ text: `${head} ${t('causeUnknown')}` }, { code: lines, indent: 2 }]
        : [{ text: `${head} ${t('causeUnknownNoOutput')}` }]
      break
    }
    default: {
      /** @type {never} */
      const unexpected = report.kind
      throw new Error(`unknown failure kind ${String(unexpected)}`)
    }
  }
  return renderBlocks(blocks)
}

module.exports = { explainFailure, howItEnded, exitCodeOf, shellQuote }
