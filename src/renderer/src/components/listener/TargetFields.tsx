/**
 * "Forward to my server"'s target: the host and port of the learner's own server and how long it
 * may take, each sent when it is left valid and new, as the stage's other fields are. A host that
 * is not this computer is sent only once the user confirms it, and then with
 * `confirmedRemoteTarget` (the engine refuses it without). The engine's refusals show at their
 * field, in the user's language.
 */
import { useId, useState, type ReactNode } from 'react'
import { isLoopbackHost } from '../../../../shared/address'
import {
  MAX_TARGET_TIMEOUT_SECONDS,
  type AddListenerRequest,
  type ListenerSettings,
} from '../../../../shared/contract'
import type { AppError } from '../../../../shared/result'
import { checkHost, parsePort } from '../../../../shared/validate'
import { errorText } from '../../error-text'
import { useI18n } from '../../i18n/context'
import { NumberField, TextField } from '../ui'
import { parseWhole } from './parse-whole'

/** The settings these fields change, and the confirmation a remote host needs. */
export type TargetSettingsChange = Pick<
  AddListenerRequest,
  'targetHost' | 'targetPort' | 'targetTimeoutSeconds' | 'confirmedRemoteTarget'
>

type TargetField = 'targetHost' | 'targetPort' | 'targetTimeoutSeconds'

const TARGET_FIELDS: readonly string[] = ['targetHost', 'targetPort', 'targetTimeoutSeconds']

/** Whether the target's fields show `error` themselves (the card need not say it again). */
export function isTargetFieldError(error: AppError): boolean {
  return (
    error.code === 'INVALID_INPUT' &&
    error.field !== undefined &&
    error.reason !== undefined &&
    TARGET_FIELDS.includes(error.field)
  )
}

/** Text drafts of the fields (null shows the engine's value), and the engine's refusals. */
type Drafts = Record<TargetField, string | null>
type Refusals = Partial<Record<TargetField, AppError>>

const NO_DRAFTS: Drafts = { targetHost: null, targetPort: null, targetTimeoutSeconds: null }

export interface TargetFieldsProps {
  settings: ListenerSettings
  /** Sends the change; resolves to the engine's refusal, or null when it took it. */
  onApply: (change: TargetSettingsChange) => Promise<AppError | null>
  isDisabled?: boolean
}

/** Target host, Target port, Timeout (seconds), and the confirm step for another machine. */
export function TargetFields({
  settings,
  onApply,
  isDisabled = false,
}: TargetFieldsProps): ReactNode {
  const { t } = useI18n()
  const id = useId()
  const [drafts, setDrafts] = useState<Drafts>(NO_DRAFTS)
  const [refused, setRefused] = useState<Refusals>({})
  /** The remote host the user confirmed forwarding to, as typed (trimmed). */
  const [confirmedHost, setConfirmedHost] = useState<string | null>(null)
  const [seen, setSeen] = useState(settings)
  if (seen !== settings) {
    setSeen(settings)
    const nextDrafts = { ...drafts }
    const nextRefused = { ...refused }
    for (const key of ['targetHost', 'targetPort', 'targetTimeoutSeconds'] as const) {
      if (seen[key] === settings[key]) continue
      nextDrafts[key] = null
      delete nextRefused[key]
    }
    setDrafts(nextDrafts)
    setRefused(nextRefused)
  }

  const hostText = drafts.targetHost ?? settings.targetHost
  const portText = drafts.targetPort ?? String(settings.targetPort)
  const timeoutText = drafts.targetTimeoutSeconds ?? String(settings.targetTimeoutSeconds)
  const host = checkHost(hostText)
  const port = parsePort(portText)
  const timeout = parseWhole(timeoutText, 1, MAX_TARGET_TIMEOUT_SECONDS)
  const remote = host.ok && !isLoopbackHost(host.value) ? host.value : null
  // A remote host the engine already has was confirmed when it was sent: only a new one asks.
  const remoteHost = remote !== null && remote !== settings.targetHost ? remote : null

  const refusal = (key: TargetField): string | null => {
    const error = refused[key]
    return error ? errorText(t, error) : null
  }

  const edit = (key: TargetField, text: string): void => {
    setDrafts((d) => ({ ...d, [key]: text }))
    setRefused((r) => {
      const next = { ...r }
      delete next[key]
      return next
    })
    if (key === 'targetHost') setConfirmedHost(null)
  }

  const apply = (change: TargetSettingsChange): void => {
    void onApply(change).then((error) => {
      const field = error?.field
      if (error && isTargetFieldError(error) && field !== undefined)
        setRefused((r) => ({ ...r, [field]: error }))
    })
  }

  const sendHost = (isConfirmed: boolean): void => {
    if (!host.ok || host.value === settings.targetHost) return
    if (remoteHost === null) apply({ targetHost: host.value })
    else if (isConfirmed) apply({ targetHost: remoteHost, confirmedRemoteTarget: true })
  }

  const confirm = (isChecked: boolean): void => {
    setConfirmedHost(isChecked ? remoteHost : null)
    if (isChecked) sendHost(true)
  }

  const sendPort = (): void => {
    if (port.ok && port.value !== 0 && port.value !== settings.targetPort)
      apply({ targetPort: port.value })
  }

  const sendTimeout = (): void => {
    if (timeout !== undefined && timeout !== null && timeout !== settings.targetTimeoutSeconds)
      apply({ targetTimeoutSeconds: timeout })
  }

  const portError = !port.ok
    ? t('stages.target.port.invalid')
    : port.value === 0
      ? t('input.port-zero')
      : refusal('targetPort')
  const warningId = `${id}-remote`
  return (
    <div className="stage-target">
      <TextField
        label={t('stages.target.host')}
        value={hostText}
        onChange={(v) => edit('targetHost', v)}
        onBlur={() => sendHost(remoteHost !== null && confirmedHost === remoteHost)}
        error={host.ok ? refusal('targetHost') : errorText(t, host.error)}
        hint={
          remote !== null && remoteHost === null
            ? t('stages.target.host.remote', { host: remote })
            : t('stages.target.host.hint')
        }
        isDisabled={isDisabled}
      />
      <TextField
        label={t('stages.target.port')}
        value={portText}
        inputMode="numeric"
        onChange={(v) => edit('targetPort', v)}
        onBlur={sendPort}
        error={portError}
        hint={t('stages.target.port.hint')}
        isDisabled={isDisabled}
      />
      <NumberField
        label={t('stages.target.timeout')}
        value={timeoutText}
        min={1}
        max={MAX_TARGET_TIMEOUT_SECONDS}
        isDisabled={isDisabled}
        onChange={(v) => edit('targetTimeoutSeconds', v)}
        onCommit={sendTimeout}
        error={
          timeout === undefined
            ? t('stages.target.timeout.invalid', { max: String(MAX_TARGET_TIMEOUT_SECONDS) })
            : refusal('targetTimeoutSeconds')
        }
        hint={t('stages.target.timeout.hint')}
      />
      {remoteHost !== null && (
        <div className="target-remote" role="group" aria-labelledby={warningId}>
          <p id={warningId}>{t('stages.target.remote.warning', { host: remoteHost })}</p>
          <label>
            <input
              type="checkbox"
              checked={confirmedHost === remoteHost}
              disabled={isDisabled}
              onChange={(e) => confirm(e.target.checked)}
            />
            {t('stages.target.remote.confirm', { host: remoteHost })}
          </label>
        </div>
      )}
    </div>
  )
}
