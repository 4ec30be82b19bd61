/**
 * A forwarded connection's two legs, folded into one line until opened: "Client ↔ Socket Lab ↔
 * your server at 127.0.0.1:7879 — the linter found 1 problem". Open, each leg has its heading; the
 * target's leg says its timings, who closed first, what went wrong and what the linter found.
 * Folded by default, so that on a laptop's screen the stream's bytes keep their room; it stays as
 * the user left it when another connection is selected.
 */
import { useId, useState, type ReactNode } from 'react'
import { formatHostPort } from '../../../../shared/address'
import type { ConnectionSnapshot, TargetLeg } from '../../../../shared/contract'
import type { ByteRange } from '../../conversation-layout'
import type { Translate } from '../../i18n/context'
import { useI18n } from '../../i18n/context'
import { TargetLegView } from './TargetLegView'

export interface ForwardLegsProps {
  connection: ConnectionSnapshot
  target: TargetLeg
  selection: ByteRange | null
  onShowBytes(range: ByteRange): void
}

/**
 * Where the leg stands, in a few words: failed, a side not reading now, waiting for the verdict,
 * or the verdict.
 */
function verdict(t: Translate, target: TargetLeg): string {
  if (target.failure !== null) return t('forward.legs.failed')
  const stalled = target.stalled ?? null
  if (stalled !== null) return t(`forward.legs.stalled.${stalled}`)
  if (target.response === null) return t('forward.legs.pending')
  const count = target.response.findings.length
  return count === 0 ? t('forward.legs.clean') : t('forward.legs.findings', { count })
}

function mark(target: TargetLeg): string {
  if (target.failure !== null) return 'leg-failure-mark'
  return (target.stalled ?? null) === null ? '' : 'leg-stall-mark'
}

export function ForwardLegs({
  connection,
  target,
  selection,
  onShowBytes,
}: ForwardLegsProps): ReactNode {
  const { t } = useI18n()
  const id = useId()
  const [isOpen, setOpen] = useState(false)
  const address = formatHostPort(target.host, target.port)
  return (
    <details
      className="legs"
      open={isOpen}
      onToggle={(e) => setOpen((e.currentTarget as HTMLDetailsElement).open)}
    >
      <summary>
        {t('forward.legs.summary', { address })}
        {' — '}
        <span className={mark(target)}>{verdict(t, target)}</span>
      </summary>
      <section className="leg" aria-labelledby={`${id}-client`}>
        <h3 id={`${id}-client`}>{t('forward.leg.client')}</h3>
        <p className="leg-route">
          {t('forward.leg.route', {
            client: formatHostPort(connection.remote.address, connection.remote.port),
            listener: formatHostPort(connection.local.address, connection.local.port),
          })}
        </p>
      </section>
      <TargetLegView
        connection={connection}
        target={target}
        selection={selection}
        onShowBytes={onShowBytes}
      />
    </details>
  )
}
