import { screen, within } from '@testing-library/react'
import { describe, expect, it, vi } from 'vitest'
import type { CheckpointId } from '../../../../shared/lesson-progress'
import { DEFAULT_SORT, studentRow } from '../../class/aggregate'
import { LESSON_START, progressUpTo, studentFile } from '../../class/class-test-kit'
import { translate } from '../../i18n/context'
import { renderWith } from '../../test-utils'
import { ClassTable } from './ClassTable'

/** A checkpoint's text as the lesson names it. */
const check = (id: CheckpointId): string => translate('en', `lessons.check.${id}`)

const rows = [studentRow(studentFile('anna.json', 'Anna', progressUpTo('bind-errors', 1)))]

describe('ClassTable', () => {
  it('names every checkpoint of a cell, ticked or not, with its time', () => {
    renderWith(
      <ClassTable
        rows={rows}
        sort={DEFAULT_SORT}
        onSort={vi.fn()}
        stuck="bind-errors"
        now={LESSON_START}
      />,
    )
    const cells = within(screen.getByRole('row', { name: /^Anna/ })).getAllByRole('cell')
    const stage2 = cells[1]?.firstElementChild
    expect(stage2?.getAttribute('title')).toBe(
      [
        `✓ ${check('bind-in-use')} — 09:04`,
        `○ ${check('bind-denied')}`,
        `○ ${check('relistened')}`,
      ].join('\n'),
    )
    expect(cells[1]?.textContent).toBe('1/309:04')
    expect(cells[1]?.querySelector('time')?.getAttribute('dateTime')).toBe(
      new Date(LESSON_START + 4 * 60_000).toISOString(),
    )
    expect(cells[2]?.textContent).toBe('0/2')
  })

  it('adds the day to ticks of another day', () => {
    renderWith(
      <ClassTable
        rows={rows}
        sort={DEFAULT_SORT}
        onSort={vi.fn()}
        stuck={null}
        now={LESSON_START + 3 * 86_400_000}
      />,
    )
    const cells = within(screen.getByRole('row', { name: /^Anna/ })).getAllByRole('cell')
    expect(cells[0]?.querySelector('time')?.textContent).toMatch(/^14 May,? 09:03$/)
    expect(screen.queryByText('most stuck')).toBeNull()
  })

  it('says which column sorts, and how, and reports clicks', () => {
    const onSort = vi.fn()
    renderWith(
      <ClassTable
        rows={rows}
        sort={{ column: 'pool', direction: 'descending' }}
        onSort={onSort}
        stuck={null}
      />,
    )
    const pool = screen.getByRole('columnheader', { name: /^7 Thread pool/ })
    expect(pool.getAttribute('aria-sort')).toBe('descending')
    expect(
      screen.getByRole('columnheader', { name: /^Student/ }).getAttribute('aria-sort'),
    ).toBeNull()
    within(pool).getByRole('button').click()
    screen.getByRole('button', { name: /^Total/ }).click()
    expect(onSort.mock.calls).toEqual([['pool'], ['total']])
  })
})
