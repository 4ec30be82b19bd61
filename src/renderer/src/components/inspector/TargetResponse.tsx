/**
 * What the learner's server sent, as the response linter judged it: the usual cause of a reset
 * after an answer or of a close without one, how far the response got, and each finding, whose
 * place selects its bytes (the connection's bytes out) in the stream's Text and Hex below.
 */
import type { ReactNode } from 'react'
import type { TargetLeg } from '../../../../shared/contract'
import type { ClientFinding } from '../../../../shared/response-findings'
import type { ByteRange } from '../../conversation-layout'
import { useI18n } from '../../i18n/context'
import { targetCause, targetProgressText } from '../../target-text'
import { ResponseFindings } from '../ui'

export interface TargetResponseProps {
  connectionNumber: number
  target: TargetLeg
  /** Bytes out kept in the capture: a finding's bytes past them cannot be shown. */
  keptOut: number
  /** The stream's selection: the finding whose bytes it is shows as pressed. */
  selection: ByteRange | null
  /** Select `range` in the stream and bring it into view. */
  onShowBytes(range: ByteRange): void
}

/** A finding's bytes among those kept, or null when none of them is. */
function findingRange(finding: ClientFinding, keptOut: number): ByteRange | null {
  const end = Math.min(finding.offset + finding.length, keptOut)
  return end > finding.offset ? { direction: 'out', start: finding.offset, end } : null
}

/** The response part of the "Socket Lab ↔ target" section; nothing while there is none. */
export function TargetResponse({
  connectionNumber,
  target,
  keptOut,
  selection,
  onShowBytes,
}: TargetResponseProps): ReactNode {
  const { t } = useI18n()
  const cause = targetCause(target)
  const progress = targetProgressText(t, target)
  // Nothing came: there is nothing to lint ("finds nothing wrong" would mislead).
  const judged = target.response?.progress === 'nothing' ? null : target.response
  if (cause === null && progress === null && judged === null) return null
  const ranges = judged?.findings.map((f) => findingRange(f, keptOut)) ?? []
  const active = ranges.findIndex(
    (r) =>
      r !== null &&
      selection !== null &&
      selection.direction === r.direction &&
      selection.start === r.start &&
      selection.end === r.end,
  )
  return (
    <div className="leg-response">
      {cause !== null && <p className="leg-cause">{t(`forward.cause.${cause}`)}</p>}
      {progress !== null && <p>{progress}</p>}
      {judged !== null && (
        <ResponseFindings
          judgement={judged}
          label={t('forward.response.list', { number: String(connectionNumber) })}
          title={t('forward.response.lint')}
          active={active < 0 ? null : active}
          canShow={(finding) => findingRange(finding, keptOut) !== null}
          onShow={(index) => {
            const range = ranges[index]
            if (range) onShowBytes(range)
          }}
        />
      )}
    </div>
  )
}
