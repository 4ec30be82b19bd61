/**
 * One request's response as it arrived, shown when its row is expanded: the kept bytes as Text
 * (UTF-8, control bytes and invalid bytes visible, as the stream view shows them) and Hex, and the
 * response linter's findings, each naming the bytes it is about and marking them in both views.
 *
 * The bytes are decoded only while the row is open; nothing here runs while a plan receives.
 */
import { memo, useEffect, useId, useMemo, useRef, useState, type ReactNode } from 'react'
import type { ClientResponse } from '../../../../shared/client-types'
import { base64ToBytes } from '../../bytes-format'
import '../../client-results.css'
import { useI18n } from '../../i18n/context'
import { ResponseFindings, TabList } from '../ui'
import { markedBytes } from './response-marks'
import { ResponseHex, useHexLineBytes } from './ResponseHex'
import { ResponseText } from './ResponseText'

type View = 'text' | 'hex'

const VIEWS: readonly View[] = ['text', 'hex']

export interface ClientResponseViewProps {
  /** The request's number as its row shows it (#1, #2, …). */
  n: number
  response: ClientResponse
  /** Every byte received (bytesReceived); more than were kept when the response was cut. */
  received: number
}

/** The expanded response of a row: its size, Text and Hex tabs, and the linter's findings. */
export const ClientResponseView = memo(function ClientResponseView({
  n,
  response,
  received,
}: ClientResponseViewProps): ReactNode {
  const { t } = useI18n()
  const baseId = useId()
  const [view, setView] = useState<View>('text')
  const [active, setActive] = useState<number | null>(null)
  const panelRef = useRef<HTMLDivElement>(null)
  const hexLineBytes = useHexLineBytes(panelRef)
  const bytes = useMemo(() => base64ToBytes(response.base64), [response.base64])
  const marks = useMemo(
    () => markedBytes(response.findings, bytes.length),
    [response.findings, bytes.length],
  )

  // The finding picked: scroll the panel's own box (vertically only, so the Hex offsets stay in
  // view) to bring its bytes into view; scrollIntoView would also move the page.
  useEffect(() => {
    const panel = panelRef.current
    const mark = active === null ? null : panel?.querySelector(`[data-finding="${active}"]`)
    if (!panel || !mark) return
    const box = panel.getBoundingClientRect()
    const at = mark.getBoundingClientRect()
    if (at.top < box.top || at.bottom > box.bottom)
      panel.scrollTop += at.top - box.top - box.height / 3
  }, [active, view])

  return (
    <section className="client-response" aria-label={t('client.response.region', { n })}>
      <p className="field-hint">
        {response.truncated
          ? t('client.response.truncated', { kept: bytes.length, total: received })
          : t('client.response.size', { count: received })}
      </p>
      <TabList<View>
        label={t('client.response.views')}
        tabs={VIEWS}
        selected={view}
        onSelect={setView}
        baseId={baseId}
        labelOf={(name) => t(`client.response.${name}`)}
        className="tabs client-response-tabs"
      />
      <div
        ref={panelRef}
        role="tabpanel"
        id={`${baseId}-panel`}
        aria-labelledby={`${baseId}-tab-${view}`}
        className="client-response-panel"
        tabIndex={0}
      >
        {view === 'text' ? (
          <ResponseText bytes={bytes} marks={marks} active={active} />
        ) : (
          <ResponseHex bytes={bytes} perLine={hexLineBytes} marks={marks} active={active} />
        )}
      </div>
      {view === 'text' && <p className="field-hint">{t('client.response.textHint')}</p>}
      <ResponseFindings
        judgement={response}
        label={t('client.lint.list', { n })}
        active={active}
        onShow={setActive}
      />
    </section>
  )
})
