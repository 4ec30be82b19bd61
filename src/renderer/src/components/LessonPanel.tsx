/**
 * The lesson of the current stage (issue 4, section 5): what the listing does, its Rust code, what
 * to look for, and checkpoints that tick from real events. PLACEHOLDER: the lessons' module
 * replaces this.
 */
import type { ReactNode } from 'react'
import { useI18n } from '../i18n/context'

export function LessonPanel(): ReactNode {
  const { t } = useI18n()
  return (
    <section role="region" aria-label={t('lessons.region')} className="panel lesson">
      <header className="panel-header">
        <h2>{t('lessons.region')}</h2>
      </header>
    </section>
  )
}
