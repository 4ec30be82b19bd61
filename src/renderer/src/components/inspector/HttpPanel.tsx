/**
 * The HTTP tab: what the engine's HTTP/1.x analysis makes of each direction — every message's
 * start line, headers, body size, where its head ends, its problems in plain words, and for
 * requests what the book's Listing 20-2 would print.
 */
import type { ReactNode } from 'react'
import type { Direction } from '../../../../shared/contract'
import type { HttpAnalysis } from '../../../../shared/http-types'
import type { DirectionFilter } from '../../conversation-layout'
import { useI18n } from '../../i18n/context'
import type { HttpAnalyses } from '../../hooks/use-http-analysis'
import { HttpMessageCard } from './HttpMessageCard'

function DirectionAnalysis({
  direction,
  analysis,
}: {
  direction: Direction
  analysis: HttpAnalysis | null
}): ReactNode {
  const { t } = useI18n()
  const title = t(direction === 'in' ? 'inspector.http.in' : 'inspector.http.out')
  let body: ReactNode
  if (!analysis) body = <p className="empty">{t('inspector.http.loading')}</p>
  else if (analysis.analyzedBytes === 0) body = <p className="empty">{t('inspector.http.empty')}</p>
  else if (!analysis.isHttp) body = <p className="notice">{t('inspector.http.notHttp')}</p>
  else
    body = analysis.messages.map((m, i) => (
      <HttpMessageCard key={m.start} message={m} number={i + 1} />
    ))
  return (
    <section className={`http-direction dir-${direction}`} aria-label={title}>
      <h3>
        <span className="dir-badge">
          {t(direction === 'in' ? 'inspector.dir.in' : 'inspector.dir.out')}
        </span>{' '}
        {title}
      </h3>
      {analysis?.truncated && (
        <p className="notice">{t('inspector.http.truncated', { count: analysis.analyzedBytes })}</p>
      )}
      {body}
    </section>
  )
}

/** Both directions' analyses (or the one `filter` shows), in a scrolling region. */
export function HttpPanel({
  analyses,
  filter,
}: {
  analyses: HttpAnalyses
  filter: DirectionFilter
}): ReactNode {
  const { t } = useI18n()
  // It scrolls: a tab stop of its own lets a keyboard scroll it (its cards hold nothing to focus).
  return (
    <div className="http-panel" role="region" aria-label={t('workspace.http.region')} tabIndex={0}>
      {analyses.error !== null && (
        <p role="alert" className="inline-error">
          {t('inspector.http.failed', { message: analyses.error })}
        </p>
      )}
      {filter !== 'out' && <DirectionAnalysis direction="in" analysis={analyses.in} />}
      {filter !== 'in' && <DirectionAnalysis direction="out" analysis={analyses.out} />}
    </div>
  )
}
