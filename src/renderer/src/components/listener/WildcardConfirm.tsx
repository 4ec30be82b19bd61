/**
 * The confirm step before listening on 0.0.0.0 or ::, which other machines can reach.
 */
import { useEffect, useId, useRef, type ReactNode } from 'react'
import { useI18n } from '../../i18n/context'

export interface WildcardConfirmProps {
  host: string
  onAccept: () => void
  onCancel: () => void
}

/** A warning with "Listen on {host}" and "Cancel"; focus moves to it when it appears. */
export function WildcardConfirm({ host, onAccept, onCancel }: WildcardConfirmProps): ReactNode {
  const { t } = useI18n()
  const acceptRef = useRef<HTMLButtonElement>(null)
  useEffect(() => acceptRef.current?.focus(), [])
  const titleId = useId()
  return (
    <div className="confirm" role="group" aria-labelledby={titleId}>
      <p id={titleId} className="confirm-title">
        <span aria-hidden="true">⚠ </span>
        {t('listener.wildcard.title')}
      </p>
      <p>{t('listener.wildcard.text', { host })}</p>
      <div className="row">
        <button ref={acceptRef} type="button" className="warn" onClick={onAccept}>
          {t('listener.wildcard.accept', { host })}
        </button>
        <button type="button" onClick={onCancel}>
          {t('listener.wildcard.cancel')}
        </button>
      </div>
    </div>
  )
}
