/**
 * Times and sizes as the class view shows them.
 */
import type { Translate } from '../i18n/context'
import type { Lang } from '../i18n/translate'

function sameDay(a: Date, b: Date): boolean {
  return (
    a.getFullYear() === b.getFullYear() &&
    a.getMonth() === b.getMonth() &&
    a.getDate() === b.getDate()
  )
}

/**
 * When a checkpoint ticked, short: the local time for today ("14:05"), with the day for other
 * days ("12 May, 14:05" / "12 мая, 14:05").
 */
export function tickTime(ms: number, lang: Lang, now: number = Date.now()): string {
  const when = new Date(ms)
  const time: Intl.DateTimeFormatOptions = { hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }
  const options: Intl.DateTimeFormatOptions = sameDay(when, new Date(now))
    ? time
    : { ...time, day: 'numeric', month: 'short' }
  return new Intl.DateTimeFormat(lang === 'ru' ? 'ru-RU' : 'en-GB', options).format(when)
}

/** A file size: bytes below 1 KiB, KiB below 1 MiB, MiB above, one decimal where it matters. */
export function fileSize(t: Translate, bytes: number): string {
  if (bytes < 1024) return t('class.size.bytes', { n: String(bytes) })
  const kib = bytes / 1024
  if (kib < 1024) return t('class.size.kib', { n: String(Math.round(kib)) })
  const mib = kib / 1024
  return t('class.size.mib', { n: mib < 10 ? Math.round(mib * 10) / 10 : Math.round(mib) })
}
