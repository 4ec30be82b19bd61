/**
 * The class table: a row per student, a column per stage with its ticks and the time of its last
 * tick, and the total; every column sorts; the stage where most students are stuck is marked.
 */
import { useState, type ReactNode } from 'react'
import { STAGE_CHECKPOINTS, STAGE_IDS, type StageId } from '../../../../shared/lesson-progress'
import type { SortColumn, SortOrder, StageCell, StudentRow } from '../../class/aggregate'
import { tickTime } from '../../class/format'
import { useI18n } from '../../i18n/context'

export interface ClassTableProps {
  /** The rows, already in `sort`'s order. */
  rows: readonly StudentRow[]
  sort: SortOrder
  onSort: (column: SortColumn) => void
  /** The stage to mark as where most students are stuck, or null. */
  stuck: StageId | null
  /** "Now" for showing times (today's ticks show the time only); by default, when it appeared. */
  now?: number
}

/** A column header that sorts by its column; aria-sort says which one does, and how. */
function SortHeader({
  column,
  sort,
  onSort,
  className,
  children,
}: {
  column: SortColumn
  sort: SortOrder
  onSort: (column: SortColumn) => void
  className?: string
  children: ReactNode
}): ReactNode {
  const isSorted = sort.column === column
  return (
    <th scope="col" className={className} aria-sort={isSorted ? sort.direction : undefined}>
      <button type="button" className="class-sort" onClick={() => onSort(column)}>
        {children}
        <span className="class-sort-arrow" aria-hidden="true">
          {isSorted ? (sort.direction === 'ascending' ? '▲' : '▼') : '↕'}
        </span>
      </button>
    </th>
  )
}

function StageCellView({ cell, now }: { cell: StageCell; now: number }): ReactNode {
  const { t, lang } = useI18n()
  const details = cell.checkpoints
    .map((c) =>
      c.at === null
        ? t('class.notTicked', { checkpoint: t(`lessons.check.${c.id}`) })
        : t('class.ticked', {
            checkpoint: t(`lessons.check.${c.id}`),
            time: tickTime(c.at, lang, now),
          }),
    )
    .join('\n')
  const state = cell.isComplete ? 'is-complete' : cell.ticked > 0 ? 'is-partial' : 'is-none'
  return (
    <div className={`class-cell ${state}`} title={details}>
      <span className="class-ticks">
        {cell.ticked}/{cell.total}
      </span>
      <span className="class-pips" aria-hidden="true">
        {cell.checkpoints.map((c) => (
          <span key={c.id} className={c.at === null ? 'pip' : 'pip is-on'} />
        ))}
      </span>
      {cell.lastTick !== null && (
        <time className="class-time" dateTime={new Date(cell.lastTick).toISOString()}>
          {tickTime(cell.lastTick, lang, now)}
        </time>
      )}
    </div>
  )
}

export function ClassTable({ rows, sort, onSort, stuck, now: given }: ClassTableProps): ReactNode {
  const { t, lang } = useI18n()
  // Taken when the table appears, i.e. each time the class view opens.
  const [appeared] = useState(() => Date.now())
  const now = given ?? appeared
  return (
    <table className="class-table">
      <caption className="visually-hidden">{t('class.table')}</caption>
      <thead>
        <tr>
          <SortHeader column="name" sort={sort} onSort={onSort} className="class-name-col">
            {t('class.student')}
          </SortHeader>
          {STAGE_CHECKPOINTS.map(({ stageId }) => (
            <SortHeader
              key={stageId}
              column={stageId}
              sort={sort}
              onSort={onSort}
              className={stageId === stuck ? 'class-stage-col is-stuck' : 'class-stage-col'}
            >
              <span className="class-stage-head">
                <span className="class-stage-number">{STAGE_IDS.indexOf(stageId) + 1}</span>{' '}
                <span className="class-stage-title">{t(`lessons.stage.${stageId}.title`)}</span>
                {stageId === stuck && (
                  <>
                    {' '}
                    <span className="class-stuck-badge">{t('class.stuckBadge')}</span>
                  </>
                )}
              </span>
            </SortHeader>
          ))}
          <SortHeader column="total" sort={sort} onSort={onSort} className="class-total-col">
            {t('class.total')}
          </SortHeader>
        </tr>
      </thead>
      <tbody>
        {rows.map((row) => (
          <tr key={row.file}>
            <th scope="row" className="class-name">
              <span className={row.isNamedByFile ? 'class-student is-file' : 'class-student'}>
                {row.name}
              </span>{' '}
              <span className="class-source">
                {row.isNamedByFile ? t('class.noName') : row.file}
                {row.kind === 'session' && ` · ${t('class.fromSession')}`}
              </span>
            </th>
            {row.stages.map((cell) => (
              <td
                key={cell.stageId}
                className={cell.stageId === stuck ? 'class-stage is-stuck' : 'class-stage'}
              >
                <StageCellView cell={cell} now={now} />
              </td>
            ))}
            <td className="class-total">
              <span className="class-ticks">
                {row.ticked}/{row.total}
              </span>
              {row.lastTick !== null && (
                <time className="class-time" dateTime={new Date(row.lastTick).toISOString()}>
                  {tickTime(row.lastTick, lang, now)}
                </time>
              )}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  )
}
