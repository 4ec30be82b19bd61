/**
 * Browser mode lost its WebSocket, or was never let in: say which, and offer to reconnect.
 */
import type { ReactNode } from 'react'
import { useI18n } from '../i18n/context'
import type { LinkStatus } from '../state/app-state'

export interface DisconnectedBannerProps {
  link: LinkStatus
  onReconnect: () => void
}

/**
 * The banner for a closed link ("disconnected from the Socket Lab server") or a refused one (no
 * token, or one the server does not take: open the address printed in the terminal); nothing
 * while the link is open or opening.
 */
export function DisconnectedBanner({ link, onReconnect }: DisconnectedBannerProps): ReactNode {
  const { t } = useI18n()
  if (link !== 'closed' && link !== 'refused') return null
  const isRefused = link === 'refused'
  return (
    <div role="alert" className="banner">
      <strong>{t(isRefused ? 'app.tokenRefused' : 'app.disconnected')}</strong>{' '}
      <span>{t(isRefused ? 'app.tokenRefusedHint' : 'app.disconnectedHint')}</span>
      <button type="button" onClick={onReconnect}>
        {t('app.reconnect')}
      </button>
    </div>
  )
}
