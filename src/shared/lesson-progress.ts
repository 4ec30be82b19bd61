/**
 * The chapter's stages and checkpoints as ids, and a student's progress through them: which stage
 * is open, and per stage since when it counts and when each checkpoint ticked. Saved with the
 * settings, carried by sessions and progress exports, read by the teacher's class view.
 *
 * After the chapter's stages comes the learner's own server (issue 14), inspected through a
 * forwarding listener. Stages are only ever added: a file written before one was added reads as
 * progress with nothing ticked there.
 */
import * as v from 'valibot'
import { oneOf } from './schema/fields'
import { plainRecord, strictObject } from './schema/object'
import type { Same } from './schema/same'

export const STAGE_IDS = [
  'connect',
  'bind-errors',
  'read-request',
  'respond',
  'routes',
  'slow',
  'pool',
  'shutdown',
  'own-server',
] as const

export type StageId = (typeof STAGE_IDS)[number]

export const CHECKPOINT_IDS = [
  'listening',
  'established',
  'accepted-3',
  'bind-in-use',
  'bind-denied',
  'relistened',
  'request-line',
  'request-headers',
  'request-received',
  'ok-with-length',
  'ok-served',
  'not-found',
  'sleep-answered',
  'sleep-blocks',
  'worker-job',
  'side-by-side',
  'sleep-not-blocking',
  'take-shutdown',
  'workers-shut-down',
  'stopped-by-itself',
  'target-accepted',
  'target-answered',
  'response-clean',
] as const

export type CheckpointId = (typeof CHECKPOINT_IDS)[number]

/** One stage's progress. */
export interface StageProgress {
  /** Wall-clock ms since which events count for it (when first opened, or last reset). */
  since: number
  /** Each ticked checkpoint and when it first ticked (wall-clock ms). */
  ticked: Partial<Record<CheckpointId, number>>
}

export interface LessonProgress {
  /** The stage the lesson shows. */
  stageId: StageId
  stages: Partial<Record<StageId, StageProgress>>
}

/** A wall-clock time in ms: a finite, non-negative number. */
const time = v.pipe(
  v.number('must be a time'),
  v.finite('must be a time'),
  v.minValue(0, 'must be a time'),
)

const stageProgress = strictObject({
  since: time,
  ticked: plainRecord(CHECKPOINT_IDS, 'checkpoint', time),
})

const lessonProgress = strictObject({
  stageId: oneOf(STAGE_IDS),
  stages: plainRecord(STAGE_IDS, 'stage', stageProgress),
})

// The interfaces above read better than the records the schemas infer (every id spelt out); the
// checks bind them, so a change to one that is not made to the other fails `npm run typecheck`.
const isSameStage: Same<v.InferOutput<typeof stageProgress>, StageProgress> = true
const isSameLesson: Same<v.InferOutput<typeof lessonProgress>, LessonProgress> = true
void [isSameStage, isSameLesson]

/** A student's progress: a known open stage, and known stages and checkpoints with times. */
export const lessonProgressSchema: v.GenericSchema<
  v.InferInput<typeof lessonProgress>,
  LessonProgress
> = lessonProgress

/**
 * Which checkpoints belong to which stage, in the chapter's order (stages.ts follows it). A stage
 * `isAfterChapter` goes past the book's chapter (the learner's own server): a student who has not
 * done it has still finished the chapter, and is not stuck.
 */
export const STAGE_CHECKPOINTS: readonly {
  stageId: StageId
  checkpoints: readonly CheckpointId[]
  isAfterChapter?: true
}[] = [
  { stageId: 'connect', checkpoints: ['listening', 'established', 'accepted-3'] },
  { stageId: 'bind-errors', checkpoints: ['bind-in-use', 'bind-denied', 'relistened'] },
  { stageId: 'read-request', checkpoints: ['request-line', 'request-headers'] },
  { stageId: 'respond', checkpoints: ['request-received', 'ok-with-length'] },
  { stageId: 'routes', checkpoints: ['ok-served', 'not-found'] },
  { stageId: 'slow', checkpoints: ['sleep-answered', 'sleep-blocks'] },
  { stageId: 'pool', checkpoints: ['worker-job', 'side-by-side', 'sleep-not-blocking'] },
  { stageId: 'shutdown', checkpoints: ['take-shutdown', 'workers-shut-down', 'stopped-by-itself'] },
  {
    stageId: 'own-server',
    checkpoints: ['target-accepted', 'target-answered', 'response-clean'],
    isAfterChapter: true,
  },
]

export const EMPTY_PROGRESS: LessonProgress = { stageId: 'connect', stages: {} }

/** Longest student name kept. */
export const MAX_STUDENT_NAME = 80
