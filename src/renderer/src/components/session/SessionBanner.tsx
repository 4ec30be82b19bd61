/**
 * The banner over a saved session: which file, when it was saved, and the way back to live.
 */
import type { ReactNode } from 'react'
import { useI18n } from '../../i18n/context'

export interface SessionBannerProps {
  file: string
  savedAt: number
  onBack: () => void
}

/** Says that what is shown is a saved, read-only session. */
export function SessionBanner({ file, savedAt, onBack }: SessionBannerProps): ReactNode {
  const { t, lang } = useI18n()
  const when = new Date(savedAt).toLocaleString(lang)
  return (
    <div className="banner session-banner" role="note">
      <strong>{t('session.viewing', { file, when })}</strong>{' '}
      <span>{t('session.viewingHint')}</span>{' '}
      <button type="button" onClick={onBack}>
        {t('session.backToLive')}
      </button>
    </div>
  )
}
