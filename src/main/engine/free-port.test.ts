import { createServer, type Server } from 'node:net'
import { afterEach, describe, expect, it } from 'vitest'
import { canListen, findFreePort } from './free-port'

const servers: Server[] = []

async function hold(port = 0): Promise<number> {
  const server = createServer()
  servers.push(server)
  await new Promise<void>((resolve) => server.listen({ host: '127.0.0.1', port }, resolve))
  return (server.address() as { port: number }).port
}

afterEach(async () => {
  await Promise.all(servers.splice(0).map((s) => new Promise((r) => s.close(r))))
})

describe('finding a free port', () => {
  it('skips a port another process listens on, and ports Socket Lab listeners are set to', async () => {
    const held = await hold()
    expect(await canListen('127.0.0.1', held)).toBe(false)
    const found = await findFreePort('127.0.0.1', held, new Set([held + 1]))
    expect(found).not.toBeNull()
    expect(found).toBeGreaterThan(held + 1)
    // What it found really is free: a listener can take it.
    expect(await canListen('127.0.0.1', found!)).toBe(true)
  })

  it('says so when every port tried is taken', async () => {
    expect(await findFreePort('127.0.0.1', 7878, new Set(), async () => false)).toBeNull()
    expect(await findFreePort('127.0.0.1', 65535, new Set([65535]))).toBeNull()
  })

  it('never throws for a host it cannot listen on', async () => {
    expect(await canListen('192.0.2.1', 8080)).toBe(false)
    expect(await canListen('no-such-host.invalid', 8080)).toBe(false)
  })
})
