/**
 * Why a session file could not be opened, in words.
 */
import type { ReactNode } from 'react'
import { assertNever } from '../../../../shared/result'
import { MAX_SESSION_DEPTH, MAX_SESSION_FILE_BYTES } from '../../../../shared/session-file'
import { fileSize } from '../../class/format'
import { useI18n, type Translate } from '../../i18n/context'
import type { SessionOpenProblem } from '../../session/open-session'

export interface OpenFailure {
  file: string
  problem: SessionOpenProblem
}

function reason(t: Translate, problem: OpenFailure['problem']): string {
  switch (problem.kind) {
    case 'too-large':
      return t('session.problem.too-large', {
        size: fileSize(t, problem.bytes),
        limit: fileSize(t, MAX_SESSION_FILE_BYTES),
      })
    case 'too-deep':
      return t('session.problem.too-deep', { limit: MAX_SESSION_DEPTH })
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
    case 'too-many-values':
      return t('session.problem.too-many-values', { count: problem.limit })
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
