/**
 * The test client (issue 4, section 3): a target, a plan, Run plan, and a timeline per request,
 * with the same plan as curl, nc and PowerShell commands.
 *
 * The plan is checked as it is typed by the same validator the engine runs; a target that is not
 * loopback needs the user's confirmation here, and the engine refuses it without.
 */
import { useEffect, useId, useMemo, useRef, useState, type ReactNode } from 'react'
import { isRemoteHost, parseTarget } from '../../../../shared/client-checks'
import '../../client.css'
import { useI18n } from '../../i18n/context'
import { latestRun, type ClientRunView } from '../../state/client'
import {
  defaultTarget,
  draftRequest,
  errorsByField,
  INITIAL_DRAFT,
  listenerTarget,
  type ClientDraft,
} from '../../state/client-draft'
import { selectClient, selectListeners, selectPlatform } from '../../state/selectors'
import { useApi, useAppState, useIsReadOnly } from '../../state/StoreContext'
import { TextField } from '../ui'
import { ClientCommands } from './ClientCommands'
import { ClientPlanEditor } from './ClientPlanEditor'
import { ClientTimeline, isOpenIdle } from './ClientTimeline'

/** Run N, from the engine's run id `run-N`. */
function runNumber(view: ClientRunView, fallback: number): number {
  const match = /(\d+)$/.exec(view.run.runId)
  return match ? Number(match[1]) : fallback
}

/** The client panel in the right-hand column's Client tab. */
export function ClientPanel(): ReactNode {
  const { t } = useI18n()
  const id = useId()
  const api = useApi()
  const isReadOnly = useIsReadOnly()
  const listeners = useAppState(selectListeners)
  const platform = useAppState(selectPlatform)
  const client = useAppState(selectClient)
  const [draft, setDraft] = useState<ClientDraft>(INITIAL_DRAFT)
  const [runError, setRunError] = useState<string | null>(null)
  const [isStarting, setStarting] = useState(false)
  /** A target the engine refused because its name resolves to another machine. */
  const [refusedTarget, setRefusedTarget] = useState<string | null>(null)

  const target = draft.target ?? defaultTarget(listeners)
  const request = useMemo(() => draftRequest(draft, target), [draft, target])
  const errors = useMemo(() => errorsByField(request), [request])
  const errorOf = (field: string): string | null => {
    const error = errors.get(field)
    return error ? t(`client.error.${error.reason}`, error.params) : null
  }
  const parsedTarget = parseTarget(target)
  const remoteHost =
    parsedTarget.ok && (isRemoteHost(parsedTarget.value.host) || refusedTarget === target)
      ? parsedTarget.value.host
      : null

  const latest = latestRun(client)
  const running = latest !== null && latest.outcome === null ? latest : null
  const isBusy = running !== null || isStarting
  const canRun = !isReadOnly && !isBusy && errors.size === 0
  // The plan is done but its idle connections are still open (a blocking read waits on them).
  const openIdle =
    latest !== null && latest.outcome !== null ? latest.requests.filter(isOpenIdle).length : 0

  // A new run: bring its timeline into view (the form may fill the panel). Only the panel's body
  // scrolls: scrollIntoView would also shift the window's layout.
  const runsRef = useRef<HTMLElement>(null)
  const latestId = latest?.run.runId ?? null
  useEffect(() => {
    const runs = runsRef.current
    const body = runs?.parentElement
    if (latestId === null || !runs || !body) return
    const bodyBox = body.getBoundingClientRect()
    // Boxes are measured zoomed (the text size is a CSS zoom), scrollTop is not: unzoom.
    const zoom = body.offsetHeight > 0 ? bodyBox.height / body.offsetHeight : 1
    const top = (runs.getBoundingClientRect().top - bodyBox.top) / (zoom > 0 ? zoom : 1)
    body.scrollTo?.({ top: body.scrollTop + top })
  }, [latestId])

  const change = (patch: Partial<ClientDraft>): void => setDraft((d) => ({ ...d, ...patch }))
  const setTarget = (value: string): void => change({ target: value, confirmedRemote: false })

  const run = async (): Promise<void> => {
    if (!canRun) return
    setRunError(null)
    setStarting(true)
    try {
      const result = await api.runClientPlan(request)
      if (result.ok) return
      // The name looked local, but the engine found it resolves elsewhere: ask, as for any host.
      if (result.error.field === 'confirmedRemote' && parsedTarget.ok) {
        setRefusedTarget(target)
        setRunError(t('client.remote.resolvesElsewhere', { host: parsedTarget.value.host }))
      } else setRunError(t('client.runFailed', { message: result.error.message }))
    } finally {
      setStarting(false)
    }
  }

  const cancel = (): void => {
    if (running !== null) void api.cancelClientPlan({ runId: running.run.runId })
  }

  /** On a finished run, cancel closes the idle connections it left open. */
  const closeIdle = (): void => {
    if (latest !== null) void api.cancelClientPlan({ runId: latest.run.runId })
  }

  const shortcuts = listeners.flatMap((l) => {
    const address = listenerTarget(l)
    return address === null || address === target ? [] : [{ number: l.number, address }]
  })
  const earlier = client.runs.slice(0, -1).reverse()

  return (
    <section role="region" aria-label={t('client.region')} className="panel client">
      <header className="panel-header">
        <h2>{t('client.region')}</h2>
      </header>
      <div className="client-body">
        <p className="field-hint">{t('client.intro')}</p>
        <form
          className="client-form"
          onSubmit={(e) => {
            e.preventDefault()
            void run()
          }}
        >
          <TextField
            label={t('client.target')}
            value={target}
            onChange={setTarget}
            error={errorOf('target')}
            hint={t('client.target.hint')}
            isDisabled={isBusy}
          />
          {shortcuts.length > 0 && (
            <div className="client-shortcuts">
              {shortcuts.map((s) => (
                <button
                  key={s.number}
                  type="button"
                  className="small quiet"
                  disabled={isBusy}
                  onClick={() => setTarget(s.address)}
                >
                  {t('client.target.useListener', s)}
                </button>
              ))}
            </div>
          )}
          {remoteHost !== null && (
            <div className="client-remote" role="group" aria-describedby={`${id}-remote`}>
              <p id={`${id}-remote`}>{t('client.remote.warning', { host: remoteHost })}</p>
              <label>
                <input
                  type="checkbox"
                  checked={draft.confirmedRemote}
                  disabled={isBusy}
                  onChange={(e) => change({ confirmedRemote: e.target.checked })}
                />
                {t('client.remote.confirm', { host: remoteHost })}
              </label>
            </div>
          )}
          <ClientPlanEditor draft={draft} onChange={change} errorOf={errorOf} isDisabled={isBusy} />
          <div className="client-actions">
            <button type="submit" className="primary" disabled={!canRun}>
              {t('client.run')}
            </button>
            {running !== null && (
              <button type="button" className="danger" onClick={cancel}>
                {t('client.cancel')}
              </button>
            )}
            {openIdle > 0 && (
              <button type="button" disabled={isReadOnly} onClick={closeIdle}>
                {t('client.closeIdle')}
              </button>
            )}
            {isReadOnly && <span className="field-hint">{t('client.readOnly')}</span>}
          </div>
          {openIdle > 0 && (
            <p className="field-hint">{t('client.idle.lingering', { count: openIdle })}</p>
          )}
          {runError && (
            <p role="alert" className="field-error">
              {runError}
            </p>
          )}
        </form>
        <section ref={runsRef} className="client-runs" aria-label={t('client.runs')}>
          {latest === null ? (
            <p className="empty">{t('client.noRuns')}</p>
          ) : (
            <ClientTimeline view={latest} number={runNumber(latest, client.runs.length)} />
          )}
          {earlier.length > 0 && (
            <details className="client-earlier">
              <summary>{t('client.previous')}</summary>
              {earlier.map((view, i) => (
                <ClientTimeline
                  key={view.run.runId}
                  view={view}
                  number={runNumber(view, client.runs.length - 1 - i)}
                />
              ))}
            </details>
          )}
        </section>
        <ClientCommands request={request} isValid={errors.size === 0} platform={platform} />
      </div>
    </section>
  )
}
