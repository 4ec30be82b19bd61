/**
 * Browser mode lost its WebSocket: say so and offer to reconnect.
 */
import type { ReactNode } from 'react'
import { useI18n } from '../i18n/context'

/** The "disconnected from the Socket Lab server" banner with a Reconnect button. */
export function DisconnectedBanner({ onReconnect }: { onReconnect: () => void }): ReactNode {
  const { t } = useI18n()
  return (
    <div role="alert" className="banner">
      <strong>{t('app.disconnected')}</strong> <span>{t('app.disconnectedHint')}</span>
      <button type="button" onClick={onReconnect}>
        {t('app.reconnect')}
      </button>
    </div>
  )
}
