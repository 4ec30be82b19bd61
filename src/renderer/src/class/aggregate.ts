/**
 * The class table's rows: per student and stage, how many of the stage's checkpoints ticked and
 * when the last one did; the stage where most students are stuck; the order the teacher chose.
 */
import { STAGE_CHECKPOINTS, type CheckpointId, type StageId } from '../../../shared/lesson-progress'
import type { ClassFileKind, ClassStudentFile } from './class-file'

/** One checkpoint of a stage, and when it ticked (null: not yet). */
export interface CheckpointCell {
  id: CheckpointId
  at: number | null
}

/** One student's progress through one stage. */
export interface StageCell {
  stageId: StageId
  /** The stage's checkpoints in the chapter's order. */
  checkpoints: CheckpointCell[]
  ticked: number
  total: number
  /** When the stage's latest checkpoint ticked (wall-clock ms), or null. */
  lastTick: number | null
  isComplete: boolean
  /** The stage goes past the book's chapter (see STAGE_CHECKPOINTS). */
  isAfterChapter: boolean
}

/** One row of the class table. */
export interface StudentRow {
  /** The file it was read from: unique in the table. */
  file: string
  kind: ClassFileKind
  /** The student's name, or the file name when the student gave none. */
  name: string
  isNamedByFile: boolean
  savedAt: number
  /** One cell per stage, in the chapter's order. */
  stages: StageCell[]
  ticked: number
  total: number
  lastTick: number | null
  /**
   * The first stage of the chapter not complete, or null when the chapter is done (a stage after
   * the chapter, the learner's own server, is extra work: not having done it is not being stuck).
   */
  stuckAt: StageId | null
  /** Every stage is complete, those after the chapter too. */
  isAllDone: boolean
}

function latest(times: readonly (number | null)[]): number | null {
  let last: number | null = null
  for (const t of times) if (t !== null && (last === null || t > last)) last = t
  return last
}

/** A file's progress as a row. Checkpoints ticked under another stage than their own do not count. */
export function studentRow(file: ClassStudentFile): StudentRow {
  const stages = STAGE_CHECKPOINTS.map(({ stageId, checkpoints, isAfterChapter }): StageCell => {
    const ticked = file.progress.stages[stageId]?.ticked ?? {}
    const cells = checkpoints.map((id) => ({ id, at: ticked[id] ?? null }))
    const count = cells.filter((c) => c.at !== null).length
    return {
      stageId,
      checkpoints: cells,
      ticked: count,
      total: cells.length,
      lastTick: latest(cells.map((c) => c.at)),
      isComplete: count === cells.length,
      isAfterChapter: isAfterChapter === true,
    }
  })
  return {
    file: file.file,
    kind: file.kind,
    name: file.student ?? file.file,
    isNamedByFile: file.student === null,
    savedAt: file.savedAt,
    stages,
    ticked: stages.reduce((sum, s) => sum + s.ticked, 0),
    total: stages.reduce((sum, s) => sum + s.total, 0),
    lastTick: latest(stages.map((s) => s.lastTick)),
    stuckAt: stages.find((s) => !s.isComplete && !s.isAfterChapter)?.stageId ?? null,
    isAllDone: stages.every((s) => s.isComplete),
  }
}

/** The stage most students are stuck at, and how many are. */
export interface StuckStage {
  stageId: StageId
  count: number
}

/**
 * The stage that is most often a student's first incomplete one; on a tie, the earlier stage
 * (the class meets it first). Null when there are no rows or everyone finished the chapter.
 */
export function stuckStage(rows: readonly StudentRow[]): StuckStage | null {
  const counts = new Map<StageId, number>()
  for (const row of rows)
    if (row.stuckAt !== null) counts.set(row.stuckAt, (counts.get(row.stuckAt) ?? 0) + 1)
  let best: StuckStage | null = null
  for (const { stageId } of STAGE_CHECKPOINTS) {
    const count = counts.get(stageId) ?? 0
    if (count > 0 && (best === null || count > best.count)) best = { stageId, count }
  }
  return best
}

/** A column the table sorts by: the name, the total, or a stage. */
export type SortColumn = 'name' | 'total' | StageId

export type SortDirection = 'ascending' | 'descending'

export interface SortOrder {
  column: SortColumn
  direction: SortDirection
}

export const DEFAULT_SORT: SortOrder = { column: 'name', direction: 'ascending' }

/**
 * The next order when a column's header is clicked: the same column flips, another starts
 * ascending (names A to Z, fewest ticks first: who needs help comes first).
 */
export function nextSort(current: SortOrder, column: SortColumn): SortOrder {
  if (current.column !== column) return { column, direction: 'ascending' }
  return { column, direction: current.direction === 'ascending' ? 'descending' : 'ascending' }
}

/**
 * `rows` in `order`, a new array. Ticks compare by count (then by the earlier last tick: who got
 * there first ranks as further along), ties by name and then file, always A to Z.
 */
export function sortRows(
  rows: readonly StudentRow[],
  order: SortOrder,
  collator: Intl.Collator,
): StudentRow[] {
  const byName = (a: StudentRow, b: StudentRow): number =>
    collator.compare(a.name, b.name) || collator.compare(a.file, b.file)
  const sign = order.direction === 'ascending' ? 1 : -1
  const progress = (row: StudentRow): { ticked: number; lastTick: number | null } => {
    if (order.column === 'total') return row
    const stage = row.stages.find((s) => s.stageId === order.column)
    return stage ?? { ticked: 0, lastTick: null }
  }
  return [...rows].sort((a, b) => {
    if (order.column === 'name') return sign * byName(a, b)
    const pa = progress(a)
    const pb = progress(b)
    const byTicks = pa.ticked - pb.ticked
    // Equal counts: a later (or no) last tick is further behind.
    const byTime =
      pa.lastTick === pb.lastTick
        ? 0
        : pa.lastTick === null
          ? -1
          : pb.lastTick === null
            ? 1
            : pb.lastTick - pa.lastTick
    return sign * (byTicks || byTime) || byName(a, b)
  })
}
