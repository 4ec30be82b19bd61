/**
 * The event log's filter bar: a checkbox per event kind and a text search.
 */
import type { ReactNode } from 'react'
import { useI18n, type Translate } from '../../i18n/context'
import { formatNumber } from '../../i18n/translate'
import { LOG_FILTER_KINDS, type LogFilterKind } from '../../state/log-filter'

export interface LogFiltersProps {
  hidden: ReadonlySet<LogFilterKind>
  onHiddenChange: (hidden: ReadonlySet<LogFilterKind>) => void
  query: string
  onQueryChange: (query: string) => void
  /** Entries shown and in all; the count line appears only while something is filtered out. */
  shown: number
  total: number
}

function kindLabel(t: Translate, kind: LogFilterKind): string {
  if (kind === 'program') return t('stages.log.kind.program')
  if (kind === 'target') return t('forward.log.kind')
  return t(`workspace.log.kind.${kind}`)
}

/** `<div role="group" aria-label="Event kinds">` of checkboxes, then a search box. */
export function LogFilters({
  hidden,
  onHiddenChange,
  query,
  onQueryChange,
  shown,
  total,
}: LogFiltersProps): ReactNode {
  const { t, lang } = useI18n()
  const toggle = (kind: LogFilterKind, isShown: boolean): void => {
    const next = new Set(hidden)
    if (isShown) next.delete(kind)
    else next.add(kind)
    onHiddenChange(next)
  }
  return (
    <div className="log-filters">
      <div role="group" aria-label={t('workspace.log.filters')} className="chips">
        {LOG_FILTER_KINDS.map((kind) => (
          <label key={kind} className={`chip log-kind-${kind}`}>
            <input
              type="checkbox"
              checked={!hidden.has(kind)}
              onChange={(e) => toggle(kind, e.target.checked)}
            />
            {kindLabel(t, kind)}
          </label>
        ))}
      </div>
      <input
        type="search"
        className="log-search"
        aria-label={t('workspace.log.search')}
        placeholder={t('workspace.log.searchPlaceholder')}
        value={query}
        onChange={(e) => onQueryChange(e.target.value)}
      />
      {shown !== total && (
        <span className="muted filter-count">
          {t('workspace.log.shown', {
            shown: formatNumber(lang, shown),
            count: total,
          })}
        </span>
      )}
    </div>
  )
}
