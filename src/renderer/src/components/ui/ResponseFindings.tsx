/**
 * The response linter's findings on a response the client received, in the user's language,
 * each naming the bytes it is about.
 */
import type { ReactNode } from 'react'
import type { ClientFinding, ClientResponse } from '../../../../shared/client-types'
import { assertNever } from '../../../../shared/result'
import { useI18n, type Translate } from '../../i18n/context'

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

/** What the response linter found, each place a button that marks its bytes. */
export function ResponseFindings({
  n,
  response,
  active,
  onShow,
}: {
  n: number
  response: ClientResponse
  active: number | null
  onShow(index: number): void
}): ReactNode {
  const { t } = useI18n()
  if (!response.isHttp) return <p className="field-hint">{t('client.lint.notHttp')}</p>
  if (response.findings.length === 0) return <p className="client-lint-ok">{t('client.lint.ok')}</p>
  return (
    <div className="client-findings">
      <p>{t('client.lint.title')}</p>
      <ul aria-label={t('client.lint.list', { n })}>
        {response.findings.map((finding, index) => (
          <li key={index}>
            {findingText(t, finding)}{' '}
            {finding.length === 0 ? (
              <span className="client-place">({findingPlace(t, finding)})</span>
            ) : (
              <button
                type="button"
                className="small quiet client-place"
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
