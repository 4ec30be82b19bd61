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
  'forward.log.targetEnded': {
    one: '#{number}: your server closed its side (FIN) after {count} byte; Socket Lab passed it on to the client',
    other:
      '#{number}: your server closed its side (FIN) after {count} bytes; Socket Lab passed it on to the client',
  },
  'forward.log.noAnswer':
    '#{number}: your server closed the connection without answering; Socket Lab passed the FIN on to the client',

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
} satisfies Record<string, Message>
