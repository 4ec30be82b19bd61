/**
 * A listener's "localhost" section: what `localhost` resolves to here and which of those
 * addresses accept a connection on the listener's port — the ::1 vs 127.0.0.1 trap, tested.
 */
import { useOsQuestion } from '../../hooks/use-os-question'
import { OsAnswer } from './OsAnswer'
import type { ReactNode } from 'react'
import type { ListenerSnapshot } from '../../../../shared/contract'
import {
  PROBE_TIMEOUT_MS,
  type LocalhostProbe,
  type LocalhostReport,
} from '../../../../shared/diagnostics-types'
import { assertNever } from '../../../../shared/result'
import { useI18n, type Translate } from '../../i18n/context'
import { useApi } from '../../state/StoreContext'
import '../../diagnostics.css'

function outcomeText(t: Translate, probe: LocalhostProbe): string {
  switch (probe.outcome) {
    case 'accepted':
      return t('diagnostics.localhost.accepted')
    case 'refused':
      return t('diagnostics.localhost.refused')
    case 'timeout':
      return t('diagnostics.localhost.timeout', { seconds: String(PROBE_TIMEOUT_MS / 1000) })
    case 'error':
      return t('diagnostics.localhost.error', { code: probe.code ?? '?' })
    default:
      return assertNever(probe.outcome)
  }
}

function verdictText(t: Translate, report: LocalhostReport): string | null {
  const resolved = report.probes.filter((p) => p.isResolved)
  const list = (outcome: 'accepted' | 'other'): string =>
    resolved
      .filter((p) => (p.outcome === 'accepted') === (outcome === 'accepted'))
      .map((p) => p.address)
      .join(', ')
  switch (report.verdict) {
    case 'all':
      return t('diagnostics.localhost.all')
    case 'some':
      return t('diagnostics.localhost.some', { refused: list('other'), accepted: list('accepted') })
    case 'none':
      return t('diagnostics.localhost.none')
    case 'not-probed':
      return t('diagnostics.localhost.notListening')
    case 'lookup-failed':
      return null
    default:
      return assertNever(report.verdict)
  }
}

function Report({ report }: { report: LocalhostReport }): ReactNode {
  const { t } = useI18n()
  const verdict = verdictText(t, report)
  return (
    <>
      {report.lookupError === null ? (
        <p>
          {t('diagnostics.localhost.resolves', {
            count: report.resolved.length,
            addresses: report.resolved.map((r) => r.address).join(', '),
          })}
        </p>
      ) : (
        <p className="diagnostics-problem">
          {t('diagnostics.localhost.lookupFailed', { code: report.lookupError })}
        </p>
      )}
      {report.port !== null && report.probes.length > 0 && (
        <table className="probes">
          <caption>{t('diagnostics.localhost.probes', { port: String(report.port) })}</caption>
          <thead>
            <tr>
              <th scope="col">{t('diagnostics.localhost.address')}</th>
              <th scope="col">{t('diagnostics.localhost.fromLocalhost')}</th>
              <th scope="col">{t('diagnostics.localhost.result')}</th>
            </tr>
          </thead>
          <tbody>
            {report.probes.map((p) => (
              <tr key={p.address}>
                <td>
                  <code>{p.address}</code>
                </td>
                <td>
                  {t(p.isResolved ? 'diagnostics.localhost.yes' : 'diagnostics.localhost.no')}
                </td>
                <td className={`probe-${p.outcome}`}>{outcomeText(t, p)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {verdict !== null && (
        <p className={report.verdict === 'some' ? 'diagnostics-trap' : undefined}>{verdict}</p>
      )}
    </>
  )
}

/** `<details>` "localhost" with a "Test localhost" button. */
export function LocalhostPanel({ listener }: { listener: ListenerSnapshot }): ReactNode {
  const { t } = useI18n()
  const api = useApi()
  const port = listener.state === 'listening' && listener.bound ? listener.bound.port : null
  const shownPort = port ?? listener.settings.port
  const { result, isRunning, ask: test } = useOsQuestion(() => api.checkLocalhost({ port }))
  return (
    <details className="settings localhost-panel">
      <summary>{t('diagnostics.localhost.summary')}</summary>
      <p className="muted">
        {t('diagnostics.localhost.intro', { port: shownPort === 0 ? 'PORT' : String(shownPort) })}
      </p>
      <div className="row">
        <button type="button" onClick={test} disabled={isRunning}>
          {t('diagnostics.localhost.button')}
        </button>
      </div>
      <OsAnswer result={result} isRunning={isRunning}>
        {(report) => <Report report={report} />}
      </OsAnswer>
      <p className="field-hint">{t('diagnostics.localhost.note')}</p>
    </details>
  )
}
