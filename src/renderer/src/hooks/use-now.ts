/**
 * The current wall-clock time, ticking every `intervalMs` while `isActive` (live durations).
 */
import { useEffect, useState } from 'react'

/** Date.now(), refreshed on an interval only while something needs it. */
export function useNow(isActive: boolean, intervalMs = 250): number {
  const [now, setNow] = useState(() => Date.now())
  useEffect(() => {
    if (!isActive) return
    const tick = (): void => setNow(Date.now())
    const first = setTimeout(tick, 0)
    const timer = setInterval(tick, intervalMs)
    return () => {
      clearTimeout(first)
      clearInterval(timer)
    }
  }, [isActive, intervalMs])
  return now
}
