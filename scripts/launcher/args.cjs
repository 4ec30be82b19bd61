// `npm start -- [options]`: the launcher's own options, and browser mode's, which it passes on.
'use strict'
const path = require('node:path')
const { parseArgs } = require('node:util')

/**
 * What the command line asks for.
 *
 * @typedef {object} LaunchOptions
 * @property {boolean} browser go straight to browser mode
 * @property {null | '--no-sandbox' | 'SOCKETLAB_NO_SANDBOX=1'} noSandbox who turned the sandbox
 *   off, or null when nobody did (the only way Electron ever gets --no-sandbox)
 * @property {string | null} dataDir an absolute folder, or null for the default
 * @property {number | null} uiPort browser mode's GUI port, or null for its default
 * @property {boolean} noOpen browser mode must not open a browser
 */

/**
 * @typedef {{ kind: 'run', options: LaunchOptions }
 *   | { kind: 'help' }
 *   | { kind: 'error', key: import('./messages.cjs').MessageKey, params: Record<string, string> }} ParsedArgs
 */

const OPTIONS = /** @type {const} */ ({
  browser: { type: 'boolean' },
  'no-sandbox': { type: 'boolean' },
  'data-dir': { type: 'string' },
  'ui-port': { type: 'string' },
  'no-open': { type: 'boolean' },
  help: { type: 'boolean', short: 'h' },
})

/**
 * Turns parseArgs's error into a catalog message: its English text is the only detail we have, so
 * the option or argument is read back out of its quotes. Only the first line is kept, since Node
 * 22 appends a paragraph about positionals that does not apply here.
 *
 * @param {unknown} error
 * @returns {ParsedArgs}
 */
function parseError(error) {
  const code = /** @type {{ code?: string }} */ (error).code
  const message = (error instanceof Error ? error.message : String(error)).split('\n')[0] ?? ''
  const quoted = /'([^']*)'/.exec(message)?.[1]?.split(' ')[0]
  if (quoted !== undefined) {
    if (code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION')
      return { kind: 'error', key: 'argUnknown', params: { option: quoted } }
    if (code === 'ERR_PARSE_ARGS_UNEXPECTED_POSITIONAL')
      return { kind: 'error', key: 'argPositional', params: { arg: quoted } }
    if (code === 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE')
      return /does not take an argument/.test(message)
        ? { kind: 'error', key: 'argNoValue', params: { option: quoted } }
        : { kind: 'error', key: 'argMissingValue', params: { option: quoted } }
  }
  return { kind: 'error', key: 'argOther', params: { message } }
}

/**
 * Reads the launcher's arguments; never throws.
 *
 * @param {readonly string[]} argv the arguments after the script name
 * @param {Record<string, string | undefined>} env SOCKETLAB_NO_SANDBOX=1 is the environment's
 *   opt-in; INIT_CWD (set by npm to where the user typed the command) anchors a relative --data-dir
 * @param {string} cwd used when INIT_CWD is not set
 * @returns {ParsedArgs}
 */
function parseLauncherArgs(argv, env, cwd) {
  /** @type {{ browser?: boolean, 'no-sandbox'?: boolean, 'data-dir'?: string, 'ui-port'?: string, 'no-open'?: boolean, help?: boolean }} */
  let values
  try {
    values = parseArgs({
      args: [...argv],
      options: OPTIONS,
      strict: true,
      allowPositionals: false,
    }).values
  } catch (error) {
    return parseError(error)
  }
  if (values.help) return { kind: 'help' }

  let uiPort = null
  const port = values['ui-port']
  if (port !== undefined) {
    if (!/^\d{1,5}$/.test(port) || Number(port) > 65535)
      return { kind: 'error', key: 'argBadPort', params: { value: JSON.stringify(port) } }
    uiPort = Number(port)
  }

  let dataDir = null
  if (values['data-dir'] !== undefined) {
    if (values['data-dir'].trim() === '') return { kind: 'error', key: 'argEmptyDir', params: {} }
    // npm runs scripts in the project folder; the user meant a folder relative to their own.
    dataDir = path.resolve(env.INIT_CWD || cwd, values['data-dir'])
  }

  /** @type {LaunchOptions['noSandbox']} */
  let noSandbox = null
  if (values['no-sandbox']) noSandbox = '--no-sandbox'
  else if (env.SOCKETLAB_NO_SANDBOX === '1') noSandbox = 'SOCKETLAB_NO_SANDBOX=1'

  return {
    kind: 'run',
    options: {
      browser: values.browser === true,
      noSandbox,
      dataDir,
      uiPort,
      noOpen: values['no-open'] === true,
    },
  }
}

/**
 * Browser mode's arguments (web.cjs) for these options; `noDisplay` adds --no-open, since there
 * is no browser to open without a display.
 *
 * @param {LaunchOptions} options
 * @param {{ noDisplay?: boolean }} [extra]
 * @returns {string[]}
 */
function browserArgs(options, extra = {}) {
  const args = []
  if (options.uiPort !== null) args.push('--ui-port', String(options.uiPort))
  if (options.noOpen || extra.noDisplay) args.push('--no-open')
  if (options.dataDir !== null) args.push('--data-dir', options.dataDir)
  return args
}

module.exports = { parseLauncherArgs, browserArgs }
