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

  'stages.pages': 'Pages',
  'stages.pages.helloHint': 'Served for / (Listing 20-4). Saved when you leave the field.',
  'stages.pages.notFoundHint':
    'Served with 404 for any other path (Listing 20-7). Saved when you leave the field.',
  'stages.pages.reset': 'Reset to the book’s page',
  'stages.pages.tooLarge': 'A page is at most {max} KiB.',

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

  'stages.log.kind.program': 'Program output',
  'stages.log.connection': 'connection #{number}',
} satisfies Record<string, Message>
