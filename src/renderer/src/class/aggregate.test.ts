import { describe, expect, it } from 'vitest'
import type { LessonProgress } from '../../../shared/lesson-progress'
import {
  DEFAULT_SORT,
  nextSort,
  sortRows,
  stuckStage,
  studentRow,
  type SortOrder,
  type StudentRow,
} from './aggregate'
import { LESSON_START, progressUpTo, studentFile } from './class-test-kit'

const row = (file: string, name: string | null, progress: LessonProgress): StudentRow =>
  studentRow(studentFile(file, name, progress))

describe('studentRow', () => {
  it('counts each stage’s own checkpoints and finds the last tick', () => {
    const r = row('anna.json', 'Anna', progressUpTo('read-request', 1))
    expect(r.stages.map((s) => `${s.ticked}/${s.total}`)).toEqual([
      '3/3',
      '3/3',
      '1/2',
      '0/2',
      '0/2',
      '0/2',
      '0/3',
      '0/3',
      '0/3',
    ])
    // Seven checkpoints ticked, one a minute.
    expect(r.ticked).toBe(7)
    expect(r.total).toBe(23)
    expect(r.stages[1]?.lastTick).toBe(LESSON_START + 6 * 60_000)
    expect(r.lastTick).toBe(LESSON_START + 7 * 60_000)
    expect(r.stages[3]?.lastTick).toBeNull()
    expect(r.stuckAt).toBe('read-request')
    expect(r.stages[2]?.checkpoints).toEqual([
      { id: 'request-line', at: LESSON_START + 7 * 60_000 },
      { id: 'request-headers', at: null },
    ])
  })

  it('lists a student without a name by the file name', () => {
    const r = row('pc-07.json', null, progressUpTo('connect'))
    expect(r).toMatchObject({ name: 'pc-07.json', isNamedByFile: true, file: 'pc-07.json' })
    expect(row('b.json', 'Bo', progressUpTo('connect')).isNamedByFile).toBe(false)
  })

  it('does not count a checkpoint ticked under another stage', () => {
    const progress: LessonProgress = {
      stageId: 'connect',
      stages: { connect: { since: 0, ticked: { 'not-found': 5, listening: 7 } } },
    }
    const r = row('x.json', 'X', progress)
    expect(r.stages[0]).toMatchObject({ ticked: 1, lastTick: 7 })
    expect(r.stages[4]).toMatchObject({ ticked: 0 })
    expect(r.ticked).toBe(1)
  })

  it('shows a file from before the own server’s stage with that stage not started', () => {
    const chapter = progressUpTo('own-server')
    expect(chapter.stages['own-server']).toEqual({ since: LESSON_START, ticked: {} })
    delete chapter.stages['own-server']
    const r = row('old.json', 'Old', chapter)
    expect(r.stages.at(-1)).toMatchObject({ stageId: 'own-server', ticked: 0, total: 3 })
    expect(r.stages.slice(0, -1).every((s) => s.isComplete)).toBe(true)
    // The own server's stage goes past the chapter: not done, but not stuck either.
    expect(r.stuckAt).toBeNull()
    expect(r.isAllDone).toBe(false)
    expect(r.ticked).toBe(20)
  })

  it('is stuck nowhere when every stage is complete', () => {
    const r = row('done.json', 'Done', progressUpTo(null))
    expect(r.stuckAt).toBeNull()
    expect(r.isAllDone).toBe(true)
    expect(r.ticked).toBe(23)
    expect(r.stages.every((s) => s.isComplete)).toBe(true)
  })
})

describe('stuckStage', () => {
  it('is the most common first unfinished stage', () => {
    const rows = [
      row('a', 'A', progressUpTo('connect', 2)),
      row('b', 'B', progressUpTo('routes')),
      row('c', 'C', progressUpTo('routes', 1)),
      row('d', 'D', progressUpTo('pool')),
      row('e', 'E', progressUpTo(null)),
    ]
    expect(stuckStage(rows)).toEqual({ stageId: 'routes', count: 2 })
  })

  it('counts only the first unfinished stage: later gaps do not matter', () => {
    // Stage 1 unfinished, stage 3 complete: stuck at stage 1.
    const progress = progressUpTo('slow')
    delete progress.stages.connect?.ticked.listening
    expect(row('a', 'A', progress).stuckAt).toBe('connect')
  })

  it('breaks a tie with the earlier stage', () => {
    const rows = [
      row('a', 'A', progressUpTo('pool')),
      row('b', 'B', progressUpTo('respond')),
      row('c', 'C', progressUpTo('pool')),
      row('d', 'D', progressUpTo('respond')),
    ]
    expect(stuckStage(rows)).toEqual({ stageId: 'respond', count: 2 })
  })

  it('is null for no students, and when everyone finished', () => {
    expect(stuckStage([])).toBeNull()
    expect(stuckStage([row('a', 'A', progressUpTo(null))])).toBeNull()
  })

  it('does not count a student who finished the chapter but not the stage after it', () => {
    const rows = [
      row('a', 'A', progressUpTo('own-server')),
      row('b', 'B', progressUpTo('own-server', 2)),
      row('c', 'C', progressUpTo('pool')),
    ]
    expect(stuckStage(rows)).toEqual({ stageId: 'pool', count: 1 })
    expect(stuckStage(rows.slice(0, 2))).toBeNull()
  })
})

describe('sorting', () => {
  const collator = new Intl.Collator('en', { numeric: true, sensitivity: 'base' })
  const rows = [
    row('z.json', 'zoe', progressUpTo('routes', 1)),
    row('a10.json', 'Pupil 10', progressUpTo('connect', 1)),
    row('a2.json', 'Pupil 2', progressUpTo('routes')),
    row('b.json', 'Ben', progressUpTo('pool')),
  ]
  const names = (order: SortOrder, list = rows) =>
    sortRows(list, order, collator).map((r) => r.name)

  it('by name, A to Z, numbers in order, case ignored; and back', () => {
    expect(names(DEFAULT_SORT)).toEqual(['Ben', 'Pupil 2', 'Pupil 10', 'zoe'])
    expect(names({ column: 'name', direction: 'descending' })).toEqual([
      'zoe',
      'Pupil 10',
      'Pupil 2',
      'Ben',
    ])
  })

  it('by a stage: fewest ticks first, ties by name', () => {
    expect(names({ column: 'routes', direction: 'ascending' })).toEqual([
      'Pupil 2',
      'Pupil 10',
      'zoe',
      'Ben',
    ])
    // Ties stay A to Z either way.
    expect(names({ column: 'routes', direction: 'descending' })).toEqual([
      'Ben',
      'zoe',
      'Pupil 2',
      'Pupil 10',
    ])
  })

  it('by a stage with equal ticks: whoever finished it later is further behind', () => {
    const early = row('e.json', 'Early', progressUpTo('slow'))
    const late: LessonProgress = progressUpTo('slow')
    const routes = late.stages.routes
    if (routes) routes.ticked = { 'ok-served': LESSON_START + 99 * 60_000, 'not-found': 1 }
    const list = [early, row('l.json', 'Late', late)]
    expect(names({ column: 'routes', direction: 'ascending' }, list)).toEqual(['Late', 'Early'])
    expect(names({ column: 'routes', direction: 'descending' }, list)).toEqual(['Early', 'Late'])
  })

  it('by the total', () => {
    expect(names({ column: 'total', direction: 'descending' })).toEqual([
      'Ben',
      'zoe',
      'Pupil 2',
      'Pupil 10',
    ])
  })

  it('names in the language’s order', () => {
    const ru = [row('1', 'Яна', progressUpTo('connect')), row('2', 'Ёжик', progressUpTo('connect'))]
    const order = sortRows(ru, DEFAULT_SORT, new Intl.Collator('ru')).map((r) => r.name)
    expect(order).toEqual(['Ёжик', 'Яна'])
  })

  it('leaves the rows given untouched', () => {
    const copy = [...rows]
    sortRows(rows, { column: 'total', direction: 'ascending' }, collator)
    expect(rows).toEqual(copy)
  })

  it('a click on the sorted column flips it; on another starts ascending', () => {
    expect(nextSort(DEFAULT_SORT, 'name')).toEqual({ column: 'name', direction: 'descending' })
    expect(nextSort({ column: 'name', direction: 'descending' }, 'name')).toEqual(DEFAULT_SORT)
    expect(nextSort({ column: 'name', direction: 'descending' }, 'pool')).toEqual({
      column: 'pool',
      direction: 'ascending',
    })
  })
})
