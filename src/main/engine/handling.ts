/**
 * How a listener's jobs are handled, as the chapter's programs do it: one thread (Listings
 * 20-2 to 20-10), a pool of workers fed by a channel (20-11 to 20-25), or a thread per
 * connection (20-11's warning).
 *
 * The scheduling is real: a worker holds its job from the moment it takes it (reading the
 * request included, so an idle connection blocks it) until the stream is dropped. Jobs wait in
 * a FIFO queue, as in the channel; an idle worker takes the oldest (the lowest-numbered idle
 * worker first, so the picture stays readable).
 */
import type { EngineEvent, Handling, WorkerPhase } from '../../shared/contract'
import { assertNever } from '../../shared/result'
import type { Job, ProgramOutput } from './responders'

export interface SchedulerHost {
  readonly listenerId: string
  /** The handling and pool size as they are now: changes apply to jobs taken afterwards. */
  handling(): Handling
  poolSize(): number
  emit(event: EngineEvent): void
  output: ProgramOutput
  /** A job finished: its stream was dropped. */
  jobDone(job: Job): void
}

interface Worker {
  readonly index: number
  job: Job | null
  /** What it does with its job; 'reading' from the moment it takes one. */
  phase: WorkerPhase
  hasExited: boolean
  readonly exitWaiters: (() => void)[]
}

export class Scheduler {
  /** In index order. */
  private workers: Worker[] = []
  private queue: Job[] = []
  private nextThread = 0
  private isShuttingDown = false
  private isAbandoned = false
  private isPrinting = true
  private readonly drainWaiters: (() => void)[] = []

  constructor(private readonly host: SchedulerHost) {
    this.resize()
  }

  /** Per worker the connection it handles, or null; with a thread per connection, the live ones. */
  workersSnapshot(): (string | null)[] {
    return this.shown().map((w) => w?.job?.id ?? null)
  }

  /** Per worker as {@link workersSnapshot}, what it does with its connection, or null. */
  phasesSnapshot(): (WorkerPhase | null)[] {
    return this.shown().map((w) => (w?.job ? w.phase : null))
  }

  /** The workers as the GUI numbers them (undefined: a slot with no worker). */
  private shown(): (Worker | undefined)[] {
    if (this.host.handling() === 'thread-per-connection')
      return this.workers.filter((w) => w.job !== null)
    const length = Math.max(this.capacity(), (this.workers.at(-1)?.index ?? -1) + 1)
    const out: (Worker | undefined)[] = Array<Worker | undefined>(length).fill(undefined)
    for (const worker of this.workers) out[worker.index] = worker
    return out
  }

  queued(): string[] {
    return this.queue.map((job) => job.id)
  }

  /** A connection accepted: `pool.execute(...)`, or the single thread's next iteration. */
  submit(job: Job): void {
    this.queue.push(job)
    this.emitQueue()
    this.dispatch()
  }

  /**
   * After a settings change: a pool gets its missing workers; idle ones past the size (or all
   * fixed ones under thread-per-connection) exit; busy ones exit after their job.
   */
  resize(): void {
    if (this.isShuttingDown || this.isAbandoned) return
    const capacity = this.capacity()
    for (const worker of [...this.workers])
      if (worker.job === null && worker.index >= capacity) this.remove(worker)
    if (this.host.handling() !== 'thread-per-connection')
      for (let index = 0; index < capacity; index += 1)
        if (!this.workers.some((w) => w.index === index)) this.add(index)
    this.dispatch()
  }

  /**
   * Graceful shutdown: no new jobs; queued ones still run. A pool then does what Drop for
   * ThreadPool does (Listing 20-25): for each worker in order, print "Shutting down worker N"
   * and join it; a worker exits ("Worker N disconnected; shutting down.") once the queue is
   * empty and its job done. Resolves when every job is done (or abandoned). `isPrinting`: the
   * listener's program has a pool to drop (its responder reads requests).
   */
  async shutdown(isPrinting: boolean): Promise<void> {
    if (this.isShuttingDown) return
    this.isShuttingDown = true
    this.isPrinting = isPrinting
    if (isPrinting && this.host.handling() === 'thread-pool') {
      for (const [position, worker] of [...this.workers].entries()) {
        if (this.isAbandoned) return
        this.host.output(`Shutting down worker ${worker.index}`, null)
        if (position === 0) this.exitIdleWorkers()
        await this.exited(worker)
      }
    }
    if (!this.isDrained()) await new Promise<void>((resolve) => this.drainWaiters.push(resolve))
  }

  /** Stop now: queued and running jobs are abandoned, workers freed (their sockets are closed). */
  abandon(): void {
    if (this.isAbandoned) return
    this.isAbandoned = true
    const queued = this.queue.splice(0)
    for (const job of queued) job.abort()
    if (queued.length > 0) this.emitQueue()
    for (const worker of this.workers) {
      const job = worker.job
      worker.job = null
      if (job !== null) {
        job.abort()
        this.emitWorker(worker.index, null, undefined, this.queue.length)
      }
      this.markExited(worker)
    }
    this.resolveDrained()
  }

  private capacity(): number {
    const handling = this.host.handling()
    switch (handling) {
      case 'single-thread':
        return 1
      case 'thread-pool':
        return this.host.poolSize()
      case 'thread-per-connection':
        return 0
      default:
        return assertNever(handling)
    }
  }

  private dispatch(): void {
    if (this.isAbandoned) return
    while (this.queue.length > 0) {
      const worker = this.idleWorker()
      if (worker === undefined) return
      const job = this.queue.shift()
      if (job === undefined) return
      this.emitQueue()
      this.run(worker, job)
    }
  }

  private idleWorker(): Worker | undefined {
    if (this.host.handling() === 'thread-per-connection') {
      const index = Math.max(this.nextThread, (this.workers.at(-1)?.index ?? -1) + 1)
      this.nextThread = index + 1
      return this.add(index)
    }
    const capacity = this.capacity()
    return this.workers.find((w) => w.job === null && !w.hasExited && w.index < capacity)
  }

  private run(worker: Worker, job: Job): void {
    worker.job = job
    worker.phase = 'reading'
    this.emitWorker(worker.index, job.id, 'reading')
    job.onPhase = (phase) => {
      if (worker.job !== job || worker.phase === phase) return
      worker.phase = phase
      this.emitWorker(worker.index, job.id, phase)
    }
    if (this.host.handling() === 'thread-pool')
      this.host.output(`Worker ${worker.index} got a job; executing.`, job.id)
    void job.run().then(() => this.finished(worker, job))
  }

  private finished(worker: Worker, job: Job): void {
    if (this.isAbandoned || worker.job !== job) return
    worker.job = null
    this.host.jobDone(job)
    this.emitWorker(worker.index, null, undefined, this.queue.length)
    const isThread = this.host.handling() === 'thread-per-connection'
    if (isThread || worker.index >= this.capacity()) this.remove(worker)
    this.dispatch()
    if (this.isShuttingDown) this.exitIdleWorkers()
    this.resolveDrained()
  }

  /** During shutdown: idle workers see the channel closed and exit. */
  private exitIdleWorkers(): void {
    if (this.queue.length > 0) return
    for (const worker of this.workers) {
      if (worker.job !== null || worker.hasExited) continue
      if (this.isPrinting && this.host.handling() === 'thread-pool')
        this.host.output(`Worker ${worker.index} disconnected; shutting down.`, null)
      this.markExited(worker)
    }
  }

  private exited(worker: Worker): Promise<void> {
    if (worker.hasExited) return Promise.resolve()
    return new Promise((resolve) => worker.exitWaiters.push(resolve))
  }

  private markExited(worker: Worker): void {
    worker.hasExited = true
    for (const resolve of worker.exitWaiters.splice(0)) resolve()
  }

  private isDrained(): boolean {
    return this.queue.length === 0 && this.workers.every((w) => w.job === null)
  }

  private resolveDrained(): void {
    if (!this.isDrained()) return
    for (const resolve of this.drainWaiters.splice(0)) resolve()
  }

  private add(index: number): Worker {
    const worker: Worker = { index, job: null, phase: 'reading', hasExited: false, exitWaiters: [] }
    this.workers.push(worker)
    this.workers.sort((a, b) => a.index - b.index)
    return worker
  }

  private remove(worker: Worker): void {
    this.workers = this.workers.filter((w) => w !== worker)
    this.markExited(worker)
  }

  private emitWorker(
    worker: number,
    connectionId: string | null,
    phase?: WorkerPhase,
    waiting?: number,
  ): void {
    const { listenerId } = this.host
    this.host.emit({
      type: 'worker-changed',
      at: Date.now(),
      listenerId,
      worker,
      connectionId,
      ...(phase === undefined ? {} : { phase }),
      ...(waiting === undefined ? {} : { waiting }),
    })
  }

  private emitQueue(): void {
    const { listenerId } = this.host
    this.host.emit({ type: 'queue-changed', at: Date.now(), listenerId, queued: this.queued() })
  }
}
