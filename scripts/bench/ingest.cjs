// @ts-check
/**
 * A sender in its own process, so that its work does not share the event loop it measures:
 * `node ingest.cjs PORT BYTES` opens ONE connection to 127.0.0.1:PORT, writes BYTES as fast as the
 * server takes them (64 KiB writes, waiting for drain), sends FIN and prints one JSON line
 * { ms, sent } once everything was handed to the kernel. It then waits for the server to close
 * the connection (a Silent listener never does on its own: the bench removes the listener) and
 * stops by itself after 60 s whatever happened.
 */
const { connect } = require('node:net')

const [port = 0, total = 0] = process.argv.slice(2).map(Number)
if (!port || !total) {
  console.error('usage: ingest.cjs PORT BYTES')
  process.exit(2)
}

const WRITE_SIZE = 64 * 1024
const chunk = Buffer.alloc(WRITE_SIZE)
for (let i = 0; i < chunk.length; i++) chunk[i] = i % 251

setTimeout(() => process.exit(1), 60_000).unref()

const started = performance.now()
let sent = 0
const socket = connect({ host: '127.0.0.1', port }, write)
socket.on('error', () => process.exit(1))
socket.on('close', () => process.exit(0))

function write() {
  while (sent < total) {
    const size = Math.min(WRITE_SIZE, total - sent)
    sent += size
    if (!socket.write(size === WRITE_SIZE ? chunk : chunk.subarray(0, size))) {
      socket.once('drain', write)
      return
    }
  }
  socket.end(() => {
    process.stdout.write(`${JSON.stringify({ ms: performance.now() - started, sent })}\n`)
  })
}
