/**
 * Which checkpoints are done, and since when: selectors over the store's event log and lesson
 * trail (state/lesson-trail.ts), the same entries the log and the table show. A line the log shows
 * ticks the checkpoint about it, whatever responder printed it. What the linter found in the
 * learner's own server's response is read from the forwarded connection's leg, as the inspector
 * shows it (the log's line about that leg gives the time).
 */
import type { ConnectionSnapshot, ListenerSnapshot, TargetLeg } from '../../../shared/contract'
import type { CheckpointId } from '../../../shared/lesson-progress'
import type { TrailMark } from '../state/lesson-trail'
import { programLine, type LogEntry } from '../state/log'

/** Each done checkpoint and the time (the engine's wall clock) it became done. */
export type Ticks = Partial<Record<CheckpointId, number>>

const WORKER_JOB = /^Worker \d+ got a job; executing\.$/
const WORKER_SHUTDOWN = /^Shutting down worker (\d+)$/

/** How many entries a `Request: [...]` print lists (Listing 20-2's Vec of lines). */
function requestEntries(text: string): number | null {
  if (!text.startsWith('Request: [')) return null
  return text.split('\n').filter((line) => line.startsWith('    "')).length
}

/** Ticks from the log's lines after `since`. */
function logTicks(
  log: readonly LogEntry[],
  poolSize: (listenerId: string) => number,
  since: number,
): Ticks {
  const ticks: Ticks = {}
  const tick = (id: CheckpointId, at: number): void => {
    ticks[id] ??= at
  }
  let accepted = 0
  const failed = new Set<string>()
  const takeEnded = new Set<string>()
  const shutDown = new Map<string, Set<number>>()
  for (const entry of log) {
    if (entry.at <= since) continue
    const { message: m, at, listenerId } = entry
    const line = programLine(m)
    if (line === 'Connection established!') tick('established', at)
    switch (m.kind) {
      case 'connection-established':
        accepted += 1
        if (accepted >= 3) tick('accepted-3', at)
        break
      case 'listening':
        tick('listening', at)
        if (failed.has(listenerId)) tick('relistened', at)
        break
      case 'bind-failed':
        failed.add(listenerId)
        if (m.code === 'EADDRINUSE') tick('bind-in-use', at)
        // Where no port is privileged (root, Windows, a lowered threshold) the stage offers an
        // address this machine does not have instead: the OS refuses that bind too.
        if (m.code === 'EACCES' || m.code === 'EADDRNOTAVAIL') tick('bind-denied', at)
        break
      case 'stopped':
        if (takeEnded.has(listenerId)) tick('stopped-by-itself', at)
        break
      case 'target':
        if (m.line.change === 'connected') tick('target-accepted', at)
        if (m.line.change === 'answered') tick('target-answered', at)
        break
      default:
        break
    }
    if (line === null || m.kind !== 'program') continue
    const entries = requestEntries(line)
    if (entries !== null && entries >= 1) tick('request-line', at)
    if (entries !== null && entries >= 2) tick('request-headers', at)
    if (WORKER_JOB.test(line)) tick('worker-job', at)
    if (line === 'Shutting down.') {
      takeEnded.add(listenerId)
      tick('take-shutdown', at)
    }
    const worker = WORKER_SHUTDOWN.exec(line)
    if (worker && takeEnded.has(listenerId)) {
      const done = shutDown.get(listenerId) ?? new Set<number>()
      done.add(Number(worker[1]))
      shutDown.set(listenerId, done)
      if (done.size >= poolSize(listenerId)) tick('workers-shut-down', at)
    }
  }
  return ticks
}

/** Ticks from the lesson trail's marks after `since`. */
function trailTicks(trail: readonly TrailMark[], since: number): Ticks {
  const ticks: Ticks = {}
  const tick = (id: CheckpointId, at: number): void => {
    ticks[id] ??= at
  }
  for (const mark of trail) {
    if (mark.at <= since) continue
    switch (mark.kind) {
      case 'received':
        tick('request-received', mark.at)
        break
      case 'responded':
        if (mark.status === 200) tick('ok-served', mark.at)
        if (mark.status === 200 && mark.hasLength) tick('ok-with-length', mark.at)
        if (mark.status === 404) tick('not-found', mark.at)
        if (mark.isSleep && mark.status !== null) tick('sleep-answered', mark.at)
        if (mark.isDuringSleep && mark.status !== null) tick('sleep-not-blocking', mark.at)
        break
      case 'side-by-side':
        tick('side-by-side', mark.at)
        break
      case 'sleep-blocked':
        tick('sleep-blocks', mark.at)
        break
    }
  }
  return ticks
}

/**
 * The linter finds nothing wrong with what the learner's server sent on this leg: an HTTP
 * response, complete, with no finding, on a leg that did not fail (an answer followed by a reset,
 * because the request was not read, is the classic mistake).
 */
export function isCleanResponse(leg: TargetLeg): boolean {
  const r = leg.response
  return (
    r !== null &&
    leg.failure === null &&
    r.isHttp &&
    r.progress === 'complete' &&
    r.findings.length === 0
  )
}

/**
 * When a forwarded connection's response the linter finds nothing wrong with was judged after
 * `since`, the first such time, or null. A leg is judged at its server's FIN, which the log has a
 * line for, or else when both legs closed (the client closed first): then the close's time.
 */
function cleanResponseAt(
  log: readonly LogEntry[],
  connections: readonly ConnectionSnapshot[],
  since: number,
): number | null {
  const clean = new Map<string, ConnectionSnapshot>()
  for (const c of connections)
    if (c.target !== undefined && isCleanResponse(c.target))
      clean.set(`${c.listenerId} ${c.number}`, c)
  if (clean.size === 0) return null
  let first: number | null = null
  const judgedAt = (at: number): void => {
    if (at > since && (first === null || at < first)) first = at
  }
  for (const entry of log) {
    const m = entry.message
    if (m.kind !== 'target' || m.line.change !== 'target-ended') continue
    const c = clean.get(`${entry.listenerId} ${m.connectionNumber}`)
    if (c?.target?.targetEnded === true) judgedAt(entry.at)
  }
  for (const c of clean.values())
    if (c.target?.targetEnded === false && c.closedAt !== null) judgedAt(c.closedAt)
  return first
}

/** What the checkpoints read from the store. */
export interface CheckpointSources {
  log: readonly LogEntry[]
  trail: readonly TrailMark[]
  listeners: readonly ListenerSnapshot[]
  connections: readonly ConnectionSnapshot[]
}

/** Every checkpoint done by what happened after `since` (the engine's wall clock, ms). */
export function checkpointTicks(sources: CheckpointSources, since: number): Ticks {
  const pools = new Map(sources.listeners.map((l) => [l.id, l.settings.workers]))
  // A pool whose size is not known any more never counts as all shut down.
  const poolSize = (id: string): number => pools.get(id) ?? Number.POSITIVE_INFINITY
  const clean = cleanResponseAt(sources.log, sources.connections, since)
  return {
    ...trailTicks(sources.trail, since),
    ...logTicks(sources.log, poolSize, since),
    ...(clean === null ? {} : { 'response-clean': clean }),
  }
}
