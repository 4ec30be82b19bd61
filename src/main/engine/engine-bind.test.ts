import { spawn, type ChildProcess } from 'node:child_process'
import { readFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { afterEach, describe, expect, it } from 'vitest'
import type { AppError } from '../../shared/result'
import type { BindFailure } from '../../shared/bind-failure'
import { classifyBindError } from './bind-error'
import { recordingEngine, type TestEngine } from './engine-test-kit'

let t: TestEngine
const children: ChildProcess[] = []

afterEach(async () => {
  for (const child of children.splice(0)) child.kill('SIGKILL')
  await t.engine.shutdown()
})

function bindOf(error: AppError): BindFailure {
  expect(error.code).toBe('BIND_FAILED')
  if (error.bind === undefined) throw new Error('BIND_FAILED without bind details')
  return error.bind
}

/** Runs `code` in a child node; resolves with the first line it prints. */
function runChild(code: string, options: { uid?: number; gid?: number } = {}): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['-e', code], {
      ...options,
      cwd: tmpdir(),
      stdio: 'pipe',
    })
    children.push(child)
    let out = ''
    child.on('error', reject)
    child.stdout.on('data', (data: Buffer) => {
      out += data.toString()
      const newline = out.indexOf('\n')
      if (newline >= 0) resolve(out.slice(0, newline))
    })
    child.on('exit', (code) => reject(new Error(`child exited (${code}) before printing`)))
  })
}

function unprivilegedPortStart(): number | null {
  try {
    return Number(readFileSync('/proc/sys/net/ipv4/ip_unprivileged_port_start', 'utf8').trim())
  } catch {
    return null
  }
}

/** Node's errno on this OS (PLATFORM-FACTS); the tests classify as Linux wherever they run. */
const ERRNO: Record<string, { EADDRINUSE: number; EADDRNOTAVAIL: number }> = {
  linux: { EADDRINUSE: -98, EADDRNOTAVAIL: -99 },
  darwin: { EADDRINUSE: -48, EADDRNOTAVAIL: -49 },
  win32: { EADDRINUSE: -4091, EADDRNOTAVAIL: -4090 },
}
const errno = ERRNO[process.platform] ?? {
  EADDRINUSE: expect.any(Number),
  EADDRNOTAVAIL: expect.any(Number),
}

const isLinux = process.platform === 'linux'
const isRoot = process.getuid?.() === 0
const threshold = unprivilegedPortStart()
/** Why this machine cannot show EACCES for port 80, or null when it can. */
const eaccesSkip = !isLinux
  ? 'not Linux'
  : !isRoot
    ? 'not root, so no child can run as uid 65534'
    : threshold === null || threshold <= 80
      ? `ip_unprivileged_port_start is ${threshold}, port 80 is not privileged here`
      : null

describe('bind failures', () => {
  it('EADDRINUSE from a second listener of ours, then a fix clears lastError', async () => {
    t = recordingEngine({ platform: 'linux' })
    const first = await t.value('listener:add', { port: 0 })
    const started = await t.value('listener:start', { listenerId: first.id })
    const port = started.bound?.port ?? -1
    const second = await t.value('listener:add', { port })
    const bind = bindOf(await t.error('listener:start', { listenerId: second.id }))
    expect(bind).toMatchObject({
      code: 'EADDRINUSE',
      rawCode: 'EADDRINUSE',
      errno: errno.EADDRINUSE,
      syscall: 'listen',
      host: '127.0.0.1',
      port,
      address: `127.0.0.1:${port}`,
      message: `listen EADDRINUSE: address already in use 127.0.0.1:${port}`,
      platform: 'linux',
      commands: [`ss -ltnp 'sport = :${port}'`, `lsof -nP -iTCP:${port} -sTCP:LISTEN`],
      fixes: [{ kind: 'use-port-0' }],
    })
    expect(bind.facts).toMatchObject({
      isLoopback: true,
      isWildcard: false,
      hostHasBrackets: false,
    })
    const address = `127.0.0.1:${port}`
    expect(bind.rust).toEqual({
      bindCall: `TcpListener::bind("${address}")`,
      panic: [
        `thread 'main' panicked at src/main.rs:4:${42 + address.length}:`,
        'called `Result::unwrap()` on an `Err` value: Os { code: 98, kind: AddrInUse, message: "Address already in use" }',
      ],
      exitCode: 101,
    })
    const changed = await t.event(
      'listener-changed',
      (e) => e.listener.id === second.id && e.listener.lastError !== null,
    )
    expect(changed.listener.state).toBe('stopped')
    let snapshot = await t.value('engine:snapshot', {})
    expect(snapshot.listeners[1]).toMatchObject({ state: 'stopped', bound: null })
    expect(snapshot.listeners[1]?.lastError?.code).toBe('EADDRINUSE')

    await t.value('listener:update', { listenerId: second.id, port: 0 })
    const fixed = await t.value('listener:start', { listenerId: second.id })
    expect(fixed).toMatchObject({ state: 'listening', lastError: null })
    snapshot = await t.value('engine:snapshot', {})
    expect(snapshot.listeners[1]?.lastError).toBeNull()
  })

  it('EADDRINUSE when another process holds the port', async () => {
    t = recordingEngine()
    const line = await runChild(
      "const s = require('net').createServer(); s.listen({ host: '127.0.0.1', port: 0 }, () => console.log(s.address().port))",
    )
    const port = Number(line)
    expect(port).toBeGreaterThan(0)
    const added = await t.value('listener:add', { port })
    const bind = bindOf(await t.error('listener:start', { listenerId: added.id }))
    expect(bind.code).toBe('EADDRINUSE')
    expect(bind.port).toBe(port)
  })

  it('EACCES for port 80 from an unprivileged child', async (ctx) => {
    ctx.skip(eaccesSkip !== null, eaccesSkip ?? undefined)
    t = recordingEngine()
    const line = await runChild(
      `const s = require('net').createServer()
         s.on('error', (e) => console.log(JSON.stringify({ code: e.code, errno: e.errno, syscall: e.syscall, message: e.message, address: e.address, port: e.port })))
         s.listen({ host: '127.0.0.1', port: 80 }, () => console.log(JSON.stringify({ listening: true })))`,
      { uid: 65534, gid: 65534 },
    )
    const err = JSON.parse(line) as Record<string, unknown>
    expect(err).toMatchObject({ code: 'EACCES', errno: -13, syscall: 'listen' })
    const bind = classifyBindError(err, {
      host: '127.0.0.1',
      port: 80,
      platform: 'linux',
      isRoot: false,
    })
    expect(bind).toMatchObject({
      code: 'EACCES',
      errno: -13,
      message: 'listen EACCES: permission denied 127.0.0.1:80',
      address: '127.0.0.1:80',
      commands: [],
      fixes: [{ kind: 'use-port', port: 8080 }, { kind: 'use-port-0' }],
    })
    expect(bind.facts).toEqual({
      unprivilegedPortStart: threshold,
      isWildcard: false,
      isLoopback: true,
      hostHasBrackets: false,
      isRoot: false,
    })
    expect(bind.facts.unprivilegedPortStart).toBeGreaterThan(80)
    expect(bind.rust?.bindCall).toBe('TcpListener::bind("127.0.0.1:80")')
    expect(bind.rust?.panic).toEqual([
      "thread 'main' panicked at src/main.rs:4:54:",
      'called `Result::unwrap()` on an `Err` value: Os { code: 13, kind: PermissionDenied, message: "Permission denied" }',
    ])
  })

  it('EADDRNOTAVAIL for an address this machine does not have (192.0.2.1)', async () => {
    t = recordingEngine({ platform: 'linux' })
    const added = await t.value('listener:add', { host: '192.0.2.1', port: 7879 })
    const bind = bindOf(await t.error('listener:start', { listenerId: added.id }))
    expect(bind).toMatchObject({
      code: 'EADDRNOTAVAIL',
      errno: errno.EADDRNOTAVAIL,
      address: '192.0.2.1:7879',
      fixes: [{ kind: 'use-host', host: '127.0.0.1' }],
      commands: [],
    })
    expect(bind.rust?.panic[1]).toBe(
      'called `Result::unwrap()` on an `Err` value: Os { code: 99, kind: AddrNotAvailable, message: "Cannot assign requested address" }',
    )
  })

  it('ENOTFOUND for a host that does not resolve (EAI_AGAIN without DNS: OTHER)', async () => {
    t = recordingEngine({ platform: 'linux' })
    const added = await t.value('listener:add', { host: 'no-such-host.invalid', port: 7878 })
    const bind = bindOf(await t.error('listener:start', { listenerId: added.id }))
    expect(bind.host).toBe('no-such-host.invalid')
    expect(bind.port).toBe(7878)
    if (bind.rawCode === 'EAI_AGAIN') {
      expect(bind).toMatchObject({ code: 'OTHER', fixes: [], rust: null })
      return
    }
    expect(bind).toMatchObject({
      code: 'ENOTFOUND',
      rawCode: 'ENOTFOUND',
      syscall: 'getaddrinfo',
      message: 'getaddrinfo ENOTFOUND no-such-host.invalid',
      fixes: [{ kind: 'use-host', host: '127.0.0.1' }],
    })
    expect(bind.rust).toEqual({
      bindCall: 'TcpListener::bind("no-such-host.invalid:7878")',
      panic: [
        "thread 'main' panicked at src/main.rs:4:67:",
        'called `Result::unwrap()` on an `Err` value: Custom { kind: Uncategorized, error: "failed to lookup address information: Name or service not known" }',
      ],
      exitCode: 101,
    })
    const snapshot = await t.value('engine:snapshot', {})
    expect(snapshot.listeners[0]).toMatchObject({
      state: 'stopped',
      lastError: { code: 'ENOTFOUND' },
    })
  })

  it('a bracketed [::1] is a host name: ENOTFOUND, fix without brackets first, no Rust output', async () => {
    t = recordingEngine({ platform: 'linux' })
    const added = await t.value('listener:add', { host: '[::1]', port: 7878 })
    const bind = bindOf(await t.error('listener:start', { listenerId: added.id }))
    expect(bind.host).toBe('[::1]')
    expect(bind.address).toBe('[::1]:7878')
    expect(bind.facts.hostHasBrackets).toBe(true)
    expect(bind.rust).toBeNull()
    if (bind.rawCode !== 'EAI_AGAIN') {
      expect(bind.code).toBe('ENOTFOUND')
      expect(bind.fixes).toEqual([
        { kind: 'use-host', host: '::1' },
        { kind: 'use-host', host: '127.0.0.1' },
      ])
    }
  })

  it('refuses every invalid port and host with INVALID_INPUT and starts nothing', async () => {
    t = recordingEngine()
    const ports: unknown[] = ['8080x', '1.5', '-1', '65536', '', ' ', 1.5, -1, 70000, Number.NaN]
    for (const port of ports) {
      const error = await t.error('listener:add', { port })
      expect(error, `port ${JSON.stringify(port)}`).toMatchObject({
        code: 'INVALID_INPUT',
        field: 'port',
      })
    }
    for (const host of ['', '   ', 'a'.repeat(256), 'has space', 'a/b']) {
      const error = await t.error('listener:add', { host })
      expect(error, `host ${host.slice(0, 10)}`).toMatchObject({
        code: 'INVALID_INPUT',
        field: 'host',
      })
    }
    const added = await t.value('listener:add', { port: '0' })
    expect(added.settings.port).toBe(0)
    for (const port of ['8080x', 70000]) {
      const error = await t.error('listener:update', { listenerId: added.id, port })
      expect(error.code).toBe('INVALID_INPUT')
    }
    const snapshot = await t.value('engine:snapshot', {})
    expect(snapshot.listeners).toHaveLength(1)
    expect(snapshot.listeners[0]).toMatchObject({ state: 'stopped', settings: { port: 0 } })
  })
})
