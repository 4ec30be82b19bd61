/**
 * One client run: what ran against what, the model its expected times follow, how it ended,
 * and a timeline — a list with one readable line per request and a bar from connect to done on a
 * shared time axis (the bars are decoration: every time is in the text too).
 */
import { Fragment, memo, useEffect, useId, useState, type ReactNode } from 'react'
import { describeRows } from '../../../../shared/client-plan'
import type { ClientRequestSnapshot, ClientRunInfo } from '../../../../shared/client-types'
import { useI18n, type Translate } from '../../i18n/context'
import type { Lang } from '../../i18n/translate'
import type { ClientRunView } from '../../state/client'
import { ClientResponseView } from './ClientResponse'
import { explainRequest, formatMs } from './ClientVerdict'

/** True while an idle connection is still open. */
export function isOpenIdle(r: ClientRequestSnapshot): boolean {
  return r.idle && r.phase !== 'done' && r.phase !== 'failed'
}

/** What happened to an idle connection: still open, closed by the server, reset, closed here. */
function idleStatus(t: Translate, r: ClientRequestSnapshot): string {
  if (r.phase === 'planned' || r.phase === 'connecting') return t(`client.phase.${r.phase}`)
  if (isOpenIdle(r)) return t('client.idle.status.open')
  if (r.errorCode === null) return t('client.idle.status.server')
  if (r.errorCode === 'ECONNRESET') return t('client.idle.status.reset')
  if (r.errorCode === 'CLOSED_BY_CLIENT') return t('client.idle.status.client')
  return r.errorCode
}

/** The explanation of a failed (or answerless) request, or null. */
function explanation(
  lang: Lang,
  t: Translate,
  run: ClientRunInfo,
  r: ClientRequestSnapshot,
): string | null {
  if (r.idle && (r.errorCode === null || isOpenIdle(r))) {
    if (isOpenIdle(r) || r.phase === 'planned' || r.phase === 'connecting')
      return t('client.idle.explain.open')
    return run.listener === undefined
      ? t('client.idle.explain.server')
      : t('client.idle.explain.serverOurs', { number: run.listener.listenerNumber })
  }
  return explainRequest(lang, t, run, r)
}

/** The row's one-line summary: `#2 GET /sleep — 200 — 5.01 s (expected 5 s)`. */
export function requestSummary(lang: Lang, t: Translate, r: ClientRequestSnapshot): string {
  const what = r.idle ? t('client.idle.what') : r.path === null ? t('client.raw') : `GET ${r.path}`
  let status: string
  if (r.idle) status = idleStatus(t, r)
  else if (r.statusCode !== null) status = String(r.statusCode)
  else if (r.errorCode !== null) status = r.errorCode
  else if (r.phase === 'done' && r.bytesReceived === 0) status = t('client.noResponse')
  else status = t(`client.phase.${r.phase}`)
  const time = r.doneMs === null ? t('client.row.pending') : formatMs(lang, t, r.doneMs)
  const summary =
    r.idle && r.doneMs === null
      ? t('client.row.summaryOpen', { n: r.index + 1, what, status })
      : t('client.row.summary', { n: r.index + 1, what, status, time })
  if (r.expectedBlocked) return `${summary} ${t('client.row.expectedNever')}`
  return r.expectedDoneMs === null
    ? summary
    : `${summary} ${t('client.row.expected', { time: formatMs(lang, t, r.expectedDoneMs) })}`
}

function details(lang: Lang, t: Translate, r: ClientRequestSnapshot): string[] {
  const ms = (v: number): string => formatMs(lang, t, v)
  const parts: string[] = []
  if (r.connectedMs !== null) parts.push(t('client.detail.connected', { time: ms(r.connectedMs) }))
  if (r.firstSentMs !== null) parts.push(t('client.detail.firstSent', { time: ms(r.firstSentMs) }))
  if (r.lastSentMs !== null && r.writes > 1)
    parts.push(t('client.detail.lastSent', { time: ms(r.lastSentMs) }))
  if (r.firstReceivedMs !== null)
    parts.push(t('client.detail.firstReceived', { time: ms(r.firstReceivedMs) }))
  if (r.connectedMs !== null)
    parts.push(
      t('client.detail.bytes', {
        sent: r.bytesSent,
        received: r.bytesReceived,
        writes: t('client.detail.writes', { count: r.writes }),
      }),
    )
  if (r.localPort !== null) parts.push(t('client.detail.port', { port: r.localPort }))
  return parts
}

function planTitle(t: Translate, run: ClientRunInfo): string {
  const idle = run.plan.kind === 'http' ? (run.plan.idle ?? 0) : 0
  return run.plan.kind === 'http'
    ? describeRows(run.plan.rows, idle > 0 ? t('client.idle.count', { count: idle }) : null)
    : t('client.run.rawPlan', { framing: t(`client.framing.${run.plan.framing.kind}`) })
}

function ModelLine({ run }: { run: ClientRunInfo }): ReactNode {
  const { t } = useI18n()
  const m = run.model
  if (m === null)
    return (
      <p className="field-hint">
        {run.listener === undefined
          ? t('client.model.none')
          : t('client.model.noModel', {
              number: run.listener.listenerNumber,
              responder: t(`stages.responder.${run.listener.responder}`),
            })}
      </p>
    )
  return (
    <p className="field-hint">
      {t('client.model', {
        number: m.listenerNumber,
        responder: t(`stages.responder.${m.responder}`),
        handling: t(`stages.handling.${m.handling}`),
        workers:
          m.handling === 'thread-pool' ? t('client.model.workers', { count: m.workers }) : '',
        sleep:
          m.responder === 'http-slow-route'
            ? t('client.model.sleep', { seconds: m.sleepSeconds })
            : '',
      })}
      {run.plan.kind === 'http' && ` ${t('client.model.expected')}`}
    </p>
  )
}

/** ms since the run started while it runs (ticking), else null. */
function useElapsed(view: ClientRunView): number | null {
  const isRunning = view.outcome === null
  const startedAt = view.run.startedAt
  const [now, setNow] = useState(() => Date.now())
  useEffect(() => {
    if (!isRunning) return
    const timer = setInterval(() => setNow(Date.now()), 200)
    return () => clearInterval(timer)
  }, [isRunning])
  return isRunning ? Math.max(0, now - startedAt) : null
}

function pct(ms: number, axis: number): string {
  return `${Math.min(100, Math.max(0, (ms / axis) * 100))}%`
}

function Bar({ r, axis, nowMs }: { r: ClientRequestSnapshot; axis: number; nowMs: number }) {
  const from = r.connectStartMs ?? r.startMs
  const to = r.doneMs ?? (r.connectStartMs === null ? from : nowMs)
  const state = r.idle
    ? 'idle'
    : r.phase === 'failed'
      ? 'failed'
      : r.doneMs === null
        ? 'open'
        : 'done'
  return (
    <div className="client-track" aria-hidden="true">
      <div
        className={`client-bar client-bar-${state}`}
        style={{ left: pct(from, axis), width: `max(2px, ${pct(to - from, axis)})` }}
      />
      {r.expectedDoneMs !== null && (
        <span className="client-mark client-expected" style={{ left: pct(r.expectedDoneMs, axis) }}>
          ┆
        </span>
      )}
      {r.firstSentMs !== null && (
        <span className="client-mark client-sent" style={{ left: pct(r.firstSentMs, axis) }}>
          ▲
        </span>
      )}
      {r.firstReceivedMs !== null && (
        <span
          className="client-mark client-received"
          style={{ left: pct(r.firstReceivedMs, axis) }}
        >
          ▼
        </span>
      )}
    </div>
  )
}

/*
 * A request's text changes only when its snapshot does (the reducer keeps unchanged snapshots),
 * so a batch or a clock tick re-renders the bars alone, not 200 rows of text.
 */
const RequestSummary = memo(function RequestSummary({ r }: { r: ClientRequestSnapshot }) {
  const { t, lang } = useI18n()
  return <div className="client-summary">{requestSummary(lang, t, r)}</div>
})

const RequestNotes = memo(function RequestNotes({
  run,
  r,
}: {
  run: ClientRunInfo
  r: ClientRequestSnapshot
}) {
  const { t, lang } = useI18n()
  const why = explanation(lang, t, run, r)
  const parts = details(lang, t, r)
  // Each part wraps as a unit, so "48 ms" never splits across lines in a narrow column.
  return (
    <>
      {parts.length > 0 && (
        <div className="client-detail">
          {parts.map((part, i) => (
            <Fragment key={i}>
              {i > 0 && ' · '}
              <span className="client-part">{part}</span>
            </Fragment>
          ))}
        </div>
      )}
      {why && <div className={r.idle ? 'client-why client-why-idle' : 'client-why'}>{why}</div>}
    </>
  )
})

/**
 * Once a request is over and something came back: a button that opens its response (bytes and
 * the linter's findings) under the row.
 */
const RequestResponse = memo(function RequestResponse({ r }: { r: ClientRequestSnapshot }) {
  const { t } = useI18n()
  const id = useId()
  const [isOpen, setOpen] = useState(false)
  const response = r.response
  if (response === null || r.bytesReceived === 0) return null
  const n = r.index + 1
  const findings = response.findings.length
  return (
    <div className="client-response-row">
      <button
        type="button"
        className="small quiet client-response-toggle"
        aria-expanded={isOpen}
        aria-controls={id}
        onClick={() => setOpen((open) => !open)}
      >
        {t('client.response.toggle', {
          n,
          size: t('client.evidence.bytes', { count: r.bytesReceived }),
          findings: findings > 0 ? t('client.response.findings', { count: findings }) : '',
        })}
      </button>
      <div id={id}>
        {isOpen && <ClientResponseView n={n} response={response} received={r.bytesReceived} />}
      </div>
    </div>
  )
})

export interface ClientTimelineProps {
  view: ClientRunView
  /** Run N as the panel numbers it. */
  number: number
}

/** A run's header, outcome and timeline (memoized: typing in the form leaves runs alone). */
export const ClientTimeline = memo(function ClientTimeline({
  view,
  number,
}: ClientTimelineProps): ReactNode {
  const { t, lang } = useI18n()
  const elapsed = useElapsed(view)
  const { run, requests, outcome } = view
  const ms = (v: number): string => formatMs(lang, t, v)
  const lastKnown = Math.max(
    1,
    ...requests.flatMap((r) => [r.doneMs ?? 0, r.expectedDoneMs ?? 0, r.startMs]),
  )
  const nowMs = elapsed ?? view.elapsedMs ?? lastKnown
  const axis = Math.max(lastKnown, elapsed ?? 0)
  // The live region says "Running…" once; the ticking clock beside it is not announced.
  let status: string
  if (outcome === null) status = t('client.outcome.running')
  else if (outcome === 'time-limit')
    status = t('client.outcome.time-limit', { seconds: run.timeLimitMs / 1000 })
  else status = t(`client.outcome.${outcome}`, { time: ms(view.elapsedMs ?? 0) })
  return (
    <div className="client-run">
      <h3>{t('client.run.title', { n: number, plan: planTitle(t, run), target: run.target })}</h3>
      <ModelLine run={run} />
      <p className="client-outcome">
        <span role="status">{status}</span>
        {outcome === null && <span aria-hidden="true"> {ms(nowMs)}</span>}
      </p>
      <p className="field-hint">
        {t('client.axis', { time: ms(axis) })} {t('client.legend')}
      </p>
      <ol className="client-timeline" aria-label={t('client.timeline', { n: number })}>
        {requests.map((r) => (
          <li
            key={r.index}
            className={`client-request client-request-${r.phase}${r.idle ? ' client-request-idle' : ''}`}
          >
            <RequestSummary r={r} />
            <Bar r={r} axis={axis} nowMs={nowMs} />
            <RequestNotes run={run} r={r} />
            <RequestResponse r={r} />
          </li>
        ))}
      </ol>
    </div>
  )
})
