import { connect, type Socket } from 'node:net'

/** A real TCP client on loopback, with promises for what a test waits on. */
export interface Client {
  socket: Socket
  localPort: number
  /** Resolves when the server ended or closed the connection. */
  closed: Promise<{ hadError: boolean }>
  /** Everything the server sent so far. */
  received(): Buffer
}

/** `allowHalfOpen`: keep writing after the server's FIN, as a client that half-closes can. */
export async function openClient(
  port: number,
  host = '127.0.0.1',
  { allowHalfOpen = false } = {},
): Promise<Client> {
  const socket = connect({ port, host, allowHalfOpen })
  const chunks: Buffer[] = []
  socket.on('data', (chunk) => chunks.push(chunk))
  socket.on('error', () => {
    // A reset is an outcome the tests assert on through `closed`, not a crash.
  })
  const closed = new Promise<{ hadError: boolean }>((resolve) =>
    socket.once('close', (hadError) => resolve({ hadError })),
  )
  await new Promise<void>((resolve, reject) => {
    socket.once('connect', resolve)
    socket.once('error', reject)
  })
  return { socket, localPort: socket.localPort!, closed, received: () => Buffer.concat(chunks) }
}

/** Writes and waits until the bytes have been handed to the OS. */
export function send(client: Client, bytes: Buffer | string): Promise<void> {
  return new Promise((resolve, reject) =>
    client.socket.write(bytes, (err) => (err ? reject(err) : resolve())),
  )
}
