/**
 * Search in one direction of the connection's stream, as text or as hex bytes (`0d 0a 0d 0a`).
 *
 * The engine searches (api.search), so it works on captures the renderer has not loaded; a match
 * becomes the selection and is scrolled into view in Text and Hex.
 */
import { useId, useMemo, useState, type ReactNode } from 'react'
import {
  parseSearchQuery,
  toBase64,
  type SearchQueryErrorCode,
} from '../../../../shared/byte-formats'
import type { Direction } from '../../../../shared/contract'
import { assertNever } from '../../../../shared/result'
import type { ByteRange, DirectionFilter } from '../../conversation-layout'
import { useI18n, type Translate } from '../../i18n/context'
import { useApi } from '../../state/StoreContext'

type Mode = 'text' | 'hex'
type Status =
  | { kind: 'none' }
  | { kind: 'found'; offset: number }
  | { kind: 'miss' }
  | { kind: 'failed'; message: string }

function queryError(t: Translate, code: SearchQueryErrorCode): string {
  switch (code) {
    case 'empty':
      return t('inspector.search.empty')
    case 'too-long':
      return t('inspector.search.code.too-long')
    case 'odd-digits':
      return t('inspector.composer.code.odd-digits')
    case 'bad-hex':
      return t('inspector.composer.code.bad-hex')
    default:
      return assertNever(code)
  }
}

export interface StreamSearchProps {
  connectionId: string
  selection: ByteRange | null
  filter: DirectionFilter
  /** Kept bytes per direction: where a backwards search starts without a selection. */
  totals: Record<Direction, number>
  onFound(range: ByteRange): void
}

/** The search box with Next and Previous. */
export function StreamSearch({
  connectionId,
  selection,
  filter,
  totals,
  onFound,
}: StreamSearchProps): ReactNode {
  const { t } = useI18n()
  const api = useApi()
  const id = useId()
  const [query, setQuery] = useState('')
  const [mode, setMode] = useState<Mode>('text')
  const [chosen, setChosen] = useState<Direction>('in')
  const [status, setStatus] = useState<Status>({ kind: 'none' })
  const direction: Direction = filter === 'both' ? chosen : filter
  const parsed = useMemo(() => parseSearchQuery(query, mode), [query, mode])
  const showError = query !== '' && !parsed.ok

  const search = async (backwards: boolean): Promise<void> => {
    if (!parsed.ok) return
    const isHere = selection !== null && selection.direction === direction
    const from = backwards
      ? isHere
        ? selection.start
        : totals[direction]
      : isHere
        ? selection.start + 1
        : 0
    const result = await api.search({
      connectionId,
      direction,
      pattern: toBase64(parsed.value),
      from,
      backwards,
    })
    if (!result.ok) {
      setStatus({ kind: 'failed', message: result.error.message })
      return
    }
    const offset = result.value.offset
    if (offset === null) {
      setStatus({ kind: 'miss' })
      return
    }
    setStatus({ kind: 'found', offset })
    onFound({ direction, start: offset, end: offset + parsed.value.length })
  }

  let message: ReactNode = null
  if (showError && !parsed.ok)
    message = (
      <span id={`${id}-error`} className="inline-error" role="alert">
        {parsed.error.code === 'empty'
          ? queryError(t, parsed.error.code)
          : t('inspector.search.invalid', {
              reason: queryError(t, parsed.error.code),
              index: parsed.error.index + 1,
            })}
      </span>
    )
  else if (status.kind === 'miss')
    message = <span role="status">{t('inspector.search.noMatch')}</span>
  else if (status.kind === 'found')
    message = (
      <span role="status" className="muted">
        {t('inspector.search.found', { offset: status.offset })}
      </span>
    )
  else if (status.kind === 'failed')
    message = (
      <span role="alert" className="inline-error">
        {t('inspector.search.failed', { message: status.message })}
      </span>
    )

  return (
    <form
      role="search"
      className="stream-search"
      onSubmit={(e) => {
        e.preventDefault()
        void search(false)
      }}
    >
      <label htmlFor={`${id}-query`}>{t('inspector.search')}</label>
      <input
        id={`${id}-query`}
        type="search"
        value={query}
        placeholder={t(
          mode === 'hex' ? 'inspector.search.placeholder.hex' : 'inspector.search.placeholder.text',
        )}
        aria-invalid={showError}
        aria-describedby={showError ? `${id}-error` : undefined}
        spellCheck={false}
        onChange={(e) => {
          setQuery(e.target.value)
          setStatus({ kind: 'none' })
        }}
      />
      <select
        aria-label={t('inspector.search.mode')}
        value={mode}
        onChange={(e) => setMode(e.target.value as Mode)}
      >
        <option value="text">{t('inspector.search.mode.text')}</option>
        <option value="hex">{t('inspector.search.mode.hex')}</option>
      </select>
      {filter === 'both' && (
        <select
          aria-label={t('inspector.search.direction')}
          value={chosen}
          onChange={(e) => setChosen(e.target.value as Direction)}
        >
          <option value="in">{t('inspector.show.in')}</option>
          <option value="out">{t('inspector.show.out')}</option>
        </select>
      )}
      <button type="button" disabled={!parsed.ok} onClick={() => void search(true)}>
        {t('inspector.search.previous')}
      </button>
      <button type="submit" disabled={!parsed.ok}>
        {t('inspector.search.next')}
      </button>
      {message}
    </form>
  )
}
