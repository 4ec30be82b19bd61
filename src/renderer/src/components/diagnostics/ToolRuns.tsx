/**
 * The commands a diagnostic ran and what they printed, untranslated, in a collapsed <details>.
 */
import type { ReactNode } from 'react'
import { TOOL_TIMEOUT_MS, type ToolRun } from '../../../../shared/diagnostics-types'
import { assertNever } from '../../../../shared/result'
import { useI18n, type Translate } from '../../i18n/context'

const SECONDS = String(TOOL_TIMEOUT_MS / 1000)

function statusText(t: Translate, run: ToolRun): string {
  switch (run.status) {
    case 'exited':
      return t('diagnostics.run.exited', { code: String(run.exitCode ?? '?') })
    case 'missing':
      return t('diagnostics.run.missing')
    case 'timeout':
      return t('diagnostics.run.timeout', { seconds: SECONDS })
    case 'failed':
      return t('diagnostics.run.failed', { error: run.error ?? '' })
    default:
      return assertNever(run.status)
  }
}

/** Each run: its command, how it ended, its output. Open by default when `isOpen`. */
export function ToolRuns({
  runs,
  isOpen = false,
}: {
  runs: ToolRun[]
  isOpen?: boolean
}): ReactNode {
  const { t } = useI18n()
  if (runs.length === 0) return null
  return (
    <details className="tool-runs" open={isOpen}>
      <summary>{t('diagnostics.runs')}</summary>
      {runs.map((run, i) => (
        <div key={i} className="tool-run">
          <p>
            <code>{run.command}</code> <span className="muted">— {statusText(t, run)}</span>
          </p>
          <pre className="tool-output">
            {run.output.trim() === '' ? t('diagnostics.run.empty') : run.output}
            {run.isTruncated && `\n${t('diagnostics.run.truncated')}`}
          </pre>
        </div>
      ))}
    </details>
  )
}
