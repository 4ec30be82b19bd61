/**
 * "Who holds this port?" for EADDRINUSE: asks the engine to run the OS tool, shows each holder's
 * name and PID, or says plainly why it cannot tell.
 */
import { useOsQuestion } from '../../hooks/use-os-question'
import { OsAnswer } from './OsAnswer'
import type { ReactNode } from 'react'
import {
  TOOL_TIMEOUT_MS,
  type PortHolder,
  type WhoHoldsReport,
} from '../../../../shared/diagnostics-types'
import { assertNever } from '../../../../shared/result'
import { useI18n, type Translate } from '../../i18n/context'
import { useApi } from '../../state/StoreContext'
import { ToolRuns } from './ToolRuns'
import '../../diagnostics.css'

function holderText(t: Translate, h: PortHolder): string {
  if (h.pid === null) return t('diagnostics.who.holderHidden', { address: h.localAddress })
  const params = { pid: String(h.pid), address: h.localAddress }
  return h.processName === null
    ? t('diagnostics.who.holderNoName', params)
    : t('diagnostics.who.holder', { ...params, name: h.processName })
}

/** Why the lookup could not tell, or null when it could. */
function cannotTell(t: Translate, report: WhoHoldsReport): string | null {
  switch (report.outcome) {
    case 'found':
    case 'nobody':
      return null
    case 'tool-missing': {
      const tools = [...new Set(report.runs.map((r) => r.command.split(' ')[0]))].join(', ')
      return report.platform === 'linux'
        ? t('diagnostics.missingLinux', { tools })
        : t('diagnostics.missing', { tools })
    }
    case 'timeout':
      return t('diagnostics.timeout', { seconds: String(TOOL_TIMEOUT_MS / 1000) })
    case 'failed':
      return t('diagnostics.failed')
    case 'unsupported':
      return t('diagnostics.who.unsupported')
    default:
      return assertNever(report.outcome)
  }
}

function Report({ report }: { report: WhoHoldsReport }): ReactNode {
  const { t } = useI18n()
  const port = String(report.port)
  const isHidden = report.holders.some((h) => h.pid === null)
  const problem = cannotTell(t, report)
  return (
    <>
      {report.outcome === 'found' && (
        <>
          <p>{t('diagnostics.who.found', { count: report.holders.length, port })}</p>
          <ul className="holders">
            {report.holders.map((h, i) => (
              <li key={i}>
                {holderText(t, h)}
                {h.isSelf && <span className="muted"> — {t('diagnostics.who.self')}</span>}
              </li>
            ))}
          </ul>
          {isHidden && (
            <p>{t(report.isRoot ? 'diagnostics.who.hiddenRoot' : 'diagnostics.who.hidden')}</p>
          )}
        </>
      )}
      {report.outcome === 'nobody' && (
        <p>
          {report.seesAllProcesses
            ? t('diagnostics.who.nobody', { port })
            : t('diagnostics.who.nobodyPartial', { port })}
        </p>
      )}
      {problem !== null && <p className="diagnostics-problem">{problem}</p>}
    </>
  )
}

/** The button and, once asked, the answer. */
export function WhoHoldsPort({ port }: { port: number }): ReactNode {
  const { t } = useI18n()
  const api = useApi()
  const { result, isRunning, ask } = useOsQuestion(() => api.whoHolds({ port }))
  return (
    <div className="diagnostics">
      <button type="button" onClick={ask} disabled={isRunning}>
        {t('diagnostics.who.button')}
      </button>
      <OsAnswer result={result} isRunning={isRunning}>
        {(report) => <Report report={report} />}
      </OsAnswer>
      {/* Outside the live region: a screen reader announces the answer, not the tool's output. */}
      {!isRunning && result?.ok === true && (
        <ToolRuns runs={result.value.runs} isOpen={result.value.outcome === 'failed'} />
      )}
    </div>
  )
}
