/**
 * The teacher's class view: a full-window dialog where many progress files or saved sessions are
 * opened at once (a file picker with multiple selection, or dropped anywhere on it), read and
 * checked off the page's thread, and shown as one table of students × stages, with the stage
 * where most students are stuck named above it and the table exported as CSV.
 */
import {
  useEffect,
  useId,
  useMemo,
  useRef,
  useState,
  type DragEvent,
  type KeyboardEvent,
  type ReactNode,
} from 'react'
import { STAGE_IDS } from '../../../../shared/lesson-progress'
import { err, ok, type Result } from '../../../../shared/result'
import {
  DEFAULT_SORT,
  nextSort,
  sortRows,
  stuckStage,
  studentRow,
  type SortColumn,
} from '../../class/aggregate'
import { MAX_CLASS_FILES, type ClassFileFailure } from '../../class/class-file'
import { classCsv } from '../../class/csv'
import { fileStamp } from '../../download'
import { useI18n } from '../../i18n/context'
import { saveFile } from '../../shell-io'
import { ClassProblems } from './ClassProblems'
import { ClassTable } from './ClassTable'
import { useClassFiles } from './use-class-files'
import '../../class.css'

export interface ClassViewProps {
  /** Whether it shows. Closed, it keeps its files and order for the next time it opens. */
  isOpen: boolean
  /** Escape or Close: back to the app. */
  onClose: () => void
}

/** How the last export went, put in words when shown (the language may change meanwhile). */
/** Where the CSV went, or why it did not. */
type Exported = Result<string, string>

function hasFiles(event: DragEvent): boolean {
  return Array.from(event.dataTransfer.types).includes('Files')
}

/**
 * Opens as a modal dialog over the whole window (the app behind it inert), focuses its heading,
 * and gives focus back to where it was when it closes.
 */
function useModal(isOpen: boolean, onClose: () => void) {
  const dialog = useRef<HTMLDialogElement>(null)
  const heading = useRef<HTMLHeadingElement>(null)
  useEffect(() => {
    if (!isOpen) return
    const element = dialog.current
    const previous = document.activeElement instanceof HTMLElement ? document.activeElement : null
    // jsdom has no showModal; there the open attribute shows it.
    if (element && !element.open) {
      if (typeof element.showModal === 'function') element.showModal()
      else element.setAttribute('open', '')
    }
    heading.current?.focus()
    return () => {
      if (element?.open && typeof element.close === 'function') element.close()
      previous?.focus()
    }
  }, [isOpen])
  const onKeyDown = (event: KeyboardEvent): void => {
    if (event.key !== 'Escape') return
    event.preventDefault()
    onClose()
  }
  return { dialog, heading, onKeyDown }
}

export function ClassView({ isOpen, onClose }: ClassViewProps): ReactNode {
  const { t, lang } = useI18n()
  const titleId = useId()
  const { dialog, heading, onKeyDown } = useModal(isOpen, onClose)
  const input = useRef<HTMLInputElement>(null)
  const files = useClassFiles()
  const [sort, setSort] = useState(DEFAULT_SORT)
  const [isDragging, setDragging] = useState(false)
  const [exported, setExported] = useState<Exported | null>(null)

  const collator = useMemo(
    () => new Intl.Collator(lang, { numeric: true, sensitivity: 'base' }),
    [lang],
  )
  const rows = useMemo(
    () => files.results.flatMap((r) => (r.ok ? [studentRow(r.value)] : [])),
    [files.results],
  )
  const sorted = useMemo(() => sortRows(rows, sort, collator), [rows, sort, collator])
  const failures = useMemo(
    () => files.results.flatMap((r): ClassFileFailure[] => (r.ok ? [] : [r.error])),
    [files.results],
  )
  const stuck = stuckStage(rows)
  // With no one stuck in the chapter, a stage someone has left is one after it.
  const extraLeft = rows.flatMap((row) => row.stages).find((s) => !s.isComplete)?.stageId

  const add = (list: FileList | null): void => {
    setExported(null)
    files.add(list ? Array.from(list) : [])
  }

  const exportCsv = async (): Promise<void> => {
    setExported(null)
    try {
      const where = await saveFile(
        classCsv(sorted, t),
        `socket-lab-class-${fileStamp()}.csv`,
        'csv',
      )
      if (where !== null) setExported(ok(where))
    } catch (error) {
      setExported(err(error instanceof Error ? error.message : String(error)))
    }
  }

  const onDragOver = (event: DragEvent): void => {
    if (!hasFiles(event)) return
    event.preventDefault()
    event.dataTransfer.dropEffect = 'copy'
    setDragging(true)
  }
  const onDragLeave = (event: DragEvent): void => {
    const to = event.relatedTarget
    if (!(to instanceof Node) || !event.currentTarget.contains(to)) setDragging(false)
  }
  const onDrop = (event: DragEvent): void => {
    event.preventDefault()
    setDragging(false)
    add(event.dataTransfer.files)
  }

  const status = files.reading
    ? t('class.reading', { done: String(files.reading.done), total: String(files.reading.total) })
    : files.results.length > 0
      ? [
          t('class.students', { count: rows.length }),
          ...(failures.length > 0 ? [t('class.problemCount', { count: failures.length })] : []),
        ].join(' · ')
      : ''

  if (!isOpen) return null
  return (
    <dialog
      ref={dialog}
      className="class-view"
      aria-labelledby={titleId}
      onKeyDown={onKeyDown}
      onCancel={(event) => {
        event.preventDefault()
        onClose()
      }}
      onDragEnter={onDragOver}
      onDragOver={onDragOver}
      onDragLeave={onDragLeave}
      onDrop={onDrop}
    >
      <header className="class-header">
        <div className="class-heading">
          <h2 id={titleId} ref={heading} tabIndex={-1}>
            {t('class.title')}
          </h2>
          <p className="muted">{t('class.subtitle')}</p>
        </div>
        <div className="class-actions">
          <button
            type="button"
            className="primary"
            onClick={() => input.current?.click()}
            disabled={files.reading !== null}
          >
            {t('class.pick')}
          </button>
          <input
            ref={input}
            type="file"
            multiple
            accept=".json,application/json"
            hidden
            aria-label={t('class.fileInput')}
            data-testid="class-files"
            onChange={(event) => {
              add(event.currentTarget.files)
              event.currentTarget.value = ''
            }}
          />
          <button type="button" onClick={() => void exportCsv()} disabled={rows.length === 0}>
            {t('class.exportCsv')}
          </button>
          <button
            type="button"
            onClick={files.clear}
            disabled={files.results.length === 0}
            title={t('class.clearHint')}
          >
            {t('class.clear')}
          </button>
          <button type="button" className="class-close" onClick={onClose}>
            <span aria-hidden="true">✕ </span>
            {t('class.close')}
          </button>
        </div>
      </header>

      <div className="class-body">
        <div className="class-messages">
          <p role="status" className="class-status">
            {status}
          </p>
          <p role="status" className="class-status">
            {exported &&
              (exported.ok
                ? t('class.exported', { file: exported.value })
                : t('class.exportFailed', { reason: exported.error }))}
          </p>
          {files.skipped > 0 && (
            <p role="alert" className="class-warning">
              {t('class.skipped', { count: files.skipped, max: String(MAX_CLASS_FILES) })}
            </p>
          )}
          {files.isBusyRefused && (
            <p role="alert" className="class-warning">
              {t('class.busy')}
            </p>
          )}
          {files.error !== null && (
            <p role="alert" className="class-warning">
              {t('class.readFailed', { reason: files.error })}
            </p>
          )}
        </div>

        {stuck && (
          <div className="class-stuck">
            <p className="class-stuck-title">
              {t('class.stuck', {
                number: String(STAGE_IDS.indexOf(stuck.stageId) + 1),
                title: t(`lessons.stage.${stuck.stageId}.title`),
              })}
            </p>
            <p>{t('class.stuckDetail', { stuck: String(stuck.count), count: rows.length })}</p>
          </div>
        )}
        {!stuck && rows.length > 0 && (
          <p className="class-all-done">
            {extraLeft === undefined
              ? t('class.allDone')
              : t('class.chapterDone', {
                  number: String(STAGE_IDS.indexOf(extraLeft) + 1),
                  title: t(`lessons.stage.${extraLeft}.title`),
                })}
          </p>
        )}

        {rows.length > 0 ? (
          <div
            className="class-table-wrap"
            role="region"
            aria-label={t('class.table')}
            tabIndex={0}
          >
            <ClassTable
              rows={sorted}
              sort={sort}
              onSort={(column: SortColumn) => setSort((s) => nextSort(s, column))}
              stuck={stuck?.stageId ?? null}
            />
          </div>
        ) : (
          files.reading === null && (
            <div className="class-empty">
              <p className="class-empty-title">{t('class.empty')}</p>
              <p className="muted">{t('class.emptyHint', { max: String(MAX_CLASS_FILES) })}</p>
            </div>
          )
        )}

        <ClassProblems failures={failures} />

        {isDragging && (
          <div className="class-drop-overlay" aria-hidden="true">
            <p>{t('class.dropActive')}</p>
          </div>
        )}
      </div>
    </dialog>
  )
}
