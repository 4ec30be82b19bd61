/**
 * Everything the Stream region shows for one connection: counters, view options, search, the
 * selection and its copy, the tab panel, the composer and Close/Reset.
 *
 * It holds what is tied to the connection: its capture (useCapture), the rows Text and Hex lay out
 * from it (useConversationRows) and the selection they share (useByteSelection).
 */
import { useMemo, type ReactNode } from 'react'
import type { ConnectionSnapshot, Direction } from '../../../../shared/contract'
import type { Decoding } from '../../bytes-format'
import type { ByteRange, DirectionFilter } from '../../conversation-layout'
import { useHttpAnalysis } from '../../hooks/use-http-analysis'
import { useI18n } from '../../i18n/context'
import { useApi, useIsReadOnly } from '../../state/StoreContext'
import { Composer } from '../composer'
import { ChunksTable } from './ChunksTable'
import { CopyMenu } from './CopyMenu'
import { headEndMarks } from './head-end-marks'
import { HexLines } from './HexLines'
import { HttpPanel } from './HttpPanel'
import { StreamActions } from './StreamActions'
import { StreamSearch } from './StreamSearch'
import { StreamStats } from './StreamStats'
import { ForwardLegs } from './ForwardLegs'
import type { StreamOptions } from './stream-options'
import { TextLines } from './TextLines'
import { useByteSelection } from './use-byte-selection'
import { useCapture } from './use-capture'
import { useConversationRows } from './use-conversation-rows'

export interface ConnectionInspectorProps {
  /** The connection shown; render the inspector keyed by its id. */
  connection: ConnectionSnapshot
  /** The region's tab and view options, which StreamView keeps across connections. */
  options: StreamOptions
  /** The user picked another direction filter or decoding, or bytes to show needed a tab. */
  onOptions(change: Partial<Pick<StreamOptions, 'tab' | 'filter' | 'decoding'>>): void
}

/** The inspector of `connection`; render it keyed by the connection's id. */
export function ConnectionInspector({
  connection,
  options,
  onOptions,
}: ConnectionInspectorProps): ReactNode {
  const { t } = useI18n()
  const isReadOnly = useIsReadOnly()
  const api = useApi()
  const { tab, filter, decoding, baseId } = options
  const { captured, capturedOut, acceptedMono } = connection
  const capture = useCapture(connection)
  const { view, isPaged } = capture
  const rows = useConversationRows(capture, tab === 'hex' ? 'hex' : decoding, filter)
  const { onFound, ...selection } = useByteSelection()
  const analyses = useHttpAnalysis(api, connection.id, captured, capturedOut)
  const marks = useMemo(() => headEndMarks(analyses, view), [analyses, view])

  let body: ReactNode
  const lines = { rows, source: capture.source, selection, acceptedMono }
  if (capture.hasReadError && (tab === 'text' || tab === 'hex'))
    body = (
      <p role="alert" className="inline-error">
        {t('stream.readFailed')}
      </p>
    )
  else if (tab === 'chunks')
    body = <ChunksTable view={view} filter={filter} acceptedMono={acceptedMono} />
  else if (tab === 'http') body = <HttpPanel analyses={analyses} filter={filter} />
  else if (rows.count === 0) {
    const key =
      captured + capturedOut === 0
        ? 'stream.empty'
        : filter !== 'both' && (filter === 'in' ? captured : capturedOut) === 0
          ? 'inspector.nothingShown'
          : 'stream.loading'
    body = <p className="empty">{t(key)}</p>
  } else if (tab === 'text') body = <TextLines {...lines} decoding={decoding} />
  else body = <HexLines {...lines} marks={marks} />

  const notCaptured = connection.bytesIn - captured + (connection.bytesOut - capturedOut)
  const directions: Direction[] = filter === 'both' ? ['in', 'out'] : [filter]
  const target = connection.target
  // A linter finding's bytes: selected in Text or Hex (Text unless one of them is open), with
  // their direction shown.
  const showBytes = (range: ByteRange): void => {
    onFound(range)
    const isShown = filter === 'both' || filter === range.direction
    onOptions({
      ...(tab === 'text' || tab === 'hex' ? {} : { tab: 'text' }),
      ...(isShown ? {} : { filter: 'both' }),
    })
  }
  return (
    <>
      <StreamStats connection={connection} />
      {target !== undefined && (
        // Forwarded: two legs, each under its own heading, folded into one line until opened.
        <ForwardLegs
          connection={connection}
          target={target}
          selection={selection.range}
          onShowBytes={showBytes}
        />
      )}
      {connection.truncated && notCaptured > 0 && (
        <p className="notice">{t('stream.truncated', { count: notCaptured })}</p>
      )}
      {isPaged && tab === 'text' && <p className="notice">{t('stream.pagedText')}</p>}
      <div className="stream-toolbar">
        <label>
          {t('inspector.show')}{' '}
          <select
            value={filter}
            onChange={(e) => onOptions({ filter: e.target.value as DirectionFilter })}
          >
            <option value="both">{t('inspector.show.both')}</option>
            <option value="in">{t('inspector.show.in')}</option>
            <option value="out">{t('inspector.show.out')}</option>
          </select>
        </label>
        {tab === 'text' && (
          <label>
            {t('inspector.decoding')}{' '}
            <select
              value={decoding}
              onChange={(e) => onOptions({ decoding: e.target.value as Decoding })}
            >
              <option value="utf-8">{t('inspector.decoding.utf-8')}</option>
              <option value="latin1">{t('inspector.decoding.latin1')}</option>
            </select>
          </label>
        )}
        <StreamSearch
          connectionId={connection.id}
          selection={selection.range}
          filter={filter}
          totals={capture.totals}
          onFound={onFound}
        />
      </div>
      <CopyMenu
        connection={connection}
        view={view}
        selection={selection.range}
        decoding={decoding}
        directions={directions}
        onClear={selection.onClear}
      />
      <div
        role="tabpanel"
        id={`${baseId}-panel`}
        aria-labelledby={`${baseId}-tab-${tab}`}
        className="tabpanel"
      >
        {body}
      </div>
      {isReadOnly ? (
        <p className="stream-bottom muted">{t('session.readOnly')}</p>
      ) : (
        <div className="stream-bottom">
          <Composer connection={connection} />
          <StreamActions connection={connection} />
        </div>
      )}
    </>
  )
}
