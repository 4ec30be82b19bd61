/**
 * The selection line: what is selected, "Copy as…" (text, hex, Base64, C or Rust array) and
 * "Save bytes" of the shown direction(s) as .bin files.
 */
import { useEffect, useMemo, useState, type ReactNode } from 'react'
import {
  latin1Decode,
  toBase64,
  toCArray,
  toHexString,
  toRustArray,
} from '../../../../shared/byte-formats'
import type { ConnectionSnapshot, Direction } from '../../../../shared/contract'
import { buildSessionPcap } from '../../session/pcap'
import { toPcapConversations } from '../../session/pcap-conversation'
import { assertNever } from '../../../../shared/result'
import type { Decoding } from '../../bytes-format'
import type { ByteRange } from '../../conversation-layout'
import { copyText, saveFile } from '../../shell-io'
import { useI18n } from '../../i18n/context'
import { collectConnection, readRange } from '../../session/collect'
import type { CaptureView } from '../../state/capture-reader'
import { selectListener } from '../../state/selectors'
import { useApi, useAppState } from '../../state/StoreContext'

/** How long the selection must rest before a screen reader is told (key repeat moves it fast). */
const ANNOUNCE_DELAY_MS = 400

/** `value` once it has not changed for `delayMs` (its first value at once). */
function useSettled(value: string, delayMs: number): string {
  const [settled, setSettled] = useState(value)
  useEffect(() => {
    const timer = setTimeout(() => setSettled(value), delayMs)
    return () => clearTimeout(timer)
  }, [value, delayMs])
  return settled
}

/** The formats "Copy as" offers. */
export type CopyFormat = 'text' | 'hex' | 'base64' | 'c' | 'rust'
const FORMATS: readonly CopyFormat[] = ['text', 'hex', 'base64', 'c', 'rust']

/** `bytes` written in `format`; text decodes as the Text view does. */
export function formatBytes(bytes: Uint8Array, format: CopyFormat, decoding: Decoding): string {
  switch (format) {
    case 'text':
      return decoding === 'latin1' ? latin1Decode(bytes) : new TextDecoder().decode(bytes)
    case 'hex':
      return toHexString(bytes)
    case 'base64':
      return toBase64(bytes)
    case 'c':
      return toCArray(bytes)
    case 'rust':
      return toRustArray(bytes)
    default:
      return assertNever(format)
  }
}

/** The file name "Save bytes" uses: `connection-L1-3-in.bin`. */
export function saveFileName(
  listenerNumber: number | string,
  connectionNumber: number,
  direction: Direction,
): string {
  return `connection-L${listenerNumber}-${connectionNumber}-${direction}.bin`
}

export interface CopyMenuProps {
  connection: ConnectionSnapshot
  view: CaptureView
  selection: ByteRange | null
  decoding: Decoding
  /** What "Save bytes" saves: the directions the view shows. */
  directions: readonly Direction[]
  onClear(): void
}

/** The selection summary with Copy and Save. */
export function CopyMenu({
  connection,
  view,
  selection,
  decoding,
  directions,
  onClear,
}: CopyMenuProps): ReactNode {
  const { t } = useI18n()
  const api = useApi()
  const [format, setFormat] = useState<CopyFormat>('text')
  const [status, setStatus] = useState<string | null>(null)
  const listenerSelector = useMemo(
    () => selectListener(connection.listenerId),
    [connection.listenerId],
  )
  const listener = useAppState(listenerSelector)

  const onCopy = async (): Promise<void> => {
    if (!selection) return
    const { direction, start, end } = selection
    const stream = view[direction]
    try {
      // A large capture is paged, not held: read what the view does not have.
      const bytes =
        end <= stream.length
          ? stream.bytes.subarray(start, end)
          : await readRange(api, connection.id, direction, start, end)
      const text = formatBytes(bytes, format, decoding)
      await copyText(text)
      setStatus(t('inspector.copy.done', { count: bytes.length }))
    } catch {
      setStatus(t('inspector.copy.failed'))
    }
  }

  const failed = (error: unknown): void =>
    setStatus(
      t('session.failed', { reason: error instanceof Error ? error.message : String(error) }),
    )

  const onSave = async (): Promise<void> => {
    try {
      for (const direction of directions) {
        const stream = view[direction]
        const total = direction === 'in' ? connection.captured : connection.capturedOut
        const bytes =
          stream.length >= total
            ? stream.bytes.subarray(0, stream.length)
            : await readRange(api, connection.id, direction, 0, total).catch(() => null)
        if (!bytes || bytes.length === 0) continue
        const name = saveFileName(listener?.number ?? '', connection.number, direction)
        const where = await saveFile(bytes, name, 'bytes')
        if (where !== null) setStatus(t('session.saved', { file: where }))
      }
    } catch (error) {
      failed(error)
    }
  }

  const onExportPcap = async (): Promise<void> => {
    try {
      const collected = await collectConnection(api, connection)
      const where = await saveFile(
        buildSessionPcap(toPcapConversations(collected)),
        `connection-L${listener?.number ?? ''}-${connection.number}.pcap`,
        'pcap',
      )
      if (where !== null) setStatus(t('session.saved', { file: where }))
    } catch (error) {
      failed(error)
    }
  }

  const size = selection ? selection.end - selection.start : 0
  const summary = selection
    ? t('inspector.selection', {
        count: size,
        direction: t(selection.direction === 'in' ? 'inspector.dir.in' : 'inspector.dir.out'),
        start: selection.start,
        end: selection.end - 1,
      })
    : t('inspector.selection.none')
  const announced = useSettled(summary, ANNOUNCE_DELAY_MS)
  return (
    <div className="stream-selection">
      <span className="selection-summary">{summary}</span>
      <span className="visually-hidden" aria-live="polite">
        {announced}
      </span>
      {selection && (
        <>
          <button type="button" onClick={onClear}>
            {t('inspector.selection.clear')}
          </button>
          <label>
            {t('inspector.copy.format')}{' '}
            <select value={format} onChange={(e) => setFormat(e.target.value as CopyFormat)}>
              {FORMATS.map((f) => (
                <option key={f} value={f}>
                  {t(`inspector.copy.${f}`)}
                </option>
              ))}
            </select>
          </label>
          <button type="button" onClick={() => void onCopy()}>
            {t('inspector.copy')}
          </button>
        </>
      )}
      <button
        type="button"
        title={t('inspector.save.hint')}
        disabled={directions.every(
          (d) =>
            view[d].length === 0 &&
            (d === 'in' ? connection.captured : connection.capturedOut) === 0,
        )}
        onClick={() => void onSave()}
      >
        {t('inspector.save')}
      </button>
      <button
        type="button"
        title={t('session.connectionPcapHint')}
        onClick={() => void onExportPcap()}
      >
        {t('session.exportPcap')}
      </button>
      {status !== null && <span role="status">{status}</span>}
    </div>
  )
}
