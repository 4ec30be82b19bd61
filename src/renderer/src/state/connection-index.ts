/**
 * Where each connection sits in the state's list (accept order), kept without copying.
 *
 * Connections are only ever appended, so an id's place never changes: one index is shared by
 * every state that grows from the same snapshot and extended in place, instead of a Map of tens
 * of thousands of ids copied per commit. A state never sees a connection it does not hold,
 * because {@link ConnectionIndex.find} checks the place against the list it is asked about (a
 * newer state's ids point past an older state's end). Should two states grow apart from one
 * (tests do that), a place that does not match is looked up in the list itself.
 */
import type { ConnectionSnapshot } from '../../../shared/contract'

export class ConnectionIndex {
  private readonly places = new Map<string, number>()

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

  /** The connection `id`'s place in accept order (for ordering; see {@link find} to read it). */
  placeOf(id: string): number | undefined {
    return this.places.get(id)
  }

  /** `id` was appended to a list at `place`. */
  add(id: string, place: number): void {
    this.places.set(id, place)
  }
}
