/**
 * English messages of the lessons panel; spread into en.ts. Keys start with 'lessons.'. Rust
 * code, program output, URLs and commands stay untranslated.
 */
import type { Message } from './translate'

export const lessonsEn = {
  'lessons.region': 'Lesson',
  'lessons.firstRun.region': 'First steps',
  'lessons.firstRun.start': 'Start listening on {address}',
  'lessons.firstRun.listening': 'Listener {number} listens on {address} ✓',
  'lessons.firstRun.open': 'Open',
  'lessons.firstRun.orCurl': 'in a browser (or run curl {url})',
  'lessons.firstRun.watch': 'Watch the event log: “Connection established!” for each connection.',
  'lessons.firstRun.notListening': 'Start listening first: nothing listens on that address yet.',
  'lessons.firstRun.dismiss': 'Got it',
  'lessons.student': 'Your name for your teacher (optional)',
  'lessons.exportProgress': 'Export progress',
  'lessons.exported': 'Saved {file}.',
  'lessons.exportFailed': 'Could not save: {reason}',
  'lessons.readBook': 'The chapter in the Rust book ↗',
  'lessons.jump': 'Lesson',
  'lessons.jump.title': 'Go to the lesson below the listeners',
  'lessons.stage': 'Stage',
  'lessons.stageOption': '{number}. {title} ({listings})',
  'lessons.stageOption.own': '{number}. {title}',
  'lessons.code': 'Rust code',
  'lessons.copy': 'Copy',
  'lessons.copied': 'Copied',
  'lessons.copyLabel': 'Copy the Rust code',
  'lessons.copyFailed': 'Could not copy: the clipboard is not available here.',
  'lessons.see': 'What to see and try',
  'lessons.setup': 'Set up this stage',
  'lessons.setup.done': 'Listener {number} is set up for this stage and listens on {address}.',
  'lessons.setup.ready': 'Listener {number} is set up for this stage and listens on {address}.',
  'lessons.setup.willChange': 'Sets listener {number} up for this stage:',
  'lessons.setup.change.address': 'address {from} → {to}',
  'lessons.setup.change.responder': 'responder: {from} → {to}',
  'lessons.setup.change.handling': 'handling: {from} → {to}',
  'lessons.setup.change.workers': 'workers: {from} → {to}',
  'lessons.setup.change.stopAfterOff': 'no stop after N connections',
  'lessons.setup.change.target': 'target {from} → {to}',
  'lessons.setup.change.pages': 'the book’s hello.html, 404.html and their heads',
  'lessons.setup.change.restart': 'stops it, then starts it again',
  'lessons.setup.confirmLabel': 'Close the open connections?',
  'lessons.setup.confirm': {
    one: 'Listener {number} has {count} open connection: setting up closes it.',
    other: 'Listener {number} has {count} open connections: setting up closes them.',
  },
  'lessons.setup.confirmYes': 'Close and set up',
  'lessons.setup.confirmNo': 'Cancel',
  'lessons.setup.taken': 'Port {port} is taken by {holder}.',
  'lessons.setup.taken.unknown': 'another program',
  'lessons.setup.taken.self': 'another of Socket Lab’s listeners',
  'lessons.setup.taken.process': '{name} (PID {pid})',
  'lessons.setup.taken.ownServer':
    'If that is your own server still on the book’s port, stop it (Ctrl+C), change its port to {targetPort} as the steps below say, run it again and set up once more.',
  'lessons.setup.usePort': 'Use port {port} instead',
  'lessons.setup.noFreePort': 'No free port was found near it: pick one in the listener card.',
  'lessons.setup.noListener': 'Add a listener first: the stage is set up on listener 1.',
  'lessons.setup.stopAfter': {
    one: 'stop after {count} connection',
    other: 'stop after {count} connections',
  },
  'lessons.checkpoints': 'Checkpoints',
  'lessons.progress': 'Done: {done} of {total}',
  'lessons.reset': 'Reset stage',
  'lessons.resetAll': 'Reset all progress',
  'lessons.tickedAt': 'Ticked at {time}',

  'lessons.stage.connect.title': 'Connection established',
  'lessons.stage.connect.does':
    'TcpListener::bind asks the OS for 127.0.0.1:7878; incoming() yields a TcpStream for each connection the OS accepted. The loop prints a line, and when its body ends the stream is dropped, which closes the connection. Nothing is ever answered.',
  'lessons.stage.connect.see':
    'Set up, start listening on {address} and open {url} in a browser: nothing answers, and the browser names the failure by what reached it first. ERR_CONNECTION_RESET: the request had arrived, and closing a stream with unread bytes sends a reset (RST). ERR_EMPTY_RESPONSE: the connection closed (FIN) before the request, with no byte back. ERR_SOCKET_NOT_CONNECTED: Chrome found the connection already gone when it sent the request. One page load may print several lines: browsers retry, ask for /favicon.ico and open speculative connections. Or run curl {url} three times.',
  'lessons.stage.bind-errors.title': 'Bind errors',
  'lessons.stage.bind-errors.does':
    'bind returns a Result: an error when the OS refuses the address. unwrap() turns it into a panic (exit code 101); this version prints it instead. Socket Lab shows Node’s error, its cause on this OS and what the Rust program would print.',
  'lessons.stage.bind-errors.see':
    'Address in use: add a second listener with the host and port of a listening one and start it. Permission denied: try port 80. On Linux an ordinary user is refused below 1024 unless the threshold was lowered (containers often lower it; root is not refused); on macOS too on 127.0.0.1; Windows has no privileged ports. Then fix it (another port, or port 0) and start again.',
  'lessons.stage.bind-errors.noPrivileged':
    'Here port 80 will not fail ({why}). Try a host this machine does not have instead, such as 192.0.2.1: the OS refuses that bind too (EADDRNOTAVAIL), and the checkpoint counts it.',
  'lessons.stage.bind-errors.why.root': 'Socket Lab runs as root',
  'lessons.stage.bind-errors.why.threshold':
    'ports from {start} up need no privilege on this Linux',
  'lessons.stage.bind-errors.why.windows': 'Windows has no privileged ports',
  'lessons.stage.read-request.title': 'Reading the request',
  'lessons.stage.read-request.does':
    'handle_connection wraps the stream in a BufReader and reads lines up to the first empty one, the blank line that ends an HTTP request’s headers. It prints them with {:#?} and drops the stream.',
  'lessons.stage.read-request.see':
    'Open {url} in a browser or run curl: the event log shows Request: [ … ] with the request line (GET / HTTP/1.1) and the headers. A connection that sends nothing prints Request: [] when it closes; until then it holds the single thread. The browser still gets no answer.',
  'lessons.stage.respond.title': 'Writing a response',
  'lessons.stage.respond.does':
    'Now the server answers: the status line HTTP/1.1 200 OK, a Content-Length header, a blank line, then hello.html, every line ending in \\r\\n. Content-Length tells the client where the body ends.',
  'lessons.stage.respond.see':
    'Open {url}: the browser shows “Hello!”. Select the connection to see the request and the response byte by byte. hello.html can be edited in the listener card.',
  'lessons.stage.routes.title': 'Routes and 404',
  'lessons.stage.routes.does':
    'Only the request line is read. GET / HTTP/1.1 gets hello.html; anything else gets HTTP/1.1 404 NOT FOUND and 404.html.',
  'lessons.stage.routes.see':
    'Open {url}/ and then {url}/nope, or run curl -i to see the status line.',
  'lessons.stage.slow.title': 'A slow request blocks everyone',
  'lessons.stage.slow.does':
    '/sleep waits 5 seconds before answering (the time can be changed in the card). A single thread handles one connection at a time, so every request behind it waits.',
  'lessons.stage.slow.see':
    'Open /sleep in one tab and / in another right after: / loads only once /sleep has answered. Watch the queue in the listener card. Chrome may hold back a second identical /sleep itself: use different URLs, or curl.',
  'lessons.stage.pool.title': 'Thread pool',
  'lessons.stage.pool.does':
    'ThreadPool::new(4) starts 4 workers that take jobs from a channel. Each connection becomes a job: up to 4 run side by side, the others wait in the queue.',
  'lessons.stage.pool.see':
    'Open /sleep, then / at once: / answers without waiting. The log shows “Worker N got a job; executing.” for each job. With five /sleep requests at once, four run and one waits for a free worker.',
  'lessons.stage.shutdown.title': 'Graceful shutdown',
  'lessons.stage.shutdown.does':
    'take(2) ends the loop after two connections; main prints “Shutting down.” and drops the pool. Its Drop closes the channel and joins the workers in order: each finishes its job, sees the channel closed and exits.',
  'lessons.stage.shutdown.see':
    'Stop the listener, set up, start it and make two requests (curl is best: an idle browser connection counts as one of the two and can keep a worker waiting in read). The log shows “Shutting down worker N” for each worker, and the listener stops by itself.',
  'lessons.stage.own-server.title': 'Inspect your own server',
  'lessons.stage.own-server.does':
    'Your own program now, not a listing: Socket Lab stands between the browser and your server. Each connection to the listener opens one to your server, and the bytes pass both ways unchanged, so the inspector shows exactly what your server sent and the response linter says what is wrong with it.',
  'lessons.stage.own-server.see':
    'In your server’s src/main.rs change the bind line to {bindLine}, so that it listens on {target}, where Socket Lab forwards, and start it with cargo run. Set up, start listening and open {url} in a browser: the request goes through Socket Lab to your server, and its answer comes back unchanged. Select the connection: the inspector’s “Socket Lab ↔ target” section shows what your server sent and the linter’s findings, and the log says when your server accepted, answered and closed. The book’s final program stops after two connections (take(2)): run cargo run again, or remove .take(2).',
  'lessons.stage.own-server.mistakes':
    'The linter catches the classic mistakes: lines that end in \\n only, without \\r; a Content-Length that is not the body’s length in bytes (too short or too long); and answering without reading the request: a stream dropped with request bytes still unread makes the OS reset the connection (RST), and the browser may show “connection reset” although the response arrived. If the log says your server is not running, the connect to {target} was refused: nothing listens there, so start your server with cargo run on that port.',

  'lessons.check.listening': 'The listener is listening',
  'lessons.check.established': '“Connection established!” printed',
  'lessons.check.accepted-3': '3 connections accepted',
  'lessons.check.bind-in-use': 'A bind failed: address in use',
  'lessons.check.bind-denied': 'A bind refused: permission denied (or an address not here)',
  'lessons.check.relistened': 'A listener whose bind failed is listening again',
  'lessons.check.request-line': 'A request line read',
  'lessons.check.request-headers': 'Headers read up to the blank line',
  'lessons.check.request-received': 'A request received',
  'lessons.check.ok-with-length': '200 OK sent with Content-Length',
  'lessons.check.ok-served': '200 served for /',
  'lessons.check.not-found': '404 served',
  'lessons.check.sleep-answered': '/sleep answered after its wait',
  'lessons.check.sleep-blocks': 'A second request waited while /sleep ran',
  'lessons.check.worker-job': 'A worker got a job',
  'lessons.check.side-by-side': 'Two requests ran side by side',
  'lessons.check.sleep-not-blocking': 'A request answered while /sleep ran',
  'lessons.check.take-shutdown': '2 requests, then shutdown',
  'lessons.check.workers-shut-down': 'Every worker shut down',
  'lessons.check.stopped-by-itself': 'The listener stopped by itself',
  'lessons.check.target-accepted': 'Your server accepted a forwarded connection',
  'lessons.check.target-answered': 'Your server answered',
  'lessons.check.response-clean': 'A complete response the linter finds nothing wrong with',
} satisfies Record<string, Message>
