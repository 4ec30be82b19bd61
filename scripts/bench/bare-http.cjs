// @ts-check
/**
 * The baseline the HTTP figures are divided by: a bare `net` server in its own process, as the
 * engine runs in browser mode's own process. `node bare-http.cjs RESPONSE_BASE64` listens on
 * 127.0.0.1 (a port the OS picks), prints one JSON line { port }, and answers every connection
 * with exactly those bytes, closing as the engine's reading responders do (responders.ts, Job):
 * read the head up to its empty line, write, send FIN, keep reading until the peer's FIN (at most
 * 2 s, the engine's LINGER_MS), then close. It exits when its stdin ends (the bench is gone) or
 * after 5 minutes whatever happened.
 */
const { createServer } = require('node:net')

const response = Buffer.from(process.argv[2] ?? '', 'base64')
if (response.length === 0) {
  console.error('usage: bare-http.cjs RESPONSE_BASE64')
  process.exit(2)
}
const LINGER_MS = 2000

/**
 * Whether `head` holds the empty line that ends a request head, as `lines()` reads it (a line
 * ends at \n, one \r before it dropped). A leading \n stands for the line before the first.
 *
 * @param {Buffer} head
 */
const hasEmptyLine = (head) => head.indexOf('\n\n') >= 0 || head.indexOf('\n\r\n') >= 0

const server = createServer({ allowHalfOpen: true }, (socket) => {
  let head = Buffer.from('\n')
  let isAnswered = false
  const answer = () => {
    if (isAnswered) return
    isAnswered = true
    socket.write(response)
    const timer = setTimeout(() => socket.destroy(), LINGER_MS)
    socket.once('close', () => clearTimeout(timer))
    socket.end()
  }
  socket.on('error', () => undefined)
  socket.on('data', (data) => {
    if (isAnswered) return
    head = Buffer.concat([head, data])
    if (hasEmptyLine(head)) answer()
  })
  // A stream that ends before its empty line is answered all the same, as the engine does.
  socket.on('end', answer)
})

server.listen({ host: '127.0.0.1', port: 0 }, () => {
  const address = server.address()
  const port = address !== null && typeof address === 'object' ? address.port : 0
  process.stdout.write(`${JSON.stringify({ port })}\n`)
})

const stop = () => process.exit(0)
process.stdin.on('end', stop)
process.stdin.on('error', stop)
process.stdin.resume()
setTimeout(stop, 5 * 60_000).unref()
