/**
 * English messages: the reference catalog. Every key here must exist in ru.ts (a type error
 * otherwise). Program output, commands and error codes are not messages: they are shown as is.
 */
import { classEn } from './class.en'
import { clientEn } from './client.en'
import { diagnosticsEn } from './diagnostics.en'
import { forwardEn } from './forward.en'
import { inspectorEn } from './inspector.en'
import { lessonsEn } from './lessons.en'
import { sessionEn } from './session.en'
import { stagesEn } from './stages.en'
import type { Message } from './translate'
import { workspaceEn } from './workspace.en'

export const en = {
  'app.name': 'Socket Lab',
  'app.tagline': 'real TCP sockets, explained',
  'app.language': 'Language',
  'app.loading': 'Loading the state from the engine…',
  'app.loadFailed': 'Could not load the state from the engine.',
  'app.disconnected': 'Disconnected from the Socket Lab server.',
  'app.disconnectedHint':
    'Is the server (npm run web) still running? Reconnect rebuilds everything from it.',
  'app.reconnect': 'Reconnect',
  'app.tokenRefused': 'This page has no valid access token for the Socket Lab server.',
  'app.tokenRefusedHint':
    'Open the address Socket Lab printed in the terminal (http://127.0.0.1:…/#token=…). If Socket Lab was started again, it printed a new one.',
  'app.listeners': 'Listeners',
  'app.addListener': 'Add listener',
  'app.noListeners': 'No listeners. Add one to start.',

  'listener.region': 'Listener {number}',
  'listener.host': 'Host',
  'listener.port': 'Port',
  'listener.portProposed':
    '{port}, the book’s port, is listener {number}’s: this one got the next free port.',
  'listener.portZero': 'Port 0: the OS picks a free port.',
  'listener.fieldsLocked': 'Stop the listener to change the host or port.',
  'listener.start': 'Start listening',
  'listener.stop': 'Stop listening',
  'listener.stopHint': 'Stop lets open connections finish; new ones are refused.',
  'listener.closeAll': 'Close all now',
  'listener.stoppingHint': {
    one: 'Waiting for {count} open connection to finish.',
    other: 'Waiting for {count} open connections to finish.',
  },
  'listener.remove': 'Remove',
  'listener.removeLabel': 'Remove listener {number}',
  'listener.status.listening': 'Listening on {address}',
  'listener.status.stopped': 'Stopped',
  'listener.status.starting': 'Starting…',
  'listener.status.stopping': 'Stopping…',
  'listener.counters': 'Counters',
  'listener.accepted': 'accepted',
  'listener.open': 'open',
  'listener.dropped': 'dropped',
  'listener.bytesIn': 'bytes in',
  'listener.wildcard.title': 'Listen on every network interface?',
  'listener.wildcard.text':
    '{host} makes this listener reachable from other machines on the network; the OS firewall may ask for permission.',
  'listener.wildcard.accept': 'Listen on {host}',
  'listener.wildcard.cancel': 'Cancel',
  'listener.settings': 'Settings',
  'listener.maxConnections': 'Max connections',
  'listener.maxConnectionsHint': 'Empty: unlimited. Past the limit, new connections are dropped.',
  'listener.maxConnectionsInvalid': 'Enter a whole number from 1 to {max}, or leave it empty.',
  'listener.captureLimit': 'Capture limit (KiB)',
  'listener.captureLimitHint': 'Kept per connection; bytes past it are counted, not kept.',
  'listener.captureLimitInvalid': 'Enter a whole number of KiB from 0 to {max}.',
  'listener.applySettings': 'Apply settings',
  'listener.settingsSaved': 'Settings saved.',

  'input.port-empty': 'Enter a port from 0 to 65535.',
  'input.port-not-integer': 'A port is a whole number: digits only.',
  'input.port-out-of-range': 'A port is between 0 and 65535.',
  'input.host-empty': 'Enter a host, for example 127.0.0.1.',
  'input.host-too-long': 'A host has at most 255 characters.',
  'input.host-invalid-characters': 'A host cannot contain spaces or the characters / \\ ? # @.',
  'input.number-not-integer': 'Enter a whole number.',
  'input.number-out-of-range': 'This number is out of range.',
  'input.port-zero':
    'Port 0 only means “any free port” when listening: enter the port the server listens on, from 1 to 65535.',
  'input.remote-not-confirmed':
    'This host is not this computer: confirm below that Socket Lab may connect to it.',

  'error.INVALID_REQUEST':
    'The engine refused the request as malformed. This is a bug in Socket Lab.',
  'error.INVALID_INPUT': 'The engine refused a value.',
  'error.NOT_FOUND': 'This listener or connection no longer exists.',
  'error.BAD_STATE': 'Not possible in the current state; try again.',
  'error.BIND_FAILED': 'The OS refused to listen on this address.',
  'error.INTERNAL': 'Something went wrong inside Socket Lab or the link to it.',
  'error.FILE_FAILED': 'The file could not be read or written.',

  'os.linux': 'Linux',
  'os.darwin': 'macOS',
  'os.win32': 'Windows',
  'os.other': 'this OS',

  'bind.title': 'Could not listen on {address}',
  'bind.nodeSays': 'Node reported',
  'bind.why': 'What it means on {os}',
  'bind.whoHolds': 'Who holds this port?',
  'bind.commands': 'Commands',
  'bind.commandsAdmin': 'As administrator',
  'bind.copy': 'Copy',
  'bind.copyLabel': 'Copy: {command}',
  'bind.copied': 'Copied',
  'bind.rustTitle': "What the book's Rust program would print",
  'bind.rustExit': 'exit code {code}',
  'bind.rustUnknown': 'What the Rust program would print cannot be told for this OS and this case.',
  'bind.fixes': 'Fixes',
  'bind.fix.port0': 'Use port 0',
  'bind.fix.port': 'Use port {port}',
  'bind.fix.host': 'Use {host}',

  'explain.root': 'This process runs as root, so the privileged-port rule is not what refused it.',
  'explain.eacces.linux':
    'On Linux, ports below {start} need root or the CAP_NET_BIND_SERVICE capability. This applies to 127.0.0.1 too.',
  'explain.eacces.linuxRead':
    "This machine's threshold (/proc/sys/net/ipv4/ip_unprivileged_port_start) is {start}.",
  'explain.eacces.linuxDefault':
    "{start} is the default: this machine's /proc/sys/net/ipv4/ip_unprivileged_port_start could not be read.",
  'explain.eacces.container':
    'Containers (Docker 20.10 and later, Podman) usually set this threshold to 0, except with host networking.',
  'explain.eacces.darwin':
    'On macOS, ordinary users may listen on ports below 1024 only on the wildcard 0.0.0.0 or ::. On 127.0.0.1, ::1 or a LAN address a port below 1024 still fails with EACCES.',
  'explain.eacces.win32':
    'Windows has no privileged ports. EACCES almost always means that the port lies in an excluded range reserved by Hyper-V, WSL2, Docker or WinNAT. netstat shows nothing for such a port.',
  'explain.eacces.win32Fix':
    'Fix: pick another port, or restart WinNAT as administrator with the commands below.',
  'explain.eacces.other': 'The OS denied permission to listen on this address.',
  'explain.eacces.book':
    'The book says that only administrators can listen on ports below 1024. That is true on Linux by default, false on Windows, and half true on macOS.',
  'explain.inuse.live':
    'A live listener already holds {address}: another program, or another listener in this app.',
  'explain.inuse.reuse':
    'It is not a leftover of a server that just stopped: Node and Rust set SO_REUSEADDR, so connections in TIME_WAIT after a restart do not block a new listen.',
  'explain.inuse.linuxWildcard':
    'On Linux, 0.0.0.0:{port} and 127.0.0.1:{port} conflict: a listener on either one blocks the other.',
  'explain.inuse.dualStack':
    "A program that listens without a host (Node's default) binds :: dual-stack, which also conflicts with 127.0.0.1:{port}.",
  'explain.inuse.airplay': 'On macOS, ports 5000 and 7000 are often held by AirPlay Receiver.',
  'explain.notavail':
    '{host} is not an IP address of this machine. Use one of its own addresses, such as 127.0.0.1.',
  'explain.notfound': 'The host name {host} does not resolve to an address.',
  'explain.notfound.brackets':
    'Type {bare} without brackets: brackets belong only in host:port, as in [{bare}]:{port}.',
  'explain.einval':
    'The OS refused the address as invalid: for example an IPv6 link-local address (fe80::…) without its %scope.',
  'explain.other': 'Node reported {rawCode}; its message is shown above.',

  'connections.title': 'Connections',
  'connections.count': { one: '{count} connection', other: '{count} connections' },
  'connections.col.listener': 'Listener',
  'connections.col.number': '#',
  'connections.col.remote': 'Remote address',
  'connections.col.local': 'Local address',
  'connections.col.acceptedAt': 'Accepted at',
  'connections.col.bytesIn': 'Bytes in',
  'connections.col.state': 'State',
  'connections.col.duration': 'Duration',
  'connections.state.open': 'open',
  'connections.state.peer-ended': 'peer ended',
  'connections.state.closed': 'closed: {reason}',
  'connections.empty':
    'No connections yet. Start a listener, then connect with a browser, curl or nc.',
  'reason.peer': 'by the peer',
  'reason.us': 'by us',
  'reason.reset': 'reset by the peer',
  'reason.error': 'socket error',

  'duration.seconds': '{value} s',
  'duration.minutes': '{m} min {s} s',
  'duration.hours': '{h} h {m} min',

  'stream.title': 'Stream',
  'stream.views': 'View',
  'stream.text': 'Text',
  'stream.hex': 'Hex',
  'stream.none': 'Select a connection in the table to see the bytes it sent.',
  'stream.heading': 'Connection #{number} from {remote}',
  'stream.direction': 'client → server',
  'stream.received': { one: 'received {count} byte', other: 'received {count} bytes' },
  'stream.kept': { one: 'kept {count} byte', other: 'kept {count} bytes' },
  'stream.truncated': {
    one: 'Truncated: {count} byte past the capture limit was counted, not kept.',
    other: 'Truncated: {count} bytes past the capture limit were counted, not kept.',
  },
  'stream.pagedText': 'Large capture: Text shows fixed rows of 128 bytes, read page by page.',
  'stream.empty': 'No bytes received yet.',
  'stream.loading': 'Loading the bytes…',
  'stream.readFailed': 'Could not read the captured bytes.',
  'stream.control': 'control character',
  'stream.invalid': 'invalid UTF-8',
  'stream.legendControl': 'control character',
  'stream.legendInvalid': 'byte that is not valid UTF-8',

  'log.title': 'Event log',
  'log.col.time': 'Time',
  'log.col.listener': 'Listener',
  'log.col.message': 'Message',
  'log.listener': 'Listener {number}',
  'log.listenerShort': 'L{number}',
  'log.programOutput': 'What the book’s program prints for every accepted connection',
  'log.connectionDetail': '#{number} from {remote}',
  'log.accepted': 'Accepted #{number} from {remote}',
  'log.listening': 'Listening on {address}',
  'log.stopped': 'Stopped',
  'log.bindFailed': 'Could not listen on {address}: {code}',
  'log.peerEnded': '#{number}: the peer ended its side (FIN)',
  'log.closed': '#{number} closed: {reason}',
  'log.closedCode': '#{number} closed: {reason} ({code})',
  'log.dropped': 'Dropped a connection from {remote}: max connections reached',
  'log.droppedUnknown': 'Dropped a connection: max connections reached',
  'log.empty': 'Nothing has happened yet.',
  'log.paused': 'Auto-scroll is paused.',
  'log.jump': 'Jump to the newest',
  ...inspectorEn,
  ...workspaceEn,
  ...sessionEn,
  ...stagesEn,
  ...clientEn,
  ...diagnosticsEn,
  ...lessonsEn,
  ...classEn,
  ...forwardEn,
} satisfies Record<string, Message>

/** Every message key. */
export type MessageKey = keyof typeof en

/** A complete catalog: every key, nothing else. */
export type Catalog = { readonly [K in MessageKey]: Message }
