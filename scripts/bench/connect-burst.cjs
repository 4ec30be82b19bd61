// @ts-check
/**
 * A load client in its own process, so that its work does not share the event loop it measures:
 * `node connect-burst.cjs PORT COUNT CONCURRENCY` opens COUNT connections to 127.0.0.1:PORT, at
 * most CONCURRENCY at a time, each waiting for the server to close it (Listing 20-1 drops the
 * stream), and prints one JSON line: { ms, closed, errors, connectMs: [per-connection wall-clock
 * connect times] }. It stops by itself after 60 s whatever happened.
 */
const { connect } = require('node:net')

const [port = 0, count = 0, concurrency = 0] = process.argv.slice(2).map(Number)
if (!port || !count || !concurrency) {
  console.error('usage: connect-burst.cjs PORT COUNT CONCURRENCY')
  process.exit(2)
}

const started = performance.now()
/** @type {number[]} */
const connectAt = []
let opened = 0
let finished = 0
let errors = 0

const deadline = setTimeout(() => done(), 60_000)

function done() {
  clearTimeout(deadline)
  const ms = performance.now() - started
  process.stdout.write(`${JSON.stringify({ ms, closed: finished - errors, errors, connectAt })}\n`)
  process.exit(0)
}

function next() {
  if (opened >= count) return
  opened++
  const socket = connect({ host: '127.0.0.1', port })
  socket.once('connect', () => connectAt.push(performance.timeOrigin + performance.now()))
  socket.on('data', () => undefined)
  socket.on('error', () => errors++)
  socket.once('close', () => {
    finished++
    if (finished === count) done()
    else next()
  })
}

for (
  let i = 0;
  i < Math.min(/** @type {number} */ (concurrency), /** @type {number} */ (count));
  i++
)
  next()
