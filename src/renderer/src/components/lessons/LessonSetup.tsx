/**
 * "Set up this stage": shows what it will change on the first listener, asks once before closing
 * open connections, then stops the listener, applies the stage and starts it on the book's address
 * (one engine request, from any state). When that port is taken it says by whom and offers the
 * next free port (never the port a forwarding stage sends to); the lesson's addresses follow the
 * port the listener gets.
 */
import { useState, type ReactNode } from 'react'
import type { ListenerSnapshot } from '../../../../shared/contract'
import type { WhoHoldsReport } from '../../../../shared/diagnostics-types'
import type { AppError } from '../../../../shared/result'
import { errorText } from '../../error-text'
import { useI18n, type Translate } from '../../i18n/context'
import {
  lessonAddress,
  setupChanges,
  setupRequest,
  type SetupChange,
} from '../../lessons/stage-setup'
import type { StageSetup } from '../../lessons/stages'
import { useApi } from '../../state/StoreContext'

function changeText(t: Translate, change: SetupChange): string {
  switch (change.kind) {
    case 'address':
      return t('lessons.setup.change.address', { from: change.from, to: change.to })
    case 'responder':
      return t('lessons.setup.change.responder', {
        from: t(`stages.responder.${change.from}`),
        to: t(`stages.responder.${change.to}`),
      })
    case 'handling':
      return t('lessons.setup.change.handling', {
        from: t(`stages.handling.${change.from}`),
        to: t(`stages.handling.${change.to}`),
      })
    case 'workers':
      return t('lessons.setup.change.workers', { from: change.from, to: change.to })
    case 'stop-after':
      return change.to === null
        ? t('lessons.setup.change.stopAfterOff')
        : t('lessons.setup.stopAfter', { count: change.to })
    case 'target':
      return t('lessons.setup.change.target', { from: change.from, to: change.to })
    case 'pages':
      return t('lessons.setup.change.pages')
  }
}

/** Who holds a port, in a few words, from the diagnostics' report (null: it could not tell). */
function holderText(t: Translate, report: WhoHoldsReport | null): string {
  const holder = report?.outcome === 'found' ? report.holders[0] : undefined
  if (!holder) return t('lessons.setup.taken.unknown')
  if (holder.isSelf) return t('lessons.setup.taken.self')
  if (holder.processName && holder.pid !== null)
    return t('lessons.setup.taken.process', { name: holder.processName, pid: holder.pid })
  return t('lessons.setup.taken.unknown')
}

type Phase =
  | { kind: 'idle' }
  | { kind: 'confirm' }
  | { kind: 'busy' }
  | { kind: 'done' }
  | { kind: 'taken'; port: number; holder: string; isSelf: boolean; free: number | null }
  | { kind: 'failed'; error: AppError }

export interface LessonSetupProps {
  setup: StageSetup
  /** The listener the stage is set up on (the first one), if any. */
  listener: ListenerSnapshot | undefined
}

/** The setup button, what it changes, and the outcome. Remount it (key) when the stage changes. */
export function LessonSetup({ setup, listener }: LessonSetupProps): ReactNode {
  const { t } = useI18n()
  const api = useApi()
  const [phase, setPhase] = useState<Phase>({ kind: 'idle' })

  if (listener === undefined) return <p className="field-hint">{t('lessons.setup.noListener')}</p>
  const number = String(listener.number)
  const request = setupRequest(listener, setup)
  const changes = setupChanges(listener, request)
  const isRunning = listener.state !== 'stopped'
  const isReady = changes.length === 0 && listener.state === 'listening'
  const targetPort = Number(request.targetPort ?? listener.settings.targetPort)

  const run = async (port?: number): Promise<void> => {
    setPhase({ kind: 'busy' })
    const result = await api.setUpListener(setupRequest(listener, setup, port))
    if (result.ok) {
      setPhase({ kind: 'done' })
      return
    }
    const bind = result.error.bind
    if (result.error.code !== 'BIND_FAILED' || bind?.code !== 'EADDRINUSE') {
      setPhase({ kind: 'failed', error: result.error })
      return
    }
    const [who, free] = await Promise.all([
      api.whoHolds({ port: bind.port }),
      freePortAfter(bind.host, bind.port),
    ])
    setPhase({
      kind: 'taken',
      port: bind.port,
      holder: holderText(t, who.ok ? who.value : null),
      isSelf: who.ok && who.value.outcome === 'found' && who.value.holders[0]?.isSelf === true,
      free,
    })
  }

  /**
   * The next free port after `port`, never the target's: a listener forwarding to its own port
   * would pass each connection to itself.
   */
  const freePortAfter = async (host: string, port: number): Promise<number | null> => {
    const free = await api.findFreePort({ host, from: port + 1 })
    if (!free.ok) return null
    if (setup.responder !== 'forward' || free.value.port !== targetPort) return free.value.port
    const next = await api.findFreePort({ host, from: free.value.port + 1 })
    return next.ok ? next.value.port : null
  }

  const start = (): void => {
    if (isRunning && listener.counters.open > 0) setPhase({ kind: 'confirm' })
    else void run()
  }

  return (
    <div className="lesson-setup">
      <button type="button" onClick={start} disabled={phase.kind === 'busy'}>
        {t('lessons.setup')}
      </button>
      {phase.kind === 'done' ? null : isReady ? (
        <p className="field-hint">
          {t('lessons.setup.ready', { number, address: lessonAddress(listener).address })}
        </p>
      ) : (
        <div className="field-hint">
          {t('lessons.setup.willChange', { number })}
          <ul className="lesson-changes">
            {changes.map((change) => (
              <li key={change.kind}>{changeText(t, change)}</li>
            ))}
            {isRunning && <li>{t('lessons.setup.change.restart')}</li>}
          </ul>
        </div>
      )}
      {phase.kind === 'confirm' && (
        <div
          role="alertdialog"
          aria-label={t('lessons.setup.confirmLabel')}
          className="lesson-confirm"
        >
          <p>{t('lessons.setup.confirm', { number, count: listener.counters.open })}</p>
          <button type="button" onClick={() => void run()}>
            {t('lessons.setup.confirmYes')}
          </button>
          <button type="button" className="quiet" onClick={() => setPhase({ kind: 'idle' })}>
            {t('lessons.setup.confirmNo')}
          </button>
        </div>
      )}
      {phase.kind === 'done' && (
        <p role="status" className="lesson-setup-done">
          {t('lessons.setup.done', { number, address: lessonAddress(listener).address })}
        </p>
      )}
      {phase.kind === 'taken' && (
        <div role="alert" className="inline-error">
          <p>{t('lessons.setup.taken', { port: phase.port, holder: phase.holder })}</p>
          {setup.responder === 'forward' && !phase.isSelf && (
            <p>{t('lessons.setup.taken.ownServer', { targetPort })}</p>
          )}
          {phase.free !== null ? (
            <button type="button" onClick={() => void run(phase.free ?? undefined)}>
              {t('lessons.setup.usePort', { port: phase.free })}
            </button>
          ) : (
            <p>{t('lessons.setup.noFreePort')}</p>
          )}
        </div>
      )}
      {phase.kind === 'failed' && (
        <p role="alert" className="inline-error">
          {errorText(t, phase.error)}
        </p>
      )}
    </div>
  )
}
