/**
 * What the lessons need to know beyond the log's lines — a request arrived, a response went out
 * (its status, whether it had a Content-Length, whether it answered /sleep or was answered while
 * a /sleep ran), workers busy side by side, a /sleep that made others wait — derived from the same
 * events, in the same pass, as the log. Checkpoints are selectors over the log and this trail.
 */
import type { EngineEvent, ListenerSnapshot } from '../../../shared/contract'
import { appendCapped } from './capped'
import { replayStart } from './log'

/** Most marks the trail keeps; older ones go first (ticks already made are kept in progress). */
export const TRAIL_LIMIT = 10_000

export type TrailMark =
  /** The first bytes of a connection arrived (a request, for the HTTP stages). */
  | { kind: 'received'; at: number; listenerId: string; connectionId: string; isSleep: boolean }
  /** The first bytes the server sent on a connection. */
  | {
      kind: 'responded'
      at: number
      listenerId: string
      connectionId: string
      /** The status code of an `HTTP/1.x NNN` status line, or null for anything else. */
      status: number | null
      hasLength: boolean
      /** It answers a `GET /sleep` request. */
      isSleep: boolean
      /** Another worker of the listener was in a /sleep when it went out. */
      isDuringSleep: boolean
    }
  /** Two or more workers of a pool busy at once. */
  | { kind: 'side-by-side'; at: number; listenerId: string; busy: number }
  /** A /sleep finished while another connection waited in the queue. */
  | { kind: 'sleep-blocked'; at: number; listenerId: string }

/** What the trail needs to know, as it was before the event. */
export interface TrailContext {
  listener(id: string): ListenerSnapshot | undefined
  /** The connection's first request was `GET /sleep`. */
  isSleep(connectionId: string): boolean
}

/** What the trail reads in a preview's first bytes. */
interface PreviewFacts {
  /** A request for the book's slow route. */
  isSleep: boolean
  /** The status code of an `HTTP/1.x NNN` status line, or null for anything else. */
  status: number | null
  hasLength: boolean
}

/**
 * Previews already read. A burst repeats one request and one response thousands of times (the
 * wire sends each text once per batch, so they arrive as the same string): each is decoded once.
 */
const factsByPreview = new Map<string, PreviewFacts>()
const FACTS_MEMORY = 256

/** What a preview (Base64 of the first bytes) says; not Base64 reads as no bytes at all. */
function previewFacts(base64: string): PreviewFacts {
  const known = factsByPreview.get(base64)
  if (known !== undefined) return known
  let text = ''
  try {
    text = atob(base64)
  } catch {
    // Not Base64: nothing to read.
  }
  const status = /^HTTP\/1\.[01] (\d{3})(?: |\r|$)/.exec(text)
  const facts = {
    isSleep: isSleepRequest(text),
    status: status ? Number(status[1]) : null,
    hasLength: /\r\nContent-Length: *\d/i.test(text),
  }
  if (factsByPreview.size >= FACTS_MEMORY) factsByPreview.clear()
  factsByPreview.set(base64, facts)
  return facts
}

/** Whether a request's first bytes ask for /sleep (the book's slow route). */
export function isSleepRequest(text: string): boolean {
  return text.startsWith('GET /sleep ')
}

function sleepingElsewhere(ctx: TrailContext, listenerId: string, connectionId: string): boolean {
  const workers = ctx.listener(listenerId)?.workers ?? []
  return workers.some((c) => c !== null && c !== connectionId && ctx.isSleep(c))
}

/** The marks one event adds. Only first reads and writes count (see `connection-data`). */
export function trailMarksFor(event: EngineEvent, ctx: TrailContext): TrailMark[] {
  switch (event.type) {
    case 'connection-data': {
      const { at, listenerId, connectionId } = event
      const isFirst =
        event.direction === 'in'
          ? event.chunksIn === event.chunks
          : event.chunksOut === event.chunks
      if (!isFirst) return []
      const facts = previewFacts(event.preview)
      if (event.direction === 'in')
        return [{ kind: 'received', at, listenerId, connectionId, isSleep: facts.isSleep }]
      const isSleep = ctx.isSleep(connectionId)
      return [
        {
          kind: 'responded',
          at,
          listenerId,
          connectionId,
          status: facts.status,
          hasLength: facts.hasLength,
          isSleep,
          isDuringSleep: !isSleep && sleepingElsewhere(ctx, listenerId, connectionId),
        },
      ]
    }
    case 'worker-changed': {
      const { at, listenerId } = event
      const l = ctx.listener(listenerId)
      if (!l) return []
      const held = l.workers[event.worker] ?? null
      if (event.connectionId === null) {
        // A worker let go of a /sleep while others queued: the single thread's lesson. The
        // event says how many waited (an older engine's does not: the queue as last told).
        const waiting = event.waiting ?? l.queued.length
        return held !== null && ctx.isSleep(held) && waiting > 0
          ? [{ kind: 'sleep-blocked', at, listenerId }]
          : []
      }
      const workers = [...l.workers]
      workers[event.worker] = event.connectionId
      const busy = workers.filter((c) => c !== null).length
      return busy >= 2 ? [{ kind: 'side-by-side', at, listenerId, busy }] : []
    }
    default:
      return []
  }
}

/** Most /sleep connections remembered (each a few bytes; only recent ones matter). */
const SLEEP_MEMORY = 1000

/** The /sleep connections after `marks`. */
export function withSleepers(
  sleepers: ReadonlySet<string>,
  marks: readonly TrailMark[],
): ReadonlySet<string> {
  const added = marks.filter((m) => m.kind === 'received' && m.isSleep)
  if (added.length === 0) return sleepers
  const next = new Set(sleepers)
  for (const mark of added) if (mark.kind === 'received') next.add(mark.connectionId)
  // A Set iterates in insertion order: the oldest go first.
  for (const id of next) {
    if (next.size <= SLEEP_MEMORY) break
    next.delete(id)
  }
  return next
}

/** The trail state a snapshot's recent events rebuild (as the log is rebuilt from them). */
export function trailFromEvents(
  events: readonly EngineEvent[],
  listeners: readonly ListenerSnapshot[],
): { trail: readonly TrailMark[]; sleepConnections: ReadonlySet<string>; lastEventAt: number } {
  const known = new Map(listeners.map((l) => [l.id, replayStart(l)]))
  // The replay starts from what the events say; workers and queues follow them.
  const replayed = new Map<string, ListenerSnapshot>()
  let sleepers: ReadonlySet<string> = new Set()
  const marks: TrailMark[] = []
  let lastEventAt = 0
  for (const event of events) {
    lastEventAt = Math.max(lastEventAt, event.at)
    const added = trailMarksFor(event, {
      listener: (id) => replayed.get(id) ?? known.get(id),
      isSleep: (id) => sleepers.has(id),
    })
    marks.push(...added)
    sleepers = withSleepers(sleepers, added)
    replayListener(replayed, known, event)
  }
  return { trail: appendCapped([], marks, TRAIL_LIMIT), sleepConnections: sleepers, lastEventAt }
}

/** Follows a listener's workers and queue through the events, as the live store does. */
function replayListener(
  replayed: Map<string, ListenerSnapshot>,
  known: ReadonlyMap<string, ListenerSnapshot>,
  event: EngineEvent,
): void {
  if (event.type === 'listener-added' || event.type === 'listener-changed') {
    replayed.set(event.listener.id, event.listener)
    return
  }
  if (event.type !== 'worker-changed' && event.type !== 'queue-changed') return
  const l = replayed.get(event.listenerId) ?? known.get(event.listenerId)
  if (!l) return
  if (event.type === 'queue-changed') {
    replayed.set(l.id, { ...l, queued: event.queued })
    return
  }
  const workers = [...l.workers]
  workers[event.worker] = event.connectionId
  replayed.set(l.id, { ...l, workers })
}
