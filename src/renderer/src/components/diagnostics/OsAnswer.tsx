/**
 * The live region under a diagnostics button: "Asking the OS…", the request's failure, or the
 * answer that `children` renders. The tools' raw output goes outside it (ToolRuns), so a screen
 * reader announces the answer, not pages of `ss` output.
 */
import type { ReactNode } from 'react'
import type { Result } from '../../../../shared/result'
import { useI18n } from '../../i18n/context'

export interface OsAnswerProps<T> {
  result: Result<T> | null
  isRunning: boolean
  children: (value: T) => ReactNode
}

export function OsAnswer<T>({ result, isRunning, children }: OsAnswerProps<T>): ReactNode {
  const { t } = useI18n()
  return (
    <div aria-live="polite" className="diagnostics-answer">
      {isRunning && <p className="muted">{t('diagnostics.askingOs')}</p>}
      {!isRunning && result?.ok === false && (
        <p className="diagnostics-problem">
          {t('diagnostics.failedRequest', { error: t(`error.${result.error.code}`) })}
        </p>
      )}
      {!isRunning && result?.ok === true && children(result.value)}
    </div>
  )
}
