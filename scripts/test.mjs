#!/usr/bin/env node
// `npm test`: typecheck, lint, unit and component tests, build, end-to-end; then one line
// `N passed, N failed, N skipped` summing every suite, so a run that executed nothing shows.
import { spawnSync } from 'node:child_process'
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs'
import { join } from 'node:path'

const root = join(import.meta.dirname, '..')
const reports = join(root, '.test-reports')
rmSync(reports, { recursive: true, force: true })
mkdirSync(reports, { recursive: true })

const totals = { passed: 0, failed: 0, skipped: 0 }
const problems = []

function run(title, command, args, env = {}) {
  console.log(`\n=== ${title}: ${[command, ...args].join(' ')}`)
  const result = spawnSync(command, args, {
    cwd: root,
    stdio: 'inherit',
    env: { ...process.env, ...env },
    shell: process.platform === 'win32',
  })
  const ok = result.status === 0
  if (!ok) problems.push(`${title} exited with ${result.status ?? result.signal}`)
  return ok
}

/** A step that is not a test suite still counts: one check passed or failed. */
function check(title, command, args) {
  if (run(title, command, args)) totals.passed += 1
  else totals.failed += 1
}

function readJson(file) {
  try {
    return JSON.parse(readFileSync(file, 'utf8'))
  } catch {
    return null
  }
}

const bin = (name) => join(root, 'node_modules', '.bin', name)

check('typecheck (node)', bin('tsc'), ['-p', 'tsconfig.node.json', '--noEmit'])
check('typecheck (web)', bin('tsc'), ['-p', 'tsconfig.web.json', '--noEmit'])
check('lint', bin('eslint'), ['--max-warnings', '0', '.'])

const vitestReport = join(reports, 'vitest.json')
run('unit and component tests', bin('vitest'), [
  'run',
  '--reporter=default',
  '--reporter=json',
  `--outputFile.json=${vitestReport}`,
])
const vitest = readJson(vitestReport)
if (vitest) {
  totals.passed += vitest.numPassedTests ?? 0
  totals.failed += (vitest.numFailedTests ?? 0) + (vitest.numFailedTestSuites ?? 0)
  totals.skipped += (vitest.numPendingTests ?? 0) + (vitest.numTodoTests ?? 0)
  console.log(
    `vitest: ${vitest.numPassedTests} passed, ${vitest.numFailedTests} failed, ${vitest.numPendingTests} skipped`,
  )
} else {
  totals.failed += 1
  problems.push('vitest wrote no report')
}

const built = run('build', bin('electron-vite'), ['build'])
if (built) totals.passed += 1
else totals.failed += 1

if (built) {
  const pwReport = join(reports, 'playwright.json')
  run('end-to-end', bin('playwright'), ['test'], { PLAYWRIGHT_JSON_OUTPUT_NAME: pwReport })
  const pw = existsSync(pwReport) ? readJson(pwReport) : null
  if (pw?.stats) {
    const { expected = 0, unexpected = 0, skipped = 0, flaky = 0 } = pw.stats
    totals.passed += expected + flaky
    totals.failed += unexpected
    totals.skipped += skipped
    console.log(`playwright: ${expected + flaky} passed, ${unexpected} failed, ${skipped} skipped`)
    if (pw.errors?.length) {
      totals.failed += pw.errors.length
      problems.push(`playwright reported ${pw.errors.length} error(s) outside tests`)
    }
  } else {
    totals.failed += 1
    problems.push('playwright wrote no report')
  }
} else {
  problems.push('end-to-end tests not run: the build failed')
}

console.log('')
for (const p of problems) console.log(`problem: ${p}`)
console.log(`${totals.passed} passed, ${totals.failed} failed, ${totals.skipped} skipped`)
process.exit(totals.failed === 0 && problems.length === 0 ? 0 : 1)
