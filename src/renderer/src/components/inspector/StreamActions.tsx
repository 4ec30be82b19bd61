/**
 * Close (FIN) and Reset (RST) for the selected connection, each with what the client will see.
 */
import { useId, useState, type ReactNode } from 'react'
import type { CloseHow, ConnectionSnapshot } from '../../../../shared/contract'
import { useI18n } from '../../i18n/context'
import { useApi } from '../../state/StoreContext'

/** The two buttons and their explanations. */
export function StreamActions({ connection }: { connection: ConnectionSnapshot }): ReactNode {
  const { t } = useI18n()
  const api = useApi()
  const id = useId()
  const [error, setError] = useState<string | null>(null)
  const isClosed = connection.state === 'closed'
  const close = async (how: CloseHow): Promise<void> => {
    setError(null)
    const result = await api.closeConnection({ connectionId: connection.id, how })
    if (!result.ok) setError(result.error.message)
  }
  return (
    <div className="stream-actions">
      <button
        type="button"
        disabled={isClosed || connection.state === 'we-ended'}
        aria-describedby={`${id}-close`}
        onClick={() => void close('fin')}
      >
        {t('inspector.close')}
      </button>
      <button
        type="button"
        className="danger"
        disabled={isClosed}
        aria-describedby={`${id}-reset`}
        onClick={() => void close('reset')}
      >
        {t('inspector.reset')}
      </button>
      <p className="action-hints">
        <span id={`${id}-close`}>{t('inspector.close.hint')}</span>{' '}
        <span id={`${id}-reset`}>{t('inspector.reset.hint')}</span>
      </p>
      {error !== null && (
        <p role="alert" className="inline-error">
          {t('inspector.action.failed', { message: error })}
        </p>
      )}
    </div>
  )
}
