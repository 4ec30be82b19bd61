// Why Electron died before opening its window, read from what Chromium printed. Chromium's log
// lines look like `[pid:MMDD/HHMMSS.micro:FATAL:file.cc(line)] text`; the line numbers change from
// one version to the next, so the patterns key on the file name and the text only.
'use strict'

/** @typedef {'suid-sandbox' | 'no-usable-sandbox' | 'root' | 'no-display' | 'unknown'} FailureKind */

/**
 * @typedef {object} Failure
 * @property {FailureKind} kind
 * @property {string | null} helperPath the chrome-sandbox path Chromium named, if it did
 */

/** In order: the first match wins, so the most specific messages come first. */
const PATTERNS = /** @type {const} */ ([
  [
    'root',
    /electron_main_delegate\.cc\(\d+\)\]\s*Running as root without --no-sandbox is not supported/,
  ],
  [
    'suid-sandbox',
    /setuid_sandbox_host\.cc\(\d+\)\]\s*The SUID sandbox helper binary was found, but is not configured correctly/,
  ],
  ['no-usable-sandbox', /zygote_host_impl_linux\.cc\(\d+\)\]\s*No usable sandbox!/],
  ['no-display', /ozone_platform_x11\.cc\(\d+\)\]\s*Missing X server or \$DISPLAY/],
  ['no-display', /ozone_platform_wayland\.cc\(\d+\)\]\s*Failed to connect to Wayland display/],
  ['no-display', /env\.cc\(\d+\)\]\s*The platform failed to initialize/],
])

const HELPER_PATH = /You need to make sure that (.+?) is owned by root and has mode 4755/

/**
 * Classifies a failed start from the child's output (stdout and stderr together). Any failure
 * counts, whatever the exit code or signal: the same message ends in SIGTRAP, SIGSEGV, SIGABRT or
 * exit code 1 depending on the version.
 *
 * @param {string} output
 * @returns {Failure}
 */
function classifyFailure(output) {
  const match = PATTERNS.find(([, pattern]) => pattern.test(output))
  const kind = match ? match[0] : 'unknown'
  const helperPath = kind === 'suid-sandbox' ? (HELPER_PATH.exec(output)?.[1] ?? null) : null
  return { kind, helperPath }
}

module.exports = { classifyFailure }
