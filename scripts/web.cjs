#!/usr/bin/env node
// `npm run web`: browser mode. Builds first when the build is missing or older than the sources,
// then runs the same engine under plain Node and serves the renderer to a browser.
'use strict'
const { spawn, spawnSync } = require('node:child_process')
const fs = require('node:fs')
const path = require('node:path')

const root = path.join(__dirname, '..')
const entry = path.join(root, 'out', 'main', 'web.js')
const inputs = ['src', 'package.json', 'electron.vite.config.ts']

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

/** Builds with electron-vite unless out/ is newer than every source. */
function ensureBuilt() {
  if (isBuildFresh()) return
  const bin = path.join(
    root,
    'node_modules',
    '.bin',
    process.platform === 'win32' ? 'electron-vite.cmd' : 'electron-vite',
  )
  const build = spawnSync(bin, ['build'], {
    cwd: root,
    stdio: ['ignore', 2, 2],
    shell: process.platform === 'win32',
  })
  if (build.status !== 0)
    throw new Error(`electron-vite build failed (${build.status ?? build.signal})`)
}

module.exports = { ensureBuilt }

if (require.main === module) {
  try {
    ensureBuilt()
  } catch (error) {
    console.error(`Socket Lab: ${error.message}`)
    process.exit(1)
  }
  const child = spawn(process.execPath, [entry, ...process.argv.slice(2)], {
    cwd: root,
    stdio: 'inherit',
  })
  for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.kill(signal))
  child.on('exit', (code) => process.exit(code ?? 1))
}
