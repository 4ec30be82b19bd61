#!/usr/bin/env node
// `npm test`: typecheck, lint, the workflow files, unit and component tests, build, end-to-end;
// then one line `N passed, N failed, N skipped` summing every suite, so a run that executed
// nothing shows.
import { spawnSync } from 'node:child_process'
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync } from 'node:fs'
import { join } from 'node:path'

const root = join(import.meta.dirname, '..')
const reports = join(root, '.test-reports')
rmSync(reports, { recursive: true, force: true })
mkdirSync(reports, { recursive: true })

const totals = { passed: 0, failed: 0, skipped: 0 }
/** @type {string[]} */
const problems = []

/**
 * @typedef {object} Manifest the part of a package's package.json that names its programs
 * @property {string | Record<string, string>} [bin]
 */

/**
 * @typedef {object} VitestReport the counts from Vitest's JSON reporter
 * @property {number} [numPassedTests]
 * @property {number} [numFailedTests]
 * @property {number} [numFailedTestSuites]
 * @property {number} [numPendingTests]
 * @property {number} [numTodoTests]
 */

/**
 * @typedef {object} PlaywrightReport the counts from Playwright's JSON reporter
 * @property {{ expected?: number, unexpected?: number, skipped?: number, flaky?: number }} [stats]
 * @property {unknown[]} [errors] errors outside any test (a failing global setup, a bad config)
 */

/**
 * A tool's JavaScript entry point, or which package is missing.
 *
 * @typedef {string | { missing: string }} ToolEntry
 */

/**
 * A JSON file's contents, or null when it is missing or not JSON.
 *
 * @param {string} file
 * @returns {unknown}
 */
function readJson(file) {
  try {
    return JSON.parse(readFileSync(file, 'utf8'))
  } catch {
    return null
  }
}

/**
 * A tool's JavaScript entry point, from its package.json "bin" ({ missing } when not installed).
 *
 * Tools run as `node <entry>` on every OS, with no shell: on Windows node_modules/.bin holds
 * .cmd wrappers that only a shell can start, and a shell would split a checkout path with spaces.
 *
 * @param {string} packageName
 * @param {string} binName
 * @returns {ToolEntry}
 */
function tool(packageName, binName) {
  const dir = join(root, 'node_modules', ...packageName.split('/'))
  const manifest = /** @type {Manifest | null} */ (readJson(join(dir, 'package.json')))
  const entry = typeof manifest?.bin === 'string' ? manifest.bin : manifest?.bin?.[binName]
  return entry ? join(dir, entry) : { missing: `${packageName} (${binName})` }
}

const tsc = tool('typescript', 'tsc')
const eslint = tool('eslint', 'eslint')
const vitestCli = tool('vitest', 'vitest')
const electronVite = tool('electron-vite', 'electron-vite')
const playwright = tool('@playwright/test', 'playwright')
const actionValidator = tool('@action-validator/cli', 'action-validator')

/**
 * Runs a tool's entry with this Node; true when it exits with 0.
 *
 * @param {string} title
 * @param {ToolEntry} entry
 * @param {string[]} args
 * @param {Record<string, string>} [env] added to this process's environment
 * @returns {boolean}
 */
function run(title, entry, args, env = {}) {
  if (typeof entry !== 'string') {
    problems.push(`${title} not run: ${entry.missing} is not installed; run npm install`)
    return false
  }
  console.log(`\n=== ${title}: ${[entry, ...args].join(' ')}`)
  const result = spawnSync(process.execPath, [entry, ...args], {
    cwd: root,
    stdio: 'inherit',
    env: { ...process.env, ...env },
  })
  const ok = result.status === 0
  if (!ok)
    problems.push(`${title} exited with ${result.error?.message ?? result.status ?? result.signal}`)
  return ok
}

/**
 * A step that is not a test suite still counts: one check passed or failed.
 *
 * @param {string} title
 * @param {ToolEntry} entry
 * @param {string[]} args
 */
function check(title, entry, args) {
  if (run(title, entry, args)) totals.passed += 1
  else totals.failed += 1
}

/**
 * The GitHub Actions workflows, each validated against GitHub's schema (a misspelled key or a
 * wrong type fails), counted together as one check.
 */
function checkWorkflows() {
  const dir = join(root, '.github', 'workflows')
  const files = existsSync(dir)
    ? readdirSync(dir)
        .filter((name) => /\.ya?ml$/.test(name))
        .sort()
    : []
  if (files.length === 0) {
    totals.failed += 1
    problems.push('no workflow files in .github/workflows')
    return
  }
  const failed = files.filter(
    (name) => !run(`workflow ${name}`, actionValidator, [join('.github', 'workflows', name)]),
  )
  if (failed.length === 0) {
    totals.passed += 1
    console.log(`workflows: ${files.length} valid`)
  } else {
    totals.failed += 1
  }
}

check('typecheck (node)', tsc, ['-p', 'tsconfig.node.json', '--noEmit'])
check('typecheck (web)', tsc, ['-p', 'tsconfig.web.json', '--noEmit'])
check('typecheck (scripts)', tsc, ['-p', 'tsconfig.scripts.json', '--noEmit'])
check('lint', eslint, ['--max-warnings', '0', '.'])
check('imports (cycles, layers, feature folders)', join(root, 'scripts', 'check-imports.cjs'), [])
checkWorkflows()

const vitestReport = join(reports, 'vitest.json')
run('unit and component tests', vitestCli, [
  'run',
  '--reporter=default',
  '--reporter=json',
  `--outputFile.json=${vitestReport}`,
])
const vitest = /** @type {VitestReport | null} */ (readJson(vitestReport))
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

const built = run('build', electronVite, ['build'])
if (built) totals.passed += 1
else totals.failed += 1

if (built) {
  const pwReport = join(reports, 'playwright.json')
  run('end-to-end', playwright, ['test'], { PLAYWRIGHT_JSON_OUTPUT_NAME: pwReport })
  const pw = existsSync(pwReport)
    ? /** @type {PlaywrightReport | null} */ (readJson(pwReport))
    : null
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
