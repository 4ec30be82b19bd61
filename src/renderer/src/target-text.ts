/**
 * A forwarded connection's leg to the learner's server in words: the log's lines, the
 * inspector's failure sentence and what it says of the response, from the same catalog texts.
 */
import type { TargetFailure, TargetLeg } from '../../shared/contract'
import { assertNever } from '../../shared/result'
import type { Translate } from './i18n/context'
import type { TargetLine } from './state/log-target'

/**
 * A leg's time in ms as the catalogs write it: tenths below 10 ms (a loopback connect takes less
 * than 1), with the language's decimal mark.
 */
export function legMs(ms: number): number {
  const value = Math.max(0, ms)
  return value < 10 ? Math.round(value * 10) / 10 : Math.round(value)
}

/** What a failure sentence names. */
export interface TargetFailureFacts {
  failure: TargetFailure
  connectionNumber: number
  /** The target as host:port. */
  address: string
  /** The listener's target timeout (null: not known). */
  seconds: number | null
  code: string | null
}

/** Why the leg failed, in the learner's terms. */
export function targetFailureText(t: Translate, f: TargetFailureFacts): string {
  return t(`forward.failure.${f.failure}`, {
    number: String(f.connectionNumber),
    address: f.address,
    seconds: f.seconds === null ? '?' : String(f.seconds),
    code: f.code ?? '?',
  })
}

/** A log line about connection #`connectionNumber`'s leg to the target. */
export function targetLineText(t: Translate, connectionNumber: number, line: TargetLine): string {
  const number = String(connectionNumber)
  switch (line.change) {
    case 'connected':
      return t('forward.log.connected', { number, address: line.address, ms: legMs(line.ms) })
    case 'answered':
      return t('forward.log.answered', { number, ms: legMs(line.ms) })
    case 'client-ended':
      return t('forward.log.clientEnded', { number })
    case 'paused':
      return t(`forward.log.paused.${line.side}`, {
        number,
        waiting: t('inspector.block.bytes', { count: line.waiting }),
        cap: t('inspector.block.bytes', { count: line.cap }),
      })
    case 'resumed':
      return t(`forward.log.resumed.${line.side}`, { number })
    case 'target-ended':
      return line.bytes === 0
        ? t('forward.log.noAnswer', { number })
        : t('forward.log.targetEnded', { number, count: line.bytes })
    case 'failed':
      return targetFailureText(t, { ...line, connectionNumber })
    default:
      return assertNever(line)
  }
}

/**
 * The usual cause behind how the leg ended, derived from it: a reset after the target answered
 * (it closed with request bytes unread), or a close without an answer; null for neither.
 */
export type TargetCause = 'resetAfterAnswer' | 'noAnswer'

export function targetCause(leg: TargetLeg): TargetCause | null {
  if (leg.failure === 'target-reset' && leg.bytesFromTarget > 0) return 'resetAfterAnswer'
  if (leg.targetEnded && leg.bytesFromTarget === 0) return 'noAnswer'
  return null
}

/**
 * How far the target's response got, as a sentence: null when there is nothing to add (bytes
 * that are not HTTP, which the findings say, or no answer, which the cause says).
 */
export function targetProgressText(t: Translate, leg: TargetLeg): string | null {
  const response = leg.response
  if (response === null) return leg.bytesFromTarget > 0 ? t('forward.response.pending') : null
  const progress = response.progress
  switch (progress) {
    case 'nothing':
      return targetCause(leg) === 'noAnswer' ? null : t('forward.response.nothing')
    case 'head':
      return t('forward.response.head')
    case 'body':
      return response.contentLength !== null && response.headEnd !== null
        ? t('forward.response.body', {
            body: leg.bytesFromTarget - response.headEnd,
            length: response.contentLength,
          })
        : t('forward.response.bodyNoLength')
    case 'complete':
      return t('forward.response.complete')
    case 'unknown':
      return null
    default:
      return assertNever(progress)
  }
}
