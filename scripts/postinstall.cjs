#!/usr/bin/env node
// After `npm install`: try to get the Electron binary; where it cannot be downloaded (no access to
// GitHub), say so in one line and succeed anyway, because browser mode needs no binary.
'use strict'
const { spawnSync } = require('node:child_process')
const fs = require('node:fs')
const path = require('node:path')
const { electronBinaryPath } = require('./electron-binary.cjs')

const FAILED =
  'Socket Lab: the Electron binary could not be downloaded (no access to its download host); `npm start` will run browser mode instead.'
const SKIPPED =
  'Socket Lab: skipped the Electron download (SOCKETLAB_SKIP_ELECTRON_DOWNLOAD=1); `npm start` will run browser mode instead.'

function run() {
  const installer = path.join(__dirname, '..', 'node_modules', 'electron', 'install.js')
  if (!fs.existsSync(installer)) return
  if (electronBinaryPath()) return
  if (process.env.SOCKETLAB_SKIP_ELECTRON_DOWNLOAD === '1') {
    console.log(SKIPPED)
    return
  }
  const result = spawnSync(process.execPath, [installer], {
    cwd: path.dirname(installer),
    stdio: 'pipe',
    timeout: 180_000,
    maxBuffer: 16 * 1024 * 1024,
    windowsHide: true,
  })
  if (result.status === 0 && electronBinaryPath()) return
  console.log(FAILED)
}

try {
  run()
} catch {
  console.log(FAILED)
}
process.exit(0)
