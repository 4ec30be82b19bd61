/**
 * A listener's collapsible settings: max connections and the per-connection capture limit.
 */
import { useState, type FormEvent, type ReactNode } from 'react'
import {
  MAX_CAPTURE_PER_CONNECTION,
  MAX_MAX_CONNECTIONS,
  type DescriptorLimit,
  type ListenerSettings,
} from '../../../../shared/contract'
import { useI18n } from '../../i18n/context'
import { TextField } from '../ui'

const MAX_CAPTURE_KIB = Math.floor(MAX_CAPTURE_PER_CONNECTION / 1024)

/** '' → null (unlimited); else an integer 1…MAX_MAX_CONNECTIONS, or undefined when invalid. */
export function parseMaxConnections(text: string): number | null | undefined {
  const s = text.trim()
  if (s === '') return null
  if (!/^\d+$/.test(s)) return undefined
  const n = Number(s)
  return n >= 1 && n <= MAX_MAX_CONNECTIONS ? n : undefined
}

/** KiB as typed → bytes, or undefined when invalid. */
export function parseCaptureKib(text: string): number | undefined {
  const s = text.trim()
  if (!/^\d+$/.test(s)) return undefined
  const n = Number(s)
  return n <= MAX_CAPTURE_KIB ? n * 1024 : undefined
}

export interface ListenerSettingsFormProps {
  settings: ListenerSettings
  /** The open-file limit: what an empty max connections means here (null: unknown). */
  descriptors?: DescriptorLimit | null
  /** Sends the change; resolves to whether the engine took it. */
  onApply: (change: {
    maxConnections: number | null
    captureLimitPerConnection: number
  }) => Promise<boolean>
}

/** A <details> with the two fields and an Apply button. */
export function ListenerSettingsForm({
  settings,
  descriptors = null,
  onApply,
}: ListenerSettingsFormProps): ReactNode {
  const { t } = useI18n()
  const [maxText, setMaxText] = useState<string | null>(null)
  const [capText, setCapText] = useState<string | null>(null)
  const [isSaved, setSaved] = useState(false)
  const maxValue =
    maxText ?? (settings.maxConnections === null ? '' : String(settings.maxConnections))
  const capValue = capText ?? String(Math.floor(settings.captureLimitPerConnection / 1024))
  const max = parseMaxConnections(maxValue)
  const cap = parseCaptureKib(capValue)
  const isValid = max !== undefined && cap !== undefined

  const submit = (e: FormEvent): void => {
    e.preventDefault()
    if (max === undefined || cap === undefined) return
    void onApply({ maxConnections: max, captureLimitPerConnection: cap }).then((isOk) => {
      if (!isOk) return
      setMaxText(null)
      setCapText(null)
      setSaved(true)
    })
  }

  return (
    <details className="settings">
      <summary>{t('listener.settings')}</summary>
      <form onSubmit={submit} noValidate>
        <TextField
          label={t('listener.maxConnections')}
          value={maxValue}
          inputMode="numeric"
          onChange={(v) => {
            setMaxText(v)
            setSaved(false)
          }}
          error={
            max === undefined
              ? t('listener.maxConnectionsInvalid', { max: String(MAX_MAX_CONNECTIONS) })
              : null
          }
          hint={
            descriptors === null
              ? t('listener.maxConnectionsHint')
              : t('workspace.listener.maxConnectionsLimitHint', {
                  capacity: String(descriptors.capacity),
                  limit: String(descriptors.soft),
                })
          }
        />
        <TextField
          label={t('listener.captureLimit')}
          value={capValue}
          inputMode="numeric"
          onChange={(v) => {
            setCapText(v)
            setSaved(false)
          }}
          error={
            cap === undefined
              ? t('listener.captureLimitInvalid', { max: String(MAX_CAPTURE_KIB) })
              : null
          }
          hint={t('listener.captureLimitHint')}
        />
        <div className="row">
          <button type="submit" disabled={!isValid}>
            {t('listener.applySettings')}
          </button>
          {isSaved && <span className="muted">{t('listener.settingsSaved')}</span>}
        </div>
      </form>
    </details>
  )
}
