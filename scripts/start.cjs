#!/usr/bin/env node
// `npm start`: the Electron app where its binary exists, browser mode everywhere else.
'use strict'
const { spawn } = require('node:child_process')
const path = require('node:path')
const { electronBinaryPath } = require('./electron-binary.cjs')

const root = path.join(__dirname, '..')
const args = process.argv.slice(2)

/** Runs a command with our stdio, forwards Ctrl-C/SIGTERM to it and exits with its code. */
function runForwarding(command, commandArgs, options = {}) {
  const child = spawn(command, commandArgs, { cwd: root, stdio: 'inherit', ...options })
  const forward = (signal) => {
    if (child.exitCode === null && child.signalCode === null) child.kill(signal)
  }
  for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => forward(signal))
  child.on('error', (error) => {
    console.error(`Socket Lab: could not run ${command}: ${error.message}`)
    process.exit(1)
  })
  child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)))
}

if (electronBinaryPath()) {
  const pkg = require('electron-vite/package.json')
  const bin = path.join(
    path.dirname(require.resolve('electron-vite/package.json')),
    pkg.bin['electron-vite'],
  )
  runForwarding(process.execPath, [bin, 'preview', ...args])
} else {
  console.log('Socket Lab: no Electron binary on this machine; starting browser mode instead.')
  // What `npm run web` runs, without npm in between: npm 11 exits on SIGTERM without passing it
  // on, which would leave the server running.
  runForwarding(process.execPath, [path.join(__dirname, 'web.cjs'), ...args])
}
