/**
 * The counters and timing line of the selected connection: bytes and reads/writes each way, the
 * first byte's latency, a ticking idle time, and the "no bytes yet" flag.
 */
import type { ReactNode } from 'react'
import { IDLE_FLAG_MS, type ConnectionSnapshot } from '../../../../shared/contract'
import { useNow } from '../../hooks/use-now'
import { useI18n } from '../../i18n/context'
import { formatDuration } from '../../time-format'

/**
 * The engine's monotonic clock now, from the wall clock: the connection's accept is known on both
 * (acceptedAt, acceptedMono), and the renderer's own performance.now() has another origin.
 */
export function engineNow(connection: ConnectionSnapshot, wallNow: number): number {
  return connection.acceptedMono + (wallNow - connection.acceptedAt)
}

/** Whether to flag the connection: still open, nothing received IDLE_FLAG_MS after accept. */
export function isIdleFlagged(connection: ConnectionSnapshot, wallNow: number): boolean {
  return (
    connection.state === 'open' &&
    connection.firstByteInMono === null &&
    engineNow(connection, wallNow) - connection.acceptedMono >= IDLE_FLAG_MS
  )
}

/** The stats line and, when due, the idle flag. */
export function StreamStats({ connection }: { connection: ConnectionSnapshot }): ReactNode {
  const { t } = useI18n()
  const now = useNow(connection.state !== 'closed')
  const last = connection.lastByteMono ?? connection.acceptedMono
  const idleEnd =
    connection.state === 'closed' && connection.closedAt !== null
      ? engineNow(connection, connection.closedAt)
      : engineNow(connection, now)
  return (
    <>
      <p className="stream-counts">
        <span className="dir-in">
          {t('inspector.stats.in', { count: connection.bytesIn })} ·{' '}
          {t('inspector.stats.reads', { count: connection.chunksIn })}
        </span>
        <span className="dir-out">
          {t('inspector.stats.out', { count: connection.bytesOut })} ·{' '}
          {t('inspector.stats.writes', { count: connection.chunksOut })}
        </span>
        <span>
          {connection.firstByteInMono === null
            ? t('inspector.stats.noFirstByte')
            : t('inspector.stats.firstByte', {
                ms: Math.round(connection.firstByteInMono - connection.acceptedMono),
              })}
        </span>
        <span>{t('inspector.stats.idle', { time: formatDuration(t, idleEnd - last) })}</span>
      </p>
      {isIdleFlagged(connection, now) && (
        <p className="notice idle-flag" role="status">
          {t('inspector.idleFlag')}
        </p>
      )}
    </>
  )
}
