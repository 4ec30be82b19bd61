/**
 * Browser mode's Api: the contract over one WebSocket, framed as in src/shared/wire.ts.
 *
 * Requests made before the socket opens wait in a queue. When the socket closes, every pending
 * request answers INTERNAL and the link reports 'closed', or 'refused' when the page has no token
 * the server takes; {@link WsApi.reconnect} opens a new one.
 */
import {
  type Api,
  type Channel,
  type EventBatch,
  type RequestOf,
  type ResponseOf,
} from '../../../shared/contract'
import { assertNever, fail, type Result } from '../../../shared/result'
import { WS_PATH, type WireMessage, type WireRequest } from '../../../shared/wire'
import { unpackBatch } from '../../../shared/wire-pack'

/**
 * The state of the link to the server. 'refused': the page has no token, or the server refuses it
 * (a bare address, or one from an earlier run): only the address Socket Lab printed helps.
 */
export type LinkState = 'connecting' | 'open' | 'closed' | 'refused'

/** What the app needs beyond {@link Api} to show and repair the link. */
export interface TransportLink {
  readonly state: LinkState
  onStateChange(listener: (state: LinkState) => void): () => void
  reconnect(): void
}

export type WsApi = Api & TransportLink

/**
 * The parts of WebSocket this client uses. Its tests, which run under Node, pass the `ws`
 * package's client; taken from the global type, so it reads the same with DOM or Node types.
 */
export type SocketLike = Pick<
  WebSocket,
  'readyState' | 'send' | 'close' | 'onopen' | 'onclose' | 'onerror' | 'onmessage'
>

/** The parts of the page's location the socket's address comes from. */
export interface PageLocation {
  readonly protocol: string
  readonly host: string
}

const OPEN = 1

/** ws(s)://host/ws?token=… for the page's own location: the token goes to our own port only. */
export function wsUrl(location: PageLocation, token: string): string {
  const scheme = location.protocol === 'https:' ? 'wss' : 'ws'
  return `${scheme}://${location.host}${WS_PATH}?token=${encodeURIComponent(token)}`
}

/**
 * Whether the server refuses the token in `socketUrl`, asked after a socket closed before it
 * opened (a browser does not say why an upgrade failed): a plain GET of the same address answers
 * 403 then. No answer at all means the server is not there, which is not a refusal.
 */
export async function isTokenRefused(socketUrl: string): Promise<boolean> {
  try {
    const answer = await fetch(socketUrl.replace(/^ws/, 'http'), {
      cache: 'no-store',
      credentials: 'omit',
      redirect: 'error',
    })
    return answer.status === 403
  } catch {
    return false
  }
}

function isWireMessage(data: unknown): data is WireMessage {
  if (typeof data !== 'object' || data === null) return false
  const kind = (data as { kind?: unknown }).kind
  return kind === 'response' || kind === 'events' || kind === 'error'
}

const DISCONNECTED = 'Disconnected from the Socket Lab server'

/**
 * Creates the client; it connects at once.
 *
 * `url` is read at each connect (a new token may have arrived); null means the page has no token,
 * and the link is 'refused' without a try.
 */
export function createWsApi(
  url: string | (() => string | null),
  open: (url: string) => SocketLike = (u) => new WebSocket(u),
  isRefused: (url: string) => Promise<boolean> = isTokenRefused,
): WsApi {
  let socket: SocketLike | null = null
  let state: LinkState = 'connecting'
  let nextId = 1
  const queue: string[] = []
  const pending = new Map<number, (result: Result<unknown>) => void>()
  const eventListeners = new Set<(batch: EventBatch) => void>()
  const stateListeners = new Set<(state: LinkState) => void>()

  const setState = (next: LinkState): void => {
    if (state === next) return
    state = next
    for (const listener of [...stateListeners]) listener(next)
  }

  const failPending = (): void => {
    for (const resolve of pending.values())
      resolve(fail({ code: 'INTERNAL', message: DISCONNECTED }))
    pending.clear()
    queue.length = 0
  }

  const onMessage = (text: unknown): void => {
    if (typeof text !== 'string') return
    let data: unknown
    try {
      data = JSON.parse(text)
    } catch {
      console.warn('Socket Lab: a frame that is not JSON')
      return
    }
    if (!isWireMessage(data)) return
    switch (data.kind) {
      case 'response': {
        const resolve = pending.get(data.id)
        pending.delete(data.id)
        resolve?.(data.result)
        return
      }
      case 'events': {
        const batch = unpackBatch(data.batch)
        if (batch === null) {
          console.warn('Socket Lab: an event batch that could not be unpacked')
          return
        }
        for (const listener of [...eventListeners]) listener(batch)
        return
      }
      case 'error':
        console.warn(`Socket Lab server: ${data.error.code} ${data.error.message}`)
        return
      default:
        assertNever(data)
    }
  }

  const connect = (): void => {
    const target = typeof url === 'string' ? url : url()
    if (target === null) {
      socket = null
      failPending()
      setState('refused')
      return
    }
    setState('connecting')
    const s = open(target)
    socket = s
    let hasOpened = false
    s.onopen = () => {
      if (socket !== s) return
      hasOpened = true
      setState('open')
      for (const frame of queue.splice(0)) s.send(frame)
    }
    s.onmessage = (ev) => {
      if (socket === s) onMessage(ev.data)
    }
    s.onerror = () => {
      // A close always follows; that is where the link is marked closed.
    }
    s.onclose = () => {
      if (socket !== s) return
      failPending()
      if (hasOpened) return setState('closed')
      void isRefused(target).then((refused) => {
        if (socket !== s) return
        // Requests made while asking were queued for a socket that will not open.
        failPending()
        setState(refused ? 'refused' : 'closed')
      })
    }
  }

  const request = <C extends Channel>(
    channel: C,
    payload: RequestOf<C>,
  ): Promise<Result<ResponseOf<C>>> => {
    if (state === 'closed' || state === 'refused')
      return Promise.resolve(fail({ code: 'INTERNAL', message: DISCONNECTED }))
    const id = nextId++
    const frame: WireRequest = { kind: 'request', id, channel, request: payload }
    const text = JSON.stringify(frame)
    return new Promise((resolve) => {
      // The server answers with this channel's response type: the engine validated and ran it.
      pending.set(id, resolve as (result: Result<unknown>) => void)
      if (socket?.readyState === OPEN) socket.send(text)
      else queue.push(text)
    })
  }

  connect()

  const api = {
    addListener: (r) => request('listener:add', r),
    updateListener: (r) => request('listener:update', r),
    setUpListener: (r) => request('listener:set-up', r),
    startListener: (r) => request('listener:start', r),
    stopListener: (r) => request('listener:stop', r),
    removeListener: (r) => request('listener:remove', r),
    snapshot: (r) => request('engine:snapshot', r),
    closeConnection: (r) => request('connection:close', r),
    closeAllConnections: (r) => request('connections:close-all', r),
    send: (r) => request('connection:send', r),
    readBytes: (r) => request('connection:read', r),
    readChunks: (r) => request('connection:chunks', r),
    search: (r) => request('connection:search', r),
    analyzeHttp: (r) => request('connection:http', r),
    analyzeBytes: (r) => request('http:analyze', r),
    getSettings: (r) => request('settings:get', r),
    setSettings: (r) => request('settings:set', r),
    runClientPlan: (r) => request('client:run', r),
    cancelClientPlan: (r) => request('client:cancel', r),
    whoHolds: (r) => request('diagnostics:who-holds', r),
    excludedPorts: (r) => request('diagnostics:excluded-ports', r),
    checkLocalhost: (r) => request('diagnostics:localhost', r),
    findFreePort: (r) => request('diagnostics:free-port', r),
    onEvents(listener) {
      eventListeners.add(listener)
      return () => eventListeners.delete(listener)
    },
  } satisfies Api

  return {
    ...api,
    get state() {
      return state
    },
    onStateChange(listener) {
      stateListeners.add(listener)
      return () => stateListeners.delete(listener)
    },
    reconnect() {
      if (state === 'closed' || state === 'refused') connect()
    },
  }
}
