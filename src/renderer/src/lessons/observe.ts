/**
 * What a lesson learns from the engine's events: pure functions from events to facts.
 *
 * Two parts: the {@link World} follows every listener (settings, state, workers, queue) whatever
 * stage is open, so the lesson can tell which listener an event belongs to; the {@link Facts} of
 * the open stage count only what happened on listeners set up as that stage wants.
 */
import type {
  EngineEvent,
  EngineEventType,
  ListenerSettings,
  ListenerSnapshot,
  ListenerState,
} from '../../../shared/contract'

/** What the lesson keeps of a listener. */
export interface TrackedListener {
  settings: ListenerSettings
  state: ListenerState
}

/** The engine as the lessons follow it. */
export interface World {
  listeners: Readonly<Record<string, TrackedListener>>
  /** Per listener: worker index → the connection it handles (idle workers are absent). */
  busy: Readonly<Record<string, Readonly<Record<number, string>>>>
  /** Per listener: connections waiting for a worker, oldest first. */
  queued: Readonly<Record<string, readonly string[]>>
  /** Connections whose request began `GET /sleep ` (the most recent ones). */
  sleeping: readonly string[]
  /** Connections whose first bytes arrived (the most recent ones). */
  requested: readonly string[]
}

/** What happened on the open stage's listeners since it was opened or reset. */
export interface Facts {
  /** A listener set up for the stage reported 'listening'. */
  listening: boolean
  accepted: number
  /** "Connection established!" lines (Listing 20-1). */
  established: number
  /** Non-empty `Request: [...]` prints (Listing 20-2). */
  requests: number
  /** Of those, the ones with a header line after the request line. */
  requestsWithHeaders: number
  /** Connections whose first bytes arrived. */
  received: number
  /** Responses sent that begin `HTTP/1.1 200`. */
  ok: number
  /** Of those, the ones with a Content-Length header. */
  okWithLength: number
  /** Responses sent that begin `HTTP/1.1 404`. */
  notFound: number
  /** Responses sent to a `/sleep` request. */
  sleepAnswered: number
  /** A /sleep finished while another connection was still in the queue. */
  waitedBehindSleep: boolean
  /** Another request was answered while a /sleep held a worker. */
  answeredDuringSleep: boolean
  /** Most workers busy at once on one listener. */
  maxBusy: number
  /** "Worker N got a job; executing." lines. */
  jobs: number
  /** Listeners whose take(N) ended the accept loop ("Shutting down."). */
  takeEndedOn: readonly string[]
  /** Workers that printed "Shutting down worker N" after take(N) ended. */
  workersShutDown: readonly number[]
  /** Every worker of the pool printed it. */
  allWorkersShutDown: boolean
  /** A listener whose take(N) ended then stopped by itself. */
  stoppedAfterTake: boolean
  bindInUse: boolean
  bindDenied: boolean
  /** Listeners whose start failed. */
  failedOn: readonly string[]
  /** One of those then listened. */
  relistened: boolean
}

/** Whether a listener's settings are the ones the open stage is about. */
export type StageMatch = (settings: ListenerSettings) => boolean

export const NO_FACTS: Facts = {
  listening: false,
  accepted: 0,
  established: 0,
  requests: 0,
  requestsWithHeaders: 0,
  received: 0,
  ok: 0,
  okWithLength: 0,
  notFound: 0,
  sleepAnswered: 0,
  waitedBehindSleep: false,
  answeredDuringSleep: false,
  maxBusy: 0,
  jobs: 0,
  takeEndedOn: [],
  workersShutDown: [],
  allWorkersShutDown: false,
  stoppedAfterTake: false,
  bindInUse: false,
  bindDenied: false,
  failedOn: [],
  relistened: false,
}

/** Connections remembered per list; older ones are forgotten. */
const REMEMBERED = 1000

function remember(list: readonly string[], id: string): readonly string[] {
  if (list.includes(id)) return list
  const next = [...list, id]
  return next.length > REMEMBERED ? next.slice(next.length - REMEMBERED) : next
}

/** A world that knows these listeners. */
export function worldOf(listeners: readonly ListenerSnapshot[]): World {
  let world: World = { listeners: {}, busy: {}, queued: {}, sleeping: [], requested: [] }
  for (const l of listeners) world = withListener(world, l)
  return world
}

function withListener(world: World, l: ListenerSnapshot): World {
  const busy: Record<number, string> = {}
  l.workers.forEach((id, index) => {
    if (id !== null) busy[index] = id
  })
  return {
    ...world,
    listeners: { ...world.listeners, [l.id]: { settings: l.settings, state: l.state } },
    busy: { ...world.busy, [l.id]: busy },
    queued: { ...world.queued, [l.id]: l.queued },
  }
}

/** The preview's bytes as a Latin-1 string ('' if it is not Base64). */
function previewText(base64: string): string {
  try {
    return atob(base64)
  } catch {
    return ''
  }
}

/** The world and the open stage's facts. */
export interface Observed {
  world: World
  facts: Facts
}

type Handlers = {
  [K in EngineEventType]?: (
    o: Observed,
    event: Extract<EngineEvent, { type: K }>,
    matches: (listenerId: string) => boolean,
  ) => Observed
}

const LISTENER_HANDLER: NonNullable<Handlers['listener-changed']> = (o, event, matches) => {
  const l = event.listener
  const before = o.world.listeners[l.id]
  const world = withListener(o.world, l)
  if (!matches(l.id)) return { ...o, world }
  let facts = o.facts
  if (l.state === 'listening') facts = { ...facts, listening: true }
  if (before?.state === 'starting' && l.state === 'stopped' && l.lastError !== null) {
    facts = {
      ...facts,
      bindInUse: facts.bindInUse || l.lastError.code === 'EADDRINUSE',
      bindDenied: facts.bindDenied || l.lastError.code === 'EACCES',
      failedOn: remember(facts.failedOn, l.id),
    }
  }
  if (l.state === 'listening' && before?.state !== 'listening' && facts.failedOn.includes(l.id))
    facts = { ...facts, relistened: true }
  if (l.state === 'stopped' && before?.state !== 'stopped' && facts.takeEndedOn.includes(l.id))
    facts = { ...facts, stoppedAfterTake: true }
  return { world, facts }
}

const HANDLERS: Handlers = {
  'listener-added': (o, event) => ({ ...o, world: withListener(o.world, event.listener) }),
  'listener-changed': LISTENER_HANDLER,
  'listener-removed': (o, event) => {
    const listeners = { ...o.world.listeners }
    delete listeners[event.listenerId]
    return { ...o, world: { ...o.world, listeners } }
  },
  'connection-accepted': (o, event, matches) =>
    matches(event.connection.listenerId)
      ? { ...o, facts: { ...o.facts, accepted: o.facts.accepted + 1 } }
      : o,
  'connection-data': (o, event, matches) => {
    const { world, facts } = o
    const id = event.connectionId
    const text = previewText(event.preview)
    const isMatch = matches(event.listenerId)
    if (event.direction === 'in') {
      if (world.requested.includes(id)) return o
      const next: World = {
        ...world,
        requested: remember(world.requested, id),
        sleeping: text.startsWith('GET /sleep ') ? remember(world.sleeping, id) : world.sleeping,
      }
      return { world: next, facts: isMatch ? { ...facts, received: facts.received + 1 } : facts }
    }
    if (!isMatch) return o
    if (text.startsWith('HTTP/1.1 404'))
      return { world, facts: { ...facts, notFound: facts.notFound + 1 } }
    if (!text.startsWith('HTTP/1.1 200')) return o
    const isSleep = world.sleeping.includes(id)
    const busy = Object.values(world.busy[event.listenerId] ?? {})
    const isDuringSleep = !isSleep && busy.some((c) => c !== id && world.sleeping.includes(c))
    return {
      world,
      facts: {
        ...facts,
        ok: facts.ok + 1,
        okWithLength: facts.okWithLength + (/\r\nContent-Length: *\d/i.test(text) ? 1 : 0),
        sleepAnswered: facts.sleepAnswered + (isSleep ? 1 : 0),
        answeredDuringSleep: facts.answeredDuringSleep || isDuringSleep,
      },
    }
  },
  'worker-changed': (o, event, matches) => {
    const { world, facts } = o
    const listenerId = event.listenerId
    const busy = { ...(world.busy[listenerId] ?? {}) }
    const held = busy[event.worker]
    if (event.connectionId === null) delete busy[event.worker]
    else busy[event.worker] = event.connectionId
    const next: World = { ...world, busy: { ...world.busy, [listenerId]: busy } }
    if (!matches(listenerId)) return { world: next, facts }
    const isSleepDone =
      event.connectionId === null &&
      held !== undefined &&
      world.sleeping.includes(held) &&
      (world.queued[listenerId] ?? []).length > 0
    return {
      world: next,
      facts: {
        ...facts,
        maxBusy: Math.max(facts.maxBusy, Object.keys(busy).length),
        waitedBehindSleep: facts.waitedBehindSleep || isSleepDone,
      },
    }
  },
  'queue-changed': (o, event) => ({
    ...o,
    world: { ...o.world, queued: { ...o.world.queued, [event.listenerId]: event.queued } },
  }),
  'program-output': (o, event, matches) => {
    if (!matches(event.listenerId)) return o
    return { ...o, facts: outputFacts(o, event.listenerId, event.text) }
  },
}

/** What a line the book's program printed tells. */
function outputFacts({ world, facts }: Observed, listenerId: string, text: string): Facts {
  if (text === 'Connection established!') return { ...facts, established: facts.established + 1 }
  if (text.startsWith('Request: [\n')) {
    const entries = text.split('\n').filter((line) => line.startsWith('    "')).length
    return {
      ...facts,
      requests: facts.requests + 1,
      requestsWithHeaders: facts.requestsWithHeaders + (entries >= 2 ? 1 : 0),
    }
  }
  if (/^Worker \d+ got a job; executing\.$/.test(text)) return { ...facts, jobs: facts.jobs + 1 }
  if (text === 'Shutting down.')
    return { ...facts, takeEndedOn: remember(facts.takeEndedOn, listenerId) }
  const shutdown = /^Shutting down worker (\d+)$/.exec(text)
  if (shutdown && facts.takeEndedOn.includes(listenerId)) {
    const index = Number(shutdown[1])
    const done = facts.workersShutDown.includes(index)
      ? facts.workersShutDown
      : [...facts.workersShutDown, index]
    const pool = world.listeners[listenerId]?.settings.workers ?? Infinity
    return { ...facts, workersShutDown: done, allWorkersShutDown: done.length >= pool }
  }
  return facts
}

/**
 * One event: the world always follows it; the facts only when it happened on a listener whose
 * settings `match` the open stage (as they were when the event happened).
 */
export function observe(o: Observed, event: EngineEvent, match: StageMatch): Observed {
  const handler = HANDLERS[event.type] as
    ((o: Observed, e: EngineEvent, m: (listenerId: string) => boolean) => Observed) | undefined
  if (handler === undefined) return o
  const matches = (listenerId: string): boolean => {
    const settings =
      event.type === 'listener-changed' && event.listener.id === listenerId
        ? event.listener.settings
        : o.world.listeners[listenerId]?.settings
    return settings !== undefined && match(settings)
  }
  return handler(o, event, matches)
}
