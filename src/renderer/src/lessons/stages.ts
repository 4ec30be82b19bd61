/**
 * The chapter's stages as lessons: the listings, the listener settings that re-enact them, the
 * Rust code, and the checkpoints that tick from what the engine reports.
 *
 * Titles and explanations live in the lessons catalogs under `lessons.stage.<id>.*` and
 * `lessons.check.<checkpoint>`.
 */
import type { AddListenerRequest, ListenerSettings } from '../../../shared/contract'
import type { CheckpointId, StageId } from '../../../shared/lesson-progress'
import type { Facts, StageMatch } from './observe'
import {
  CODE_BIND_ERRORS,
  CODE_CONNECT,
  CODE_POOL,
  CODE_READ_REQUEST,
  CODE_RESPOND,
  CODE_ROUTES,
  CODE_SHUTDOWN,
  CODE_SLOW,
} from './rust-code'

export type { CheckpointId, StageId } from '../../../shared/lesson-progress'

/** What "Set up this stage" sends for the first listener. */
export type StageSetup = Pick<
  AddListenerRequest,
  'responder' | 'handling' | 'workers' | 'stopAfter'
>

export interface Checkpoint {
  id: CheckpointId
  isDone: (facts: Facts) => boolean
}

export interface Stage {
  id: StageId
  /** The book's listing numbers, e.g. `20-1` or `20-11…20-22`. */
  listings: string
  setup: StageSetup
  /** The listeners whose events count for this stage. */
  matches: StageMatch
  checkpoints: readonly Checkpoint[]
  code: string
}

const isHttpRoutes = (s: ListenerSettings): boolean =>
  s.responder === 'http-routes' || s.responder === 'http-slow-route'

const isReading = (s: ListenerSettings): boolean =>
  s.responder === 'read-request-then-close' || s.responder === 'http-hello' || isHttpRoutes(s)

/** The stages in the chapter's order. */
export const STAGES: readonly Stage[] = [
  {
    id: 'connect',
    listings: '20-1',
    setup: { responder: 'close-at-once', stopAfter: null },
    matches: (s) => s.responder === 'close-at-once',
    code: CODE_CONNECT,
    checkpoints: [
      { id: 'listening', isDone: (f) => f.listening },
      { id: 'established', isDone: (f) => f.established >= 1 },
      { id: 'accepted-3', isDone: (f) => f.accepted >= 3 },
    ],
  },
  {
    id: 'bind-errors',
    listings: '20-1',
    setup: { responder: 'close-at-once', stopAfter: null },
    matches: () => true,
    code: CODE_BIND_ERRORS,
    checkpoints: [
      { id: 'bind-in-use', isDone: (f) => f.bindInUse },
      { id: 'bind-denied', isDone: (f) => f.bindDenied },
      { id: 'relistened', isDone: (f) => f.relistened },
    ],
  },
  {
    id: 'read-request',
    listings: '20-2',
    setup: { responder: 'read-request-then-close', handling: 'single-thread', stopAfter: null },
    matches: (s) => s.responder === 'read-request-then-close',
    code: CODE_READ_REQUEST,
    checkpoints: [
      { id: 'request-line', isDone: (f) => f.requests >= 1 },
      { id: 'request-headers', isDone: (f) => f.requestsWithHeaders >= 1 },
    ],
  },
  {
    id: 'respond',
    listings: '20-3…20-5',
    setup: { responder: 'http-hello', handling: 'single-thread', stopAfter: null },
    matches: (s) => s.responder === 'http-hello',
    code: CODE_RESPOND,
    checkpoints: [
      { id: 'request-received', isDone: (f) => f.received >= 1 },
      { id: 'ok-with-length', isDone: (f) => f.okWithLength >= 1 },
    ],
  },
  {
    id: 'routes',
    listings: '20-6…20-9',
    setup: { responder: 'http-routes', handling: 'single-thread', stopAfter: null },
    matches: isHttpRoutes,
    code: CODE_ROUTES,
    checkpoints: [
      { id: 'ok-served', isDone: (f) => f.ok >= 1 },
      { id: 'not-found', isDone: (f) => f.notFound >= 1 },
    ],
  },
  {
    id: 'slow',
    listings: '20-10',
    setup: { responder: 'http-slow-route', handling: 'single-thread', stopAfter: null },
    matches: (s) => s.responder === 'http-slow-route' && s.handling === 'single-thread',
    code: CODE_SLOW,
    checkpoints: [
      { id: 'sleep-answered', isDone: (f) => f.sleepAnswered >= 1 },
      { id: 'sleep-blocks', isDone: (f) => f.waitedBehindSleep },
    ],
  },
  {
    id: 'pool',
    listings: '20-11…20-22',
    setup: { responder: 'http-slow-route', handling: 'thread-pool', workers: 4, stopAfter: null },
    matches: (s) => isReading(s) && s.handling === 'thread-pool',
    code: CODE_POOL,
    checkpoints: [
      { id: 'worker-job', isDone: (f) => f.jobs >= 1 },
      { id: 'side-by-side', isDone: (f) => f.maxBusy >= 2 },
      { id: 'sleep-not-blocking', isDone: (f) => f.answeredDuringSleep },
    ],
  },
  {
    id: 'shutdown',
    listings: '20-23…20-25',
    setup: { responder: 'http-slow-route', handling: 'thread-pool', workers: 4, stopAfter: 2 },
    matches: (s) => isReading(s) && s.handling === 'thread-pool' && s.stopAfter !== null,
    code: CODE_SHUTDOWN,
    checkpoints: [
      { id: 'take-shutdown', isDone: (f) => f.takeEndedOn.length > 0 },
      { id: 'workers-shut-down', isDone: (f) => f.allWorkersShutDown },
      { id: 'stopped-by-itself', isDone: (f) => f.stoppedAfterTake },
    ],
  },
]

/** The stage with this id (the first stage for an unknown one). */
export function stageById(id: StageId): Stage {
  return STAGES.find((s) => s.id === id) ?? (STAGES[0] as Stage)
}

/** The checkpoints of `stage` that `facts` tick. */
export function doneCheckpoints(stage: Stage, facts: Facts): ReadonlySet<CheckpointId> {
  return new Set(stage.checkpoints.filter((c) => c.isDone(facts)).map((c) => c.id))
}
