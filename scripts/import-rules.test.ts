import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import fc from 'fast-check'
import { afterEach, describe, expect, it } from 'vitest'

interface ImportRules {
  importGraph(root: string): Map<string, string[]>
  findCycles(graph: Map<string, string[]>): string[][]
  ruleViolations(graph: Map<string, string[]>): string[]
}

const require = createRequire(import.meta.url)
const rules = require('./import-rules.cjs') as ImportRules

const roots: string[] = []
afterEach(() => {
  for (const root of roots.splice(0)) rmSync(root, { recursive: true, force: true })
})

/** A src/ tree of the given files (path → text). */
function tree(files: Record<string, string>): string {
  const root = mkdtempSync(join(tmpdir(), 'import-rules-'))
  roots.push(root)
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(dirname(join(root, path)), { recursive: true })
    writeFileSync(join(root, path), text)
  }
  return root
}

describe('the import graph', () => {
  it('sees every form of import: type-only, re-exports, import() types, Vite queries, index files', () => {
    const root = tree({
      'shared/a.ts': [
        "import type { B } from './b'",
        "export * from './c'",
        "export type D = import('./d').D",
        "import Worker from './e?worker'",
        "import { f } from './f'",
        "import 'react'",
        "import './styles.css'",
      ].join('\n'),
      'shared/b.ts': 'export type B = 1',
      'shared/c.ts': '',
      'shared/d.ts': 'export type D = 2',
      'shared/e.ts': '',
      'shared/f/index.ts': 'export const f = 1',
    })
    expect(rules.importGraph(root).get('shared/a.ts')?.sort()).toEqual([
      'shared/b.ts',
      'shared/c.ts',
      'shared/d.ts',
      'shared/e.ts',
      'shared/f/index.ts',
    ])
  })
})

describe('cycles', () => {
  it('finds a type-only cycle and a longer loop, and nothing in a tree without one', () => {
    const graph = rules.importGraph(
      tree({
        'shared/contract.ts': "import type { Plan } from './client-types'\nexport type R = 1",
        'shared/client-types.ts': "import type { R } from './contract'\nexport type Plan = R",
        'renderer/a.ts': "import './b'",
        'renderer/b.ts': "import './c'",
        'renderer/c.ts': "import './a'",
        'renderer/d.ts': "import './a'",
      }),
    )
    expect(rules.findCycles(graph)).toEqual([
      ['renderer/a.ts', 'renderer/b.ts', 'renderer/c.ts'],
      ['shared/client-types.ts', 'shared/contract.ts'],
    ])
  })

  it('reports a cycle exactly when a random graph has one', () => {
    const edges = fc.array(fc.tuple(fc.nat(7), fc.nat(7)), { maxLength: 20 })
    fc.assert(
      fc.property(edges, (pairs) => {
        const graph = new Map<string, string[]>()
        for (let i = 0; i < 8; i++) graph.set(`m${i}`, [])
        for (const [a, b] of pairs) graph.get(`m${a}`)?.push(`m${b}`)
        // A graph has a cycle exactly when no topological order exists (Kahn's algorithm).
        const indegree = new Map([...graph.keys()].map((k) => [k, 0]))
        for (const targets of graph.values())
          for (const t of targets) indegree.set(t, (indegree.get(t) ?? 0) + 1)
        const ready = [...indegree].filter(([, d]) => d === 0).map(([k]) => k)
        let sorted = 0
        while (ready.length > 0) {
          const node = ready.pop()!
          sorted++
          for (const t of graph.get(node) ?? []) {
            indegree.set(t, (indegree.get(t) ?? 0) - 1)
            if (indegree.get(t) === 0) ready.push(t)
          }
        }
        const cycles = rules.findCycles(graph)
        expect(cycles.length > 0).toBe(sorted < graph.size)
        // Each reported loop is a real one: every step is an edge, and it closes.
        for (const loop of cycles)
          loop.forEach((node, i) => expect(graph.get(node)).toContain(loop[(i + 1) % loop.length]))
      }),
    )
  })
})

describe('layers and feature folders', () => {
  it('keeps each layer to what it may import, and feature folders to their index', () => {
    const graph = rules.importGraph(
      tree({
        'shared/a.ts': "import '../renderer/src/x'",
        'main/engine/e.ts': "import '../settings-store'\nimport '../../shared/a'",
        'main/settings-store.ts': '',
        'main/index.ts': "import './engine/e'",
        'preload/index.ts': "import '../main/index'",
        'renderer/src/x.ts': "import '../../main/index'",
        'renderer/src/components/listener/index.ts': "export * from './Card'",
        'renderer/src/components/listener/Card.tsx': "import '../ui'\nimport './Form'",
        'renderer/src/components/listener/Form.tsx': '',
        'renderer/src/components/ui/index.ts': '',
        'renderer/src/components/App.tsx':
          "import './listener'\nimport './listener/Form'\nimport './ui/index'",
      }),
    )
    expect(rules.ruleViolations(graph)).toEqual([
      'main/engine/e.ts → main/settings-store.ts: engine may import only engine, shared',
      'preload/index.ts → main/index.ts: preload may import only preload, shared',
      'renderer/src/components/App.tsx → renderer/src/components/listener/Form.tsx: enter renderer/src/components/listener/ through its index.ts',
      'renderer/src/x.ts → main/index.ts: renderer may import only renderer, shared',
      'shared/a.ts → renderer/src/x.ts: shared may import only shared',
    ])
  })
})
