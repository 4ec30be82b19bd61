/**
 * The right-hand column: the event log and the test client share it, one shown at a time. Both
 * stay mounted, so switching keeps the log's scroll position and a running plan's timeline.
 */
import { useState, type KeyboardEvent, type ReactNode } from 'react'
import { useI18n } from '../i18n/context'
import type { MessageKey } from '../i18n/en'
import { tabForKey } from '../tab-keys'

type SideTab = 'log' | 'client'

const TABS: readonly SideTab[] = ['log', 'client']
const LABEL: Record<SideTab, MessageKey> = { log: 'log.title', client: 'client.region' }

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
    const next = tabForKey(TABS, active, e.key)
    if (!next) return
    e.preventDefault()
    setActive(next)
    document.getElementById(`side-tab-${next}`)?.focus()
  }

  return (
    <div className="side">
      <div role="tablist" className="side-tabs" aria-orientation="horizontal" onKeyDown={onKeyDown}>
        {TABS.map((tab) => (
          <button
            key={tab}
            id={`side-tab-${tab}`}
            type="button"
            role="tab"
            aria-selected={active === tab}
            aria-controls={`side-panel-${tab}`}
            tabIndex={active === tab ? 0 : -1}
            onClick={() => setActive(tab)}
          >
            {t(LABEL[tab])}
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
