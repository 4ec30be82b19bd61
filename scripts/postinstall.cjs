#!/usr/bin/env node
// After `npm install`: get the Electron binary for the desktop app where it can be downloaded;
// everywhere else say why in a line or two and succeed anyway, because browser mode needs no
// binary (see scripts/launcher/electron-download.cjs). Always exits 0.
'use strict'
const { spawnSync } = require('node:child_process')
const fs = require('node:fs')
const path = require('node:path')
const { electronBinaryPath } = require('./electron-binary.cjs')
const { currentLanguage, translator } = require('./launcher/messages.cjs')
const { renderBlocks } = require('./launcher/text-layout.cjs')

const electronDir = path.join(__dirname, '..', 'node_modules', 'electron')
const installer = path.join(electronDir, 'install.js')
const t = translator(currentLanguage())
const say = (/** @type {string} */ text) => console.log(renderBlocks([{ text }]))

try {
  // Checked before anything else: this runs on every `npm install`, and is usually all it does.
  if (fs.existsSync(installer) && !electronBinaryPath()) {
    const { downloadElectron } = require('./launcher/electron-download.cjs')
    downloadElectron({
      env: process.env,
      nodeVersion: process.version,
      electronVersion: require(path.join(electronDir, 'package.json')).version,
      hasInstaller: true,
      binaryPath: () => electronBinaryPath(),
      runInstaller: (timeoutMs) => {
        const result = spawnSync(process.execPath, [installer], {
          cwd: electronDir,
          stdio: 'pipe',
          timeout: timeoutMs,
          maxBuffer: 16 * 1024 * 1024,
          windowsHide: true,
        })
        const output = `${result.stderr ?? ''}\n${result.stdout ?? ''}`
        return { status: result.status, error: result.error, output }
      },
      t,
      say,
    })
  }
} catch (error) {
  // A bug here must not fail `npm install`: npm start still works in browser mode.
  say(t('piUnexpected', { message: error instanceof Error ? error.message : String(error) }))
}
process.exit(0)
