/**
 * English messages of "Forward to my server" (issue 14): the log's lines about the leg to the
 * learner's server and the inspector's section on it; spread into en.ts. Keys start with
 * 'forward.'. Error codes and commands stay untranslated.
 */
import type { Message } from './translate'

export const forwardEn = {
  'forward.log.kind': 'Your server',
  'forward.log.connected': 'Connection #{number} → your server at {address}: connected in {ms} ms',
  'forward.log.answered': 'Your server answered connection #{number} after {ms} ms',
  'forward.log.clientEnded':
    '#{number}: the client closed its side (FIN); Socket Lab passed it on to your server',
  'forward.log.paused.client':
    '#{number}: the client is not reading; the OS buffers are full and {waiting} more wait in Socket Lab (threshold {cap}), so Socket Lab stopped reading from your server',
  'forward.log.paused.target':
    '#{number}: your server is not reading; the OS buffers are full and {waiting} more wait in Socket Lab (threshold {cap}), so Socket Lab stopped reading from the client',
  'forward.log.resumed.client':
    '#{number}: the client reads again; Socket Lab reads from your server again',
  'forward.log.resumed.target':
    '#{number}: your server reads again; Socket Lab reads from the client again',
  'forward.log.targetEnded': {
    one: '#{number}: your server closed its side (FIN) after {count} byte; Socket Lab passed it on to the client',
    other:
      '#{number}: your server closed its side (FIN) after {count} bytes; Socket Lab passed it on to the client',
  },
  'forward.log.noAnswer':
    '#{number}: your server closed the connection without answering; Socket Lab passed the FIN on to the client',

  'forward.failure.self':
    'Connection #{number} was not forwarded: the target {address} is this listener itself, and each connection would open another. Set Target port to the port your server listens on.',
  'forward.failure.refused':
    'Your server is not running on {address}: connection #{number} was refused (ECONNREFUSED). Start it (cargo run) or change the target port.',
  'forward.failure.target-reset':
    'Your server reset connection #{number} (RST); Socket Lab passed the reset on to the client',
  'forward.failure.client-reset':
    'The client reset connection #{number} (RST); Socket Lab passed the reset on to your server',
  'forward.failure.connect-timeout':
    'Your server at {address} did not accept connection #{number} within {seconds} s (the listener’s target timeout)',
  'forward.failure.answer-timeout':
    'Your server did not answer connection #{number} within {seconds} s of getting its bytes (the listener’s target timeout)',
  'forward.failure.error': 'Connection #{number} to your server at {address} failed: {code}',

  'forward.legs.summary': 'Client ↔ Socket Lab ↔ your server at {address}',
  'forward.legs.failed': 'it went wrong: open to see why',
  'forward.legs.pending': 'the linter judges the response once your server is done',
  'forward.legs.clean': 'the linter finds nothing wrong with the response',
  'forward.legs.stalled.client':
    'the client is not reading: Socket Lab stopped reading from your server',
  'forward.legs.stalled.target':
    'your server is not reading: Socket Lab stopped reading from the client',
  'forward.legs.findings': {
    one: 'the linter found {count} problem in the response',
    other: 'the linter found {count} problems in the response',
  },
  'forward.leg.route': 'The client {client} connected to this listener at {listener}.',
  'forward.leg.client': 'Client ↔ Socket Lab',
  'forward.leg.target': 'Socket Lab ↔ target',
  'forward.leg.address': 'Target',
  'forward.leg.localPort': 'Socket Lab’s port',
  'forward.leg.state': 'State',
  'forward.leg.state.connecting': 'connecting',
  'forward.leg.state.open': 'open',
  'forward.leg.state.closed': 'closed',
  'forward.leg.connect': 'Connect',
  'forward.leg.ms': '{ms} ms',
  'forward.leg.toTarget': 'First byte to target',
  'forward.leg.fromTarget': 'First byte from target',
  'forward.leg.none': 'not yet',
  'forward.leg.bytesToTarget': 'Sent to target',
  'forward.leg.bytesFromTarget': 'Received from target',
  'forward.leg.firstEnded': 'Closed first (FIN)',
  'forward.leg.firstEnded.client': 'the client',
  'forward.leg.firstEnded.target': 'your server',
  'forward.leg.firstEnded.none': 'neither yet',
  'forward.leg.finAfterClient':
    'On Linux, once the client’s FIN has been passed on, a reset that your server sends right behind its answer also reaches Socket Lab as an end: it passed on a FIN, and cannot say whether your server sent a FIN or a reset.',
  'forward.leg.stalls': 'A side stopped reading',
  'forward.leg.stalls.value': {
    one: 'once; it was {side}, with {waiting} more waiting in Socket Lab (threshold {cap})',
    other:
      '{count} times; the last was {side}, with {waiting} more waiting in Socket Lab (threshold {cap})',
  },
  'forward.leg.stalls.ongoing': '(going on now)',
  'forward.leg.stalls.over': '(over: {side} reads again)',
  'forward.leg.bytesToTarget.waiting': '{bytes}, of which {waiting} still wait in Socket Lab',
  'forward.leg.side.client': 'the client',
  'forward.leg.side.target': 'your server',

  'forward.stall.client':
    'The client is not reading what your server sends. What Socket Lab passed on lies unread in the operating system’s buffers, and {waiting} more wait in Socket Lab itself (it stops reading once more than its threshold of {cap} wait). So Socket Lab stopped reading from your server until the client reads, and your server’s writes wait in turn.',
  'forward.stall.target':
    'Your server is not reading what the client sends. What Socket Lab passed on lies unread in the operating system’s buffers, and {waiting} more wait in Socket Lab itself (it stops reading once more than its threshold of {cap} wait). So Socket Lab stopped reading from the client until your server reads, and the client’s writes wait in turn. A handler that is busy, or that reads only the request’s head, leaves the rest unread.',

  'forward.response.pending':
    'The linter looks at your server’s response once your server has said all it will (its FIN, or the close).',
  'forward.response.nothing': 'Your server sent no response.',
  'forward.response.head':
    'Your server’s response: the head only — no blank line (\\r\\n\\r\\n) ended it.',
  'forward.response.body':
    'Your server’s response: the body is short — {body} of the {length} bytes its Content-Length promised.',
  'forward.response.bodyNoLength':
    'Your server’s response: the body did not end — with no usable Content-Length only a clean close (FIN) ends it, and none came.',
  'forward.response.complete': 'Your server’s response: complete.',
  'forward.response.lint':
    'What the response linter found (press “byte …” to select those bytes in the stream below):',
  'forward.response.list': 'Linter findings for your server’s response on #{number}',
  'forward.cause.resetAfterAnswer':
    'The classic cause: your server answered and closed the connection without reading the whole request. With request bytes still unread, the OS sends RST instead of FIN, and a browser may show “connection reset” although the response arrived. Read the request up to its blank line (as Listing 20-2 does) before you answer.',
  'forward.cause.noAnswer':
    'Your server closed the connection without answering: the stream was dropped before a response was written, as in Listings 20-1 and 20-2. Does your handler call stream.write_all before the stream is dropped?',
} satisfies Record<string, Message>
