/**
 * The test client (issue 4, section 3): a plan, a target, Run plan, and a timeline per request.
 * PLACEHOLDER: the client's module replaces this.
 */
import type { ReactNode } from 'react'
import { useI18n } from '../i18n/context'

export function ClientPanel(): ReactNode {
  const { t } = useI18n()
  return (
    <section role="region" aria-label={t('client.region')} className="panel client">
      <header className="panel-header">
        <h2>{t('client.region')}</h2>
      </header>
    </section>
  )
}
