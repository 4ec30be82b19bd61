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
  'client.model.none':
    'Not one of Socket Lab’s listeners (or its responder answers no requests): actual times only.',
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
  'client.explain.noResponse':
    'The server closed the connection without sending anything, as Listings 20-1 and 20-2 do.',
  'client.explain.ECONNREFUSED':
    'Connection refused: nothing listens on that address and port (or the listener was stopped), so the OS refused the connection.',
  'client.explain.ECONNRESET':
    'Connection reset: the server reset the connection (RST) instead of closing it normally — for example Listing 20-1 (“Close at once”) drops the stream while the request is still unread, or the server used Reset.',
  'client.explain.EPIPE':
    'Broken pipe: the server had already closed the connection while the client was still sending.',
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
  'client.explain.TIME_LIMIT':
    'The plan’s time limit ended it: the server had not closed the connection by then (Silent and Echo never do).',
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
  'client.idle.explain.server':
    'The server closed it without reading a request (for example, Stop with “close all”).',
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
} satisfies Record<string, Message>
