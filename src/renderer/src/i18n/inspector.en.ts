/**
 * English messages of the inspector part; spread into en.ts. Keys start with 'inspector.'.
 */
import type { Message } from './translate'

export const inspectorEn = {
  'inspector.tab.chunks': 'Chunks',
  'inspector.tab.http': 'HTTP',

  'inspector.show': 'Show',
  'inspector.show.both': 'Both directions',
  'inspector.show.in': 'Received (in)',
  'inspector.show.out': 'Sent (out)',
  'inspector.decoding': 'Decode as',
  'inspector.decoding.utf-8': 'UTF-8',
  'inspector.decoding.latin1': 'Latin-1',

  'inspector.dir.in': '→ client to server',
  'inspector.dir.out': '← server to client',
  'inspector.gutter.in': 'in',
  'inspector.gutter.out': 'out',
  'inspector.block.bytes': { one: '{count} byte', other: '{count} bytes' },
  'inspector.block.reads': { one: 'in {count} read', other: 'in {count} reads' },
  'inspector.block.writes': { one: 'in {count} write', other: 'in {count} writes' },
  'inspector.block.at': '+{ms} ms after accept',
  'inspector.nothingShown': 'Nothing in this direction yet.',

  'inspector.stats.in': { one: 'in: {count} byte', other: 'in: {count} bytes' },
  'inspector.stats.out': { one: 'out: {count} byte', other: 'out: {count} bytes' },
  'inspector.stats.reads': { one: '{count} read', other: '{count} reads' },
  'inspector.stats.writes': { one: '{count} write', other: '{count} writes' },
  'inspector.stats.firstByte': 'first byte {ms} ms after accept',
  'inspector.stats.noFirstByte': 'no byte received yet',
  'inspector.stats.idle': 'idle for {time}',
  'inspector.idleFlag':
    "No bytes yet — often a browser's speculative connection; a blocking read would wait here.",

  'inspector.chunks.caption':
    'Every read the server got and every write it made. One write by the client is not one read by the server: TCP is a stream of bytes.',
  'inspector.chunks.number': '#',
  'inspector.chunks.direction': 'Direction',
  'inspector.chunks.size': 'Size (bytes)',
  'inspector.chunks.sinceAccept': 'Since accept (ms)',
  'inspector.chunks.sincePrevious': 'Since previous (ms)',
  'inspector.chunks.empty': 'No reads or writes kept yet.',
  'inspector.chunks.partlyKept': '{kept} kept',

  'inspector.http.in': 'Received: requests',
  'inspector.http.out': 'Sent: responses',
  'inspector.http.loading': 'Analyzing…',
  'inspector.http.failed': 'Could not analyze the bytes: {message}',
  'inspector.http.empty': 'No bytes in this direction yet.',
  'inspector.http.notHttp':
    "This doesn't look like HTTP/1.x: the bytes do not start with a request or status line.",
  'inspector.http.truncated': {
    one: 'Only the first {count} byte was analysed: the capture was cut at its cap, or the stream is longer than the HTTP view reads (8 MiB). The end of the conversation may be missing.',
    other:
      'Only the first {count} bytes were analysed: the capture was cut at its cap, or the stream is longer than the HTTP view reads (8 MiB). The end of the conversation may be missing.',
  },
  'inspector.http.request': 'Request {number}',
  'inspector.http.response': 'Response {number}',
  'inspector.http.headers': 'Headers',
  'inspector.http.headerName': 'Name',
  'inspector.http.headerValue': 'Value',
  'inspector.http.noHeaders': 'No headers.',
  'inspector.http.body': { one: 'Body: {count} byte.', other: 'Body: {count} bytes.' },
  'inspector.http.bodyExpected': {
    one: 'Body: {count} byte of {expected} (Content-Length).',
    other: 'Body: {count} bytes of {expected} (Content-Length).',
  },
  'inspector.http.headEnd':
    'The head ends at offset {offset}: the empty line (CRLF CRLF) before it is marked in Hex.',
  'inspector.http.headOpen': 'The head has not ended yet: no empty line so far.',
  'inspector.http.problems': 'Problems',
  'inspector.http.atOffset': 'at offset {offset}',
  'inspector.http.listing202': "What the book's Listing 20-2 prints for it",
  'inspector.http.problem.bare-lf':
    'A line ends in a bare \\n without \\r. HTTP wants CRLF; many servers accept it, strict ones refuse it.',
  'inspector.http.problem.missing-version':
    'The request line has no HTTP version (like HTTP/1.1) at its end.',
  'inspector.http.problem.oversized-header':
    'The head is larger than servers usually accept (16 KiB); many would answer 431.',
  'inspector.http.problem.incomplete-head':
    'The head is incomplete: no empty line yet. A blocking reader would still be waiting for the empty line.',
  'inspector.http.problem.invalid-utf8':
    "A line is not valid UTF-8: Listing 20-2's lines().unwrap() would panic here.",
  'inspector.http.problem.bad-content-length': 'Content-Length is not a valid number of bytes.',
  'inspector.http.problem.incomplete-body':
    'The body is incomplete: Content-Length promises more bytes than arrived.',
  'inspector.http.problem.parse-error': 'The parser refused these bytes: {detail}',

  'inspector.search': 'Search',
  'inspector.search.mode': 'Search as',
  'inspector.search.mode.text': 'Text',
  'inspector.search.mode.hex': 'Hex bytes',
  'inspector.search.direction': 'Search in',
  'inspector.search.placeholder.text': 'e.g. Host:',
  'inspector.search.placeholder.hex': 'e.g. 0d 0a 0d 0a',
  'inspector.search.next': 'Next',
  'inspector.search.previous': 'Previous',
  'inspector.search.noMatch': 'No match.',
  'inspector.search.found': 'Match at offset {offset}.',
  'inspector.search.failed': 'Search failed: {message}',
  'inspector.search.invalid': 'Not a valid pattern: {reason} (at character {index}).',
  'inspector.search.empty': 'Type something to search for.',
  'inspector.search.code.too-long': 'The pattern is too long (at most 1024 bytes)',

  'inspector.selection': {
    one: 'Selected: {count} byte {direction} at {start}',
    other: 'Selected: {count} bytes {direction} at {start}–{end}',
  },
  'inspector.selection.none':
    'Click a byte in Hex or a piece of Text to select it; shift+click extends. Keyboard: Tab to the bytes, arrows move, Shift+arrows extend, Esc clears.',
  'inspector.bytes.hex': 'Hex bytes',
  'inspector.bytes.text': 'Text bytes',
  'inspector.bytes.keys':
    'Arrows move by a byte or a row; Home and End to the row start and end, Ctrl+Home and Ctrl+End to the stream start and end, Page Up and Page Down by a screen. Shift with a move extends the selection; Escape clears it.',
  'inspector.selection.clear': 'Clear selection',
  'inspector.copy.format': 'Copy as',
  'inspector.copy.text': 'Text',
  'inspector.copy.hex': 'Hex',
  'inspector.copy.base64': 'Base64',
  'inspector.copy.c': 'C array',
  'inspector.copy.rust': 'Rust array',
  'inspector.copy': 'Copy',
  'inspector.copy.done': { one: 'Copied {count} byte.', other: 'Copied {count} bytes.' },
  'inspector.copy.failed': 'Could not copy: the clipboard is not available here.',
  'inspector.save': 'Save bytes',
  'inspector.save.hint': 'Download the shown direction(s) as .bin files',

  'inspector.composer': 'Send to the client',
  'inspector.composer.message': 'Message',
  'inspector.composer.mode': 'Input',
  'inspector.composer.mode.text': 'Text (\\r \\n \\t \\xNN)',
  'inspector.composer.mode.hex': 'Hex',
  'inspector.composer.lineEnding': 'Line endings',
  'inspector.composer.lineEnding.as-typed': 'as typed',
  'inspector.composer.lineEnding.lf': 'LF (\\n)',
  'inspector.composer.lineEnding.crlf': 'CRLF (\\r\\n)',
  'inspector.composer.target': 'Send to',
  'inspector.composer.target.this': 'this connection',
  'inspector.composer.target.all': 'all open connections of listener {number} ({count})',
  'inspector.composer.send': 'Send',
  'inspector.composer.sendFile': 'From a file…',
  'inspector.composer.bytes': { one: '{count} byte to send', other: '{count} bytes to send' },
  'inspector.composer.sent': { one: 'Sent {count} byte.', other: 'Sent {count} bytes.' },
  'inspector.composer.sentAll': {
    one: 'Sent to {count} connection.',
    other: 'Sent to {count} connections.',
  },
  'inspector.composer.failed': 'Send failed: {message}',
  'inspector.composer.tooBig': 'The file has {size} bytes; at most {max} can be sent at once.',
  'inspector.composer.readFailed': 'Could not read the file.',
  'inspector.composer.cannotSend':
    'This connection cannot send any more: we ended it (FIN) or it is closed.',
  'inspector.composer.error': '{reason} at character {index}. Nothing is sent until it is fixed.',
  'inspector.composer.code.unknown-escape': 'Unknown escape: use \\r, \\n, \\t, \\0, \\\\ or \\xNN',
  'inspector.composer.code.bad-hex-escape': '\\x needs exactly two hex digits',
  'inspector.composer.code.trailing-backslash': 'A backslash ends the text (write \\\\ for one)',
  'inspector.composer.code.odd-digits': 'Odd number of hex digits: two digits per byte',
  'inspector.composer.code.bad-hex': 'Not a hex digit',

  'inspector.close': 'Close',
  'inspector.reset': 'Reset',
  'inspector.close.hint':
    'Close sends FIN: the client reads end-of-file (a Rust read returns Ok(0); curl and nc see the connection end), yet it can still send to us.',
  'inspector.reset.hint':
    'Reset sends RST: the client gets ECONNRESET ("connection reset by peer") and unread data is lost.',
  'inspector.action.failed': 'Could not do it: {message}',

  'inspector.table.paused': 'Auto-scroll paused',
  'inspector.table.pausedNew': {
    one: 'Auto-scroll paused — {count} new connection below',
    other: 'Auto-scroll paused — {count} new connections below',
  },
  'inspector.rust.threadId':
    "Rust 1.91 and later also print the thread's id: thread 'main' (12345) panicked at …",
  'inspector.text.backslash': 'a backslash character (0x5c)',
} satisfies Record<string, Message>
