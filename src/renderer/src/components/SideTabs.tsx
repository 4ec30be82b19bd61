/**
 * The right-hand column: the event log and the test client share it, one shown at a time. Both
 * stay mounted, so switching keeps the log's scroll position and a running plan's timeline.
 */
import { useState, type KeyboardEvent, type ReactNode } from 'react'
import { useI18n } from '../i18n/context'
import type { MessageKey } from '../i18n/en'

type SideTab = 'log' | 'client'

const TABS: readonly { id: SideTab; label: MessageKey }[] = [
  { id: 'log', label: 'log.title' },
  { id: 'client', label: 'client.region' },
]

export interface SideTabsProps {
  log: ReactNode
  client: ReactNode
}

export function SideTabs({ log, client }: SideTabsProps): ReactNode {
  const { t } = useI18n()
  const [active, setActive] = useState<SideTab>('log')

  // Arrow keys move between tabs, as in the WAI-ARIA tabs pattern.
  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>): void => {
    if (e.key !== 'ArrowLeft' && e.key !== 'ArrowRight') return
    e.preventDefault()
    const index = TABS.findIndex((tab) => tab.id === active)
    const next = TABS[(index + (e.key === 'ArrowRight' ? 1 : TABS.length - 1)) % TABS.length]
    if (next) {
      setActive(next.id)
      document.getElementById(`side-tab-${next.id}`)?.focus()
    }
  }

  return (
    <div className="side">
      <div role="tablist" className="side-tabs" aria-orientation="horizontal" onKeyDown={onKeyDown}>
        {TABS.map((tab) => (
          <button
            key={tab.id}
            id={`side-tab-${tab.id}`}
            type="button"
            role="tab"
            aria-selected={active === tab.id}
            aria-controls={`side-panel-${tab.id}`}
            tabIndex={active === tab.id ? 0 : -1}
            onClick={() => setActive(tab.id)}
          >
            {t(tab.label)}
          </button>
        ))}
      </div>
      <div
        id="side-panel-log"
        role="tabpanel"
        aria-labelledby="side-tab-log"
        className="side-panel"
        hidden={active !== 'log'}
      >
        {log}
      </div>
      <div
        id="side-panel-client"
        role="tabpanel"
        aria-labelledby="side-tab-client"
        className="side-panel"
        hidden={active !== 'client'}
      >
        {client}
      </div>
    </div>
  )
}
