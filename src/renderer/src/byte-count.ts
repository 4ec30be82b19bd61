/**
 * A byte count where the room is narrow (a table column, a listener's counter): exact, with the
 * language's digit grouping, up to 999,999; from a million on in MiB, from a billion in GiB, one
 * decimal under ten: never more than seven characters. The exact count goes in the element's
 * title (byteTitle).
 */
import type { Translate } from './i18n/context'
import { formatNumber, type Lang } from './i18n/translate'

export function shortBytes(t: Translate, lang: Lang, bytes: number): string {
  if (bytes < 1_000_000) return formatNumber(lang, bytes)
  const round = (n: number): number => (n < 10 ? Math.round(n * 10) / 10 : Math.round(n))
  if (bytes < 1_000_000_000) return t('workspace.bytes.mib', { n: round(bytes / 1024 ** 2) })
  return t('workspace.bytes.gib', { n: round(bytes / 1024 ** 3) })
}

/** The exact count, "4,260,352 bytes", for the title of a shortened one. */
export function byteTitle(t: Translate, bytes: number): string {
  return t('workspace.bytes.title', { count: bytes })
}
