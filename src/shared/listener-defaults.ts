/**
 * A new listener's settings: the book's address, the inspector's behaviour, the book's pool of 4.
 */
import { HELLO_HEAD, HELLO_HTML, NOT_FOUND_HEAD, NOT_FOUND_HTML } from './book-pages'
import {
  DEFAULT_CAPTURE_PER_CONNECTION,
  DEFAULT_HOST,
  DEFAULT_PORT,
  DEFAULT_SLEEP_SECONDS,
  DEFAULT_WORKERS,
  type ListenerSettings,
} from './contract'

export function defaultListenerSettings(): ListenerSettings {
  return {
    host: DEFAULT_HOST,
    port: DEFAULT_PORT,
    maxConnections: null,
    captureLimitPerConnection: DEFAULT_CAPTURE_PER_CONNECTION,
    responder: 'silent',
    handling: 'thread-pool',
    workers: DEFAULT_WORKERS,
    sleepSeconds: DEFAULT_SLEEP_SECONDS,
    stopAfter: null,
    helloHtml: HELLO_HTML,
    notFoundHtml: NOT_FOUND_HTML,
    helloHead: HELLO_HEAD,
    notFoundHead: NOT_FOUND_HEAD,
  }
}
