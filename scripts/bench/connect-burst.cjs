// @ts-check
/**
 * A load client in its own process, so that its work does not share the event loop it measures:
 * `node connect-burst.cjs PORT COUNT CONCURRENCY` opens COUNT connections to 127.0.0.1:PORT, at
 * most CONCURRENCY at a time, each waiting for the server to close it (Listing 20-1 drops the
 * stream), and prints one JSON line: { ms, closed, errors, timedOut, connectAt: [each connect's
 * wall-clock time, epoch ms] }. It stops by itself after 60 s whatever happened (timedOut: true).
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

const deadline = setTimeout(() => done(true), 60_000)

/** @param {boolean} timedOut */
function done(timedOut) {
  clearTimeout(deadline)
  const ms = performance.now() - started
  const line = JSON.stringify({ ms, closed: finished - errors, errors, timedOut, connectAt })
  // A pipe's writes are synchronous on Linux and macOS: the whole line is out before exit.
  process.stdout.write(`${line}\n`)
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
    if (finished === count) done(false)
    else next()
  })
}

for (
  let i = 0;
  i < Math.min(/** @type {number} */ (concurrency), /** @type {number} */ (count));
  i++
)
  next()
