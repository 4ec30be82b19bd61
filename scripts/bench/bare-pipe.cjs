// @ts-check
/**
 * The baseline of the forwarding figure: a bare `net` pipe in its own process, as the engine runs
 * in browser mode's own. `node bare-pipe.cjs TARGET_PORT` listens on 127.0.0.1 (a port the OS
 * picks), prints one JSON line { port }, and pipes every connection to 127.0.0.1:TARGET_PORT and
 * back, half-closes passed on. It exits when its stdin ends (the bench is done with it) or after
 * 60 s whatever happened.
 */
const { connect, createServer } = require('node:net')

const targetPort = Number(process.argv[2] ?? 0)
if (!targetPort) {
  console.error('usage: bare-pipe.cjs TARGET_PORT')
  process.exit(2)
}
process.stdin.resume()
process.stdin.on('end', () => process.exit(0))
setTimeout(() => process.exit(1), 60_000).unref()

const server = createServer({ allowHalfOpen: true }, (client) => {
  const target = connect({ host: '127.0.0.1', port: targetPort, allowHalfOpen: true })
  client.on('error', () => target.destroy())
  target.on('error', () => client.destroy())
  client.pipe(target)
  target.pipe(client)
})
server.listen(0, '127.0.0.1', () => {
  const address = server.address()
  if (address === null || typeof address === 'string') process.exit(1)
  else process.stdout.write(`${JSON.stringify({ port: address.port })}\n`)
})
