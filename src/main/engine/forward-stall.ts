/**
 * Backpressure made visible for "Forward to my server": when one side of a forwarded connection
 * stops reading, Socket Lab stops reading from the other (forward.ts pauses it). A pause that
 * lasts STALL_REPORT_MS is told as a stall, with the bytes that wait and the socket's cap; a
 * short one, which a fast transfer makes many times a second, costs no event and no extra timer.
 */
import {
  STALL_REPORT_MS,
  type TargetLeg,
  type TargetSide,
  type TargetStall,
} from '../../shared/contract'

/** The leg as the engine keeps it: every field set, the later ones too. */
export type EngineLeg = Required<TargetLeg>

const SIDES: readonly TargetSide[] = ['client', 'target']

const OTHER: Record<TargetSide, TargetSide> = { client: 'target', target: 'client' }

/** What the watch needs from the forward. */
export interface StallHost {
  readonly leg: EngineLeg
  /** What waits in Socket Lab for `side`, and its socket's cap (writableHighWaterMark). */
  buffered(side: TargetSide): { waiting: number; cap: number }
  tell(change: 'paused' | 'resumed'): void
}

export class StallWatch {
  /**
   * Keyed by the side that has not taken what it was given yet: since when (engine ms) Socket
   * Lab has not read from the other side because of it, or null.
   */
  private readonly pausedSince: Record<TargetSide, number | null> = { client: null, target: null }
  /** Keyed the same: the stall that pause was told as, or null (not told, or over). */
  private readonly told: Record<TargetSide, TargetStall | null> = { client: null, target: null }
  /** One timer for both sides' pauses, armed at most once per STALL_REPORT_MS. */
  private timer: ReturnType<typeof setTimeout> | null = null

  constructor(private readonly host: StallHost) {}

  isPaused(side: TargetSide): boolean {
    return this.pausedSince[side] !== null
  }

  /** The target accepted at `mono`: it could not read before, so its pause counts from now. */
  connected(mono: number): void {
    if (this.pausedSince.target !== null) this.pausedSince.target = mono
  }

  /** Socket Lab stopped reading from the other side: `side` has not taken what it was given. */
  paused(side: TargetSide): void {
    this.pausedSince[side] = performance.now()
    this.timer ??= setTimeout(() => this.check(), STALL_REPORT_MS)
  }

  /** `side` took what waited for it and Socket Lab reads again: told if the stall was. */
  resumed(side: TargetSide): void {
    const { told } = this
    const leg = this.host.leg
    this.pausedSince[side] = null
    if (told[side] === null) return
    told[side] = null
    // The other side may be stalled too: then its stall is the one going on.
    const other = OTHER[side]
    const going = told[other]
    leg.stalled = going === null ? null : other
    if (going !== null) leg.lastStall = going
    if (leg.state !== 'closed') this.host.tell('resumed')
  }

  /** The leg closed: no stall goes on, none is checked (the close says it). */
  end(): void {
    if (this.timer !== null) clearTimeout(this.timer)
    this.timer = null
    this.told.client = this.told.target = null
    this.host.leg.stalled = null
  }

  /**
   * Tells each pause that has lasted STALL_REPORT_MS, and comes back for one that has not yet.
   * A pause that is over by then costs nothing more: the timer is not cleared at every resume.
   */
  private check(): void {
    this.timer = null
    const leg = this.host.leg
    if (leg.state === 'closed') return
    const now = performance.now()
    let next = Infinity
    for (const side of SIDES) {
      const since = this.pausedSince[side]
      if (since === null || this.told[side] !== null) continue
      const left = since + STALL_REPORT_MS - now
      // A target still connecting is not one that does not read: its pause counts from the connect.
      if (leg.state === 'connecting') next = Math.min(next, STALL_REPORT_MS)
      else if (left > 0) next = Math.min(next, left)
      else this.tellStall(side)
    }
    if (next !== Infinity) this.timer = setTimeout(() => this.check(), Math.max(1, Math.ceil(next)))
  }

  private tellStall(side: TargetSide): void {
    const leg = this.host.leg
    const stall = { side, ...this.host.buffered(side) }
    this.told[side] = stall
    leg.stalled = side
    leg.lastStall = stall
    leg.stalls += 1
    this.host.tell('paused')
  }
}
