/**
 * One listener: host and port with inline validation, start/stop, its status and counters, the
 * wildcard confirm step, settings, and the bind error panel when a start fails.
 */
import { useState, type ReactNode } from 'react'
import { formatHostPort, isWildcardHost } from '../../../../shared/address'
import type { BindFailure, BindFix } from '../../../../shared/bind-failure'
import {
  DEFAULT_PORT,
  type AddListenerRequest,
  type ListenerSnapshot,
} from '../../../../shared/contract'
import { readsRequest } from '../../../../shared/responders'
import { checkHost, parsePort } from '../../../../shared/validate'
import { assertNever, type AppError, type Result } from '../../../../shared/result'
import { byteTitle, shortBytes } from '../../byte-count'
import { errorText } from '../../error-text'
import { useI18n, type Translate } from '../../i18n/context'
import { formatNumber } from '../../i18n/translate'
import { selectDescriptors, selectListeners } from '../../state/selectors'
import { useApi, useAppState } from '../../state/StoreContext'
import { BindErrorPanel, LocalhostPanel } from '../diagnostics'
import { TextField } from '../ui'
import { ListenerSettingsForm } from './ListenerSettingsForm'
import { StageSettings, type StageChange } from './StageSettings'
import { isTargetFieldError } from './TargetFields'
import { WildcardConfirm } from './WildcardConfirm'
import { WorkersView } from './WorkersView'
import '../../stages.css'

function statusText(t: Translate, listener: ListenerSnapshot): string {
  switch (listener.state) {
    case 'listening': {
      const bound = listener.bound
      const address = bound
        ? formatHostPort(bound.address, bound.port)
        : formatHostPort(listener.settings.host, listener.settings.port)
      return t('listener.status.listening', { address })
    }
    case 'starting':
      return t('listener.status.starting')
    case 'stopping':
      return t('listener.status.stopping')
    case 'stopped':
      return t('listener.status.stopped')
    default:
      return assertNever(listener.state)
  }
}

/** The card of one listener: `<section aria-label="Listener N">`. */
export function ListenerCard({ listener }: { listener: ListenerSnapshot }): ReactNode {
  const { t, lang } = useI18n()
  const api = useApi()
  const { id, settings, state } = listener
  const others = useAppState(selectListeners).filter((l) => l.id !== listener.id)
  const descriptors = useAppState(selectDescriptors)
  const [hostDraft, setHostDraft] = useState<string | null>(null)
  const [portDraft, setPortDraft] = useState<string | null>(null)
  const [seenSettings, setSeenSettings] = useState(settings)
  const [isConfirming, setConfirming] = useState(false)
  const [isBusy, setBusy] = useState(false)
  const [failure, setFailure] = useState<BindFailure | null>(null)
  const [dismissedError, setDismissedError] = useState<BindFailure | null>(null)
  const [error, setError] = useState<AppError | null>(null)

  // The engine's settings changed (our update arrived, or a fix): show them, drop the drafts.
  if (seenSettings !== settings) {
    setSeenSettings(settings)
    if (
      hostDraft !== null &&
      (hostDraft.trim() === settings.host || seenSettings.host !== settings.host)
    )
      setHostDraft(null)
    if (
      portDraft !== null &&
      (portDraft.trim() === String(settings.port) || seenSettings.port !== settings.port)
    )
      setPortDraft(null)
  }

  const hostText = hostDraft ?? settings.host
  const portText = portDraft ?? String(settings.port)
  const host = checkHost(hostText)
  const port = parsePort(portText)
  const isStopped = state === 'stopped'
  const canStart = isStopped && host.ok && port.ok && !isBusy

  const shownFailure =
    failure ??
    (isStopped && listener.lastError && listener.lastError !== dismissedError
      ? listener.lastError
      : null)

  const report = <T,>(result: Result<T>): result is { ok: true; value: T } => {
    if (result.ok) return true
    if (result.error.code === 'BIND_FAILED' && result.error.bind) setFailure(result.error.bind)
    else setError(result.error)
    return false
  }

  const clearErrors = (): void => {
    setFailure(null)
    setDismissedError(listener.lastError)
    setError(null)
  }

  /** Sends host/port edits the engine does not have yet. */
  const pushEdits = async (): Promise<boolean> => {
    const change: AddListenerRequest = {}
    if (host.ok && host.value !== settings.host) change.host = host.value
    if (port.ok && port.value !== settings.port) change.port = port.value
    if (Object.keys(change).length === 0) return true
    return report(await api.updateListener({ listenerId: id, ...change }))
  }

  const run = async (work: () => Promise<unknown>): Promise<void> => {
    setBusy(true)
    try {
      await work()
    } finally {
      setBusy(false)
    }
  }

  const start = (isConfirmed: boolean, targetHost: string): void => {
    if (!isConfirmed && isWildcardHost(targetHost)) {
      setConfirming(true)
      return
    }
    setConfirming(false)
    clearErrors()
    void run(async () => {
      if (!(await pushEdits())) return
      report(await api.startListener({ listenerId: id }))
    })
  }

  const stop = (mode: 'let-finish' | 'close-all'): void => {
    clearErrors()
    void run(async () => report(await api.stopListener({ listenerId: id, mode })))
  }

  const applyFix = (fix: BindFix): void => {
    const change: AddListenerRequest =
      fix.kind === 'use-port-0'
        ? { port: 0 }
        : fix.kind === 'use-port'
          ? { port: fix.port }
          : { host: fix.host }
    clearErrors()
    setHostDraft(null)
    setPortDraft(null)
    void run(async () => {
      if (!report(await api.updateListener({ listenerId: id, ...change }))) return
      if (change.host !== undefined && isWildcardHost(change.host)) {
        setConfirming(true)
        return
      }
      report(await api.startListener({ listenerId: id }))
    })
  }

  const remove = (): void => {
    clearErrors()
    void run(async () => report(await api.removeListener({ listenerId: id })))
  }

  const onBlur = (): void => {
    if (isStopped && !isBusy) void pushEdits()
  }

  const applyStage = async (change: StageChange): Promise<AppError | null> => {
    clearErrors()
    const result = await api.updateListener({ listenerId: id, ...change })
    if (result.ok) return null
    // The target's fields show their own refusals; the card says the rest.
    if (!isTargetFieldError(result.error)) report(result)
    return result.error
  }

  /** Port 0's meaning, or why a new listener was not given the book's 7878. */
  const portHint = (value: number): string | null => {
    if (value === 0) return t('listener.portZero')
    const holder = others.find((l) => l.settings.port === DEFAULT_PORT)
    if (value !== DEFAULT_PORT && holder && value > DEFAULT_PORT && value < DEFAULT_PORT + 100)
      return t('listener.portProposed', {
        port: DEFAULT_PORT,
        number: String(holder.number),
      })
    return null
  }

  const counters = listener.counters
  const refused = counters.refused ?? 0
  return (
    <section
      role="region"
      aria-label={t('listener.region', { number: String(listener.number) })}
      className="card"
    >
      <header className="card-header">
        <h3>{t('listener.region', { number: String(listener.number) })}</h3>
        <button
          type="button"
          className="small quiet"
          onClick={remove}
          disabled={isBusy}
          aria-label={t('listener.removeLabel', { number: String(listener.number) })}
        >
          {t('listener.remove')}
        </button>
      </header>

      <div className="fields">
        <TextField
          className="field-host"
          label={t('listener.host')}
          value={hostText}
          onChange={(v) => {
            setHostDraft(v)
            setConfirming(false)
          }}
          onBlur={onBlur}
          error={host.ok ? null : errorText(t, host.error)}
          isDisabled={!isStopped}
        />
        <TextField
          className="field-port"
          label={t('listener.port')}
          value={portText}
          inputMode="numeric"
          onChange={setPortDraft}
          onBlur={onBlur}
          error={port.ok ? null : errorText(t, port.error)}
          hint={port.ok && isStopped ? portHint(port.value) : null}
          isDisabled={!isStopped}
        />
      </div>
      {!isStopped && <p className="field-hint">{t('listener.fieldsLocked')}</p>}

      <p role="status" className={`status status-${state}`}>
        {statusText(t, listener)}
      </p>

      <div className="row">
        {state === 'stopped' || state === 'starting' ? (
          <button
            type="button"
            className="primary"
            disabled={!canStart}
            onClick={() => host.ok && start(false, host.value)}
          >
            {t('listener.start')}
          </button>
        ) : (
          <button
            type="button"
            className="primary"
            disabled={state !== 'listening' || isBusy}
            onClick={() => stop('let-finish')}
            title={t('listener.stopHint')}
          >
            {t('listener.stop')}
          </button>
        )}
        {state === 'stopping' && (
          <button type="button" className="danger" onClick={() => stop('close-all')}>
            {t('listener.closeAll')}
          </button>
        )}
      </div>
      {state === 'stopping' && counters.open > 0 && (
        <p className="field-hint">{t('listener.stoppingHint', { count: counters.open })}</p>
      )}

      {isConfirming && host.ok && (
        <WildcardConfirm
          host={host.value}
          onAccept={() => start(true, host.value)}
          onCancel={() => setConfirming(false)}
        />
      )}

      <dl className="counters" aria-label={t('listener.counters')}>
        <div>
          <dt>{t('listener.accepted')}</dt>
          <dd>{formatNumber(lang, counters.accepted)}</dd>
        </div>
        <div>
          <dt>{t('listener.open')}</dt>
          <dd>{formatNumber(lang, counters.open)}</dd>
        </div>
        <div>
          <dt>{t('listener.dropped')}</dt>
          <dd>{formatNumber(lang, counters.dropped)}</dd>
        </div>
        <div>
          <dt>{t('listener.bytesIn')}</dt>
          <dd title={byteTitle(t, counters.bytesIn)}>{shortBytes(t, lang, counters.bytesIn)}</dd>
        </div>
        <div>
          <dt>{t('workspace.listener.bytesOut')}</dt>
          <dd title={byteTitle(t, counters.bytesOut)}>{shortBytes(t, lang, counters.bytesOut)}</dd>
        </div>
        {refused > 0 && (
          <div>
            <dt>{t('workspace.listener.refused')}</dt>
            <dd>{formatNumber(lang, refused)}</dd>
          </div>
        )}
      </dl>
      {refused > 0 && (
        <p className="field-hint">
          {descriptors === null
            ? t('workspace.listener.refusedHintUnknown', { count: String(refused) })
            : t('workspace.listener.refusedHint', {
                count: String(refused),
                limit: String(descriptors.soft),
              })}
        </p>
      )}

      <StageSettings settings={settings} onApply={applyStage} />
      {readsRequest(settings.responder) && <WorkersView listener={listener} />}

      {error && (
        <p role="alert" className="inline-error">
          {errorText(t, error)}
        </p>
      )}
      {shownFailure && <BindErrorPanel failure={shownFailure} onFix={applyFix} isBusy={isBusy} />}
      <LocalhostPanel listener={listener} />

      <ListenerSettingsForm
        settings={settings}
        descriptors={descriptors}
        onApply={async (change) => {
          clearErrors()
          return report(await api.updateListener({ listenerId: id, ...change }))
        }}
      />
    </section>
  )
}
