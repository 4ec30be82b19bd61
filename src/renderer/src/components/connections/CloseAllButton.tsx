/**
 * "Close all": ends our side of every open connection (of one listener, or all) with FIN, and says
 * what the clients will see.
 */
import { useId, useState, type ReactNode } from 'react'
import type { AppError } from '../../../../shared/result'
import { errorText } from '../../error-text'
import { useI18n } from '../../i18n/context'
import { useApi } from '../../state/StoreContext'

export interface CloseAllButtonProps {
  /** Only this listener's connections; every listener's when null. */
  listenerId: string | null
  /** Its number, for the explanation ("Listener 2"). */
  listenerNumber: number | null
  /** Some connection a FIN would still end; the button is disabled without one. */
  hasClosable: boolean
}

/** The button, a one-line explanation, and the outcome of the last click. */
export function CloseAllButton({
  listenerId,
  listenerNumber,
  hasClosable,
}: CloseAllButtonProps): ReactNode {
  const { t } = useI18n()
  const api = useApi()
  const explanationId = useId()
  const [isBusy, setBusy] = useState(false)
  const [outcome, setOutcome] = useState<{ closed: number } | { error: AppError } | null>(null)

  const closeAll = async (): Promise<void> => {
    setBusy(true)
    setOutcome(null)
    try {
      const request =
        listenerId === null ? { how: 'fin' as const } : { listenerId, how: 'fin' as const }
      const result = await api.closeAllConnections(request)
      setOutcome(result.ok ? result.value : { error: result.error })
    } finally {
      setBusy(false)
    }
  }

  const explanation =
    listenerNumber === null
      ? t('workspace.closeAll.explainAll')
      : t('workspace.closeAll.explainListener', { number: String(listenerNumber) })
  return (
    <div className="close-all">
      <button
        type="button"
        className="small"
        disabled={isBusy || !hasClosable}
        onClick={() => void closeAll()}
        aria-describedby={explanationId}
      >
        {t('workspace.closeAll')}
      </button>
      <span id={explanationId} className="muted close-all-explanation">
        {explanation}
      </span>
      {outcome && 'closed' in outcome && (
        <span role="status" className="muted">
          {t('workspace.closeAll.done', { count: outcome.closed })}
        </span>
      )}
      {outcome && 'error' in outcome && (
        <span role="alert" className="inline-error">
          {errorText(t, outcome.error)}
        </span>
      )}
    </div>
  )
}
