// @ts-check
/**
 * An HTTP load client in its own process, so that its work does not share the event loop it
 * measures, as `ab -n COUNT -c CONCURRENCY` would (ab may be missing): `node http-load.cjs PORT
 * COUNT CONCURRENCY` makes COUNT requests to 127.0.0.1:PORT, one per connection (no keep-alive),
 * at most CONCURRENCY at a time. Each connection sends one GET, reads until the server's FIN
 * (the book's responses end with the stream) and closes. Prints one JSON line: { ms, completed,
 * errors, bytes, sizes: { [response length]: how many }, timedOut }. It stops by itself after
 * 60 s whatever happened.
 */
const { connect } = require('node:net')

const [port = 0, count = 0, concurrency = 0] = process.argv.slice(2).map(Number)
if (!port || !count || !concurrency) {
  console.error('usage: http-load.cjs PORT COUNT CONCURRENCY')
  process.exit(2)
}

const request = Buffer.from(
  `GET / HTTP/1.1\r\nHost: 127.0.0.1:${port}\r\nUser-Agent: socket-lab-bench\r\n` +
    'Accept: */*\r\nConnection: close\r\n\r\n',
)

const started = performance.now()
let opened = 0
let finished = 0
let completed = 0
let errors = 0
let bytes = 0
/** @type {Record<number, number>} */
const sizes = {}

const deadline = setTimeout(() => done(true), 60_000)

/** @param {boolean} timedOut */
function done(timedOut) {
  clearTimeout(deadline)
  const ms = performance.now() - started
  process.stdout.write(
    `${JSON.stringify({ ms, completed, errors, bytes, sizes, timedOut })}\n`,
    () => process.exit(0),
  )
}

function next() {
  if (opened >= count) return
  opened++
  let received = 0
  let failed = false
  const socket = connect({ host: '127.0.0.1', port }, () => socket.write(request))
  socket.on('data', (data) => (received += data.length))
  socket.on('error', () => (failed = true))
  socket.once('close', () => {
    finished++
    bytes += received
    if (failed || received === 0) errors++
    else {
      completed++
      sizes[received] = (sizes[received] ?? 0) + 1
    }
    if (finished === count) done(false)
    else next()
  })
}

for (let i = 0; i < Math.min(concurrency, count); i++) next()
