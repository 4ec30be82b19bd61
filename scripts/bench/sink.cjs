// @ts-check
/**
 * The learner's server in the forwarding figure, in its own process: `node sink.cjs BYTES`
 * listens on 127.0.0.1 (a port the OS picks), prints one JSON line { port }, reads ONE connection
 * until BYTES have arrived, then prints { ms, received } (first byte to last), sends FIN and exits.
 * It stops by itself after 60 s whatever happened.
 */
const { createServer } = require('node:net')

const total = Number(process.argv[2] ?? 0)
if (!total) {
  console.error('usage: sink.cjs BYTES')
  process.exit(2)
}
setTimeout(() => process.exit(1), 60_000).unref()

const server = createServer({ allowHalfOpen: true }, (socket) => {
  server.close()
  let received = 0
  let first = 0
  socket.on('error', () => process.exit(1))
  socket.on('data', (data) => {
    if (received === 0) first = performance.now()
    received += data.length
    if (received < total) return
    process.stdout.write(`${JSON.stringify({ ms: performance.now() - first, received })}\n`)
    socket.end(() => process.exit(0))
  })
})
server.listen(0, '127.0.0.1', () => {
  const address = server.address()
  if (address === null || typeof address === 'string') process.exit(1)
  else process.stdout.write(`${JSON.stringify({ port: address.port })}\n`)
})
