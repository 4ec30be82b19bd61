/**
 * What the response linter says about one response, as the user edits its head or page: a polite
 * live group, so a screen reader hears a new warning (not role="status": the card's one status is
 * its listening state). Warnings never block saving or sending.
 */
import type { ReactNode } from 'react'
import { assertNever } from '../../../../shared/result'
import type { ResponseWarning } from '../../../../shared/response-lint'
import { useI18n, type Translate } from '../../i18n/context'

/** One warning in the user's language. */
export function warningText(t: Translate, warning: ResponseWarning): string {
  switch (warning.code) {
    case 'status-line':
      return t('stages.lint.status-line', { line: warning.line })
    case 'bare-lf':
      return t('stages.lint.bare-lf', { line: warning.line })
    case 'no-blank-line':
      return t('stages.lint.no-blank-line')
    case 'no-content-length':
      return t('stages.lint.no-content-length')
    case 'bad-content-length':
      return t('stages.lint.bad-content-length', { value: warning.value })
    case 'length-short':
      return t('stages.lint.length-short', { declared: warning.declared, actual: warning.actual })
    case 'length-long':
      return t('stages.lint.length-long', { declared: warning.declared, actual: warning.actual })
    default:
      return assertNever(warning)
  }
}

export interface ResponseLintProps {
  /** The file the response serves ("hello.html"), for the accessible name. */
  page: string
  warnings: ResponseWarning[]
}

/** A live group named "Linter: hello.html", listing the warnings or saying all is well. */
export function ResponseLint({ page, warnings }: ResponseLintProps): ReactNode {
  const { t } = useI18n()
  return (
    <div
      role="group"
      aria-live="polite"
      aria-label={t('stages.lint', { page })}
      className={warnings.length === 0 ? 'lint lint-ok' : 'lint lint-warn'}
    >
      {warnings.length === 0 ? (
        <p>{t('stages.lint.ok')}</p>
      ) : (
        <>
          <p>{t('stages.lint.title')}</p>
          <ul>
            {warnings.map((warning) => (
              <li key={warning.code}>{warningText(t, warning)}</li>
            ))}
          </ul>
          <p className="muted">{t('stages.lint.notBlocking')}</p>
        </>
      )}
    </div>
  )
}
