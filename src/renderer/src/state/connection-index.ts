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
 * new list and a new index ({@link ConnectionIndex.without}), once per batch, while older states
 * keep theirs. When only the list's front goes (a burst's oldest), the new index shares the
 * numbering and counts from further in; otherwise it is built anew. Accept order
 * ({@link ConnectionIndex.placeOf}) carries over, so it stays comparable across the removal (a
 * table counts the rows that came after a point).
 */
import type { ConnectionSnapshot } from '../../../shared/contract'

/** The numbering an index and the indexes made from it by dropping a front share. */
interface Numbering {
  /**
   * Each connection's number: its place in the list this numbering was built from, or, appended
   * later, its place in its list plus that list's `base`. Extended in place, never shrunk: the
   * entries of connections a newer list dropped stay for the older states that still hold them.
   */
  readonly places: Map<string, number>
  /** Accept order of the connections in the list this numbering was built from. */
  readonly carried: Map<string, number>
  /** Accept order of a connection numbered after the build: its number plus this. */
  readonly shift: number
  /** Entries of connections a newer list dropped; past the live ones, the next drop rebuilds. */
  dropped: number
}

export class ConnectionIndex {
  private constructor(
    private readonly numbering: Numbering,
    /** How many connections this index's list has dropped from the numbering's front. */
    private readonly base: number,
  ) {}

  /** An index of `list` as it stands. */
  static of(list: readonly ConnectionSnapshot[]): ConnectionIndex {
    const places = new Map<string, number>()
    list.forEach((c, i) => places.set(c.id, i))
    return new ConnectionIndex({ places, carried: new Map(), shift: 0, dropped: 0 }, 0)
  }

  /** Where the connection `id` is in `list`, or undefined when `list` does not hold it. */
  find(list: readonly ConnectionSnapshot[], id: string): number | undefined {
    const number = this.numbering.places.get(id)
    if (number === undefined) return undefined
    const place = number - this.base
    if (list[place]?.id === id) return place
    const found = list.findIndex((c) => c.id === id)
    return found < 0 ? undefined : found
  }

  /**
   * `list` without the connections `forgotten`, and an index of it (null when none of them was
   * there). The engine forgets the oldest closed, which in a burst are the list's first ones: then
   * the list loses its front and the new index shares this one's numbering, O(forgotten); anything
   * else, or a numbering grown twice as large as its list, is rebuilt, O(list).
   */
  without(
    list: readonly ConnectionSnapshot[],
    forgotten: ReadonlySet<string>,
  ): { list: ConnectionSnapshot[]; index: ConnectionIndex } | null {
    const front = this.frontOf(list, forgotten)
    if (front === 0) return this.rebuilt(list, forgotten)
    const numbering = this.numbering
    if (numbering.dropped + front > list.length - front) return this.rebuilt(list, forgotten)
    numbering.dropped += front
    return { list: list.slice(front), index: new ConnectionIndex(numbering, this.base + front) }
  }

  /**
   * How many of `list`'s first connections are forgotten when they are all it forgets (found
   * where the numbering puts them); 0 when it forgets any other, or none.
   */
  private frontOf(list: readonly ConnectionSnapshot[], forgotten: ReadonlySet<string>): number {
    let front = 0
    while (front < list.length && forgotten.has(list[front]!.id)) front++
    if (front === 0) return 0
    for (const id of forgotten) {
      const number = this.numbering.places.get(id)
      if (number === undefined) continue
      const place = number - this.base
      // In the front, or nowhere in the list: anything else needs the whole list looked at.
      if (place < front && place >= 0 && list[place]?.id === id) continue
      if (list.some((c) => c.id === id)) return 0
    }
    return front
  }

  /** `list` without `forgotten`, with an index and a numbering of its own. */
  private rebuilt(
    list: readonly ConnectionSnapshot[],
    forgotten: ReadonlySet<string>,
  ): { list: ConnectionSnapshot[]; index: ConnectionIndex } | null {
    const kept = list.filter((c) => !forgotten.has(c.id))
    if (kept.length === list.length) return null
    const places = new Map<string, number>()
    const carried = new Map<string, number>()
    kept.forEach((c, i) => {
      places.set(c.id, i)
      carried.set(c.id, this.placeOf(c.id) ?? i)
    })
    const last = list.at(-1)
    const next = last === undefined ? 0 : (this.placeOf(last.id) ?? list.length - 1) + 1
    const numbering = { places, carried, shift: next - kept.length, dropped: 0 }
    return { list: kept, index: new ConnectionIndex(numbering, 0) }
  }

  /**
   * The connection `id`'s place in accept order (for ordering; see {@link find} to read it):
   * its place in the list until something is forgotten, then still its order of arrival.
   */
  placeOf(id: string): number | undefined {
    const carried = this.numbering.carried.get(id)
    if (carried !== undefined) return carried
    const number = this.numbering.places.get(id)
    return number === undefined ? undefined : number + this.numbering.shift
  }

  /** `id` was appended to a list at `place`. */
  add(id: string, place: number): void {
    this.numbering.places.set(id, place + this.base)
  }
}
