/**
 * The listener engine: real sockets (Node `net`), no Electron, one entry point per transport.
 *
 * Every request goes through {@link Engine.handle}: validated, dispatched, answered as a Result.
 * Events go through a batcher to every subscriber.
 */
import {
  BATCH_INTERVAL_MS,
  DEFAULT_CAPTURE_TOTAL,
  DEFAULT_HOST,
  DEFAULT_PORT,
  MAX_KEPT_CLOSED_CONNECTIONS,
  MAX_LISTENERS,
  type CloseAllRequest,
  type ConnectionSnapshot,
  type ListenerSnapshot,
  type Snapshot,
} from '../../shared/contract'
import { assertNever, fail, ok, type Result } from '../../shared/result'
import { validateRequest, type ValidRequest } from '../../shared/validate'
import { Batcher } from './batcher'
import { analyzeHttp } from './http-analysis'
import { isRootProcess, readUnprivilegedPortStart, toPlatform } from './bind-error'
import { CaptureBudget } from './capture'
import { createClientRunner } from './client/runner'
import { createDiagnostics } from './diagnostics/diagnostics'
import type { ConnectionRuntime } from './connection'
import { handleConnectionRequest } from './connection-requests'
import type { Engine, EngineOptions } from './engine-api'
import { EngineSettings } from './engine-settings'
import { canListen, findFreePort } from './free-port'
import { ConnectionAllowance, readDescriptorLimit } from './descriptor-limit'
import { HalfClosedSweep } from './half-closed-sweep'
import { KeptClosed } from './kept-closed'
import { ListenerRuntime, toSettingsPatch, type SettingsPatch } from './listener-runtime'
import { timerSleep } from './responders'

export type { Engine, EngineOptions, SettingsStorage, Sleep } from './engine-api'

function notFound(what: string, id: string): Result<never> {
  return fail({ code: 'NOT_FOUND', message: `No ${what} ${id}` })
}

/** The settings file keeps as many listeners as an engine holds: MAX_LISTENERS. */
function tooManyListeners(): Result<never> {
  return fail({
    code: 'BAD_STATE',
    message: `At most ${MAX_LISTENERS} listeners: remove one to add another`,
  })
}

/**
 * Creates an engine. With settings storage it loads it first and adds one stopped listener per
 * saved one, in order; listener changes are saved back. Call {@link Engine.shutdown} when done:
 * until then its servers and sockets stay open.
 */
export function createEngine(options: EngineOptions = {}): Engine {
  const platform = toPlatform(options.platform ?? process.platform)
  const budget = new CaptureBudget(options.totalCaptureLimit ?? DEFAULT_CAPTURE_TOTAL)
  const batcher = new Batcher(options.batchIntervalMs ?? BATCH_INTERVAL_MS)
  const settings = new EngineSettings(options.settingsStorage ?? null)
  const portProbe = options.portProbe ?? canListen
  const listeners = new Map<string, ListenerRuntime>()
  let nextListener = 1
  let isShutDown = false

  const deps = {
    budget,
    platform,
    emit: batcher.push.bind(batcher),
    sleep: options.sleep ?? timerSleep,
    halfClosed: new HalfClosedSweep(options.halfClosedProbeMs),
    allowance: new ConnectionAllowance(readDescriptorLimit(platform)),
    keptClosed: new KeptClosed(
      options.maxKeptClosedConnections ?? MAX_KEPT_CLOSED_CONNECTIONS,
      (connectionIds, forgotten) => {
        const at = Date.now()
        batcher.push({ type: 'connections-forgotten', at, connectionIds, forgotten })
        batcher.push({ type: 'capture-totals', at, totals: budget.totals() })
      },
    ),
  }
  const client = createClientRunner({
    emit: deps.emit,
    listeners: () => [...listeners.values()].map((l) => l.snapshot()),
  })
  const diagnostics = createDiagnostics({ platform })

  const saveListeners = (): void =>
    settings.listenersChanged(() => [...listeners.values()].map((l) => l.savedSettings()))

  function addListener(patch: SettingsPatch): ListenerSnapshot {
    const number = nextListener
    nextListener += 1
    const listener = new ListenerRuntime(`L${number}`, number, patch, deps)
    listeners.set(listener.id, listener)
    const snap = listener.snapshot()
    batcher.push({ type: 'listener-added', at: Date.now(), listener: snap })
    return snap
  }

  for (const saved of settings.savedListeners) addListener(saved)

  /** The ports Socket Lab's listeners are set to, but `except`'s. */
  function listenerPorts(except?: string): Set<number> {
    const ports = new Set<number>()
    for (const l of listeners.values()) if (l.id !== except) ports.add(l.savedSettings().port)
    return ports
  }

  /**
   * A new listener's port when none is asked for: the book's 7878 while it is free, else the next
   * port no listener is set to and the OS would let it listen on.
   */
  async function proposedPort(host: string): Promise<number> {
    const taken = listenerPorts()
    return (await findFreePort(host, DEFAULT_PORT, taken, portProbe)) ?? DEFAULT_PORT
  }

  /** The connection `id`, or why there is none: never accepted, or forgotten since. */
  function findConnection(id: string): Result<ConnectionRuntime> {
    const hash = id.lastIndexOf('#')
    const listener = hash <= 0 ? undefined : listeners.get(id.slice(0, hash))
    const connection = listener?.connections.get(id)
    if (connection !== undefined) return ok(connection)
    const number = Number(id.slice(hash + 1))
    if (listener === undefined || !(number >= 1 && number <= listener.snapshot().counters.accepted))
      return notFound('connection', id)
    const limit = deps.keptClosed.limit
    return fail({
      code: 'NOT_FOUND',
      message: `Connection ${id} was forgotten: Socket Lab keeps the last ${limit} closed connections`,
    })
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
      privileges: {
        isRoot: isRootProcess(),
        unprivilegedPortStart: readUnprivilegedPortStart(platform),
      },
      descriptors: deps.allowance.limit,
      forgottenConnections: deps.keptClosed.total,
    }
  }

  async function removeListener(listener: ListenerRuntime): Promise<void> {
    await listener.closeAll()
    if (listeners.get(listener.id) !== listener) return
    listeners.delete(listener.id)
    for (const id of listener.connections.keys()) deps.keptClosed.delete(id)
    saveListeners()
    const totalsChanged = listener.releaseCaptures()
    batcher.push({ type: 'listener-removed', at: Date.now(), listenerId: listener.id })
    if (totalsChanged)
      batcher.push({ type: 'capture-totals', at: Date.now(), totals: budget.totals() })
  }

  async function closeAll({ listenerId, how }: CloseAllRequest): Promise<Result<unknown>> {
    let targets = [...listeners.values()]
    if (listenerId !== undefined) {
      const listener = listeners.get(listenerId)
      if (listener === undefined) return notFound('listener', listenerId)
      targets = [listener]
    }
    const counts = await Promise.all(targets.map((listener) => listener.closeConnections(how)))
    return ok({ closed: counts.reduce((sum, n) => sum + n, 0) })
  }

  async function dispatch(valid: ValidRequest): Promise<Result<unknown>> {
    switch (valid.channel) {
      case 'listener:add': {
        if (isShutDown) return fail({ code: 'BAD_STATE', message: 'The engine is shut down' })
        if (listeners.size >= MAX_LISTENERS) return tooManyListeners()
        const patch = toSettingsPatch(valid.request)
        if (patch.port === undefined) patch.port = await proposedPort(patch.host ?? DEFAULT_HOST)
        if (isShutDown) return fail({ code: 'BAD_STATE', message: 'The engine is shut down' })
        // Another add may have taken the last place while the port was being proposed.
        if (listeners.size >= MAX_LISTENERS) return tooManyListeners()
        const snap = addListener(patch)
        saveListeners()
        return ok(snap)
      }
      case 'listener:update': {
        const { listenerId, ...patch } = valid.request
        const listener = listeners.get(listenerId)
        if (listener === undefined) return notFound('listener', listenerId)
        const updated = listener.update(toSettingsPatch(patch))
        if (updated.ok) saveListeners()
        return updated
      }
      case 'listener:set-up': {
        const { listenerId, ...patch } = valid.request
        const listener = listeners.get(listenerId)
        if (listener === undefined) return notFound('listener', listenerId)
        if (isShutDown) return fail({ code: 'BAD_STATE', message: 'The engine is shut down' })
        const result = await listener.setUp(toSettingsPatch(patch))
        saveListeners()
        return result
      }
      case 'listener:start': {
        const listener = listeners.get(valid.request.listenerId)
        if (listener === undefined) return notFound('listener', valid.request.listenerId)
        if (isShutDown) return fail({ code: 'BAD_STATE', message: 'The engine is shut down' })
        return listener.start()
      }
      case 'listener:stop': {
        const listener = listeners.get(valid.request.listenerId)
        if (listener === undefined) return notFound('listener', valid.request.listenerId)
        return listener.stop(valid.request.mode)
      }
      case 'listener:remove': {
        const listener = listeners.get(valid.request.listenerId)
        if (listener === undefined) return notFound('listener', valid.request.listenerId)
        await removeListener(listener)
        return ok(null)
      }
      case 'engine:snapshot':
        return ok(snapshot())
      case 'connections:close-all':
        return closeAll(valid.request)
      case 'connection:close':
      case 'connection:send':
      case 'connection:read':
      case 'connection:chunks':
      case 'connection:search':
      case 'connection:http': {
        const connection = findConnection(valid.request.connectionId)
        if (!connection.ok) return connection
        return handleConnectionRequest(valid, connection.value)
      }
      case 'http:analyze': {
        const { base64, direction, truncated } = valid.request
        return ok(analyzeHttp(Buffer.from(base64, 'base64'), direction, truncated))
      }
      case 'settings:get':
        return ok(settings.get())
      case 'settings:set':
        return settings.set(valid.request)
      case 'client:run':
        if (isShutDown) return fail({ code: 'BAD_STATE', message: 'The engine is shut down' })
        return client.run(valid.request)
      case 'client:cancel':
        return client.cancel(valid.request)
      case 'diagnostics:who-holds':
        return diagnostics.whoHolds(valid.request)
      case 'diagnostics:excluded-ports':
        return diagnostics.excludedPorts(valid.request)
      case 'diagnostics:localhost':
        return diagnostics.localhost(valid.request)
      case 'diagnostics:free-port': {
        const { host, from } = valid.request
        return ok({ port: await findFreePort(host, from, listenerPorts(), portProbe) })
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
      settings.flush()
      await Promise.all([
        client.shutdown(),
        ...[...listeners.values()].map((listener) => listener.closeAll()),
      ])
      deps.halfClosed.stop()
      batcher.dispose()
    },
  }
}
