import type { LookupAddress } from 'node:dns'
import { createServer, type Server } from 'node:net'
import { afterEach, describe, expect, it } from 'vitest'
import type { ClientEvent, ClientRunRequest } from '../../../shared/client-types'
import { waitFor } from '../engine-test-kit'
import { createClientRunner, type ClientRunner } from './runner'
import { isLoopbackAddress, osLookup, resolveTarget, type HostLookup } from './resolve-target'

const servers: Server[] = []
const runners: ClientRunner[] = []

afterEach(async () => {
  for (const runner of runners.splice(0)) await runner.shutdown()
  for (const server of servers.splice(0)) server.close()
})

/** A plain server on 127.0.0.1 that answers every connection with a 200 and closes. */
async function answering(): Promise<number> {
  const server = createServer((socket) => {
    socket.on('error', () => undefined)
    socket.end('HTTP/1.1 200 OK\r\nContent-Length: 0\r\n\r\n')
  })
  servers.push(server)
  await new Promise<void>((resolve) => server.listen({ host: '127.0.0.1', port: 0 }, resolve))
  const address = server.address()
  if (address === null || typeof address === 'string') throw new Error('no port')
  return address.port
}

function runner(lookup: HostLookup): { runner: ClientRunner; events: ClientEvent[] } {
  const events: ClientEvent[] = []
  const r = createClientRunner({ emit: (e) => events.push(e), lookup })
  runners.push(r)
  return { runner: r, events }
}

const v4 = (address: string): LookupAddress => ({ address, family: 4 })

function plan(target: string, count = 1): ClientRunRequest {
  return { target, plan: { kind: 'http', rows: [{ count, path: '/', startMs: 0 }] } }
}

async function finished(events: ClientEvent[]): Promise<ClientEvent[]> {
  await waitFor(() => events.some((e) => e.type === 'client-run-finished'), 'the run to finish')
  return events
}

/** Each request's last snapshot. */
function lastOf(
  events: ClientEvent[],
): Map<number, { statusCode: number | null; errorCode: string | null }> {
  const out = new Map<number, { statusCode: number | null; errorCode: string | null }>()
  for (const e of events)
    if (e.type === 'client-request-changed') out.set(e.request.index, e.request)
  return out
}

describe('the target is resolved once, checked, then pinned', () => {
  it('refuses a name typed as loopback that resolves elsewhere, before any socket', async () => {
    const { runner: r, events } = runner(() => Promise.resolve([v4('127.0.0.1'), v4('192.0.2.7')]))
    const result = await r.run(plan('localhost:7878'))
    expect(result).toMatchObject({
      ok: false,
      error: { code: 'INVALID_INPUT', field: 'confirmedRemote' },
    })
    if (!result.ok) expect(result.error.message).toContain('192.0.2.7')
    expect(events).toEqual([])
  })

  it('connects every request to the checked addresses, without looking up again', async () => {
    const port = await answering()
    let lookups = 0
    const { runner: r, events } = runner(() => {
      lookups += 1
      return Promise.resolve([v4('127.0.0.1')])
    })
    // `lab.invalid` resolves nowhere else: only the pinned answer can reach the server.
    const result = await r.run({ ...plan(`lab.invalid:${port}`, 3), confirmedRemote: true })
    expect(result.ok).toBe(true)
    const last = lastOf(await finished(events))
    expect([...last.values()].map((s) => s.statusCode)).toEqual([200, 200, 200])
    expect(lookups).toBe(1)
  })

  it('a host that does not resolve: the run starts and each request fails with the code', async () => {
    const { runner: r, events } = runner(() =>
      Promise.reject(Object.assign(new Error('nope'), { code: 'ENOTFOUND' })),
    )
    const result = await r.run({ ...plan('lab.invalid:80', 2), confirmedRemote: true })
    expect(result.ok).toBe(true)
    const last = lastOf(await finished(events))
    expect([...last.values()].map((s) => s.errorCode)).toEqual(['ENOTFOUND', 'ENOTFOUND'])
  })

  it('one plan at a time, also while the first one is still resolving', async () => {
    let release: (addresses: LookupAddress[]) => void = () => undefined
    const { runner: r } = runner(
      () => new Promise<LookupAddress[]>((resolve) => (release = resolve)),
    )
    const first = r.run(plan('localhost:1'))
    const second = await r.run(plan('localhost:1'))
    expect(second).toMatchObject({ ok: false, error: { code: 'BAD_STATE' } })
    release([v4('127.0.0.1')])
    expect((await first).ok).toBe(true)
  })

  it('shutdown while resolving: the run never starts', async () => {
    let release: (addresses: LookupAddress[]) => void = () => undefined
    const { runner: r, events } = runner(
      () => new Promise<LookupAddress[]>((resolve) => (release = resolve)),
    )
    const first = r.run(plan('localhost:1'))
    await r.shutdown()
    release([v4('127.0.0.1')])
    expect(await first).toMatchObject({ ok: false, error: { code: 'BAD_STATE' } })
    expect(events).toEqual([])
  })
})

describe('resolveTarget', () => {
  it('gives up on a lookup that does not answer: EAI_AGAIN', async () => {
    const never: HostLookup = () => new Promise(() => undefined)
    expect(await resolveTarget('slow.invalid', never, 20)).toEqual({
      ok: false,
      error: 'EAI_AGAIN',
    })
  })

  it('localhost really resolves to loopback addresses only', async () => {
    const resolved = await resolveTarget('localhost', osLookup)
    if (!resolved.ok) throw new Error(resolved.error)
    expect(resolved.value.every((a) => isLoopbackAddress(a.address))).toBe(true)
  })

  it.each([
    ['127.0.0.1', true],
    ['127.3.2.1', true],
    ['::1', true],
    ['0:0:0:0:0:0:0:1', true],
    ['::ffff:127.0.0.1', true],
    ['::ffff:10.0.0.1', false],
    ['10.0.0.1', false],
    ['192.0.2.1', false],
    ['0.0.0.0', false],
    ['::', false],
    ['localhost', false],
    ['fe80::1', false],
  ])('isLoopbackAddress(%s) is %s', (address, expected) => {
    expect(isLoopbackAddress(address)).toBe(expected)
  })
})
