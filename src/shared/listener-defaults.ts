/**
 * A new listener's settings: the book's address, the inspector's behaviour, the book's pool of 4.
 */
import {
  DEFAULT_CAPTURE_PER_CONNECTION,
  DEFAULT_HOST,
  DEFAULT_PORT,
  type ListenerSettings,
} from './contract'
import { STAGE_DEFAULTS } from './schema/listener'

export function defaultListenerSettings(): ListenerSettings {
  return {
    host: DEFAULT_HOST,
    port: DEFAULT_PORT,
    maxConnections: null,
    captureLimitPerConnection: DEFAULT_CAPTURE_PER_CONNECTION,
    ...STAGE_DEFAULTS,
  }
}
