/**
 * "Check excluded port ranges" for EACCES on Windows: whether the port lies in a range that
 * Hyper-V, WSL2, Docker or WinNAT reserved (`netsh … show excludedportrange`).
 */
import { useOsQuestion } from '../../hooks/use-os-question'
import { OsAnswer } from './OsAnswer'
import type { ReactNode } from 'react'
import {
  TOOL_TIMEOUT_MS,
  type ExcludedPortsReport,
  type ExcludedRange,
} from '../../../../shared/diagnostics-types'
import { assertNever } from '../../../../shared/result'
import { useI18n, type Translate } from '../../i18n/context'
import { useApi } from '../../state/StoreContext'
import { ToolRuns } from './ToolRuns'
import '../../diagnostics.css'

function rangeText(t: Translate, r: ExcludedRange): string {
  const span = r.start === r.end ? String(r.start) : `${r.start}–${r.end}`
  const mark = r.isAdministered ? `, ${t('diagnostics.excluded.administered')}` : ''
  return `${span} (${r.family}${mark})`
}

function answerText(t: Translate, report: ExcludedPortsReport): string {
  const port = String(report.port)
  switch (report.outcome) {
    case 'in-range':
      return t('diagnostics.excluded.inRange', {
        port,
        ranges: report.matches.map((r) => rangeText(t, r)).join(', '),
      })
    case 'not-in-range':
      return t('diagnostics.excluded.notInRange', { port, count: report.ranges.length })
    case 'not-windows':
      return t('diagnostics.excluded.notWindows')
    case 'tool-missing':
      return t('diagnostics.missing', { tools: 'netsh' })
    case 'timeout':
      return t('diagnostics.timeout', { seconds: String(TOOL_TIMEOUT_MS / 1000) })
    case 'failed':
      return t('diagnostics.failed')
    default:
      return assertNever(report.outcome)
  }
}

/** The button and, once asked, the answer. */
export function ExcludedPorts({ port }: { port: number }): ReactNode {
  const { t } = useI18n()
  const api = useApi()
  const { result, isRunning, ask } = useOsQuestion(() => api.excludedPorts({ port }))
  return (
    <div className="diagnostics">
      <button type="button" onClick={ask} disabled={isRunning}>
        {t('diagnostics.excluded.button')}
      </button>
      <OsAnswer result={result} isRunning={isRunning}>
        {(report) => <p>{answerText(t, report)}</p>}
      </OsAnswer>
      {/* Outside the live region: a screen reader announces the answer, not the tool's output. */}
      {!isRunning && result?.ok === true && (
        <ToolRuns runs={result.value.runs} isOpen={result.value.outcome === 'failed'} />
      )}
    </div>
  )
}
