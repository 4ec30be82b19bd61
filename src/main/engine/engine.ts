/**
 * The listener engine: real sockets (Node `net`), no Electron, one entry point per transport.
 *
 * Every request goes through {@link Engine.handle}: validated, dispatched, answered as a Result.
 * Events go through a batcher to every subscriber.
 */
import {
  BATCH_INTERVAL_MS,
  DEFAULT_CAPTURE_TOTAL,
  MAX_CHUNKS_PER_READ,
  type ConnectionSnapshot,
  type ListenerSnapshot,
  type Snapshot,
} from '../../shared/contract'
import { assertNever, fail, ok, type Result } from '../../shared/result'
import { validateRequest, type ValidRequest } from '../../shared/validate'
import { Batcher } from './batcher'
import { toPlatform } from './bind-error'
import { CaptureBudget } from './capture'
import type { ConnectionRuntime } from './connection'
import type { Engine, EngineOptions } from './engine-api'
import { ListenerRuntime, toSettingsPatch } from './listener-runtime'

export type { Engine, EngineOptions } from './engine-api'

function notFound(what: string, id: string): Result<never> {
  return fail({ code: 'NOT_FOUND', message: `No ${what} ${id}` })
}

/**
 * Creates an engine with no listeners. Call {@link Engine.shutdown} when done: until then its
 * servers and sockets stay open.
 */
export function createEngine(options: EngineOptions = {}): Engine {
  const platform = toPlatform(options.platform ?? process.platform)
  const budget = new CaptureBudget(options.totalCaptureLimit ?? DEFAULT_CAPTURE_TOTAL)
  const batcher = new Batcher(options.batchIntervalMs ?? BATCH_INTERVAL_MS)
  const listeners = new Map<string, ListenerRuntime>()
  let nextListener = 1
  let isShutDown = false

  const deps = { budget, platform, emit: batcher.push.bind(batcher) }

  function findListener(id: string): ListenerRuntime | undefined {
    return listeners.get(id)
  }

  function findConnection(id: string): ConnectionRuntime | undefined {
    const hash = id.lastIndexOf('#')
    if (hash <= 0) return undefined
    return listeners.get(id.slice(0, hash))?.connections.get(id)
  }

  function snapshot(): Snapshot {
    // Pending events first, so every batch up to `seq` is reflected in what follows.
    batcher.flush()
    const listenerSnapshots: ListenerSnapshot[] = []
    const connections: ConnectionSnapshot[] = []
    for (const listener of listeners.values()) {
      listenerSnapshots.push(listener.snapshot())
      for (const connection of listener.connections.values())
        connections.push(connection.snapshot())
    }
    return {
      seq: batcher.seq,
      platform,
      listeners: listenerSnapshots,
      connections,
      recentEvents: batcher.recentEvents(),
      capture: budget.totals(),
    }
  }

  async function removeListener(listener: ListenerRuntime): Promise<void> {
    await listener.closeAll()
    if (listeners.get(listener.id) !== listener) return
    listeners.delete(listener.id)
    const totalsChanged = listener.releaseCaptures()
    batcher.push({ type: 'listener-removed', at: Date.now(), listenerId: listener.id })
    if (totalsChanged)
      batcher.push({ type: 'capture-totals', at: Date.now(), totals: budget.totals() })
  }

  async function dispatch(valid: ValidRequest): Promise<Result<unknown>> {
    switch (valid.channel) {
      case 'listener:add': {
        if (isShutDown) return fail({ code: 'BAD_STATE', message: 'The engine is shut down' })
        const number = nextListener
        nextListener += 1
        const listener = new ListenerRuntime(
          `L${number}`,
          number,
          toSettingsPatch(valid.request),
          deps,
        )
        listeners.set(listener.id, listener)
        const snap = listener.snapshot()
        batcher.push({ type: 'listener-added', at: Date.now(), listener: snap })
        return ok(snap)
      }
      case 'listener:update': {
        const { listenerId, ...patch } = valid.request
        const listener = findListener(listenerId)
        if (listener === undefined) return notFound('listener', listenerId)
        return listener.update(toSettingsPatch(patch))
      }
      case 'listener:start': {
        const listener = findListener(valid.request.listenerId)
        if (listener === undefined) return notFound('listener', valid.request.listenerId)
        if (isShutDown) return fail({ code: 'BAD_STATE', message: 'The engine is shut down' })
        return listener.start()
      }
      case 'listener:stop': {
        const listener = findListener(valid.request.listenerId)
        if (listener === undefined) return notFound('listener', valid.request.listenerId)
        return listener.stop(valid.request.mode)
      }
      case 'listener:remove': {
        const listener = findListener(valid.request.listenerId)
        if (listener === undefined) return notFound('listener', valid.request.listenerId)
        await removeListener(listener)
        return ok(null)
      }
      case 'engine:snapshot':
        return ok(snapshot())
      case 'connection:close': {
        const connection = findConnection(valid.request.connectionId)
        if (connection === undefined) return notFound('connection', valid.request.connectionId)
        // Closing a closed connection is a no-op: the peer may have won the race.
        await connection.close()
        return ok(null)
      }
      case 'connection:read': {
        const { connectionId, offset, length } = valid.request
        const connection = findConnection(connectionId)
        if (connection === undefined) return notFound('connection', connectionId)
        return ok(connection.capture.read(offset, length, MAX_CHUNKS_PER_READ))
      }
      default:
        return assertNever(valid)
    }
  }

  return {
    async handle(channel, payload) {
      try {
        const valid = validateRequest(channel, payload)
        if (!valid.ok) return valid
        return await dispatch(valid.value)
      } catch (err) {
        console.error(`[engine] ${String(channel).slice(0, 40)} failed:`, err)
        const message = err instanceof Error ? err.message : String(err)
        return fail({ code: 'INTERNAL', message: `Internal error: ${message}` })
      }
    },
    subscribe(listener) {
      return batcher.subscribe(listener)
    },
    async shutdown() {
      isShutDown = true
      await Promise.all([...listeners.values()].map((listener) => listener.closeAll()))
      batcher.dispose()
    },
  }
}
