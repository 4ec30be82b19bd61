/**
 * Where each connection sits in the state's list (accept order), kept without copying.
 *
 * Connections are only ever appended, so an id's place never changes: one index is shared by
 * every state that grows from the same snapshot and extended in place, instead of a Map of tens
 * of thousands of ids copied per commit. A state never sees a connection it does not hold,
 * because {@link ConnectionIndex.find} checks the place against the list it is asked about (a
 * newer state's ids point past an older state's end). Should two states grow apart from one
 * (tests do that), a place that does not match is looked up in the list itself.
 *
 * Forgetting (the engine's connections-forgotten) is the one removal: the state after it gets a
 * new list and a new index built from it ({@link ConnectionIndex.without}), once per batch, while
 * older states keep theirs. Accept order ({@link ConnectionIndex.placeOf}) carries over, so it
 * stays comparable across the removal (a table counts the rows that came after a point).
 */
import type { ConnectionSnapshot } from '../../../shared/contract'

export class ConnectionIndex {
  private readonly places = new Map<string, number>()
  /** Accept order of the connections that were in the list this index was rebuilt from. */
  private readonly carried = new Map<string, number>()
  /** Accept order of a connection appended after the rebuild: its place plus this. */
  private shift = 0

  /** An index of `list` as it stands. */
  static of(list: readonly ConnectionSnapshot[]): ConnectionIndex {
    const index = new ConnectionIndex()
    list.forEach((c, i) => index.places.set(c.id, i))
    return index
  }

  /** Where the connection `id` is in `list`, or undefined when `list` does not hold it. */
  find(list: readonly ConnectionSnapshot[], id: string): number | undefined {
    const place = this.places.get(id)
    if (place === undefined) return undefined
    if (list[place]?.id === id) return place
    const found = list.findIndex((c) => c.id === id)
    return found < 0 ? undefined : found
  }

  /**
   * `list` without the connections `forgotten`, and a new index of it (null when none of them
   * was there). O(list), once per batch that forgets: the engine forgets in chunks.
   */
  without(
    list: readonly ConnectionSnapshot[],
    forgotten: ReadonlySet<string>,
  ): { list: ConnectionSnapshot[]; index: ConnectionIndex } | null {
    const kept = list.filter((c) => !forgotten.has(c.id))
    if (kept.length === list.length) return null
    const index = new ConnectionIndex()
    kept.forEach((c, i) => {
      index.places.set(c.id, i)
      index.carried.set(c.id, this.placeOf(c.id) ?? i)
    })
    const last = list.at(-1)
    const next = last === undefined ? 0 : (this.placeOf(last.id) ?? list.length - 1) + 1
    index.shift = next - kept.length
    return { list: kept, index }
  }

  /**
   * The connection `id`'s place in accept order (for ordering; see {@link find} to read it):
   * its place in the list until something is forgotten, then still its order of arrival.
   */
  placeOf(id: string): number | undefined {
    const carried = this.carried.get(id)
    if (carried !== undefined) return carried
    const place = this.places.get(id)
    return place === undefined ? undefined : place + this.shift
  }

  /** `id` was appended to a list at `place`. */
  add(id: string, place: number): void {
    this.places.set(id, place)
  }
}
