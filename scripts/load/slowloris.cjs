// @ts-check
/**
 * Slowloris, bounded, in its own process: `node slowloris.cjs PORT COUNT SECONDS` opens COUNT
 * connections to 127.0.0.1:PORT, sends each the start of a request, then one more header line a
 * second and never the blank line that would end it. Prints { connected, errors } once every
 * connect has settled, and after SECONDS prints { sent, closedByServer } and closes everything.
 */
const { connect } = require('node:net')

const [port = 0, count = 0, seconds = 0] = process.argv.slice(2).map(Number)
if (!port || !count || !seconds) {
  console.error('usage: slowloris.cjs PORT COUNT SECONDS')
  process.exit(2)
}

/** @type {import('node:net').Socket[]} */
const sockets = []
let settled = 0
let connected = 0
let errors = 0
let sent = 0
let closedByServer = 0
let isEnding = false

setTimeout(() => process.exit(3), (seconds + 60) * 1000).unref()

for (let i = 0; i < count; i++) {
  const socket = connect({ host: '127.0.0.1', port }, () => {
    connected++
    socket.write(`GET /slow-${i} HTTP/1.1\r\nHost: 127.0.0.1:${port}\r\n`)
    sent++
    if (++settled === count) process.stdout.write(`${JSON.stringify({ connected, errors })}\n`)
  })
  socket.on('data', () => undefined)
  socket.on('error', () => {
    if (socket.connecting) {
      errors++
      if (++settled === count) process.stdout.write(`${JSON.stringify({ connected, errors })}\n`)
    }
  })
  socket.once('close', () => {
    if (!isEnding) closedByServer++
  })
  sockets.push(socket)
}

let line = 0
const trickle = setInterval(() => {
  line++
  for (const socket of sockets)
    if (!socket.destroyed && !socket.connecting) {
      socket.write(`X-Slow-${line}: ${line}\r\n`)
      sent++
    }
}, 1000)

setTimeout(() => {
  clearInterval(trickle)
  isEnding = true
  process.stdout.write(`${JSON.stringify({ sent, closedByServer })}\n`, () => {
    for (const socket of sockets) socket.destroy()
    process.exit(0)
  })
}, seconds * 1000)
