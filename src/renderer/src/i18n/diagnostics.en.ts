/** English messages of the diagnostics: who holds a port, excluded ranges, localhost. */
import type { Message } from './translate'

export const diagnosticsEn = {
  'diagnostics.askingOs': 'Asking the OS…',
  'diagnostics.failedRequest': 'Socket Lab could not run the check: {error}',

  'diagnostics.who.button': 'Who holds this port?',
  'diagnostics.who.found': {
    one: 'The OS lists {count} listening socket on port {port}:',
    other: 'The OS lists {count} listening sockets on port {port}:',
  },
  'diagnostics.who.holder': '{name}, PID {pid}, listening on {address}',
  'diagnostics.who.holderNoName': 'PID {pid} (name unknown), listening on {address}',
  'diagnostics.who.holderHidden': 'A listener on {address}: the OS did not say which process',
  'diagnostics.who.self': 'this is Socket Lab itself (another of its listeners)',
  'diagnostics.who.hidden':
    'The OS lists the socket but not its process. Without root rights, ss shows the process only for your own sockets: run the command below with sudo to see it.',
  'diagnostics.who.hiddenRoot':
    'The OS lists the socket but not its process, even to root: the process may be outside what this app can see (for example, in another container).',
  'diagnostics.who.nobody':
    'Nobody listens on port {port} now. If the program that held it has stopped, starting again should work.',
  'diagnostics.who.nobodyPartial':
    'lsof lists no listener on port {port} among the processes it can see. Without root rights it sees only your own processes, so another user’s program may still hold the port: run the command below with sudo.',
  'diagnostics.who.unsupported':
    'Socket Lab has no lookup for this OS. Try the commands above, if your system has them.',

  'diagnostics.missing': 'Not found here: {tools}. Socket Lab cannot tell.',
  'diagnostics.missingLinux':
    'Not found here: {tools}. Socket Lab cannot tell. On Debian and Ubuntu, ss comes with the iproute2 package.',
  'diagnostics.timeout': 'The command did not finish within {seconds} s. Socket Lab cannot tell.',
  'diagnostics.failed': 'The command failed. Socket Lab cannot tell; its output is below.',

  'diagnostics.runs': 'What ran and what it printed',
  'diagnostics.run.exited': 'exit code {code}',
  'diagnostics.run.missing': 'not found',
  'diagnostics.run.timeout': 'stopped after {seconds} s',
  'diagnostics.run.failed': 'could not run: {error}',
  'diagnostics.run.empty': '(no output)',
  'diagnostics.run.truncated': '(output cut off here)',

  'diagnostics.excluded.button': 'Check excluded port ranges',
  'diagnostics.excluded.inRange':
    'Port {port} lies in a range Windows has excluded: {ranges}. Hyper-V, WSL2, Docker or WinNAT reserve such ranges. Pick another port, or, as administrator, run net stop winnat and then net start winnat.',
  'diagnostics.excluded.administered': 'added by an administrator',
  'diagnostics.excluded.notInRange': {
    one: 'Port {port} is not in the {count} excluded range listed, so a reserved range is not the cause here.',
    other:
      'Port {port} is not in any of the {count} excluded ranges listed, so a reserved range is not the cause here.',
  },
  'diagnostics.excluded.notWindows':
    'Excluded port ranges are a Windows thing: there is nothing to check on this OS.',

  'diagnostics.localhost.summary': 'localhost',
  'diagnostics.localhost.intro':
    'A browser or curl asked for http://localhost:{port} first looks up what localhost means. If it resolves to ::1 as well as 127.0.0.1, a client may try ::1 first — and is refused there when the server listens on 127.0.0.1 only.',
  'diagnostics.localhost.button': 'Test localhost',
  'diagnostics.localhost.resolves': {
    one: 'Here localhost resolves to {addresses} only.',
    other: 'Here localhost resolves to {addresses}, in this order.',
  },
  'diagnostics.localhost.lookupFailed': 'localhost does not resolve here ({code}).',
  'diagnostics.localhost.notListening':
    'This listener is not listening, so only the lookup was done. Start it to test which addresses accept.',
  'diagnostics.localhost.probes': 'Connections to port {port} (127.0.0.1 and ::1 are always tried)',
  'diagnostics.localhost.address': 'Address',
  'diagnostics.localhost.fromLocalhost': 'From localhost?',
  'diagnostics.localhost.result': 'Result',
  'diagnostics.localhost.yes': 'yes',
  'diagnostics.localhost.no': 'no',
  'diagnostics.localhost.accepted': 'accepted',
  'diagnostics.localhost.refused': 'refused (ECONNREFUSED)',
  'diagnostics.localhost.timeout': 'no answer within {seconds} s',
  'diagnostics.localhost.error': 'error: {code}',
  'diagnostics.localhost.all': 'localhost reaches this listener on every address it resolves to.',
  'diagnostics.localhost.some':
    'The trap: localhost also resolves to {refused}, and this listener does not accept there. A client that tries {refused} first is refused; whether it then tries {accepted} depends on the client. Use {accepted} in the address, or listen on both.',
  'diagnostics.localhost.none':
    'No address localhost resolves to reaches this listener: connect to the address it listens on instead.',
  'diagnostics.localhost.note':
    'Each accepted test is a real connection: this listener counts it as accepted, and Socket Lab closes it at once.',
} satisfies Record<string, Message>
