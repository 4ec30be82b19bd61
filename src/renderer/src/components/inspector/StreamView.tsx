/**
 * The region "Stream": the selected connection's conversation, both directions, as Text, Hex,
 * Chunks or HTTP, with search, copy, a composer and Close/Reset (see ConnectionInspector).
 *
 * The tab, the direction filter and the decoding live here so they survive a change of
 * connection; everything tied to one connection lives in the inspector, keyed by its id.
 */
import { useId, useState, type ReactNode } from 'react'
import { formatHostPort } from '../../../../shared/address'
import { MAX_KEPT_CLOSED_CONNECTIONS, type ConnectionSnapshot } from '../../../../shared/contract'
import { useI18n } from '../../i18n/context'
import { formatNumber } from '../../i18n/translate'
import { selectForgottenSelection } from '../../state/selectors'
import { useAppState } from '../../state/StoreContext'
import type { MessageKey } from '../../i18n/en'
import '../../inspector.css'
import { TabList } from '../ui'
import { ConnectionInspector } from './ConnectionInspector'
import type { StreamOptions, StreamTab } from './stream-options'

const TABS: readonly StreamTab[] = ['text', 'hex', 'chunks', 'http']
const TAB_LABEL: Record<StreamTab, MessageKey> = {
  text: 'stream.text',
  hex: 'stream.hex',
  chunks: 'inspector.tab.chunks',
  http: 'inspector.tab.http',
}

/** Which directions are shown and how Text decodes them. */
type ShownBytes = Pick<StreamOptions, 'filter' | 'decoding'>

/** `<section aria-label="Stream">` for the selected connection (or a hint when none is). */
export function StreamView({
  connection,
}: {
  connection: ConnectionSnapshot | undefined
}): ReactNode {
  const { t, lang } = useI18n()
  const forgotten = useAppState(selectForgottenSelection)
  const [tab, setTab] = useState<StreamTab>('text')
  const [shown, setShown] = useState<ShownBytes>({ filter: 'both', decoding: 'utf-8' })
  const baseId = useId()

  return (
    <section role="region" aria-label={t('stream.title')} className="panel stream">
      <header className="panel-header">
        <h2>{t('stream.title')}</h2>
        {connection && (
          <span className="stream-heading">
            {t('stream.heading', {
              number: String(connection.number),
              remote: formatHostPort(connection.remote.address, connection.remote.port),
            })}
          </span>
        )}
        <TabList<StreamTab>
          label={t('stream.views')}
          tabs={TABS}
          selected={tab}
          onSelect={setTab}
          baseId={baseId}
          labelOf={(name) => t(TAB_LABEL[name])}
        />
      </header>
      {connection ? (
        <ConnectionInspector
          key={connection.id}
          connection={connection}
          options={{ tab, ...shown, baseId }}
          onOptions={({ tab: nextTab, ...change }) => {
            if (nextTab !== undefined) setTab(nextTab)
            setShown((s) => ({ ...s, ...change }))
          }}
        />
      ) : (
        <div
          role="tabpanel"
          id={`${baseId}-panel`}
          aria-labelledby={`${baseId}-tab-${tab}`}
          className="tabpanel"
        >
          <p className="empty">
            {forgotten === null
              ? t('stream.none')
              : t('workspace.stream.forgotten', {
                  number: String(forgotten.number),
                  kept: formatNumber(lang, MAX_KEPT_CLOSED_CONNECTIONS),
                })}
          </p>
        </div>
      )}
    </section>
  )
}
