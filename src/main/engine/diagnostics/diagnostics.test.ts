import { execFile, spawn, type ChildProcess } from 'node:child_process'
import { existsSync } from 'node:fs'
import { createServer, type Server } from 'node:net'
import { afterEach, describe, expect, it } from 'vitest'
import type { ToolRun } from '../../../shared/diagnostics-types'
import { recordingEngine, type TestEngine } from '../engine-test-kit'
import { runTool, type ToolRunner } from './run-tool'
import { createDiagnostics } from './diagnostics'
import { lsofSpec, ssSpec, whoHolds } from './who-holds'

const DIRS = ['/usr/bin', '/bin', '/usr/sbin', '/sbin']
const hasTool = (name: string): boolean => DIRS.some((d) => existsSync(`${d}/${name}`))
const hasSs = hasTool('ss')
const hasLsof = hasTool('lsof')
const isLinux = process.platform === 'linux'
const isRoot = process.getuid?.() === 0
const NEEDS_SS_OR_LSOF = 'needs Linux with ss or lsof'

/** A separate process listening on 127.0.0.1 port 0; resolves with it and its port. */
function holder(): Promise<{ child: ChildProcess; port: number }> {
  const code =
    "const s=require('net').createServer().listen({host:'127.0.0.1',port:0},()=>process.stdout.write(s.address().port+'\\n'))"
  const child = spawn(process.execPath, ['-e', code], { stdio: ['ignore', 'pipe', 'inherit'] })
  children.push(child)
  return new Promise((resolve, reject) => {
    let text = ''
    child.stdout?.on('data', (d: Buffer) => {
      text += d.toString()
      if (text.includes('\n')) resolve({ child, port: Number(text.trim()) })
    })
    child.once('exit', (c) => reject(new Error(`holder exited with ${c}`)))
  })
}

/** A port nobody listens on right now: bound, read, closed. */
async function freePort(): Promise<number> {
  const server = createServer()
  await new Promise<void>((r) => server.listen({ host: '127.0.0.1', port: 0 }, r))
  const address = server.address()
  await new Promise((r) => server.close(r))
  if (address === null || typeof address === 'string') throw new Error('no port')
  return address.port
}

function listen(host: string): Promise<Server> {
  const server = createServer((s) => s.destroy())
  servers.push(server)
  return new Promise((resolve, reject) => {
    server.once('error', reject)
    server.listen({ host, port: 0 }, () => resolve(server))
  })
}

function portOf(server: Server): number {
  const address = server.address()
  if (address === null || typeof address === 'string') throw new Error('no port')
  return address.port
}

const children: ChildProcess[] = []
const servers: Server[] = []
const engines: TestEngine[] = []
function engine(options: Parameters<typeof recordingEngine>[0] = {}): TestEngine {
  const e = recordingEngine(options)
  engines.push(e)
  return e
}

afterEach(async () => {
  for (const child of children.splice(0)) child.kill()
  for (const server of servers.splice(0)) server.close()
  for (const e of engines.splice(0)) await e.engine.shutdown()
})

/** Is ::1 usable here? (Checked with a real listen.) */
async function hasIpv6Loopback(): Promise<boolean> {
  const server = createServer()
  return new Promise((resolve) => {
    server.once('error', () => resolve(false))
    server.listen({ host: '::1', port: 0 }, () => server.close(() => resolve(true)))
  })
}
const ipv6 = await hasIpv6Loopback()
const NEEDS_IPV6 = 'this machine has no ::1'

describe('diagnostics:who-holds with real OS tools', () => {
  it("names a separate process's pid and 'node'", async (ctx) => {
    ctx.skip(!isLinux || (!hasSs && !hasLsof), NEEDS_SS_OR_LSOF)
    const { child, port } = await holder()
    const report = await engine().value('diagnostics:who-holds', { port })
    expect(report.outcome).toBe('found')
    expect(report.holders).toContainEqual({
      localAddress: `127.0.0.1:${port}`,
      pid: child.pid,
      processName: 'node',
      isSelf: false,
    })
    expect(report.runs.at(-1)?.command).toBe(
      hasSs ? `ss -ltnpH 'sport = :${port}'` : `lsof -nP -iTCP:${port} -sTCP:LISTEN`,
    )
    expect(report.runs.at(-1)?.output).toContain(String(child.pid))
  })

  it('lsof alone finds it too (the fallback)', async (ctx) => {
    ctx.skip(!isLinux || !hasLsof, 'needs Linux with lsof')
    const { child, port } = await holder()
    const lsofOnly: ToolRunner = (spec) =>
      spec.file === 'ss'
        ? Promise.resolve({ ...fakeRun(spec.display), status: 'missing' })
        : runTool(spec)
    const result = await createDiagnostics({ platform: 'linux', run: lsofOnly }).whoHolds({
      port,
    })
    if (!result.ok) throw new Error(result.error.message)
    const report = result.value
    expect(report.runs.map((r) => r.status)).toEqual(['missing', 'exited'])
    expect(report.holders.map((h) => h.pid)).toContain(child.pid)
  })

  it('a free port: nobody', async (ctx) => {
    ctx.skip(!isLinux || (!hasSs && !hasLsof), NEEDS_SS_OR_LSOF)
    const port = await freePort()
    const report = await engine().value('diagnostics:who-holds', { port })
    expect(report.outcome).toBe('nobody')
    expect(report.holders).toEqual([])
  })

  it("the engine's own listener is marked as this process", async (ctx) => {
    ctx.skip(!isLinux || (!hasSs && !hasLsof), NEEDS_SS_OR_LSOF)
    const e = engine()
    const listener = await e.value('listener:add', { host: '127.0.0.1', port: 0 })
    const started = await e.value('listener:start', { listenerId: listener.id })
    const port = started.bound?.port ?? 0
    const report = await e.value('diagnostics:who-holds', { port })
    expect(report.holders).toContainEqual(
      expect.objectContaining({ pid: process.pid, isSelf: true }),
    )
  })
})

function fakeRun(command: string): ToolRun {
  return { command, status: 'exited', exitCode: 0, output: '', isTruncated: false, error: null }
}

/** Runs the real tool as the unprivileged user `nobody`, as a non-root Socket Lab would. */
const asNobody: ToolRunner = (spec) =>
  new Promise((resolve) => {
    execFile(spec.file, [...spec.args], { uid: 65534, gid: 65534 }, (err, stdout) => {
      const code = (err as { code?: unknown } | null)?.code
      resolve({
        ...fakeRun(spec.display),
        exitCode: typeof code === 'number' ? code : 0,
        output: stdout,
      })
    })
  })

describe("another user's listener, seen without root (real ss/lsof run as nobody)", () => {
  it('ss lists the socket but not its process: found, pid null', async (ctx) => {
    ctx.skip(!isLinux || !isRoot || !hasSs, 'needs Linux, root (to run ss as nobody) and ss')
    const { port } = await holder()
    const report = await whoHolds(port, {
      platform: 'linux',
      run: asNobody,
      selfPid: process.pid,
      isRoot: false,
    })
    expect(report.outcome).toBe('found')
    expect(report.holders).toEqual([
      { localAddress: `127.0.0.1:${port}`, pid: null, processName: null, isSelf: false },
    ])
    expect(report.seesAllProcesses).toBe(true)
    expect(report.runs[0]?.command).toBe(ssSpec(port).display)
  })

  it('lsof lists nothing: nobody, and the report says lsof does not see every process', async (ctx) => {
    ctx.skip(!isLinux || !isRoot || !hasLsof, 'needs Linux, root (to run lsof as nobody) and lsof')
    const { port } = await holder()
    const lsofAsNobody: ToolRunner = (spec) =>
      spec.file === 'ss'
        ? Promise.resolve({ ...fakeRun(spec.display), status: 'missing' })
        : asNobody(spec)
    const report = await whoHolds(port, {
      platform: 'linux',
      run: lsofAsNobody,
      selfPid: process.pid,
      isRoot: false,
    })
    expect(report.outcome).toBe('nobody')
    expect(report.seesAllProcesses).toBe(false)
    expect(report.runs.at(-1)?.command).toBe(lsofSpec(port).display)
  })
})

describe('diagnostics:localhost with real listeners', () => {
  it('resolves localhost to loopback addresses', async () => {
    const report = await engine().value('diagnostics:localhost', { port: null })
    expect(report.lookupError).toBeNull()
    expect(report.resolved.length).toBeGreaterThan(0)
    for (const r of report.resolved) expect(['127.0.0.1', '::1']).toContain(r.address)
    expect(report.verdict).toBe('not-probed')
    expect(report.probes).toEqual([])
  })

  it('a listener on 127.0.0.1 only: 127.0.0.1 accepts, ::1 does not', async () => {
    const port = portOf(await listen('127.0.0.1'))
    const report = await engine().value('diagnostics:localhost', { port })
    const v4 = report.probes.find((p) => p.address === '127.0.0.1')
    const v6 = report.probes.find((p) => p.address === '::1')
    expect(v4?.outcome).toBe('accepted')
    // Refused where ::1 exists; an error (e.g. EADDRNOTAVAIL) where it does not.
    expect(v6?.outcome).toBe(ipv6 ? 'refused' : 'error')
    const resolvesV6 = report.resolved.some((r) => r.address === '::1')
    expect(report.verdict).toBe(resolvesV6 ? 'some' : 'all')
  })

  it('a listener on ::1 only: ::1 accepts, 127.0.0.1 is refused', async (ctx) => {
    ctx.skip(!ipv6, NEEDS_IPV6)
    const port = portOf(await listen('::1'))
    const report = await engine().value('diagnostics:localhost', { port })
    expect(report.probes.find((p) => p.address === '::1')?.outcome).toBe('accepted')
    expect(report.probes.find((p) => p.address === '127.0.0.1')?.outcome).toBe('refused')
  })

  it('listeners on both: every address accepts', async (ctx) => {
    ctx.skip(!ipv6, NEEDS_IPV6)
    // The same port on both: another process may hold it on ::1, then try another.
    let port = 0
    for (let attempt = 0; attempt < 5 && port === 0; attempt += 1) {
      const candidate = portOf(await listen('127.0.0.1'))
      const v6 = createServer((s) => s.destroy())
      servers.push(v6)
      const isBound = await new Promise<boolean>((resolve) => {
        v6.once('error', () => resolve(false))
        v6.listen({ host: '::1', port: candidate }, () => resolve(true))
      })
      if (isBound) port = candidate
    }
    expect(port).not.toBe(0)
    const report = await engine().value('diagnostics:localhost', { port })
    expect(report.probes.map((p) => p.outcome)).toEqual(report.probes.map(() => 'accepted'))
    expect(report.verdict).toBe('all')
  })

  it('a free port: nothing accepts', async () => {
    const port = await freePort()
    const report = await engine().value('diagnostics:localhost', { port })
    expect(report.probes.some((p) => p.outcome === 'accepted')).toBe(false)
    expect(report.verdict).toBe('none')
  })
})

describe('diagnostics:excluded-ports', () => {
  it('off Windows it runs nothing and says so', async (ctx) => {
    ctx.skip(
      process.platform === 'win32',
      'on Windows it runs netsh: this is about every other system',
    )
    const report = await engine().value('diagnostics:excluded-ports', { port: 80 })
    expect(report).toMatchObject({ outcome: 'not-windows', runs: [], ranges: [] })
  })
})

describe('bad requests are refused before anything runs', () => {
  it.each([
    ['diagnostics:who-holds', { port: 0 }],
    ['diagnostics:who-holds', { port: 70000 }],
    ['diagnostics:who-holds', { port: '7878' }],
    ['diagnostics:who-holds', { port: 7878, file: 'sh' }],
    ['diagnostics:excluded-ports', {}],
    ['diagnostics:localhost', { port: 'localhost' }],
  ] as const)('%s %j', async (channel, payload) => {
    const error = await engine().error(channel, payload)
    expect(error.code).toBe('INVALID_REQUEST')
  })
})
