/**
 * A WAI-ARIA tab list: one button per tab, the selected one in the Tab order, the arrow keys,
 * Home and End moving the selection (see tab-keys.ts). The panel it controls is the caller's:
 * tab `name` is `${baseId}-tab-${name}` and controls `${baseId}-panel`.
 */
import { useRef, type KeyboardEvent, type ReactNode } from 'react'
import { tabForKey } from '../../tab-keys'

export interface TabListProps<T extends string> {
  /** The accessible name of the list. */
  label: string
  tabs: readonly T[]
  selected: T
  onSelect(tab: T): void
  baseId: string
  labelOf(tab: T): string
  className?: string
}

/** `<div role="tablist">` with its tabs. */
export function TabList<T extends string>({
  label,
  tabs,
  selected,
  onSelect,
  baseId,
  labelOf,
  className = 'tabs',
}: TabListProps<T>): ReactNode {
  const refs = useRef<Partial<Record<T, HTMLButtonElement | null>>>({})

  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>): void => {
    const next = tabForKey(tabs, selected, e.key)
    if (!next) return
    e.preventDefault()
    onSelect(next)
    refs.current[next]?.focus()
  }

  return (
    <div role="tablist" aria-label={label} className={className} onKeyDown={onKeyDown}>
      {tabs.map((name) => (
        <button
          key={name}
          ref={(el) => {
            refs.current[name] = el
          }}
          type="button"
          role="tab"
          id={`${baseId}-tab-${name}`}
          aria-selected={selected === name}
          aria-controls={`${baseId}-panel`}
          tabIndex={selected === name ? 0 : -1}
          onClick={() => onSelect(name)}
        >
          {labelOf(name)}
        </button>
      ))}
    </div>
  )
}
