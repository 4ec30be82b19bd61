#!/usr/bin/env node
// @ts-check
/**
 * `npm run lint`'s import check: no cycles in src/, layers and feature folders as
 * docs/ARCHITECTURE.md says (see import-rules.cjs). Exits 1 with one line per problem.
 */
const { join } = require('node:path')
const { findCycles, importGraph, ruleViolations } = require('./import-rules.cjs')

const root = join(__dirname, '..', 'src')
const graph = importGraph(root)
const cycles = findCycles(graph)
const violations = ruleViolations(graph)
for (const cycle of cycles) console.error(`import cycle: ${[...cycle, cycle[0]].join(' → ')}`)
for (const line of violations) console.error(`import rule: ${line}`)
const problems = cycles.length + violations.length
if (problems > 0) {
  console.error(
    `${problems} import problem${problems === 1 ? '' : 's'} in src/ (docs/ARCHITECTURE.md says what may import what)`,
  )
  process.exit(1)
}
console.log(`imports: ${graph.size} modules in src/, no cycles, layers and feature folders kept`)
