/**
 * English messages of the book's stages (responders, handling, workers); spread into en.ts. Keys
 * start with 'stages.'. File names, listings' code and program output stay untranslated.
 */
import type { Message } from './translate'

export const stagesEn = {
  'stages.responder': 'Responder',
  'stages.responder.silent': 'Silent',
  'stages.responder.close-at-once': 'Close at once',
  'stages.responder.read-request-then-close': 'Read request, then close',
  'stages.responder.echo': 'Echo',
  'stages.responder.http-hello': 'HTTP hello',
  'stages.responder.http-routes': 'HTTP routes',
  'stages.responder.http-slow-route': 'HTTP slow route',
  'stages.responder.forward': 'Forward to my server',
  'stages.explain.silent':
    'The inspector’s default: the connection stays open, what arrives is recorded, nothing is answered.',
  'stages.explain.close-at-once':
    'Listing 20-1: the stream is dropped at once; a browser shows “connection reset”.',
  'stages.explain.read-request-then-close':
    'Listing 20-2: reads lines up to the empty one, prints Request: [...], then drops the stream.',
  'stages.explain.echo': 'Not in the book: every byte received is sent straight back.',
  'stages.explain.http-hello':
    'Listings 20-3 to 20-5: answers HTTP/1.1 200 OK with Content-Length and hello.html.',
  'stages.explain.http-routes':
    'Listings 20-6 to 20-9: / gets hello.html, any other path gets 404 with 404.html.',
  'stages.explain.http-slow-route':
    'Listing 20-10: like the routes, but /sleep waits {seconds} s before answering.',
  'stages.explain.forward':
    'Not in the book: every connection accepted here opens one to your own server (the target below), and the bytes flow both ways unchanged, so the inspector shows exactly what your server sends. Run your server on the target port: in the book’s program change 7878 to {port} in TcpListener::bind, then cargo run, and point the browser at this listener.',

  'stages.handling': 'Handling',
  'stages.handling.single-thread': 'Single thread',
  'stages.handling.thread-pool': 'Thread pool',
  'stages.handling.thread-per-connection': 'Thread per connection',
  'stages.handling.explain.single-thread':
    'One connection at a time: the others wait in the queue, which is why /sleep blocks everyone.',
  'stages.handling.explain.thread-pool':
    'ThreadPool::new(N), Listings 20-11 to 20-22: up to N requests run side by side; more wait in the queue.',
  'stages.handling.explain.thread-per-connection':
    'thread::spawn for every connection (Listing 20-11): nothing waits, and nothing limits the threads.',
  'stages.handling.notApplicable':
    'This responder does not read requests, so there is nothing to hand to a thread: choose one that reads to compare handlings.',

  'stages.workers': 'Workers',
  'stages.workers.hint': 'The book’s pool has 4.',
  'stages.workers.invalid': 'Enter a whole number from 1 to {max}.',
  'stages.sleep': 'Sleep seconds',
  'stages.sleep.hint': 'How long /sleep waits before answering; the book’s is 5.',
  'stages.sleep.invalid': 'Enter a whole number from 0 to {max}.',
  'stages.stopAfter': 'Stop after N connections',
  'stages.stopAfter.hint': 'Empty: never. The book’s take(2) stops after 2.',
  'stages.stopAfter.invalid': 'Enter a whole number from 1 to {max}, or leave it empty.',

  'stages.target.host': 'Target host',
  'stages.target.host.hint': 'Where your server runs: 127.0.0.1 is this computer.',
  'stages.target.host.remote': '{host} is another machine: the bytes your clients send go there.',
  'stages.target.port': 'Target port',
  'stages.target.port.hint': 'The port your server listens on, not this listener’s.',
  'stages.target.port.invalid': 'Enter the port your server listens on, from 1 to 65535.',
  'stages.target.timeout': 'Timeout (seconds)',
  'stages.target.timeout.hint':
    'How long your server may take to accept a connection, and to answer once it has been sent bytes.',
  'stages.target.timeout.invalid': 'Enter a whole number from 1 to {max}.',
  'stages.target.remote.warning':
    '{host} is not this computer: every connection to this listener will open one to {host}, and what your clients send will leave this machine.',
  'stages.target.remote.confirm': 'Forward to {host}, another machine',

  'stages.pages': 'Pages and heads',
  'stages.pages.helloHint': 'Served for / (Listing 20-4). Saved when you leave the field.',
  'stages.pages.notFoundHint':
    'Served with 404 for any other path (Listing 20-7). Saved when you leave the field.',
  'stages.pages.reset': 'Reset to the book’s page',
  'stages.pages.tooLarge': 'A page is at most {max} KiB.',

  'stages.heads.head': 'Head of {page}',
  'stages.heads.hint':
    'Status line and headers, then a blank line. A carriage return shows as \\r; every line break is a \\n. {length} becomes the page’s length in UTF-8 bytes. Saved when you leave the field.',
  'stages.heads.reset': 'Reset to the book’s head',
  'stages.heads.tooLarge': 'A head is at most {max} KiB.',
  'stages.heads.badEscape': 'Unknown escape at character {index}: write \\r, \\n, \\t or \\\\.',
  'stages.heads.trailingBackslash': 'The text ends with a backslash: write \\\\ for one.',
  'stages.heads.closeNote':
    'After each response Socket Lab closes gracefully: FIN once everything is written, then it reads on until the client closes too. A server that closes before its response is flushed loses the rest of it; one that closes with request bytes it never read makes the OS send RST, and the browser shows “connection reset”.',

  'stages.lint': 'Linter: {page}',
  'stages.lint.ok': 'The linter finds nothing wrong with this response.',
  'stages.lint.title': 'Before sending, the linter warns:',
  'stages.lint.notBlocking':
    'Warnings do not block sending: send it anyway and watch how the client reacts.',
  'stages.lint.status-line':
    'The status line “{line}” is not HTTP/1.x NNN reason: clients may reject the response.',
  'stages.lint.bare-lf':
    'Line {line} of the head ends with a bare \\n instead of \\r\\n. HTTP requires \\r\\n; browsers usually accept it, stricter clients may not.',
  'stages.lint.no-blank-line':
    'No blank line (\\r\\n\\r\\n) ends the head: the client reads the page as more headers and never gets a complete response.',
  'stages.lint.no-content-length':
    'No Content-Length: the client learns where the body ends only when the connection closes. A clean close works; a close with request bytes unread makes the OS send RST, and the browser shows “connection reset”.',
  'stages.lint.bad-content-length':
    'Content-Length “{value}” is not one number of bytes: clients may reject the response.',
  'stages.lint.length-short':
    'Content-Length says {declared} bytes, but the page has {actual} (UTF-8): the connection closes before the promised bytes arrive, so the client gets an incomplete response.',
  'stages.lint.length-long':
    'Content-Length says {declared} bytes, but the page has {actual} (UTF-8): the client stops reading after {declared} bytes and the page is cut off.',

  'stages.view': 'Worker threads',
  'stages.view.worker': 'Worker {index}',
  'stages.view.mainThread': 'Main thread',
  'stages.view.thread': 'Thread {index}',
  'stages.view.row': '{name} — {state}',
  'stages.view.idle': 'idle',
  'stages.view.busy': 'busy with #{number}',
  'stages.view.waiting': 'Waiting: {list}',
  'stages.view.queueEmpty': 'queue empty',
  'stages.view.handled': {
    one: '{count} connection handled',
    other: '{count} connections handled',
  },
  'stages.view.threads': {
    one: '{count} thread running',
    other: '{count} threads running',
  },
  'stages.view.unbounded':
    'The book’s warning: a thread per connection has no limit, so a flood of requests can spawn threads until the system runs out of resources.',
  'stages.view.none': 'No threads yet: they start with the listener.',
  'stages.view.phase.reading': 'reading the request',
  'stages.view.phase.sleeping': 'sleeping',
  'stages.view.phase.responding': 'answering',
  'stages.view.withPhase': '{state} ({phase})',
  'stages.view.blockedAnnounce': 'Shutdown waits for {list}, blocked reading.',
  'stages.view.blocked': 'Why shutdown waits',
  'stages.view.blockedIdle':
    '{name} is waiting to read from #{number}, which has sent nothing for {seconds} s — shutdown waits for it. A browser’s speculative connection?',
  'stages.view.blockedPartial':
    '{name} is waiting for the rest of the request from #{number} (connected {seconds} s ago) — shutdown waits for it.',
  'stages.view.blockedHelp':
    'A worker blocked in read finishes only when the client sends or closes. Close that connection, or use “Close all now” to stop at once.',
  'stages.view.closeConnection': 'Close #{number}',

  'stages.log.kind.program': 'Program output',
  'stages.log.connection': 'connection #{number}',
} satisfies Record<string, Message>
