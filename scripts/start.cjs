#!/usr/bin/env node
// `npm start`: the desktop app where it can run, browser mode everywhere else. The work is done in
// scripts/launcher/ (see launch.cjs); this file only checks Node.js first and sets the exit code.
'use strict'
// Nothing else is loaded before this check: on an old Node.js, a dependency could fail with a
// SyntaxError or a missing API instead of the one sentence below.
const { checkNodeVersion } = require('./launcher/node-version.cjs')
const { currentLanguage, translator } = require('./launcher/messages.cjs')
const { renderBlocks } = require('./launcher/text-layout.cjs')

const t = translator(currentLanguage())
const version = checkNodeVersion(process.version)
if (!version.ok) {
  process.stderr.write(`${renderBlocks([{ text: t('nodeTooOld', { found: version.found }) }])}\n`)
  process.exit(1)
}

require('./launcher/launch.cjs')
  .launch({ argv: process.argv.slice(2) })
  .then(
    (code) => {
      // exitCode rather than exit(): pending output to a pipe is written out first.
      process.exitCode = code
    },
    (error) => {
      process.stderr.write(
        `${t('unexpected', { message: error instanceof Error ? error.message : String(error) })}\n`,
      )
      process.exitCode = 1
    },
  )
