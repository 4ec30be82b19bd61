/**
 * What the forwarding tests share: the learner's server on a free loopback port, half-open
 * allowed, standing in for its `cargo run`, and the clean-up of the sockets and servers after each
 * test (the engine is the test file's own).
 */
import { createServer, type Server, type Socket } from 'node:net'
import { afterEach } from 'vitest'

export interface TargetServers {
  /** Destroyed after each test: the target's accepted sockets, and any a test adds (clients). */
  sockets: Set<Socket>
  /** A target server on a free loopback port; the first socket it accepts. */
  targetServer(): Promise<{ port: number; accepted: Promise<Socket> }>
}

/** Target servers for a test file, closed after each test with every socket they accepted. */
export function targetServers(): TargetServers {
  const servers: Server[] = []
  const sockets = new Set<Socket>()
  afterEach(async () => {
    for (const socket of sockets) socket.destroy()
    sockets.clear()
    await Promise.all(
      servers.splice(0).map((s) => new Promise<void>((resolve) => s.close(() => resolve()))),
    )
  })
  return {
    sockets,
    async targetServer() {
      let accept: (socket: Socket) => void = () => undefined
      const accepted = new Promise<Socket>((resolve) => (accept = resolve))
      const server = createServer({ allowHalfOpen: true }, (socket) => {
        sockets.add(socket)
        socket.on('error', () => undefined)
        accept(socket)
      })
      servers.push(server)
      await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
      const address = server.address()
      if (address === null || typeof address === 'string') throw new Error('no port')
      return { port: address.port, accepted }
    },
  }
}
