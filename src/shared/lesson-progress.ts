/**
 * The chapter's stages and checkpoints as ids, and a student's progress through them: which stage
 * is open, and per stage since when it counts and when each checkpoint ticked. Saved with the
 * settings, carried by sessions and progress exports, read by the teacher's class view.
 */

export const STAGE_IDS = [
  'connect',
  'bind-errors',
  'read-request',
  'respond',
  'routes',
  'slow',
  'pool',
  'shutdown',
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

/** Which checkpoints belong to which stage, in the chapter's order (stages.ts follows it). */
export const STAGE_CHECKPOINTS: readonly {
  stageId: StageId
  checkpoints: readonly CheckpointId[]
}[] = [
  { stageId: 'connect', checkpoints: ['listening', 'established', 'accepted-3'] },
  { stageId: 'bind-errors', checkpoints: ['bind-in-use', 'bind-denied', 'relistened'] },
  { stageId: 'read-request', checkpoints: ['request-line', 'request-headers'] },
  { stageId: 'respond', checkpoints: ['request-received', 'ok-with-length'] },
  { stageId: 'routes', checkpoints: ['ok-served', 'not-found'] },
  { stageId: 'slow', checkpoints: ['sleep-answered', 'sleep-blocks'] },
  { stageId: 'pool', checkpoints: ['worker-job', 'side-by-side', 'sleep-not-blocking'] },
  { stageId: 'shutdown', checkpoints: ['take-shutdown', 'workers-shut-down', 'stopped-by-itself'] },
]

export const EMPTY_PROGRESS: LessonProgress = { stageId: 'connect', stages: {} }

/** Longest student name kept. */
export const MAX_STUDENT_NAME = 80
