/**
 * The bytes the selected connection sent, as Text (control characters and invalid UTF-8 made
 * visible) or Hex. Bytes are fetched incrementally as the capture grows.
 */
import {
  useEffect,
  useId,
  useMemo,
  useRef,
  useState,
  useSyncExternalStore,
  type KeyboardEvent,
  type ReactNode,
} from 'react'
import { formatHostPort } from '../../../shared/address'
import type { ConnectionSnapshot } from '../../../shared/contract'
import { useI18n } from '../i18n/context'
import { createCaptureReader, type CaptureView } from '../state/capture-reader'
import { useApi } from '../state/StoreContext'
import { HexLines } from './HexLines'
import { TextLines } from './TextLines'

type Tab = 'text' | 'hex'
const TABS: readonly Tab[] = ['text', 'hex']

const NO_BYTES: CaptureView = { bytes: new Uint8Array(0), length: 0, lineStarts: [0], error: null }
const noop = (): (() => void) => () => {}

/** `<section aria-label="Stream">` for the selected connection (or a hint when none is). */
export function StreamView({
  connection,
}: {
  connection: ConnectionSnapshot | undefined
}): ReactNode {
  const { t } = useI18n()
  const api = useApi()
  const [tab, setTab] = useState<Tab>('text')
  const baseId = useId()
  const tabRefs = useRef<Record<Tab, HTMLButtonElement | null>>({ text: null, hex: null })
  const connectionId = connection?.id ?? null
  const captured = connection?.captured ?? 0

  const reader = useMemo(
    () => (connectionId ? createCaptureReader(api, connectionId) : null),
    [api, connectionId],
  )
  useEffect(() => () => reader?.dispose(), [reader])
  useEffect(() => reader?.want(captured), [reader, captured])
  const view = useSyncExternalStore(
    reader ? reader.subscribe : noop,
    reader ? reader.getSnapshot : () => NO_BYTES,
  )

  const onTabKey = (e: KeyboardEvent<HTMLDivElement>): void => {
    const i = TABS.indexOf(tab)
    const next =
      e.key === 'ArrowRight'
        ? TABS[(i + 1) % TABS.length]
        : e.key === 'ArrowLeft'
          ? TABS[(i + TABS.length - 1) % TABS.length]
          : undefined
    if (!next) return
    e.preventDefault()
    setTab(next)
    tabRefs.current[next]?.focus()
  }

  let body: ReactNode
  if (!connection) body = <p className="empty">{t('stream.none')}</p>
  else if (view.error)
    body = (
      <p role="alert" className="inline-error">
        {t('stream.readFailed')}
      </p>
    )
  else if (connection.captured === 0) body = <p className="empty">{t('stream.empty')}</p>
  else if (view.length === 0) body = <p className="empty">{t('stream.loading')}</p>
  else if (tab === 'text')
    body = <TextLines bytes={view.bytes} length={view.length} lineStarts={view.lineStarts} />
  else body = <HexLines bytes={view.bytes} length={view.length} />

  const notCaptured = connection ? connection.bytesIn - connection.captured : 0
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
            <span className="direction">{t('stream.direction')}</span>
          </span>
        )}
        <div role="tablist" aria-label={t('stream.views')} className="tabs" onKeyDown={onTabKey}>
          {TABS.map((name) => (
            <button
              key={name}
              ref={(el) => {
                tabRefs.current[name] = el
              }}
              type="button"
              role="tab"
              id={`${baseId}-tab-${name}`}
              aria-selected={tab === name}
              aria-controls={`${baseId}-panel`}
              tabIndex={tab === name ? 0 : -1}
              onClick={() => setTab(name)}
            >
              {t(name === 'text' ? 'stream.text' : 'stream.hex')}
            </button>
          ))}
        </div>
      </header>
      {connection && (
        <p className="stream-counts">
          <span>{t('stream.received', { count: connection.bytesIn })}</span>
          <span>{t('stream.kept', { count: connection.captured })}</span>
          {tab === 'text' && (
            <span className="legend">
              <span className="token control">\n</span> {t('stream.legendControl')}{' '}
              <span className="token invalid">\xff</span> {t('stream.legendInvalid')}
            </span>
          )}
        </p>
      )}
      {connection && connection.truncated && notCaptured > 0 && (
        <p className="notice">{t('stream.truncated', { count: notCaptured })}</p>
      )}
      <div
        role="tabpanel"
        id={`${baseId}-panel`}
        aria-labelledby={`${baseId}-tab-${tab}`}
        className="tabpanel"
      >
        {body}
      </div>
    </section>
  )
}
