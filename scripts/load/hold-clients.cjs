// @ts-check
/**
 * Holds many connections open, in its own process: `node hold-clients.cjs PORT COUNT CONCURRENCY`
 * opens COUNT connections to 127.0.0.1:PORT (at most CONCURRENCY connecting at a time) and keeps
 * them. It prints one JSON line when every connect has settled: { connected, errors, ms }. When
 * its stdin ends it closes them all (FIN), and prints { closed, reset } once each has closed.
 * It stops by itself after 180 s whatever happened.
 */
const { connect } = require('node:net')

const [port = 0, count = 0, concurrency = 0] = process.argv.slice(2).map(Number)
if (!port || !count || !concurrency) {
  console.error('usage: hold-clients.cjs PORT COUNT CONCURRENCY')
  process.exit(2)
}

const started = performance.now()
/** @type {import('node:net').Socket[]} */
const sockets = []
let opened = 0
let settled = 0
let connected = 0
let errors = 0
let closed = 0
let reset = 0
let isClosing = false

setTimeout(() => process.exit(3), 180_000).unref()

function next() {
  if (opened >= count) return
  opened++
  let isSettled = false
  const settle = () => {
    if (isSettled) return
    isSettled = true
    settled++
    if (settled === count)
      process.stdout.write(
        `${JSON.stringify({ connected, errors, ms: performance.now() - started })}\n`,
      )
    next()
  }
  const socket = connect({ host: '127.0.0.1', port })
  sockets.push(socket)
  socket.once('connect', () => {
    connected++
    settle()
  })
  socket.on('error', (/** @type {NodeJS.ErrnoException} */ error) => {
    if (error.code === 'ECONNRESET') reset++
    else if (!isSettled) errors++
    settle()
  })
  socket.on('data', () => undefined)
  socket.once('close', () => {
    closed++
    if (isClosing && closed === sockets.length) {
      process.stdout.write(`${JSON.stringify({ closed, reset })}\n`)
      process.exit(0)
    }
  })
}

for (let i = 0; i < Math.min(concurrency, count); i++) next()

process.stdin.resume()
process.stdin.on('end', () => {
  isClosing = true
  for (const socket of sockets) socket.end()
  if (closed === sockets.length) {
    process.stdout.write(`${JSON.stringify({ closed, reset })}\n`)
    process.exit(0)
  }
})
