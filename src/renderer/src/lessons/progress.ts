/**
 * A student's progress as pure changes: open a stage, reset one or all, record what ticked. The
 * progress lives in the settings (saved in the settings folder, so a reload or a restart keeps
 * it); the ticks come from the checkpoints' selectors (checkpoints.ts).
 */
import {
  STAGE_CHECKPOINTS,
  type CheckpointId,
  type LessonProgress,
  type StageId,
} from '../../../shared/lesson-progress'
import type { Ticks } from './checkpoints'

/** The stage open, counting from `now` if it has never been opened. */
export function openStage(progress: LessonProgress, stageId: StageId, now: number): LessonProgress {
  const known = progress.stages[stageId]
  if (known && progress.stageId === stageId) return progress
  return {
    stageId,
    stages: known ? progress.stages : { ...progress.stages, [stageId]: { since: now, ticked: {} } },
  }
}

/** The stage starting over from `now`; the others keep theirs. */
export function resetStage(
  progress: LessonProgress,
  stageId: StageId,
  now: number,
): LessonProgress {
  return { ...progress, stages: { ...progress.stages, [stageId]: { since: now, ticked: {} } } }
}

/** Every stage forgotten; the open one starts over from `now`. */
export function resetAll(progress: LessonProgress, now: number): LessonProgress {
  return { stageId: progress.stageId, stages: { [progress.stageId]: { since: now, ticked: {} } } }
}

/** The checkpoints of a stage, in order. */
export function checkpointsOf(stageId: StageId): readonly CheckpointId[] {
  return STAGE_CHECKPOINTS.find((s) => s.stageId === stageId)?.checkpoints ?? []
}

/**
 * The progress with the stage's newly done checkpoints recorded (a tick, once made, stays: the
 * events behind it may leave the log later). The same object when nothing is new.
 */
export function withTicks(
  progress: LessonProgress,
  stageId: StageId,
  ticks: Ticks,
): LessonProgress {
  const stage = progress.stages[stageId]
  if (!stage) return progress
  const added: Partial<Record<CheckpointId, number>> = {}
  for (const id of checkpointsOf(stageId)) {
    const at = ticks[id]
    if (at !== undefined && stage.ticked[id] === undefined) added[id] = at
  }
  if (Object.keys(added).length === 0) return progress
  return {
    ...progress,
    stages: { ...progress.stages, [stageId]: { ...stage, ticked: { ...stage.ticked, ...added } } },
  }
}
