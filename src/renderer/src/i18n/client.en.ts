/** English messages of the client panel; spread into en.ts. Keys start with 'client.'. */
import type { Message } from './translate'

export const clientEn = {
  'client.region': 'Client',
  'client.intro':
    'Sends real requests to a listener here or to your own server (say, your Rust program) and shows when each one connects, sends, gets its first byte back and is done.',
  'client.target': 'Target',
  'client.target.hint': 'host:port, e.g. 127.0.0.1:7878 or [::1]:7878',
  'client.target.useListener': 'Use Listener {number} ({address})',
  'client.plan': 'Plan',
  'client.plan.http': 'HTTP requests',
  'client.plan.raw': 'Raw request',
  'client.presets': 'Presets',
  'client.preset.book': '2 × /sleep + 1 × / at t=0',
  'client.preset.fourSleeps': '4 × /sleep',
  'client.preset.one': '1 × /',
  'client.rows.hint':
    'Each request is GET path HTTP/1.1 on its own connection, opened Start ms after the plan begins. At most {max} connections.',
  'client.col.count': 'Count',
  'client.col.path': 'Path',
  'client.col.start': 'Start (ms)',
  'client.row.count': 'Count, row {n}',
  'client.row.path': 'Path, row {n}',
  'client.row.start': 'Start (ms), row {n}',
  'client.row.remove': 'Remove row {n}',
  'client.row.add': 'Add row',
  'client.raw.text': 'Request bytes',
  'client.raw.hint':
    'Escapes: \\r \\n \\t \\0 \\\\ \\xNN. Line breaks you type are sent as \\r\\n. {count} bytes, on one connection.',
  'client.framing': 'Send as',
  'client.framing.whole': 'One write',
  'client.framing.chunks': 'In chunks',
  'client.framing.bytes': 'One byte at a time (slow client)',
  'client.framing.explain.whole': 'All bytes in one write.',
  'client.framing.explain.chunks':
    'The bytes cut into this many writes with a pause between them: watch the listener’s Chunks view — one write is not one read unless the pause lets each arrive alone.',
  'client.framing.explain.bytes':
    'One byte, then a pause, and so on: a server that reads the request line first waits the whole time.',
  'client.chunks': 'Chunks',
  'client.gap': 'Pause (ms)',
  'client.interval': 'Interval (ms)',
  'client.remote.warning':
    '{host} is not this computer: the plan will send real traffic over the network.',
  'client.remote.confirm': 'I may test {host}: send the plan there',
  'client.run': 'Run plan',
  'client.cancel': 'Cancel',
  'client.remote.resolvesElsewhere':
    '{host} resolves to an address that is not this machine (see your hosts file or DNS). Nothing was sent: confirm below to send the plan there.',
  'client.runFailed': 'The plan was not started: {message}',
  'client.readOnly': 'A saved session is open: plans run only against the live engine.',

  'client.error.target-empty': 'Type a target: host:port.',
  'client.error.target-no-port': 'Add a port: host:port, e.g. 127.0.0.1:7878.',
  'client.error.target-ipv6-brackets': 'Put an IPv6 address in brackets: [::1]:7878.',
  'client.error.host-too-long': 'The host is too long.',
  'client.error.host-invalid-characters': 'The host has characters a host name cannot have.',
  'client.error.port-not-integer': 'The port must be a whole number.',
  'client.error.port-out-of-range': 'The port must be between 1 and 65535.',
  'client.error.port-zero':
    'Port 0 means “any port” when listening; a client cannot connect to it.',
  'client.error.remote-not-confirmed': 'Confirm that you may send the plan to this host.',
  'client.error.rows-empty': 'Add at least one row.',
  'client.error.rows-too-many': 'At most {max} rows.',
  'client.error.count-range': 'A whole number from 1 to {max}.',
  'client.error.start-range': 'A whole number of ms from 0 to {max}.',
  'client.error.path-empty': 'Type a path, e.g. /sleep.',
  'client.error.path-no-slash': 'A path starts with /.',
  'client.error.path-invalid':
    'No spaces, line breaks or non-ASCII characters: they would change the request line.',
  'client.error.path-too-long': 'At most {max} characters.',
  'client.error.too-many-connections':
    'At most {max} connections per plan (this one has {count}): a teaching tool, not a load generator.',
  'client.error.raw-empty': 'Nothing to send.',
  'client.error.raw-too-large': 'At most {max} bytes.',
  'client.error.raw-escape':
    'Unknown escape at character {index}: use \\r \\n \\t \\0 \\\\ or \\xNN (two hex digits).',
  'client.error.chunks-range': 'A whole number from 1 to {max}.',
  'client.error.chunks-more-than-bytes': 'More chunks than bytes: at most {max}.',
  'client.error.gap-range': 'A whole number of ms from 0 to {max}.',
  'client.error.interval-range': 'A whole number of ms from 1 to {max}.',
  'client.error.time-limit-range': 'From 1 to {max} s.',

  'client.runs': 'Runs',
  'client.noRuns': 'No plan has run yet.',
  'client.run.title': 'Run {n}: {plan} → {target}',
  'client.run.rawPlan': 'raw request ({framing})',
  'client.model': 'Listener {number}: {responder}, {handling}{workers}{sleep}.',
  'client.model.sleep': '; /sleep takes {seconds} s',
  'client.model.expected': 'Expected times follow this model.',
  'client.model.workers': ' of {count}',
  'client.model.none': 'Not one of Socket Lab’s listeners: actual times only.',
  'client.model.noModel':
    'Listener {number} is “{responder}”, which answers no requests: actual times only.',
  'client.outcome.running': 'Running…',
  'client.outcome.completed': 'Finished in {time}.',
  'client.outcome.cancelled': 'Cancelled after {time}: its connections were closed.',
  'client.outcome.time-limit':
    'Stopped itself at its {seconds} s limit: the connections still open were closed.',
  'client.outcome.shutdown': 'Stopped: the engine shut down.',
  'client.timeline': 'Timeline of run {n}',
  'client.axis': 'Times are from the start of the plan. Axis: 0 to {time}.',
  'client.legend':
    'Bar: connect to done. ▲ first byte sent, ▼ first byte received, ┆ expected done.',
  'client.previous': 'Earlier runs',
  'client.raw': 'raw request',
  'client.row.summary': '#{n} {what} — {status} — {time}',
  'client.row.expected': '(expected {time})',
  'client.row.pending': 'not done',
  'client.phase.planned': 'waiting to start',
  'client.phase.connecting': 'connecting',
  'client.phase.sending': 'sending',
  'client.phase.waiting': 'waiting for an answer',
  'client.phase.receiving': 'receiving',
  'client.phase.done': 'closed',
  'client.phase.failed': 'failed',
  'client.noResponse': 'closed without an answer',
  'client.detail.connected': 'connected {time}',
  'client.detail.firstSent': 'first byte sent {time}',
  'client.detail.lastSent': 'last byte sent {time}',
  'client.detail.firstReceived': 'first byte back {time}',
  'client.detail.bytes': '{sent} B sent in {writes}, {received} B received',
  'client.detail.writes': { one: '{count} write', other: '{count} writes' },
  'client.detail.port': 'from port {port}',
  'client.explain.ETIMEDOUT':
    'Timed out: the other side stopped answering (a firewall that drops packets, or a host that is down).',
  'client.explain.CONNECT_TIMEOUT':
    'No answer to the connection attempt in {seconds} s: a firewall that drops packets, or a host that is down or does not exist.',
  'client.explain.EHOSTUNREACH': 'No route to that host from this computer.',
  'client.explain.ENETUNREACH': 'No route to that network from this computer.',
  'client.explain.EADDRNOTAVAIL': 'That address cannot be connected to from this computer.',
  'client.explain.ENOTFOUND': 'The host name does not resolve to an address.',
  'client.explain.EAI_AGAIN':
    'The host name could not be looked up right now (DNS did not answer).',
  'client.explain.CANCELLED': 'You cancelled the plan: the client closed this connection.',
  'client.explain.other': 'The connection failed with {code}.',

  'client.commands': 'The same from a terminal',
  'client.commands.hint': 'Commands for your system come first.',
  'client.commands.none': 'Fix the plan to see the commands.',
  'client.command.curl': 'curl (Linux, macOS)',
  'client.command.curl-cmd': 'curl.exe (Windows, Command Prompt)',
  'client.command.nc': 'nc (Linux, macOS)',
  'client.command.powershell': 'PowerShell (Windows)',
  'client.command.powershell-raw': 'PowerShell, raw bytes (Windows)',
  'client.ms': '{n} ms',
  'client.s': '{n} s',
  'client.preset.bookIdle': '2 × /sleep + 1 × / + 1 idle',
  'client.idle.label': 'Idle connections',
  'client.idle.hint':
    'Like a browser’s speculative connections: opened first, at t=0, they connect and send nothing; the requests start once they are connected. They stay open after the requests are done. 0 to {max}.',
  'client.error.idle-range': 'A whole number from 0 to {max}.',
  'client.idle.count': { one: '{count} idle', other: '{count} idle' },
  'client.idle.what': 'idle',
  'client.row.summaryOpen': '#{n} {what} — {status}',
  'client.idle.status.open': 'open, sent nothing',
  'client.idle.status.server': 'closed by the server',
  'client.idle.status.reset': 'reset by the server',
  'client.idle.status.client': 'closed here',
  'client.idle.explain.open': 'Idle — sent nothing; a blocking read on the server waits here.',
  'client.idle.explain.server': 'The server closed it; nothing had been sent on it.',
  'client.idle.explain.serverOurs':
    'Listener {number} closed it without reading a request (for example, Stop with “close all”).',
  'client.explain.CLOSED_BY_CLIENT': 'You closed the idle connections: the client closed this one.',
  'client.explain.NEW_PLAN': 'A new plan started: the client closed this idle connection.',
  'client.row.expectedNever':
    '(expected: never — every thread it could get is held by an idle connection)',
  'client.closeIdle': 'Close idle connections',
  'client.idle.lingering': {
    one: 'The requests are done; {count} idle connection stays open until the server closes it, you close it, or the time limit.',
    other:
      'The requests are done; {count} idle connections stay open until the server closes them, you close them, or the time limit.',
  },
  'client.commands.idle':
    'Idle connections have no curl equivalent: {command} with nothing typed opens one.',
  'client.verdict.refused':
    'Connection refused at {time}: nothing listens on that address and port ({target}), so the OS refused the connection. Is your server running, and on that port? Check the address in its bind call: a server that has exited or panicked no longer listens.',
  'client.verdict.reset': 'The server reset the connection (RST) at {time}, {received}.',
  'client.verdict.reset.unsent':
    'It came before the whole request was sent ({sent} of {total} bytes).',
  'client.verdict.reset.why':
    'An OS sends RST instead of a normal close when a server closes a connection — or its process ends (a panic, Ctrl-C) — while request bytes it never read are waiting: for example it answered, or dropped the stream, without reading the request.',
  'client.verdict.closedEarly.nothing':
    'The server closed the connection (FIN) at {time} without sending a byte: it dropped the stream without writing a response, as Listings 20-1 and 20-2 do.',
  'client.verdict.closedEarly.nothing.why':
    'Does your handler write the response (stream.write_all) before the stream is dropped?',
  'client.verdict.closedEarly.head':
    'The server closed the connection (FIN) at {time}, {received}, before the head ended: no blank line (\\r\\n\\r\\n) came, so the response is incomplete.',
  'client.verdict.closedEarly.body':
    'The server closed the connection (FIN) at {time} with the body incomplete: {body} of the {length} bytes its Content-Length promised.',
  'client.verdict.closedEarly.body.why':
    'Count the body in bytes (contents.len()), and write all of it before the stream is dropped.',
  'client.verdict.timedOut.connect':
    'The plan’s time limit came while the connection was still being made.',
  'client.verdict.timedOut.nothing':
    'No answer within the plan’s {seconds} s limit: the server accepted the connection and got the request ({sent} bytes), but sent nothing and did not close it.',
  'client.verdict.timedOut.nothing.why':
    'Is it still reading — reading to the end of the stream (read_to_end, read_to_string) waits for a close the client never sends — or busy with another connection (a single thread)?',
  'client.verdict.timedOut.partial':
    'The server sent {received} and then neither finished the response nor closed the connection within the plan’s {seconds} s limit.',
  'client.verdict.kept-open':
    'The whole response arrived ({received}, from {time}), but the server kept the connection open until the plan’s {seconds} s limit, although the request said Connection: close. A client that reads by Content-Length is done; one that reads until the close waits.',
  'client.verdict.notStarted': 'The plan’s time limit came before this request opened.',
  'client.evidence.none': 'before any byte of a response',
  'client.evidence.after': {
    one: 'after {count} byte of the response',
    other: 'after {count} bytes of the response',
  },
  'client.evidence.bytes': { one: '{count} byte', other: '{count} bytes' },
  'client.evidence.head': 'The head had not ended: no blank line yet.',
  'client.evidence.body':
    'The body was incomplete: {body} of the {length} bytes its Content-Length promised.',
  'client.evidence.bodyNoLength':
    'With no Content-Length, only the close could have told the client where the body ends.',
  'client.evidence.complete': 'The response was complete before it.',
  'client.ours': 'Listener {number} is “{responder}”: {behaviour}',
  'client.ours.silent': 'it records what arrives and never answers or closes.',
  'client.ours.close-at-once':
    'it drops the stream as soon as it accepts it (Listing 20-1), without reading the request: with request bytes unread, the OS sends RST.',
  'client.ours.read-request-then-close':
    'it reads the request and drops the stream without answering (Listing 20-2).',
  'client.ours.echo': 'it sends back every byte it reads and never closes.',
  'client.ours.forward':
    'it passes every byte on to your own server (the target on its card) and back, unchanged: what the client gets is what your server sent.',
  'client.ours.http':
    'it answers with the response head and page set on its card, then closes; the linter there checks what it sends.',

  'client.response.toggle': 'Response #{n} — {size}{findings}',
  'client.response.findings': {
    one: ', {count} linter finding',
    other: ', {count} linter findings',
  },
  'client.response.region': 'Response #{n}',
  'client.response.size': { one: '{count} byte received.', other: '{count} bytes received.' },
  'client.response.truncated':
    'The first {kept} of {total} bytes received are kept and shown (a plan keeps at most 64 KiB of each response, less when it has many connections).',
  'client.response.views': 'Response view',
  'client.response.text': 'Text',
  'client.response.hex': 'Hex',
  'client.response.textHint':
    'UTF-8; control bytes (\\r, \\n, …) are boxed and bytes that are not UTF-8 are shown as \\xNN. Marked: the bytes a finding is about.',
  'client.lint.title': 'The response linter on these bytes',
  'client.lint.list': 'Linter findings for #{n}',
  'client.lint.ok': 'The linter finds nothing wrong with this response.',
  'client.lint.notHttp': 'These bytes are not an HTTP response: the linter has nothing to check.',
  'client.lint.where.byte': 'byte {offset}',
  'client.lint.where.range': 'bytes {from}–{to}',
  'client.lint.where.end': 'at the end, byte {offset}',
  'client.lint.where.hint': 'Mark it in the bytes',
  'client.finding.status-line':
    'The status line “{line}” is not HTTP/1.x NNN reason: clients may reject the response.',
  'client.finding.bare-lf':
    'Line {line} of the head ends with a bare \\n instead of \\r\\n. HTTP requires \\r\\n; browsers and curl usually accept it, stricter clients may not.',
  'client.finding.no-blank-line':
    'The head never ended: no blank line (\\r\\n\\r\\n) arrived, so a client is still waiting for the rest of the headers.',
  'client.finding.no-content-length':
    'No Content-Length: the client learns where the body ends only when the connection closes.',
  'client.finding.bad-content-length':
    'Content-Length “{value}” is not one number of bytes: clients may reject the response.',
  'client.finding.length-short':
    'Content-Length says {declared} bytes, but {actual} arrived: the client waits for the rest, or gets an incomplete response when the connection closes.',
  'client.finding.length-long':
    'Content-Length says {declared} bytes, but {actual} arrived: a client stops after {declared} and drops the rest (marked).',
  'client.finding.close-delimited':
    'A body of {body} bytes after Connection: close, with no Content-Length: the client takes everything until the server closes as the body. That works with a clean close, but after a reset — or from a server that stays open — it cannot tell a whole page from a cut one.',
} satisfies Record<string, Message>
