/**
 * The open-file limit, for real: the engine runs in a child process started under
 * `prlimit --nofile=128:128` (this process's own limit cannot safely be lowered), bundled from
 * its TypeScript on the fly with Vite; this process holds the connections.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process'
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { connect, type Socket } from 'node:net'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { build } from 'vite'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { waitFor } from './engine-test-kit'

const LIMIT = 128
const hasPrlimit = process.platform === 'linux' && spawnSync('prlimit', ['--version']).status === 0

/** The child: an engine with one Silent listener; prints its events as JSON lines. */
const ENTRY = `
import { createEngine } from ${JSON.stringify(resolve(import.meta.dirname, 'engine.ts'))}
const engine = createEngine({ batchIntervalMs: 5 })
const print = (line) => process.stdout.write(JSON.stringify(line) + '\\n')
engine.subscribe((batch) => {
  for (const e of batch.events) {
    if (e.type === 'connection-accepted') print({ type: e.type, id: e.connection.id })
    else if (e.type === 'connection-closed') print({ type: e.type, id: e.connectionId })
    else if (e.type === 'accept-failed') print(e)
  }
})
const added = await engine.handle('listener:add', { port: 0, responder: 'silent' })
const started = await engine.handle('listener:start', { listenerId: added.value.id })
const snapshot = await engine.handle('engine:snapshot', {})
print({ type: 'ready', port: started.value.bound.port, descriptors: snapshot.value.descriptors })
process.stdin.on('data', async () => {
  const snap = await engine.handle('engine:snapshot', {})
  print({ type: 'snapshot', listener: snap.value.listeners[0], descriptors: snap.value.descriptors })
})
process.stdin.on('end', () => void engine.shutdown().then(() => process.exit(0)))
`

interface Line {
  type: string
  [key: string]: unknown
}

let dir = ''
let child: ChildProcess | null = null
const lines: Line[] = []
const clients: Socket[] = []

beforeAll(async () => {
  if (!hasPrlimit) return
  dir = mkdtempSync(join(tmpdir(), 'socket-lab-emfile-'))
  writeFileSync(join(dir, 'entry.ts'), ENTRY)
  await build({
    configFile: false,
    logLevel: 'silent',
    root: dir,
    ssr: { noExternal: true, target: 'node' },
    build: {
      ssr: join(dir, 'entry.ts'),
      outDir: dir,
      emptyOutDir: false,
      minify: false,
      rolldownOptions: { output: { format: 'esm', entryFileNames: 'engine.mjs' } },
    },
  })
  child = spawn(
    'prlimit',
    [`--nofile=${LIMIT}:${LIMIT}`, process.execPath, join(dir, 'engine.mjs')],
    {
      stdio: ['pipe', 'pipe', 'inherit'],
    },
  )
  let buffered = ''
  child.stdout?.on('data', (data: Buffer) => {
    buffered += data.toString()
    for (let end = buffered.indexOf('\n'); end >= 0; end = buffered.indexOf('\n')) {
      lines.push(JSON.parse(buffered.slice(0, end)) as Line)
      buffered = buffered.slice(end + 1)
    }
  })
}, 60_000)

afterAll(async () => {
  for (const socket of clients.splice(0)) socket.destroy()
  if (child !== null && child.exitCode === null) {
    const exited = new Promise((resolve) => child?.once('exit', resolve))
    child.stdin?.end()
    await exited
  }
  if (dir !== '') rmSync(dir, { recursive: true, force: true })
})

function count(type: string): number {
  return lines.filter((line) => line.type === type).length
}

/** A client that stays connected until the test ends it; errors are the server's doing. */
function hold(port: number): Socket {
  const socket = connect({ host: '127.0.0.1', port })
  socket.on('error', () => undefined)
  clients.push(socket)
  return socket
}

describe.skipIf(!hasPrlimit)('at the open-file limit (needs Linux and prlimit)', () => {
  it('refuses visibly, counts with the limit, and accepts again once descriptors free up', async () => {
    const ready = await waitFor(() => lines.find((l) => l.type === 'ready'), 'the child engine')
    const port = ready.port as number
    expect(ready.descriptors).toMatchObject({ soft: LIMIT, hard: LIMIT })

    const total = LIMIT + 22
    for (let i = 0; i < total; i++) hold(port)
    // Every connection is accounted for: accepted, or refused with a reason.
    await waitFor(
      () => count('connection-accepted') + count('accept-failed') === total,
      'every connection accepted or refused',
    )
    const accepted = count('connection-accepted')
    expect(accepted).toBeGreaterThan(0)
    expect(accepted).toBeLessThan(LIMIT)
    const failures = lines.filter((l) => l.type === 'accept-failed')
    expect(failures.at(-1)).toMatchObject({
      code: 'EMFILE',
      limit: LIMIT,
      failures: total - accepted,
    })
    child?.stdin?.write('snapshot\n')
    const snap = await waitFor(() => lines.find((l) => l.type === 'snapshot'), 'a snapshot')
    expect(snap.listener).toMatchObject({ counters: { refused: total - accepted } })

    // The refused clients see their connection closed; the others are still held.
    await waitFor(
      () => clients.filter((c) => c.closed).length === total - accepted,
      'the refused clients to see the close',
    )
    // Ten held connections are reset: the listener accepts again, by itself.
    for (const socket of clients.filter((c) => !c.closed).slice(0, 10)) socket.resetAndDestroy()
    await waitFor(() => count('connection-closed') >= 10, 'the ten closes')
    const before = count('connection-accepted')
    hold(port)
    await waitFor(() => count('connection-accepted') === before + 1, 'an accept after the closes')
  })
})
