/**
 * The groups the event log can be filtered by, and the group of each line.
 */
import { assertNever } from '../../../shared/result'
import type { LogMessage } from './log'

/** The groups the log can be filtered by. */
export type LogFilterKind =
  | 'accepted'
  | 'peer-ended'
  | 'we-ended'
  | 'closed'
  | 'dropped'
  | 'listener'
  | 'bind-failed'
  | 'limits'
  | 'program'
  | 'target'

export const LOG_FILTER_KINDS: readonly LogFilterKind[] = [
  'accepted',
  'peer-ended',
  'we-ended',
  'closed',
  'dropped',
  'listener',
  'bind-failed',
  'limits',
  'program',
  'target',
]

/** The filter group a message belongs to (listening and stopped are both "listener state"). */
export function filterKindOf(m: LogMessage): LogFilterKind {
  switch (m.kind) {
    case 'connection-established':
      return 'accepted'
    case 'listening':
    case 'stopped':
      return 'listener'
    case 'bind-failed':
    case 'peer-ended':
    case 'we-ended':
    case 'closed':
    case 'dropped':
      return m.kind
    case 'echo-capped':
    case 'accept-failed':
      return 'limits'
    case 'program':
      return 'program'
    case 'target':
      return 'target'
    default:
      return assertNever(m)
  }
}
