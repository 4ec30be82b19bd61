/**
 * The closed connections the engine keeps, oldest closed first, and the forgetting of the oldest
 * once there are too many (MAX_KEPT_CLOSED_CONNECTIONS). Open connections never enter it.
 */
import { FORGET_SLACK_DIVISOR } from '../../shared/contract'

/** Forgets one closed connection: drops it from its listener and releases its capture. */
export type Forget = () => void

export class KeptClosed {
  /** Closed connections by id, in the order they closed (a Map keeps insertion order). */
  private readonly closed = new Map<string, Forget>()
  private forgottenCount = 0
  /** Forgetting waits for this many past the limit, then forgets down to the limit. */
  private readonly slack: number

  /**
   * @param limit closed connections always kept (the most recently closed)
   * @param forgotten told once per forgetting, with the ids forgotten and the total so far
   */
  constructor(
    readonly limit: number,
    private readonly forgotten: (ids: string[], total: number) => void,
  ) {
    this.slack = Math.floor(limit / FORGET_SLACK_DIVISOR)
  }

  /** Connections forgotten so far. */
  get total(): number {
    return this.forgottenCount
  }

  /** `id` closed; once more than the limit and its slack are kept, the oldest closed go. */
  add(id: string, forget: Forget): void {
    this.closed.set(id, forget)
    if (this.closed.size <= this.limit + this.slack) return
    const ids: string[] = []
    for (const [oldest, forgetOldest] of this.closed) {
      if (this.closed.size <= this.limit) break
      this.closed.delete(oldest)
      forgetOldest()
      ids.push(oldest)
    }
    this.forgottenCount += ids.length
    this.forgotten(ids, this.forgottenCount)
  }

  /** `id` left with its listener (removed): it is no longer kept here, nor forgotten. */
  delete(id: string): void {
    this.closed.delete(id)
  }
}
