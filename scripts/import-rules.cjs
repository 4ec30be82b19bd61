// @ts-check
/**
 * The project's import rules (docs/ARCHITECTURE.md), checked over src/ by `npm run lint`:
 *
 * 1. No import cycles, type-only imports included (`import type`, `import('…').T`, re-exports).
 * 2. Layers: shared/ imports only shared/; the engine only engine/ and shared/; the renderer only
 *    renderer/ and shared/; the preload only preload/ and shared/; the rest of main/ never the
 *    renderer or the preload.
 * 3. A feature folder (a folder under the renderer's components/ with an index.ts) is entered
 *    from outside only through its index.ts.
 *
 * Imports are read with TypeScript's own pre-processor, so every form of import is seen; only
 * relative ones are followed (packages are outside the rules).
 */
const { readdirSync, readFileSync, statSync } = require('node:fs')
const { dirname, join, relative, resolve, sep } = require('node:path')
const ts = require('typescript')

const SOURCE = /\.(ts|tsx|cts|mts)$/
const EXTENSIONS = ['.ts', '.tsx', '.d.ts', '/index.ts', '/index.tsx']

/** @param {string} dir @returns {string[]} every source file under dir */
function sourceFiles(dir) {
  /** @type {string[]} */
  const files = []
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name)
    if (entry.isDirectory()) files.push(...sourceFiles(path))
    else if (SOURCE.test(entry.name)) files.push(path)
  }
  return files
}

/** @param {string} path */
function isFile(path) {
  try {
    return statSync(path).isFile()
  } catch {
    return false
  }
}

/**
 * The file a relative specifier names, or null (a package, CSS, an asset).
 * @param {string} from @param {string} specifier
 */
function resolveImport(from, specifier) {
  if (!specifier.startsWith('./') && !specifier.startsWith('../')) return null
  const base = resolve(dirname(from), specifier.replace(/\?.*$/, ''))
  if (SOURCE.test(base) && isFile(base)) return base
  for (const ext of EXTENSIONS) if (isFile(base + ext)) return base + ext
  return null
}

/**
 * Every source file under `root` with the project files it imports.
 * @param {string} root
 * @returns {Map<string, string[]>} paths relative to root, with `/` separators
 */
function importGraph(root) {
  const name = (/** @type {string} */ path) => relative(root, path).split(sep).join('/')
  /** @type {Map<string, string[]>} */
  const graph = new Map()
  for (const file of sourceFiles(root)) {
    const text = readFileSync(file, 'utf8')
    const targets = ts
      .preProcessFile(text, true, true)
      .importedFiles.map((f) => resolveImport(file, f.fileName))
      .filter((target) => target !== null)
      .map(name)
    graph.set(name(file), [...new Set(targets)])
  }
  return graph
}

/**
 * The cycles, one per strongly connected component of more than one module (or a module that
 * imports itself), each as the modules of one loop through it, sorted for a stable report.
 * @param {Map<string, string[]>} graph
 * @returns {string[][]}
 */
function findCycles(graph) {
  // Tarjan's algorithm, iterative so that a deep graph cannot overflow the stack.
  let next = 0
  /** @type {Map<string, number>} */
  const index = new Map()
  /** @type {Map<string, number>} */
  const low = new Map()
  /** @type {string[]} */
  const stack = []
  const onStack = new Set()
  /** @type {string[][]} */
  const components = []
  for (const start of [...graph.keys()].sort()) {
    if (index.has(start)) continue
    /** @type {Array<[string, number]>} */
    const work = [[start, 0]]
    while (work.length > 0) {
      const frame = /** @type {[string, number]} */ (work[work.length - 1])
      const [node, i] = frame
      if (i === 0) {
        index.set(node, next)
        low.set(node, next)
        next++
        stack.push(node)
        onStack.add(node)
      }
      const targets = graph.get(node) ?? []
      if (i < targets.length) {
        frame[1]++
        const target = /** @type {string} */ (targets[i])
        if (!graph.has(target)) continue
        if (!index.has(target)) work.push([target, 0])
        else if (onStack.has(target))
          low.set(
            node,
            Math.min(
              /** @type {number} */ (low.get(node)),
              /** @type {number} */ (index.get(target)),
            ),
          )
        continue
      }
      work.pop()
      const parent = work[work.length - 1]
      if (parent)
        low.set(
          parent[0],
          Math.min(
            /** @type {number} */ (low.get(parent[0])),
            /** @type {number} */ (low.get(node)),
          ),
        )
      if (low.get(node) === index.get(node)) {
        /** @type {string[]} */
        const component = []
        for (;;) {
          const member = /** @type {string} */ (stack.pop())
          onStack.delete(member)
          component.push(member)
          if (member === node) break
        }
        const selfLoop = component.length === 1 && (graph.get(node) ?? []).includes(node)
        if (component.length > 1 || selfLoop) components.push(component.sort())
      }
    }
  }
  return components.map((component) => loopThrough(graph, component)).sort()
}

/**
 * One loop through a component's first module, by breadth-first search inside the component.
 * @param {Map<string, string[]>} graph @param {string[]} component
 */
function loopThrough(graph, component) {
  const members = new Set(component)
  const start = /** @type {string} */ (component[0])
  /** @type {Map<string, string>} */
  const cameFrom = new Map()
  const queue = [start]
  while (queue.length > 0) {
    const node = /** @type {string} */ (queue.shift())
    for (const target of graph.get(node) ?? []) {
      if (!members.has(target)) continue
      if (target === start) {
        const loop = [node]
        while (loop[0] !== start)
          loop.unshift(/** @type {string} */ (cameFrom.get(/** @type {string} */ (loop[0]))))
        return loop
      }
      if (!cameFrom.has(target)) {
        cameFrom.set(target, node)
        queue.push(target)
      }
    }
  }
  return component
}

/** Which layer a module is in, by its path under src/. @param {string} path */
function layerOf(path) {
  if (path.startsWith('shared/')) return 'shared'
  if (path.startsWith('main/engine/')) return 'engine'
  if (path.startsWith('main/')) return 'main'
  if (path.startsWith('preload/')) return 'preload'
  if (path.startsWith('renderer/')) return 'renderer'
  return 'other'
}

/** What each layer may import. */
const ALLOWED = {
  shared: ['shared'],
  engine: ['engine', 'shared'],
  main: ['main', 'engine', 'shared'],
  preload: ['preload', 'shared'],
  renderer: ['renderer', 'shared'],
  other: ['shared', 'engine', 'main', 'preload', 'renderer', 'other'],
}

const FEATURES = 'renderer/src/components/'

/**
 * The feature folder a module is in (`renderer/src/components/listener/`), or null.
 * @param {string} path @param {Set<string>} featureDirs
 */
function featureOf(path, featureDirs) {
  if (!path.startsWith(FEATURES)) return null
  const rest = path.slice(FEATURES.length)
  const slash = rest.indexOf('/')
  if (slash < 0) return null
  const dir = FEATURES + rest.slice(0, slash + 1)
  return featureDirs.has(dir) ? dir : null
}

/**
 * Every import that breaks a layer or a feature folder's entry rule.
 * @param {Map<string, string[]>} graph
 * @returns {string[]} one line each: `from → to: why`
 */
function ruleViolations(graph) {
  const featureDirs = new Set(
    [...graph.keys()]
      .filter((path) => /^renderer\/src\/components\/[^/]+\/index\.tsx?$/.test(path))
      .map((path) => path.slice(0, path.lastIndexOf('/') + 1)),
  )
  /** @type {string[]} */
  const problems = []
  for (const [from, targets] of [...graph].sort(([a], [b]) => (a < b ? -1 : 1))) {
    const layer = /** @type {keyof typeof ALLOWED} */ (layerOf(from))
    for (const to of targets) {
      const toLayer = layerOf(to)
      if (!ALLOWED[layer].includes(toLayer)) {
        problems.push(`${from} → ${to}: ${layer} may import only ${ALLOWED[layer].join(', ')}`)
        continue
      }
      const feature = featureOf(to, featureDirs)
      if (feature === null || featureOf(from, featureDirs) === feature) continue
      if (to !== `${feature}index.ts` && to !== `${feature}index.tsx`)
        problems.push(`${from} → ${to}: enter ${feature} through its index.ts`)
    }
  }
  return problems
}

module.exports = { importGraph, findCycles, ruleViolations, resolveImport }
