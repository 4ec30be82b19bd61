/**
 * What "Set up this stage" changes on a listener: the book's address, the stage's responder and
 * handling (and, forwarding to the learner's server, its target), and the book's pages and heads.
 * Pure, so the panel can show the list before it acts.
 */
import { HELLO_HEAD, HELLO_HTML, NOT_FOUND_HEAD, NOT_FOUND_HTML } from '../../../shared/book-pages'
import { formatHostPort, isWildcardHost } from '../../../shared/address'
import {
  DEFAULT_HOST,
  DEFAULT_PORT,
  DEFAULT_TARGET_HOST,
  DEFAULT_TARGET_PORT,
  type ListenerSettings,
  type ListenerSnapshot,
  type UpdateListenerRequest,
} from '../../../shared/contract'
import { bindCall } from '../../../shared/own-server-code'
import type { StageSetup } from './stages'

/** One setting that will change, named as the card names it. */
export type SetupChange =
  | { kind: 'address'; from: string; to: string }
  | { kind: 'responder'; from: ListenerSettings['responder']; to: ListenerSettings['responder'] }
  | { kind: 'handling'; from: ListenerSettings['handling']; to: ListenerSettings['handling'] }
  | { kind: 'workers'; from: number; to: number }
  | { kind: 'stop-after'; from: number | null; to: number | null }
  | { kind: 'target'; from: string; to: string }
  | { kind: 'pages' }

const BOOK_PAGES = {
  helloHtml: HELLO_HTML,
  notFoundHtml: NOT_FOUND_HTML,
  helloHead: HELLO_HEAD,
  notFoundHead: NOT_FOUND_HEAD,
} as const

/** The whole request a stage's set-up sends for `listener`, on `port` (the book's by default). */
export function setupRequest(
  listener: ListenerSnapshot,
  setup: StageSetup,
  port: number = DEFAULT_PORT,
): UpdateListenerRequest {
  return { listenerId: listener.id, host: DEFAULT_HOST, port, ...setup, ...BOOK_PAGES }
}

/** What the request changes on the listener, in the order the card shows the settings. */
export function setupChanges(
  listener: ListenerSnapshot,
  request: UpdateListenerRequest,
): SetupChange[] {
  const s = listener.settings
  const changes: SetupChange[] = []
  const host = request.host ?? s.host
  const port = Number(request.port ?? s.port)
  if (host !== s.host || port !== s.port)
    changes.push({
      kind: 'address',
      from: formatHostPort(s.host, s.port),
      to: formatHostPort(host, port),
    })
  if (request.responder !== undefined && request.responder !== s.responder)
    changes.push({ kind: 'responder', from: s.responder, to: request.responder })
  const targetHost = request.targetHost ?? s.targetHost
  const targetPort = Number(request.targetPort ?? s.targetPort)
  if (targetHost !== s.targetHost || targetPort !== s.targetPort)
    changes.push({
      kind: 'target',
      from: formatHostPort(s.targetHost, s.targetPort),
      to: formatHostPort(targetHost, targetPort),
    })
  if (request.handling !== undefined && request.handling !== s.handling)
    changes.push({ kind: 'handling', from: s.handling, to: request.handling })
  if (request.workers !== undefined && request.workers !== s.workers)
    changes.push({ kind: 'workers', from: s.workers, to: request.workers })
  if (request.stopAfter !== undefined && request.stopAfter !== s.stopAfter)
    changes.push({ kind: 'stop-after', from: s.stopAfter, to: request.stopAfter })
  const pages = Object.entries(BOOK_PAGES) as [keyof typeof BOOK_PAGES, string][]
  if (pages.some(([key, value]) => s[key] !== value)) changes.push({ kind: 'pages' })
  return changes
}

/**
 * The address a lesson tells the student to open for `listener`: where it listens (a wildcard
 * host is reached on 127.0.0.1), or where it will listen; the book's address without a listener.
 */
export function lessonAddress(listener: ListenerSnapshot | undefined): {
  address: string
  url: string
} {
  const bound = listener?.bound
  let host = bound?.address ?? listener?.settings.host ?? DEFAULT_HOST
  if (isWildcardHost(host)) host = DEFAULT_HOST
  const port = bound?.port ?? (listener?.settings.port || DEFAULT_PORT)
  const address = formatHostPort(host, port)
  return { address, url: `http://${address}` }
}

/**
 * Where the lesson tells the student to run their own server: the listener's target as its
 * settings say (the defaults without a listener), and the bind line that listens there.
 */
export function lessonTarget(listener: ListenerSnapshot | undefined): {
  target: string
  targetPort: number
  bindLine: string
} {
  const host = listener?.settings.targetHost ?? DEFAULT_TARGET_HOST
  const targetPort = listener?.settings.targetPort ?? DEFAULT_TARGET_PORT
  const target = formatHostPort(host, targetPort)
  return { target, targetPort, bindLine: bindCall(target) }
}
