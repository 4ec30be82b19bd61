/**
 * Why a session file could not be opened, in words.
 */
import type { ReactNode } from 'react'
import { assertNever } from '../../../../shared/result'
import type { SessionFileProblem } from '../../../../shared/session-file'
import { useI18n, type Translate } from '../../i18n/context'

export interface OpenFailure {
  file: string
  problem: SessionFileProblem | { kind: 'unreadable' }
}

function reason(t: Translate, problem: OpenFailure['problem']): string {
  switch (problem.kind) {
    case 'too-large':
      return t('session.problem.too-large', { bytes: problem.bytes })
    case 'too-deep':
      return t('session.problem.too-deep')
    case 'not-json':
      return t('session.problem.not-json')
    case 'not-a-session':
      return t('session.problem.not-a-session')
    case 'newer-version':
      return t('session.problem.newer-version', { version: problem.version })
    case 'damaged':
      return t('session.problem.damaged', { where: problem.where })
    case 'unreadable':
      return t('session.problem.unreadable')
    default:
      return assertNever(problem)
  }
}

/** The alert shown under the session buttons. */
export function SessionProblem({
  failure,
  onDismiss,
}: {
  failure: OpenFailure
  onDismiss: () => void
}): ReactNode {
  const { t } = useI18n()
  return (
    <div role="alert" className="session-problem">
      {t('session.openFailed', { file: failure.file })} {reason(t, failure.problem)}{' '}
      <button type="button" onClick={onDismiss}>
        {t('session.dismiss')}
      </button>
    </div>
  )
}
