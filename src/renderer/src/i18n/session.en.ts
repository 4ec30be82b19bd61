/**
 * English messages of saved sessions and pcap export; spread into en.ts. Keys start with 'session.'.
 */
import type { Message } from './translate'

export const sessionEn = {
  'session.save': 'Save session',
  'session.open': 'Open session',
  'session.exportPcap': 'Export pcap',
  'session.exportPcapHint': 'All connections as a capture file that Wireshark and tshark open',
  'session.connectionPcapHint': 'This connection as a capture file that Wireshark and tshark open',
  'session.working': 'Working…',
  'session.saved': 'Saved {file}.',
  'session.failed': 'Could not save: {reason}',
  'session.openError': 'Could not open the file: {reason}',
  'session.opening': 'Reading {file}…',
  'session.viewing': 'Viewing a saved session: {file}, saved {when}. Read-only.',
  'session.viewingHint':
    'Everything is as it was saved; nothing here listens or sends. Go back to the live view to work with real sockets.',
  'session.backToLive': 'Back to live',
  'session.readOnly': 'A saved session is read-only.',
  'session.openFailed': 'Could not open {file}:',
  'session.problem.too-large':
    'the file is too large ({size}; a session file may be at most {limit}). It was not read.',
  'session.problem.too-deep':
    'it nests more than {limit} levels deep, deeper than any Socket Lab session file. It was not parsed.',
  'session.problem.too-many-values':
    'it holds more than {count} arrays, objects and list items, more than any Socket Lab session file. It was not parsed.',
  'session.problem.not-json': 'it is not a Socket Lab session file (not JSON).',
  'session.problem.not-a-session': 'it is not a Socket Lab session file.',
  'session.problem.newer-version':
    'it was saved by a newer Socket Lab (format {version}); update this app to open it.',
  'session.problem.damaged': 'the file is damaged (at {where}).',
  'session.problem.unreadable': 'the file could not be read.',
  'session.dismiss': 'Dismiss',
} satisfies Record<string, Message>
