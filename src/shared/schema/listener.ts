/**
 * A listener's settings as schemas: as a request changes them (listener:add, update, set-up) and
 * as the settings file keeps them.
 *
 * The book's stage fields (responder, handling, workers, sleepSeconds, stopAfter, the pages) may
 * change while a listener listens: they apply to connections accepted afterwards.
 */
import * as v from 'valibot'
import { HELLO_HEAD, HELLO_HTML, NOT_FOUND_HEAD, NOT_FOUND_HTML } from '../book-pages'
import { isLoopbackHost } from '../address'
import { HANDLINGS, RESPONDERS, type ListenerSettings } from '../contract/domain'
import {
  DEFAULT_SLEEP_SECONDS,
  DEFAULT_TARGET_HOST,
  DEFAULT_TARGET_PORT,
  DEFAULT_TARGET_TIMEOUT_SECONDS,
  MAX_TARGET_TIMEOUT_SECONDS,
  DEFAULT_WORKERS,
  MAX_CAPTURE_PER_CONNECTION,
  MAX_HEAD_BYTES,
  MAX_MAX_CONNECTIONS,
  MAX_PAGE_BYTES,
  MAX_SLEEP_SECONDS,
  MAX_WORKERS,
} from '../contract/limits'
import { inputMessage } from './app-error'
import {
  editedText,
  hostNamed,
  hostSchema,
  oneOf,
  port,
  portNumber,
  portOf,
  typedInteger,
} from './fields'
import { leavingOutUndefined, plainWithKeys, strictEntries, strictObject } from './object'
import type { Same } from './same'

/** The most take(N) may count. */
export const MAX_STOP_AFTER = 1000

const maxConnections = v.nullable(typedInteger('maxConnections', 1, MAX_MAX_CONNECTIONS))
const captureLimitPerConnection = typedInteger(
  'captureLimitPerConnection',
  0,
  MAX_CAPTURE_PER_CONNECTION,
)

/** The stage fields, each as it must be when it is there. */
const stage = {
  responder: oneOf(RESPONDERS),
  handling: oneOf(HANDLINGS),
  workers: typedInteger('workers', 1, MAX_WORKERS),
  sleepSeconds: typedInteger('sleepSeconds', 0, MAX_SLEEP_SECONDS),
  stopAfter: v.nullable(typedInteger('stopAfter', 1, MAX_STOP_AFTER)),
  helloHtml: editedText('helloHtml', MAX_PAGE_BYTES),
  notFoundHtml: editedText('notFoundHtml', MAX_PAGE_BYTES),
  helloHead: editedText('helloHead', MAX_HEAD_BYTES),
  notFoundHead: editedText('notFoundHead', MAX_HEAD_BYTES),
  targetHost: hostNamed('targetHost'),
  targetPort: v.pipe(
    portOf('targetPort', 'must be a number or a string'),
    v.check(
      (port) => port !== 0,
      inputMessage('targetPort', 'port-zero', 'Port 0 cannot be connected to'),
    ),
  ),
  targetTimeoutSeconds: typedInteger('targetTimeoutSeconds', 1, MAX_TARGET_TIMEOUT_SECONDS),
}

/**
 * The settings a request may set, each optional. The port may be typed text ('7878'), and comes
 * out a number.
 */
export const listenerSettingsEntries = v.partial(
  v.strictObject({
    host: v.pipe(v.string('must be a string'), hostSchema),
    port: port('must be a number or a string'),
    maxConnections,
    captureLimitPerConnection,
    ...stage,
    /** Request only, never kept: the user confirmed forwarding to a host that is not this machine. */
    confirmedRemoteTarget: v.boolean('must be a boolean'),
  }),
).entries

/**
 * A wrong type is a malformed request, not something a person typed: the host's and the port's
 * types are checked before either's value (a request with a bad port type is INVALID_REQUEST,
 * whatever its host says).
 */
function hostAndPortTypes<T extends { host?: unknown; port?: unknown }>() {
  return v.rawCheck<T>(({ dataset, addIssue }) => {
    if (!dataset.typed) return
    const input = dataset.value
    const { host, port } = input
    const wrong =
      host !== undefined && typeof host !== 'string'
        ? { key: 'host', value: host, message: 'must be a string' }
        : port !== undefined && typeof port !== 'string' && typeof port !== 'number'
          ? { key: 'port', value: port, message: 'must be a number or a string' }
          : null
    if (wrong)
      addIssue({
        message: wrong.message,
        path: [{ type: 'object', origin: 'value', input, key: wrong.key, value: wrong.value }],
      })
  })
}

/**
 * Forwarding leaves this machine only when the same request says the user confirmed it, as the
 * client's plans do: a target host that is not loopback without `confirmedRemoteTarget: true`.
 */
function remoteTargetConfirmed<
  T extends { targetHost?: string; confirmedRemoteTarget?: boolean },
>() {
  return v.rawCheck<T>(({ dataset, addIssue }) => {
    if (!dataset.typed) return
    const input = dataset.value
    const host = input.targetHost
    if (host === undefined || isLoopbackHost(host) || input.confirmedRemoteTarget === true) return
    addIssue({
      message: inputMessage(
        'targetHost',
        'remote-not-confirmed',
        'The target host is not this machine: confirm forwarding to it first',
      ),
      path: [{ type: 'object', origin: 'value', input, key: 'targetHost', value: host }],
    })
  })
}

/** A listener request: exactly `entries` (the settings, and an id for an update). */
export function listenerRequest<const E extends v.ObjectEntries>(entries: E) {
  const schema = strictEntries(entries)
  type Input = v.InferInput<typeof schema>
  return leavingOutUndefined(
    entries,
    v.pipe(
      plainWithKeys<Input>(Object.keys(entries)),
      hostAndPortTypes<Input>(),
      schema,
      remoteTargetConfirmed(),
    ),
  )
}

/**
 * What a saved listener without its stage fields takes, and what a new listener starts with
 * (listener-defaults.ts adds the address and the limits to these).
 */
export const STAGE_DEFAULTS = {
  responder: 'silent',
  handling: 'thread-pool',
  workers: DEFAULT_WORKERS,
  sleepSeconds: DEFAULT_SLEEP_SECONDS,
  stopAfter: null,
  helloHtml: HELLO_HTML,
  notFoundHtml: NOT_FOUND_HTML,
  helloHead: HELLO_HEAD,
  notFoundHead: NOT_FOUND_HEAD,
  targetHost: DEFAULT_TARGET_HOST,
  targetPort: DEFAULT_TARGET_PORT,
  targetTimeoutSeconds: DEFAULT_TARGET_TIMEOUT_SECONDS,
} as const satisfies Partial<ListenerSettings>

const savedListener = strictObject({
  host: hostSchema,
  port: portNumber('must be a number'),
  maxConnections,
  captureLimitPerConnection,
  responder: v.optional(stage.responder, STAGE_DEFAULTS.responder),
  handling: v.optional(stage.handling, STAGE_DEFAULTS.handling),
  workers: v.optional(stage.workers, STAGE_DEFAULTS.workers),
  sleepSeconds: v.optional(stage.sleepSeconds, STAGE_DEFAULTS.sleepSeconds),
  stopAfter: v.optional(stage.stopAfter, STAGE_DEFAULTS.stopAfter),
  helloHtml: v.optional(stage.helloHtml, STAGE_DEFAULTS.helloHtml),
  notFoundHtml: v.optional(stage.notFoundHtml, STAGE_DEFAULTS.notFoundHtml),
  helloHead: v.optional(stage.helloHead, STAGE_DEFAULTS.helloHead),
  notFoundHead: v.optional(stage.notFoundHead, STAGE_DEFAULTS.notFoundHead),
  targetHost: v.optional(hostNamed('targetHost'), STAGE_DEFAULTS.targetHost),
  targetPort: v.optional(
    v.pipe(portNumber('must be a number'), v.minValue(1, 'must not be 0')),
    STAGE_DEFAULTS.targetPort,
  ),
  targetTimeoutSeconds: v.optional(stage.targetTimeoutSeconds, STAGE_DEFAULTS.targetTimeoutSeconds),
})

/**
 * One listener as the settings file keeps it: the port a number (never a string, see
 * portNumber). host, port and the limits are always there; the stage fields came later, so a
 * file without them takes {@link STAGE_DEFAULTS}. It reads as the contract's ListenerSettings.
 */
export const savedListenerSchema: v.GenericSchema<
  v.InferInput<typeof savedListener>,
  ListenerSettings
> = savedListener

const isSameSaved: Same<v.InferOutput<typeof savedListener>, ListenerSettings> = true
void isSameSaved
