/**
 * The response linter's findings on a response — one the test client received, or one the
 * learner's server sent through a forwarding listener — in the user's language, each naming the
 * bytes it is about.
 */
import type { ReactNode } from 'react'
import type { ClientFinding, ResponseJudgement } from '../../../../shared/response-findings'
import { assertNever } from '../../../../shared/result'
import { useI18n, type Translate } from '../../i18n/context'
import '../../response-findings.css'

/** One finding in the user's language. */
export function findingText(t: Translate, finding: ClientFinding): string {
  const w = finding.warning
  switch (w.code) {
    case 'status-line':
      return t('client.finding.status-line', { line: w.line })
    case 'bare-lf':
      return t('client.finding.bare-lf', { line: w.line })
    case 'no-blank-line':
      return t('client.finding.no-blank-line')
    case 'no-content-length':
      return t('client.finding.no-content-length')
    case 'bad-content-length':
      return t('client.finding.bad-content-length', { value: w.value })
    case 'length-short':
      return t('client.finding.length-short', { declared: w.declared, actual: w.actual })
    case 'length-long':
      return t('client.finding.length-long', { declared: w.declared, actual: w.actual })
    case 'close-delimited':
      return t('client.finding.close-delimited', { body: w.body })
    default:
      return assertNever(w)
  }
}

/** Where a finding is: `byte 15`, `bytes 33–34`, or the end for a point. */
export function findingPlace(t: Translate, finding: ClientFinding): string {
  if (finding.length === 0) return t('client.lint.where.end', { offset: finding.offset })
  if (finding.length === 1) return t('client.lint.where.byte', { offset: finding.offset })
  return t('client.lint.where.range', {
    from: finding.offset,
    to: finding.offset + finding.length - 1,
  })
}

export interface ResponseFindingsProps {
  judgement: Pick<ResponseJudgement, 'isHttp' | 'findings'>
  /** The list's accessible name: whose response it is. */
  label: string
  /** The line above the list (the client's "The response linter on these bytes" when absent). */
  title?: string
  /** The finding whose bytes are shown, or null. */
  active: number | null
  /** The user asked to see finding `index`'s bytes. */
  onShow(index: number): void
  /**
   * Whether a finding's bytes can be shown (all of them by default): a point (a missing thing)
   * never can; its place is plain text.
   */
  canShow?(finding: ClientFinding): boolean
}

/** What the response linter found, each place a button that shows its bytes. */
export function ResponseFindings({
  judgement,
  label,
  title,
  active,
  onShow,
  canShow = () => true,
}: ResponseFindingsProps): ReactNode {
  const { t } = useI18n()
  if (!judgement.isHttp) return <p className="field-hint">{t('client.lint.notHttp')}</p>
  if (judgement.findings.length === 0) return <p className="lint-ok">{t('client.lint.ok')}</p>
  return (
    <div className="lint-findings">
      <p>{title ?? t('client.lint.title')}</p>
      <ul aria-label={label}>
        {judgement.findings.map((finding, index) => (
          <li key={index}>
            {findingText(t, finding)}{' '}
            {finding.length === 0 || !canShow(finding) ? (
              <span className="lint-place">({findingPlace(t, finding)})</span>
            ) : (
              <button
                type="button"
                className="small quiet lint-place"
                aria-pressed={active === index}
                title={t('client.lint.where.hint')}
                onClick={() => onShow(index)}
              >
                {findingPlace(t, finding)}
              </button>
            )}
          </li>
        ))}
      </ul>
    </div>
  )
}
