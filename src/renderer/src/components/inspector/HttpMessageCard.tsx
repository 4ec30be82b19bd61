/**
 * One HTTP message of the analysis: start line, headers, body size, where its head ends, its
 * problems in plain words and, for a request, what the book's Listing 20-2 prints.
 */
import type { ReactNode } from 'react'
import type { HttpMessage, HttpProblem } from '../../../../shared/http-types'
import { assertNever } from '../../../../shared/result'
import { useI18n, type Translate } from '../../i18n/context'

/** A problem explained through the catalog. */
function problemText(t: Translate, problem: HttpProblem): string {
  switch (problem.code) {
    case 'bare-lf':
      return t('inspector.http.problem.bare-lf')
    case 'missing-version':
      return t('inspector.http.problem.missing-version')
    case 'oversized-header':
      return t('inspector.http.problem.oversized-header')
    case 'incomplete-head':
      return t('inspector.http.problem.incomplete-head')
    case 'invalid-utf8':
      return t('inspector.http.problem.invalid-utf8')
    case 'bad-content-length':
      return t('inspector.http.problem.bad-content-length')
    case 'incomplete-body':
      return t('inspector.http.problem.incomplete-body')
    case 'parse-error':
      return t('inspector.http.problem.parse-error', { detail: problem.detail ?? '' })
    default:
      return assertNever(problem.code)
  }
}

/** The card of message `number` (1-based) of its direction. */
export function HttpMessageCard({
  message,
  number,
}: {
  message: HttpMessage
  number: number
}): ReactNode {
  const { t } = useI18n()
  const isRequest = message.kind === 'request'
  const title = t(isRequest ? 'inspector.http.request' : 'inspector.http.response', { number })
  return (
    <article className="http-message" aria-label={title}>
      <h4>{title}</h4>
      <code className="http-start-line">{message.startLine}</code>
      {message.headers.length === 0 ? (
        <p className="muted">{t('inspector.http.noHeaders')}</p>
      ) : (
        <table className="http-headers">
          <caption>{t('inspector.http.headers')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('inspector.http.headerName')}</th>
              <th scope="col">{t('inspector.http.headerValue')}</th>
            </tr>
          </thead>
          <tbody>
            {message.headers.map((h, i) => (
              <tr key={i}>
                <td>{h.name}</td>
                <td>{h.value}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <p>
        {message.expectedBodyLength === null
          ? t('inspector.http.body', { count: message.bodyLength })
          : t('inspector.http.bodyExpected', {
              count: message.bodyLength,
              expected: message.expectedBodyLength,
            })}{' '}
        {message.headEnd === null
          ? t('inspector.http.headOpen')
          : t('inspector.http.headEnd', { offset: message.headEnd })}
      </p>
      {message.problems.length > 0 && (
        <div className="http-problems">
          <h5>{t('inspector.http.problems')}</h5>
          <ul>
            {message.problems.map((p, i) => (
              <li key={i}>
                {problemText(t, p)}
                {p.offset !== null && (
                  <span className="muted">
                    {' '}
                    ({t('inspector.http.atOffset', { offset: p.offset })})
                  </span>
                )}
              </li>
            ))}
          </ul>
        </div>
      )}
      {isRequest && message.listing202 !== null && (
        <>
          <h5>{t('inspector.http.listing202')}</h5>
          <pre className="rust-output">{message.listing202}</pre>
        </>
      )}
    </article>
  )
}
