#!/usr/bin/env node
// `npm run web`: browser mode. Builds first when the build is missing or older than the sources,
// then runs the same engine under plain Node and serves the renderer to a browser.
'use strict'
// Checked before anything else is loaded, as in start.cjs: an old Node.js gets one sentence.
const { checkNodeVersion } = require('./launcher/node-version.cjs')
const { currentLanguage, translator } = require('./launcher/messages.cjs')
const { renderBlocks } = require('./launcher/text-layout.cjs')

const t = translator(currentLanguage())
if (require.main === module) {
  const version = checkNodeVersion(process.version)
  if (!version.ok) {
    process.stderr.write(`${renderBlocks([{ text: t('nodeTooOld', { found: version.found }) }])}\n`)
    process.exit(1)
  }
}

const { spawnSync } = require('node:child_process')
const fs = require('node:fs')
const path = require('node:path')
const { exitCodeOf, howItEnded } = require('./launcher/explain.cjs')
const { runInherited } = require('./launcher/processes.cjs')

const root = path.join(__dirname, '..')
const entry = path.join(root, 'out', 'main', 'web.js')
const inputs = ['src', 'package.json', 'electron.vite.config.ts']

/**
 * The newest modification time under `target`, 0 when it does not exist.
 *
 * @param {string} target
 * @returns {number}
 */
function newestMtime(target) {
  let stat
  try {
    stat = fs.statSync(target)
  } catch {
    return 0
  }
  if (!stat.isDirectory()) return stat.mtimeMs
  let newest = stat.mtimeMs
  for (const name of fs.readdirSync(target))
    newest = Math.max(newest, newestMtime(path.join(target, name)))
  return newest
}

function isBuildFresh() {
  const builtAt = newestMtime(path.join(root, 'out'))
  if (!fs.existsSync(entry) || !fs.existsSync(path.join(root, 'out', 'renderer', 'index.html')))
    return false
  return inputs.every((input) => newestMtime(path.join(root, input)) <= builtAt)
}

/**
 * electron-vite's JavaScript entry, run with this Node.js: no shell and no .cmd shim, so a project
 * path with spaces works on Windows too.
 *
 * @returns {string}
 */
function electronViteEntry() {
  const manifest = require.resolve('electron-vite/package.json', { paths: [root] })
  const bin = require(manifest).bin
  return path.join(path.dirname(manifest), typeof bin === 'string' ? bin : bin['electron-vite'])
}

/**
 * Builds with electron-vite unless out/ is newer than every source; throws when the build fails.
 * Its output goes to stderr, keeping stdout for the one line that matters (the address).
 */
function ensureBuilt() {
  if (isBuildFresh()) return
  process.stderr.write(`${t('building')}\n`)
  const build = spawnSync(process.execPath, [electronViteEntry(), 'build'], {
    cwd: root,
    stdio: ['ignore', 2, 2],
    windowsHide: true,
  })
  if (build.error) throw build.error
  if (build.status !== 0)
    throw new Error(`electron-vite build: ${howItEnded(build.status, build.signal, t)}`)
}

module.exports = { ensureBuilt }

async function main() {
  try {
    ensureBuilt()
  } catch (error) {
    const detail = error instanceof Error ? error.message : String(error)
    process.stderr.write(`${t('buildFailed', { detail })}\n`)
    return 1
  }
  // web.js stops its listeners on SIGINT/SIGTERM; runInherited passes ours on (a terminal's Ctrl-C
  // reaches it anyway, a `kill` of this process would not) and we end after it does.
  const ending = await runInherited(process.execPath, [entry, ...process.argv.slice(2)], {
    cwd: root,
    windowsHide: true,
  })
  if (ending.error) {
    process.stderr.write(
      `${t('spawnFailed', { command: process.execPath, message: ending.error.message })}\n`,
    )
    return 1
  }
  return exitCodeOf(ending.code, ending.signal)
}

if (require.main === module) {
  main().then((code) => {
    process.exitCode = code
  })
}
