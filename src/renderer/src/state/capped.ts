/**
 * The store's capped lists (the event log, the lesson trail): appended in order, oldest dropped.
 */

/** `list` with `added` after it, keeping the last `limit` items; the same list when nothing is added. */
export function appendCapped<T>(
  list: readonly T[],
  added: readonly T[],
  limit: number,
): readonly T[] {
  if (added.length === 0) return list
  const joined = list.concat(added)
  return joined.length > limit ? joined.slice(joined.length - limit) : joined
}
