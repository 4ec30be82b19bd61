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

/** Two tabs, "Event log" and "Client", over panels that both stay mounted. */
export function SideTabs({ log, client }: SideTabsProps): ReactNode {
  const { t } = useI18n()
  const [active, setActive] = useState<SideTab>('log')

  // Arrow keys, Home and End move between tabs and select them, as in the WAI-ARIA tabs pattern.
  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>): void => {
    const index = TABS.findIndex((tab) => tab.id === active)
    let to: number
    if (e.key === 'ArrowRight') to = (index + 1) % TABS.length
    else if (e.key === 'ArrowLeft') to = (index + TABS.length - 1) % TABS.length
    else if (e.key === 'Home') to = 0
    else if (e.key === 'End') to = TABS.length - 1
    else return
    e.preventDefault()
    const next = TABS[to]
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
