/**
 * What a plan's requests should take against one of Socket Lab's own listeners: the chapter's
 * handling models as arithmetic.
 *
 * A job holds its thread from the moment a thread takes it until the stream is dropped (see the
 * engine's handling.ts); jobs wait in a FIFO queue. A single thread runs one job at a time, a pool
 * of N runs up to N side by side, a thread per connection runs them all at once. `/sleep` under
 * the slow route holds its thread for the listener's sleep seconds; every other request is
 * answered at once (taken as 0 ms: the real time adds a few milliseconds).
 *
 * Idle connections (a plan's `idle`) connect first, at t=0, before any request (the engine opens
 * the requests only once they are connected, and a listener accepts in connection order), and
 * each holds its thread for good: its read never returns. Under a single thread one idle
 * connection blocks every request; a pool of N with k idle serves requests on N − k workers.
 */
import { expandRows } from '../../../shared/client-plan'
import type { ClientModel, ClientPlan } from '../../../shared/client-types'
import type { ListenerSnapshot } from '../../../shared/contract'
import { isLoopbackHost, isWildcardHost } from '../../../shared/address'
import { assertNever } from '../../../shared/result'
import { readsRequest } from '../../../shared/responders'

/** One job for the model: when it arrives and how long it holds a thread. */
export interface ModelJob {
  arriveMs: number
  serviceMs: number
}

/**
 * When each job is done, in the input's order. Jobs are taken in arrival order (ties in input
 * order), each by the thread that frees first; `threads` null: unbounded (thread per connection).
 */
export function finishTimes(jobs: readonly ModelJob[], threads: number | null): number[] {
  const order = jobs.map((job, i) => ({ job, i }))
  order.sort((a, b) => a.job.arriveMs - b.job.arriveMs || a.i - b.i)
  const free: number[] = threads === null ? [] : Array<number>(Math.max(1, threads)).fill(0)
  const done = Array<number>(jobs.length).fill(0)
  for (const { job, i } of order) {
    let start = job.arriveMs
    if (free.length > 0) {
      let soonest = 0
      for (let w = 1; w < free.length; w += 1)
        if ((free[w] ?? 0) < (free[soonest] ?? 0)) soonest = w
      start = Math.max(start, free[soonest] ?? 0)
      free[soonest] = start + job.serviceMs
    }
    done[i] = start + job.serviceMs
  }
  return done
}

/** How many threads the model runs at once; null: as many as there are connections. */
export function threadsOf(model: ClientModel): number | null {
  switch (model.handling) {
    case 'single-thread':
      return 1
    case 'thread-pool':
      return model.workers
    case 'thread-per-connection':
      return null
    default:
      return assertNever(model.handling)
  }
}

/** How long a request for `path` holds its thread under `model`. */
export function serviceMs(model: ClientModel, path: string): number {
  return model.responder === 'http-slow-route' && path === '/sleep' ? model.sleepSeconds * 1000 : 0
}

/**
 * Expected done times (ms since the plan started) of each request of `plan` under `model`
 * (not of its idle connections); Infinity: never, every thread it could get is held by an idle
 * connection. Null for each when there is no model or the plan is raw (its timing depends on its
 * framing).
 */
export function expectedDoneTimes(plan: ClientPlan, model: ClientModel | null): (number | null)[] {
  if (plan.kind === 'raw') return [null]
  const requests = expandRows(plan.rows)
  if (model === null) return requests.map(() => null)
  const idle = Math.max(0, plan.idle ?? 0)
  // The idle jobs go first: they arrive at 0 like the earliest requests, and ties keep input order.
  const jobs = [
    ...Array.from({ length: idle }, () => ({ arriveMs: 0, serviceMs: Infinity })),
    ...requests.map((r) => ({ arriveMs: r.startMs, serviceMs: serviceMs(model, r.path) })),
  ]
  return finishTimes(jobs, threadsOf(model)).slice(idle)
}

function sameHost(target: string, bound: string): boolean {
  const t = target.toLowerCase()
  const b = bound.toLowerCase()
  if (t === b) return true
  // A wildcard listener accepts loopback connections of its family (Node binds `::` dual-stack,
  // so it takes both; 0.0.0.0 takes IPv4 only); localhost may be 127.0.0.1 or ::1.
  if (b === '0.0.0.0') return t === 'localhost' || (isLoopbackHost(t) && !t.includes(':'))
  if (isWildcardHost(b)) return isLoopbackHost(t)
  return t === 'localhost' && isLoopbackHost(b)
}

/**
 * The listening listener that a connection to host:port reaches, if one of Socket Lab's does.
 */
export function findTargetListener(
  host: string,
  port: number,
  listeners: readonly ListenerSnapshot[],
): ListenerSnapshot | undefined {
  return listeners.find(
    (l) =>
      l.state === 'listening' &&
      l.bound !== null &&
      l.bound.port === port &&
      sameHost(host, l.bound.address),
  )
}

/** The model of a listener whose responder reads requests, else null (nothing to expect). */
export function modelOf(listener: ListenerSnapshot | undefined): ClientModel | null {
  if (listener === undefined || !readsRequest(listener.settings.responder)) return null
  const { responder, handling, workers, sleepSeconds } = listener.settings
  return {
    listenerId: listener.id,
    listenerNumber: listener.number,
    responder,
    handling,
    workers,
    sleepSeconds,
  }
}
