/**
 * A listening run's share of the book's stages: the responder each accepted connection gets,
 * the handling model's workers and queue, the book's take(N), and what the program prints.
 */
import type { EngineEvent, ListenerSettings, WorkerPhase } from '../../shared/contract'
import type { ConnectionRuntime } from './connection'
import type { Sleep } from './engine-api'
import { Scheduler } from './handling'
import { readsRequest } from '../../shared/responders'
import { Job, respondAtAccept } from './responders'

export interface StageHost {
  readonly listenerId: string
  settings(): ListenerSettings
  emit(event: EngineEvent): void
  /** How a job's /sleep waits. */
  readonly sleep: Sleep
}

/** One per listening run: created when the listener starts listening, dropped once stopped. */
export class ListenerStage {
  private readonly scheduler: Scheduler
  /** Connections accepted in this run: what take(N) counts. */
  private accepted = 0
  private handledCount = 0

  constructor(private readonly host: StageHost) {
    this.scheduler = new Scheduler({
      listenerId: host.listenerId,
      handling: () => host.settings().handling,
      poolSize: () => host.settings().workers,
      // A worker going idle has just finished a job: the GUI's handled count goes with it.
      emit: (event) =>
        host.emit(
          event.type === 'worker-changed' ? { ...event, handled: this.handledCount } : event,
        ),
      output: (text, connectionId) => this.output(text, connectionId),
      jobDone: () => this.handled(),
    })
  }

  get handledJobs(): number {
    return this.handledCount
  }

  /** The workers, while the responder is a reading one or a job is still in hand. */
  workers(): (string | null)[] {
    const workers = this.scheduler.workersSnapshot()
    if (this.isHandling() || workers.some((id) => id !== null)) return workers
    return []
  }

  /** Per worker as {@link workers}, what it does with its connection. */
  phases(): (WorkerPhase | null)[] {
    const workers = this.workers()
    return workers.length === 0 ? [] : this.scheduler.phasesSnapshot()
  }

  queued(): string[] {
    return this.scheduler.queued()
  }

  /**
   * A connection just accepted: its responder as the settings say now. Returns true when it
   * was the last one take(N) lets through: the accept loop ends ("Shutting down.").
   */
  accept(connection: ConnectionRuntime): boolean {
    const settings = this.host.settings()
    this.accepted += 1
    if (readsRequest(settings.responder)) {
      const output = (text: string, id: string | null): void => this.output(text, id)
      this.scheduler.submit(new Job(connection, { ...settings }, output, this.host.sleep))
    } else if (respondAtAccept(connection, settings, (t, id) => this.output(t, id))) {
      this.handled()
    }
    return this.isTakeDone()
  }

  /** take(N) reached (N may have been lowered while listening). */
  isTakeDone(): boolean {
    const { stopAfter } = this.host.settings()
    return stopAfter !== null && this.accepted >= stopAfter
  }

  /** main's println! after the loop that take(N) ended. */
  printLoopEnded(): void {
    this.output('Shutting down.', null)
  }

  settingsChanged(): void {
    this.scheduler.resize()
  }

  /** Drain: jobs in hand and queued finish; resolves once they did (or were abandoned). */
  shutdown(): Promise<void> {
    return this.scheduler.shutdown(this.isHandling())
  }

  abandon(): void {
    this.scheduler.abandon()
  }

  /** Whether the responder now runs its connections as jobs under the handling model. */
  private isHandling(): boolean {
    return readsRequest(this.host.settings().responder)
  }

  private handled(): void {
    this.handledCount += 1
  }

  private output(text: string, connectionId: string | null): void {
    this.host.emit({
      type: 'program-output',
      at: Date.now(),
      listenerId: this.host.listenerId,
      connectionId,
      text,
    })
  }
}
