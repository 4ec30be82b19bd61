/**
 * The class table as CSV for a spreadsheet: RFC 4180 quoting, CRLF line ends, a UTF-8 byte order
 * mark (so Excel reads Cyrillic names), and text cells defused against formula injection.
 */
import { STAGE_CHECKPOINTS, STAGE_IDS, type StageId } from '../../../shared/lesson-progress'
import type { Translate } from '../i18n/context'
import type { StudentRow } from './aggregate'

export type CsvCell = string | number

/**
 * Spreadsheets run a cell that starts with one of these as a formula (`=HYPERLINK(…)`, `+1+1`,
 * `-2+3`, `@SUM(…)`, and tab or CR before any of them).
 */
const FORMULA_START = /^[=+\-@\t\r]/

/**
 * One cell. Text that a spreadsheet would run as a formula gets a leading apostrophe (OWASP's
 * advice: it shows as text and the value stays readable); a cell with a quote, comma or line
 * break is quoted, its quotes doubled. Numbers are written as they are.
 */
export function csvField(value: CsvCell): string {
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : ''
  const text = FORMULA_START.test(value) ? `'${value}` : value
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text
}

/** Rows of cells as a CSV file's text, with the byte order mark and a CRLF after every row. */
export function toCsv(rows: readonly (readonly CsvCell[])[]): string {
  return `\uFEFF${rows.map((row) => `${row.map(csvField).join(',')}\r\n`).join('')}`
}

/** Local date and minute, as spreadsheets recognise it: 2026-05-14 09:05. */
export function csvTime(ms: number | null): string {
  if (ms === null) return ''
  const d = new Date(ms)
  const pad = (n: number): string => String(n).padStart(2, '0')
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())} ${pad(d.getHours())}:${pad(d.getMinutes())}`
}

/**
 * The table's rows, in the order shown, with a header row. Ticks are plain numbers ("2", with
 * "of 3" in the header): a spreadsheet would read "2/3" as a date.
 */
export function classCsv(rows: readonly StudentRow[], t: Translate): string {
  const title = (stageId: StageId): string => t(`lessons.stage.${stageId}.title`)
  const number = (stageId: StageId): number => STAGE_IDS.indexOf(stageId) + 1
  const total = STAGE_CHECKPOINTS.reduce((sum, s) => sum + s.checkpoints.length, 0)
  const header: CsvCell[] = [
    t('class.csv.student'),
    t('class.csv.file'),
    t('class.csv.stuckAt'),
    t('class.csv.total', { total }),
    ...STAGE_CHECKPOINTS.flatMap(({ stageId, checkpoints }) => [
      t('class.csv.stageTicked', {
        number: number(stageId),
        title: title(stageId),
        total: checkpoints.length,
      }),
      t('class.csv.stageLastTick', { number: number(stageId), title: title(stageId) }),
    ]),
  ]
  const body = rows.map((row): CsvCell[] => [
    row.isNamedByFile ? '' : row.name,
    row.file,
    row.stuckAt !== null
      ? `${number(row.stuckAt)}. ${title(row.stuckAt)}`
      : t(row.isAllDone ? 'class.csv.allDone' : 'class.csv.chapterDone'),
    row.ticked,
    ...row.stages.flatMap((s) => [s.ticked, csvTime(s.lastTick)]),
  ])
  return toCsv([header, ...body])
}
