/**
 * The WAI-ARIA tabs pattern's keys: ArrowRight/ArrowLeft move to the next/previous tab (wrapping),
 * Home and End to the first and last. Shared by every tab list in the app.
 */

/** The tab `key` moves to from `current`, or undefined when the key is not a tab key. */
export function tabForKey<T>(tabs: readonly T[], current: T, key: string): T | undefined {
  const i = tabs.indexOf(current)
  switch (key) {
    case 'ArrowRight':
      return tabs[(i + 1) % tabs.length]
    case 'ArrowLeft':
      return tabs[(i + tabs.length - 1) % tabs.length]
    case 'Home':
      return tabs[0]
    case 'End':
      return tabs[tabs.length - 1]
    default:
      return undefined
  }
}
