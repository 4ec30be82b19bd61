/**
 * English messages of the workspace part; spread into en.ts. Keys start with 'workspace.'.
 */
import type { Message } from './translate'

export const workspaceEn = {
  'workspace.dismiss': 'Dismiss',
  'workspace.sandboxOff':
    'The sandbox is off: Socket Lab was started with --no-sandbox, so a page that went wrong could reach your computer. Start it without that option when you can.',

  'workspace.textSize': 'Text size',
  'workspace.textSize.smaller': 'Smaller text',
  'workspace.textSize.larger': 'Larger text',
  'workspace.textSize.reset': 'Text size {percent}%: reset',
  'workspace.textSize.shortcut': '{action} ({keys})',
  'workspace.projector': 'Projector',
  'workspace.projector.title':
    'Projector mode: large type, high contrast, the lesson and the event log side by side',
  'workspace.split.paneWidth': 'Width of the lesson pane',
  'workspace.split.lessonHeight': 'Height of the lesson above the event log',
  'workspace.split.lessonWidth': 'Width of the lesson beside the event log',
  'workspace.lesson.jumpTitle': 'Go to the lesson',
  'workspace.http.region': 'HTTP analysis',

  'workspace.theme': 'Theme',
  'workspace.theme.system': 'System',
  'workspace.theme.light': 'Light',
  'workspace.theme.dark': 'Dark',
  'workspace.settingsProblem':
    'Your saved settings could not be read ({reason}) and were replaced by defaults.',
  'workspace.settingsProblem.corrupt': 'the file is damaged',
  'workspace.settingsProblem.unreadable': 'the file could not be opened',
  'workspace.settingsProblem.detail': 'Details',
  'workspace.settingsProblem.too-large': 'the file is larger than {max} MiB',
  'workspace.settingsProblem.not-a-file':
    'Your settings file is {found}, not a regular file, so it was ignored and left as it is: Socket Lab started with defaults and cannot save settings until it is removed or replaced by a regular file.',
  'workspace.settingsProblem.found.directory': 'a folder',
  'workspace.settingsProblem.found.fifo': 'a named pipe (FIFO)',
  'workspace.settingsProblem.found.socket': 'a socket',
  'workspace.settingsProblem.found.device': 'a device',
  'workspace.settingsProblem.found.other': 'something special',
  'workspace.settingsProblem.listeners-capped': {
    one: 'Your settings file has more listeners than the {max} Socket Lab keeps: the first {max} were restored and {count} was ignored (the next save leaves it out).',
    other:
      'Your settings file has more listeners than the {max} Socket Lab keeps: the first {max} were restored and {count} were ignored (the next save leaves them out).',
  },
  'workspace.settingsProblem.file': 'Settings file: {file}',
  'workspace.settingsProblem.movedTo': 'The old file was kept as {movedTo}.',
  'workspace.settingsSaveFailed':
    'Your settings could not be saved: changes apply until Socket Lab closes.',

  'workspace.listener.bytesOut': 'bytes out',

  'workspace.input.send-empty': 'There is nothing to send.',
  'workspace.input.send-too-large': 'Too much to send at once: at most {max} MiB.',
  'workspace.input.pattern-empty': 'Enter something to search for.',
  'workspace.input.pattern-too-long': 'A search is at most {max} bytes long.',

  'workspace.connections.col.bytesOut': 'Bytes out',
  'workspace.connections.state.we-ended': 'we ended (FIN sent)',
  'workspace.connections.idle': 'idle',
  'workspace.bytes.gib': '{n} GiB',
  'workspace.bytes.mib': '{n} MiB',
  'workspace.bytes.title': { one: '{count} byte', other: '{count} bytes' },
  'workspace.connections.idleTitle':
    'No bytes yet — often a browser’s speculative connection; a blocking read would wait here.',
  'workspace.connections.filters': 'Connection filters',
  'workspace.connections.filter.state': 'Show',
  'workspace.connections.filter.all': 'All',
  'workspace.connections.filter.open': 'Open',
  'workspace.connections.filter.closed': 'Closed',
  'workspace.connections.filter.listener': 'Listener',
  'workspace.connections.filter.allListeners': 'All listeners',
  'workspace.connections.filter.listenerN': 'Listener {number}',
  'workspace.connections.filter.address': 'Address',
  'workspace.connections.filter.addressPlaceholder': 'e.g. 127.0.0.1 or :5000',
  'workspace.connections.filter.clear': 'Clear filters',
  'workspace.connections.shown': {
    one: '{shown} of {count} connection shown',
    other: '{shown} of {count} connections shown',
  },
  'workspace.connections.noMatch': 'No connection matches the filters.',
  'workspace.stream.forgotten':
    'Connection #{number} closed long ago and was forgotten with its bytes: Socket Lab keeps the last {kept} closed connections.',
  'workspace.connections.forgotten': {
    one: '{count} older closed one forgotten (the last {kept} closed are kept)',
    other: '{count} older closed ones forgotten (the last {kept} closed are kept)',
  },
  'workspace.closeAll': 'Close all',
  'workspace.closeAll.explainAll':
    'Sends FIN on every open connection: each client reads to the end and then gets EOF (a read of 0 bytes).',
  'workspace.closeAll.explainListener':
    'Sends FIN on every open connection of Listener {number}: each client reads to the end and then gets EOF (a read of 0 bytes).',
  'workspace.closeAll.done': {
    one: 'Sent FIN on {count} connection.',
    other: 'Sent FIN on {count} connections.',
  },

  'workspace.log.weEnded': '#{number}: we ended our side (FIN)',
  'workspace.log.usReset': '#{number}: we reset it (RST); the client got ECONNRESET',
  'reason.us-reset': 'reset by us (RST)',
  'workspace.log.reset': '#{number} closed by a reset (RST) from the peer',
  'workspace.log.resetCode': '#{number} closed by a reset (RST) from the peer: {code}',
  'workspace.log.resetFound':
    '#{number} closed: after its FIN the peer reset the connection (RST); a zero-length write found it: {code}',
  'workspace.log.goneFound':
    '#{number} closed after the peer’s FIN: a zero-length write found the connection gone: {code}',
  'workspace.log.echoCapped':
    '#{number}: echo stopped at its cap: more than {limit} MB wait to be sent and the peer is not reading them. What it sends now is recorded, not echoed.',
  'workspace.log.kind.limits': 'Limits reached',
  'workspace.connections.echoCapped': '{state}; echo stopped at {limit} MB unsent',
  'workspace.listeners.full': 'At most {max} listeners: remove one to add another.',
  'workspace.log.refusedAtLimit':
    'Refused a connection from {remote}: {code}, the open-file limit ({limit}) leaves no room for more connections. Refused so far: {count}.',
  'workspace.log.acceptFailed': 'accept() failed: {code}. Refused so far: {count}.',
  'workspace.listener.refused': 'refused (EMFILE)',
  'workspace.listener.refusedHint':
    'Turned away at the open-file limit: {count}. This process may hold {limit} open files and every connection takes one; new connections are accepted again as others close.',
  'workspace.listener.refusedHintUnknown':
    'Turned away at the open-file limit: {count}. New connections are accepted again as others close.',
  'workspace.listener.maxConnectionsLimitHint':
    'Empty: up to {capacity} connections across all listeners, which keeps below the open-file limit ({limit}); more are refused (EMFILE). Past a number set here, new connections are dropped.',
  'workspace.connections.state.foundByProbe': '{state}, found by a probe after its FIN',
  'workspace.log.filters': 'Event kinds',
  'workspace.log.kind.accepted': 'Accepted',
  'workspace.log.kind.peer-ended': 'Peer ended',
  'workspace.log.kind.we-ended': 'We ended',
  'workspace.log.kind.closed': 'Closed',
  'workspace.log.kind.dropped': 'Dropped',
  'workspace.log.kind.listener': 'Listener state',
  'workspace.log.kind.bind-failed': 'Bind failed',
  'workspace.log.search': 'Search the log',
  'workspace.log.searchPlaceholder': 'Search…',
  'workspace.log.shown': {
    one: '{shown} of {count} event shown',
    other: '{shown} of {count} events shown',
  },
  'workspace.log.noMatch': 'No event matches the filters.',
  'workspace.log.paused': 'Auto-scroll paused',
  'workspace.log.burst': {
    one: '{count} connection accepted in {duration}',
    other: '{count} connections accepted in {duration}',
  },
  'workspace.log.burstMs': '{ms} ms',
  'workspace.log.burstDetail':
    'FIN from the client: {peerEnded}, closed: {closed}, reset: {resets}',
  'workspace.log.burstShow': {
    one: 'Show {count} line',
    other: 'Show {count} lines',
  },
  'workspace.log.burstHide': 'Hide the lines',
  'workspace.log.burstTitle':
    'Connections came faster than anyone can read: their lines are summed up here, and all kept.',
  'workspace.log.pausedNew': {
    one: 'Auto-scroll paused — {count} new event below',
    other: 'Auto-scroll paused — {count} new events below',
  },
} satisfies Record<string, Message>
