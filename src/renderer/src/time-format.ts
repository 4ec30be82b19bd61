/**
 * Clock times and durations as the tables show them.
 */
import type { Translate } from './i18n/context'

const pad = (n: number, width = 2): string => String(n).padStart(width, '0')

/** Local time with milliseconds: 14:03:07.412. */
export function formatClock(ms: number): string {
  const d = new Date(ms)
  return `${pad(d.getHours())}:${pad(d.getMinutes())}:${pad(d.getSeconds())}.${pad(d.getMilliseconds(), 3)}`
}

/** A duration: "4.2 s", "3 min 07 s", "2 h 05 min". */
export function formatDuration(t: Translate, ms: number): string {
  const clamped = Math.max(0, ms)
  if (clamped < 60_000) return t('duration.seconds', { value: Math.round(clamped / 100) / 10 })
  const totalSeconds = Math.floor(clamped / 1000)
  if (totalSeconds < 3600)
    return t('duration.minutes', {
      m: String(Math.floor(totalSeconds / 60)),
      s: pad(totalSeconds % 60),
    })
  return t('duration.hours', {
    h: String(Math.floor(totalSeconds / 3600)),
    m: pad(Math.floor(totalSeconds / 60) % 60),
  })
}
