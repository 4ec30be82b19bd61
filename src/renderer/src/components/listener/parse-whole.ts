/**
 * The stage's number fields as typed: a whole number in range, or why not.
 */

/** A whole number in [min, max] as typed, or undefined; '' is null when `isEmptyNull`. */
export function parseWhole(
  text: string,
  min: number,
  max: number,
  isEmptyNull = false,
): number | null | undefined {
  const s = text.trim()
  if (s === '') return isEmptyNull ? null : undefined
  if (!/^\d+$/.test(s)) return undefined
  const n = Number(s)
  return n >= min && n <= max ? n : undefined
}
