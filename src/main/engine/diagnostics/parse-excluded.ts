/**
 * Pure parser of `netsh interface ipv4|ipv6 show excludedportrange protocol=tcp`.
 */
import type { ExcludedRange } from '../../../shared/diagnostics-types'

/**
 * The ranges in netsh's table: lines of two port numbers, `*` after administered ones. The headings
 * around them are localized, so only the number lines are read.
 */
export function parseExcludedRanges(
  output: string,
  family: ExcludedRange['family'],
): ExcludedRange[] {
  const ranges: ExcludedRange[] = []
  for (const raw of output.split(/\r?\n/)) {
    const match = /^\s*(\d{1,5})\s+(\d{1,5})\s*(\*)?\s*$/.exec(raw)
    if (!match) continue
    const start = Number(match[1])
    const end = Number(match[2])
    if (start > end || end > 65535) continue
    ranges.push({ family, start, end, isAdministered: match[3] === '*' })
  }
  return ranges
}

/** The ranges that contain `port`. */
export function rangesWith(ranges: readonly ExcludedRange[], port: number): ExcludedRange[] {
  return ranges.filter((r) => r.start <= port && port <= r.end)
}
