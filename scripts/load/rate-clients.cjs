// @ts-check
/**
 * A steady stream of HTTP clients, in its own process: `node rate-clients.cjs PORT RATE SECONDS`
 * opens RATE connections a second to 127.0.0.1:PORT for SECONDS (ten every 10 ms for 1,000/s),
 * each sending one GET (Connection: close) and reading until the server closes. Prints one JSON
 * line when every one has finished: { opened, completed, errors, ms, maxInFlight, responses:
 * { [length]: count } }. It stops by itself SECONDS + 60 s after its start whatever happened.
 */
const { connect } = require('node:net')

const [port = 0, rate = 0, seconds = 0] = process.argv.slice(2).map(Number)
if (!port || !rate || !seconds) {
  console.error('usage: rate-clients.cjs PORT RATE SECONDS')
  process.exit(2)
}

const TICK_MS = 10
const total = rate * seconds
const request = Buffer.from(
  `GET / HTTP/1.1\r\nHost: 127.0.0.1:${port}\r\nConnection: close\r\n\r\n`,
)
const started = performance.now()
let opened = 0
let finished = 0
let completed = 0
let errors = 0
let inFlight = 0
let maxInFlight = 0
/** @type {Record<number, number>} */
const responses = {}

setTimeout(() => done(), (seconds + 60) * 1000).unref()

function done() {
  const ms = performance.now() - started
  process.stdout.write(
    `${JSON.stringify({ opened, completed, errors, ms, maxInFlight, responses })}\n`,
    () => process.exit(0),
  )
}

function open() {
  opened++
  inFlight++
  maxInFlight = Math.max(maxInFlight, inFlight)
  let received = 0
  let failed = false
  const socket = connect({ host: '127.0.0.1', port }, () => socket.write(request))
  socket.on('data', (data) => (received += data.length))
  socket.on('error', () => (failed = true))
  socket.once('close', () => {
    inFlight--
    finished++
    if (failed) errors++
    else {
      completed++
      responses[received] = (responses[received] ?? 0) + 1
    }
    if (finished === total) done()
  })
}

// Paced against the clock, so a late tick catches up rather than lowering the rate.
const timer = setInterval(() => {
  const due = Math.min(total, Math.floor(((performance.now() - started) / 1000) * rate))
  while (opened < due) open()
  if (opened >= total) clearInterval(timer)
}, TICK_MS)
