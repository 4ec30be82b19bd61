/**
 * The filters above the connections table: state, listener and part of an address.
 */
import type { ReactNode } from 'react'
import type { ListenerSnapshot } from '../../../../shared/contract'
import { useI18n } from '../../i18n/context'
import { formatNumber } from '../../i18n/translate'
import {
  isFilterActive,
  NO_FILTER,
  STATE_FILTERS,
  type ConnectionFilter,
} from '../../state/connections-view'

export interface ConnectionFiltersProps {
  filter: ConnectionFilter
  onChange: (filter: ConnectionFilter) => void
  listeners: readonly ListenerSnapshot[]
  shown: number
  total: number
}

const ALL = 'all'

/** `<div role="group" aria-label="Connection filters">`. */
export function ConnectionFilters({
  filter,
  onChange,
  listeners,
  shown,
  total,
}: ConnectionFiltersProps): ReactNode {
  const { t, lang } = useI18n()
  const isActive = isFilterActive(filter)
  return (
    <div role="group" aria-label={t('workspace.connections.filters')} className="filters">
      <label className="filter">
        <span>{t('workspace.connections.filter.state')}</span>
        <select
          value={filter.state}
          onChange={(e) =>
            onChange({
              ...filter,
              state: STATE_FILTERS.find((s) => s === e.target.value) ?? 'all',
            })
          }
        >
          {STATE_FILTERS.map((s) => (
            <option key={s} value={s}>
              {t(`workspace.connections.filter.${s}`)}
            </option>
          ))}
        </select>
      </label>
      <label className="filter">
        <span>{t('workspace.connections.filter.listener')}</span>
        <select
          value={filter.listenerId ?? ALL}
          onChange={(e) =>
            onChange({ ...filter, listenerId: e.target.value === ALL ? null : e.target.value })
          }
        >
          <option value={ALL}>{t('workspace.connections.filter.allListeners')}</option>
          {listeners.map((l) => (
            <option key={l.id} value={l.id}>
              {t('workspace.connections.filter.listenerN', { number: String(l.number) })}
            </option>
          ))}
        </select>
      </label>
      <label className="filter">
        <span>{t('workspace.connections.filter.address')}</span>
        <input
          type="search"
          className="mono"
          value={filter.text}
          placeholder={t('workspace.connections.filter.addressPlaceholder')}
          onChange={(e) => onChange({ ...filter, text: e.target.value })}
        />
      </label>
      {isActive && (
        <>
          <span className="muted filter-count">
            {t('workspace.connections.shown', { shown: formatNumber(lang, shown), count: total })}
          </span>
          <button type="button" className="small quiet" onClick={() => onChange(NO_FILTER)}>
            {t('workspace.connections.filter.clear')}
          </button>
        </>
      )}
    </div>
  )
}
