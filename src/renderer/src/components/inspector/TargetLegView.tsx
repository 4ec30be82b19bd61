/**
 * A forwarded connection's second leg, Socket Lab ↔ the learner's server: where it goes, the port
 * Socket Lab connected from, its state and timings (connect, first byte each way since the
 * client's accept), the bytes each way, who closed first, how often a side stopped reading, what
 * goes on while one does not read and what went wrong, in words, and what the response linter
 * found in what the server sent (see TargetResponse).
 */
import { useId, useMemo, type ReactNode } from 'react'
import { formatHostPort } from '../../../../shared/address'
import type { ConnectionSnapshot, TargetLeg } from '../../../../shared/contract'
import type { ByteRange } from '../../conversation-layout'
import { useI18n } from '../../i18n/context'
import { selectListener, selectPlatform } from '../../state/selectors'
import { useAppState } from '../../state/StoreContext'
import { legBytes } from '../../state/target-leg'
import { legMs, targetFailureText } from '../../target-text'
import '../../target-leg.css'
import { TargetResponse } from './TargetResponse'

export interface TargetLegViewProps {
  connection: ConnectionSnapshot
  target: TargetLeg
  /** The stream's selection (a finding's bytes show as pressed when selected). */
  selection: ByteRange | null
  /** Select a finding's bytes in the stream and bring them into view. */
  onShowBytes(range: ByteRange): void
}

/** `<section>` headed "Socket Lab ↔ target" with the leg's facts as a description list. */
export function TargetLegView({
  connection,
  target,
  selection,
  onShowBytes,
}: TargetLegViewProps): ReactNode {
  const { t } = useI18n()
  const headingId = useId()
  const select = useMemo(() => selectListener(connection.listenerId), [connection.listenerId])
  const seconds = useAppState(select)?.settings.targetTimeoutSeconds ?? null
  const platform = useAppState(selectPlatform)
  // Linux reads a reset that follows data as an end; the engine tells them apart with a write,
  // which is no longer possible once the client's FIN went to the target.
  const isFinUncertain =
    platform === 'linux' &&
    target.firstEnded === 'client' &&
    target.targetEnded &&
    target.failure === null
  const address = formatHostPort(target.host, target.port)
  const bytes = legBytes(connection, target)
  const sinceAccept = (mono: number | null): string =>
    mono === null
      ? t('forward.leg.none')
      : t('inspector.block.at', { ms: Math.round(mono - connection.acceptedMono) })
  const bytesText = (count: number): string => t('inspector.block.bytes', { count })
  const stalled = target.stalled ?? null
  const stall = target.lastStall ?? null
  const stalls = target.stalls ?? 0
  const facts: Array<[string, string]> = [
    [t('forward.leg.address'), address],
    [t('forward.leg.localPort'), target.local === null ? '—' : String(target.local.port)],
    [t('forward.leg.state'), t(`forward.leg.state.${target.state}`)],
    [
      t('forward.leg.connect'),
      target.connectedMono === null
        ? t('forward.leg.none')
        : t('forward.leg.ms', { ms: legMs(target.connectedMono - target.connectMono) }),
    ],
    [t('forward.leg.toTarget'), sinceAccept(target.firstByteToTargetMono)],
    [t('forward.leg.fromTarget'), sinceAccept(target.firstByteFromTargetMono)],
    [
      t('forward.leg.bytesToTarget'),
      // Written to the target's socket, not yet all read: while it does not read, say how much
      // of that still waits in Socket Lab, as the stall paragraph above does.
      stalled === 'target' && stall !== null
        ? t('forward.leg.bytesToTarget.waiting', {
            bytes: bytesText(bytes.toTarget),
            waiting: bytesText(stall.waiting),
          })
        : bytesText(bytes.toTarget),
    ],
    [t('forward.leg.bytesFromTarget'), bytesText(bytes.fromTarget)],
    [t('forward.leg.firstEnded'), t(`forward.leg.firstEnded.${target.firstEnded ?? 'none'}`)],
  ]
  if (stalls > 0 && stall !== null) {
    const side = t(`forward.leg.side.${stall.side}`)
    const told = t('forward.leg.stalls.value', {
      count: stalls,
      side,
      waiting: bytesText(stall.waiting),
      cap: bytesText(stall.cap),
    })
    // Whether it still goes on; a leg that closed meanwhile says nothing more.
    const now =
      stalled !== null
        ? t('forward.leg.stalls.ongoing')
        : target.state === 'closed'
          ? null
          : t('forward.leg.stalls.over', { side })
    facts.push([t('forward.leg.stalls'), now === null ? told : `${told} ${now}`])
  }
  return (
    <section className="leg leg-target" aria-labelledby={headingId}>
      <h3 id={headingId}>{t('forward.leg.target')}</h3>
      {/* First: at a laptop's height the facts below may leave it out of view. */}
      {stalled !== null && stall !== null && (
        <p className="leg-stall">
          {t(`forward.stall.${stalled}`, {
            waiting: bytesText(stall.waiting),
            cap: bytesText(stall.cap),
          })}
        </p>
      )}
      <dl className="leg-facts">
        {facts.map(([term, value]) => (
          <div key={term}>
            <dt>{term}</dt>
            <dd>{value}</dd>
          </div>
        ))}
      </dl>
      {isFinUncertain && <p className="leg-note">{t('forward.leg.finAfterClient')}</p>}
      {target.failure !== null && (
        <p className="leg-failure">
          {targetFailureText(t, {
            failure: target.failure,
            connectionNumber: connection.number,
            address,
            seconds,
            code: target.errorCode,
          })}
        </p>
      )}
      <TargetResponse
        connectionNumber={connection.number}
        target={target}
        keptOut={connection.capturedOut}
        selection={selection}
        onShowBytes={onShowBytes}
      />
    </section>
  )
}
