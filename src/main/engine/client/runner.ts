/**
 * The test client (issue 4, section 3): runs a plan of real TCP connections against a target and
 * reports each request's timeline as events.
 *
 * One plan runs at a time. Its limits (200 connections, loopback unless confirmed) are checked
 * by the validator before it gets here; the host is then resolved here and every resolved address
 * must be loopback too unless confirmed (see resolve-target.ts). The time limit (60 s at most) is
 * a timer that stops the run and says so. Each request keeps the first bytes of its response (at
 * most 64 KiB, less in a plan of many connections: 2 MiB a run) and sends them, judged by the
 * response linter, with its last change. Events are coalesced per request so a run costs a few
 * events per request.
 *
 * An HTTP plan's idle connections open first; its requests start once they are connected (so a
 * listener accepts them first). The run finishes when its requests are done; its idle
 * connections then stay open — the run lingers — until the server closes them, client:cancel on
 * the run closes them (CLOSED_BY_CLIENT), its time limit passes, a new plan starts (NEW_PLAN) or
 * the engine shuts down.
 */
import type { LookupFunction } from 'node:net'
import { performance } from 'node:perf_hooks'
import { expectedDoneTimes, findTargetListener, modelOf } from './client-expected'
import { expandRows, httpRequestText, responseBytesKept } from '../../../shared/client-plan'
import { looksLikeHttpRequest } from '../../../shared/client-response'
import {
  MAX_CLIENT_SECONDS,
  type ClientCancelRequest,
  type ClientEvent,
  type ClientRunInfo,
  type ClientRunOutcome,
  type ClientRunRequest,
  type ClientRunStarted,
} from '../../../shared/client-types'
import type { ListenerSnapshot } from '../../../shared/contract'
import { fail, ok, type Result } from '../../../shared/result'
import { parseTarget, rawPlanBytes } from '../../../shared/client-checks'
import { ClientRequest, type RequestPlan } from './client-request'
import { pinnedLookup, remoteAddresses, resolveTarget, type HostLookup } from './resolve-target'

/** What the client needs from the engine. */
export interface ClientRunnerDeps {
  emit: (event: ClientEvent) => void
  /** The engine's listeners now: a target that is one of them gets expected times. */
  listeners?: () => ListenerSnapshot[]
  /** Resolves the target's host; the OS resolver by default (tests pass their own). */
  lookup?: HostLookup
}

/** The engine's test client: client:run and client:cancel, and its part of shutdown. */
export interface ClientRunner {
  /** Resolves the target, checks its addresses and starts the plan; one plan at a time. */
  run(request: ClientRunRequest): Promise<Result<ClientRunStarted>>
  cancel(request: ClientCancelRequest): Promise<Result<null>>
  /** Stops every run and closes its sockets; resolves when all are closed. */
  shutdown(): Promise<void>
}

/** Changes of one request within this long go out as one event. */
const COALESCE_MS = 16
/** Byte progress (a slow client's) is reported at most this often per request. */
const PROGRESS_MS = 250

class ClientRun {
  readonly requests: ClientRequest[] = []
  private readonly t0 = performance.now()
  private readonly dirty = new Set<ClientRequest>()
  private readonly lastEmit = new Map<ClientRequest, number>()
  private flushTimer: ReturnType<typeof setTimeout> | null = null
  private readonly limitTimer: ReturnType<typeof setTimeout>
  private stopping: ClientRunOutcome | null = null
  private isDone = false
  private isClosed = false
  private areRequestsScheduled = false
  private resolveDone: () => void = () => undefined
  readonly done = new Promise<void>((resolve) => (this.resolveDone = resolve))

  constructor(
    readonly info: ClientRunInfo,
    plans: RequestPlan[],
    lookup: LookupFunction,
    private readonly emit: (event: ClientEvent) => void,
    private readonly onDone: () => void,
    private readonly onClosed: () => void,
  ) {
    const ctx = {
      host: info.host,
      port: info.port,
      lookup,
      now: () => Math.round((performance.now() - this.t0) * 10) / 10,
      changed: (request: ClientRequest, isMilestone: boolean) => this.changed(request, isMilestone),
      ended: () => this.ended(),
    }
    for (const plan of plans) this.requests.push(new ClientRequest(plan, ctx))
    this.limitTimer = setTimeout(() => {
      if (this.isDone) void this.closeIdle('TIME_LIMIT')
      else void this.stop('time-limit', 'TIME_LIMIT')
    }, info.timeLimitMs)
  }

  /** Every socket of the run is closed (its idle connections too). */
  get allClosed(): boolean {
    return this.requests.every((r) => r.isFinished)
  }

  /** Closes the idle connections still open, with `code`; resolves once they are closed. */
  async closeIdle(code: string): Promise<void> {
    await Promise.all(this.requests.filter((r) => r.isIdle).map((r) => r.stop(code)))
  }

  start(): void {
    this.emit({
      type: 'client-run-started',
      at: Date.now(),
      run: this.info,
      requests: this.requests.map((r) => ({ ...r.snap })),
    })
    for (const request of this.requests) if (request.isIdle) request.schedule()
    this.scheduleRequests()
  }

  /** The requests open once every idle connection is connected (or has failed). */
  private scheduleRequests(): void {
    if (this.areRequestsScheduled || this.stopping !== null || this.isDone) return
    if (!this.requests.every((r) => !r.isIdle || r.isSettled)) return
    this.areRequestsScheduled = true
    for (const request of this.requests) if (!request.isIdle) request.schedule()
  }

  async stop(outcome: ClientRunOutcome, code: string): Promise<void> {
    if (this.stopping !== null || this.isDone) return this.done
    this.stopping = outcome
    await Promise.all(this.requests.map((r) => r.stop(code)))
    this.finish(outcome)
  }

  private changed(request: ClientRequest, isMilestone: boolean): void {
    if (request.isIdle) this.scheduleRequests()
    if (!isMilestone && performance.now() - (this.lastEmit.get(request) ?? 0) < PROGRESS_MS) return
    this.dirty.add(request)
    this.flushTimer ??= setTimeout(() => this.flush(), COALESCE_MS)
  }

  private flush(): void {
    if (this.flushTimer !== null) clearTimeout(this.flushTimer)
    this.flushTimer = null
    const now = performance.now()
    for (const request of this.dirty) {
      this.lastEmit.set(request, now)
      this.emit({
        type: 'client-request-changed',
        at: Date.now(),
        runId: this.info.runId,
        request: { ...request.snap },
      })
    }
    this.dirty.clear()
  }

  private ended(): void {
    this.scheduleRequests()
    if (this.stopping !== null) return
    if (!this.isDone && this.requests.every((r) => r.isIdle || r.isFinished))
      this.finish('completed')
    else if (this.isDone && this.allClosed) this.closed()
  }

  private closed(): void {
    if (this.isClosed) return
    this.isClosed = true
    clearTimeout(this.limitTimer)
    this.flush()
    this.onClosed()
  }

  private finish(outcome: ClientRunOutcome): void {
    if (this.isDone) return
    this.isDone = true
    this.flush()
    const elapsedMs = Math.round((performance.now() - this.t0) * 10) / 10
    this.emit({
      type: 'client-run-finished',
      at: Date.now(),
      runId: this.info.runId,
      outcome,
      elapsedMs,
    })
    this.onDone()
    this.resolveDone()
    if (this.allClosed) this.closed()
  }
}

/**
 * The requests of a validated plan, with their bytes and expected done times, each keeping its
 * share of the run's response bytes.
 */
function planRequests(
  request: ClientRunRequest,
  host: string,
  port: number,
  expected: (number | null)[],
): RequestPlan[] {
  const { plan } = request
  if (plan.kind === 'raw') {
    const parsed = rawPlanBytes(plan.text)
    const bytes = parsed.ok ? Buffer.from(parsed.value) : Buffer.alloc(0)
    return [
      {
        index: 0,
        path: null,
        startMs: 0,
        expectedDoneMs: null,
        bytes,
        framing: plan.framing,
        responseCap: responseBytesKept(1),
        isHttp: looksLikeHttpRequest(bytes),
      },
    ]
  }
  const idle = plan.idle ?? 0
  const rows = expandRows(plan.rows)
  const responseCap = responseBytesKept(idle + rows.length)
  const idlePlans = Array.from({ length: idle }, (_, index): RequestPlan => ({
    index,
    path: null,
    startMs: 0,
    expectedDoneMs: null,
    idle: true,
    bytes: Buffer.alloc(0),
    framing: { kind: 'whole' },
    responseCap,
    isHttp: false,
  }))
  const requests = rows.map((r, i): RequestPlan => {
    const expectedMs = expected[i] ?? null
    const isBlocked = expectedMs === Infinity
    return {
      index: idle + i,
      path: r.path,
      startMs: r.startMs,
      expectedDoneMs: isBlocked ? null : expectedMs,
      expectedBlocked: isBlocked,
      bytes: Buffer.from(httpRequestText(r.path, host, port), 'latin1'),
      framing: { kind: 'whole' },
      responseCap,
      isHttp: true,
    }
  })
  return [...idlePlans, ...requests]
}

/** Creates the engine's client: one plan at a time, every socket closed by cancel and shutdown. */
export function createClientRunner(deps: ClientRunnerDeps): ClientRunner {
  const runs = new Map<string, ClientRun>()
  /** Finished runs whose idle connections are still open. */
  const lingering = new Map<string, ClientRun>()
  let nextRun = 1
  let isShutDown = false
  /** A run is being set up (its host resolving): a second one must wait its turn. */
  let isStarting = false

  async function start(request: ClientRunRequest): Promise<Result<ClientRunStarted>> {
    // The validator has checked the target; parse it again for its parts.
    const target = parseTarget(request.target)
    if (!target.ok)
      return fail({ code: 'INVALID_INPUT', field: 'target', message: target.error.message })
    const { host, port } = target.value
    // The validator judged the host as typed; what counts is where the connections go.
    const resolved = await resolveTarget(host, deps.lookup)
    if (isShutDown) return fail({ code: 'BAD_STATE', message: 'Shut down' })
    const remote = resolved.ok ? remoteAddresses(resolved.value) : []
    if (remote.length > 0 && request.confirmedRemote !== true)
      return fail({
        code: 'INVALID_INPUT',
        field: 'confirmedRemote',
        message: `${host} resolves to ${remote.join(', ')}, not this machine: confirm sending to it first`,
      })
    const listener = findTargetListener(host, port, deps.listeners?.() ?? [])
    const model = modelOf(listener)
    const runId = `run-${nextRun}`
    nextRun += 1
    const info: ClientRunInfo = {
      runId,
      target: request.target.trim(),
      host,
      port,
      plan: request.plan,
      model,
      ...(listener === undefined
        ? {}
        : {
            listener: {
              listenerId: listener.id,
              listenerNumber: listener.number,
              responder: listener.settings.responder,
            },
          }),
      startedAt: Date.now(),
      timeLimitMs: (request.timeLimitSeconds ?? MAX_CLIENT_SECONDS) * 1000,
    }
    const plans = planRequests(request, host, port, expectedDoneTimes(request.plan, model))
    const run: ClientRun = new ClientRun(
      info,
      plans,
      pinnedLookup(resolved),
      deps.emit,
      () => {
        runs.delete(runId)
        if (!run.allClosed) lingering.set(runId, run)
      },
      () => lingering.delete(runId),
    )
    runs.set(runId, run)
    run.start()
    return ok({ runId })
  }

  return {
    async run(request) {
      if (isShutDown) return fail({ code: 'BAD_STATE', message: 'Shut down' })
      if (runs.size > 0 || isStarting)
        return fail({ code: 'BAD_STATE', message: 'A plan is already running' })
      isStarting = true
      try {
        // A new plan closes the idle connections an earlier one left open.
        await Promise.all([...lingering.values()].map((run) => run.closeIdle('NEW_PLAN')))
        return await start(request)
      } finally {
        isStarting = false
      }
    },
    async cancel({ runId }) {
      const run = runs.get(runId)
      if (run !== undefined) {
        await run.stop('cancelled', 'CANCELLED')
        return ok(null)
      }
      // A finished run: "Close idle connections".
      const done = lingering.get(runId)
      if (done === undefined)
        return fail({ code: 'NOT_FOUND', message: `No running plan ${runId}` })
      await done.closeIdle('CLOSED_BY_CLIENT')
      return ok(null)
    },
    async shutdown() {
      isShutDown = true
      await Promise.all([
        ...[...runs.values()].map((run) => run.stop('shutdown', 'CANCELLED')),
        ...[...lingering.values()].map((run) => run.closeIdle('CANCELLED')),
      ])
    },
  }
}
