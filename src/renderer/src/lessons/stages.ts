/**
 * The chapter's stages as lessons: the listings, the listener settings that re-enact them and the
 * Rust code; then the learner's own server, which a forwarding listener puts between the browser
 * and it. Their checkpoints are listed in shared/lesson-progress.ts (STAGE_CHECKPOINTS) and tick
 * from the store (checkpoints.ts).
 *
 * Titles and explanations live in the lessons catalogs under `lessons.stage.<id>.*` and
 * `lessons.check.<checkpoint>`.
 */
import {
  DEFAULT_TARGET_HOST,
  DEFAULT_TARGET_PORT,
  type AddListenerRequest,
} from '../../../shared/contract'
import type { StageId } from '../../../shared/lesson-progress'
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
import { codeOwnServer } from '../../../shared/own-server-code'

export type { CheckpointId, StageId } from '../../../shared/lesson-progress'

/** What "Set up this stage" sends for the first listener. */
export type StageSetup = Pick<
  AddListenerRequest,
  'responder' | 'handling' | 'workers' | 'stopAfter' | 'targetHost' | 'targetPort'
>

export interface Stage {
  id: StageId
  /** The book's listing numbers, e.g. `20-1` or `20-11…20-22`; null for the learner's program. */
  listings: string | null
  setup: StageSetup
  /** The Rust code, or the code for the address the learner's server binds (see stageCode). */
  code: string | ((bindAddress: string) => string)
}

/** The stages in the chapter's order. */
export const STAGES: readonly Stage[] = [
  {
    id: 'connect',
    listings: '20-1',
    setup: { responder: 'close-at-once', stopAfter: null },
    code: CODE_CONNECT,
  },
  {
    id: 'bind-errors',
    listings: '20-1',
    setup: { responder: 'close-at-once', stopAfter: null },
    code: CODE_BIND_ERRORS,
  },
  {
    id: 'read-request',
    listings: '20-2',
    setup: { responder: 'read-request-then-close', handling: 'single-thread', stopAfter: null },
    code: CODE_READ_REQUEST,
  },
  {
    id: 'respond',
    listings: '20-3…20-5',
    setup: { responder: 'http-hello', handling: 'single-thread', stopAfter: null },
    code: CODE_RESPOND,
  },
  {
    id: 'routes',
    listings: '20-6…20-9',
    setup: { responder: 'http-routes', handling: 'single-thread', stopAfter: null },
    code: CODE_ROUTES,
  },
  {
    id: 'slow',
    listings: '20-10',
    setup: { responder: 'http-slow-route', handling: 'single-thread', stopAfter: null },
    code: CODE_SLOW,
  },
  {
    id: 'pool',
    listings: '20-11…20-22',
    setup: { responder: 'http-slow-route', handling: 'thread-pool', workers: 4, stopAfter: null },
    code: CODE_POOL,
  },
  {
    id: 'shutdown',
    listings: '20-23…20-25',
    setup: { responder: 'http-slow-route', handling: 'thread-pool', workers: 4, stopAfter: 2 },
    code: CODE_SHUTDOWN,
  },
  {
    id: 'own-server',
    listings: null,
    setup: {
      responder: 'forward',
      targetHost: DEFAULT_TARGET_HOST,
      targetPort: DEFAULT_TARGET_PORT,
      stopAfter: null,
    },
    code: codeOwnServer,
  },
]

/** The stage with this id (the first stage for an unknown one). */
export function stageById(id: StageId): Stage {
  return STAGES.find((s) => s.id === id) ?? (STAGES[0] as Stage)
}

/**
 * The stage's Rust code; the own server's binds `bindAddress` (host:port), where the forwarding
 * listener passes connections.
 */
export function stageCode(stage: Stage, bindAddress: string): string {
  return typeof stage.code === 'string' ? stage.code : stage.code(bindAddress)
}
