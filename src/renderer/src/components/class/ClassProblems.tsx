/**
 * The files the class view could not use, each with its name and the reason.
 */
import { useId, type ReactNode } from 'react'
import type { ClassFileFailure } from '../../class/class-file'
import { useI18n } from '../../i18n/context'
import { problemText } from './problem-text'

export function ClassProblems({ failures }: { failures: readonly ClassFileFailure[] }): ReactNode {
  const { t } = useI18n()
  const titleId = useId()
  if (failures.length === 0) return null
  return (
    // It scrolls when long, so it takes focus (keyboard users can scroll it).
    <section className="class-problems" aria-labelledby={titleId} tabIndex={0}>
      <h3 id={titleId}>
        <span aria-hidden="true">⚠ </span>
        {t('class.problemCount', { count: failures.length })}
      </h3>
      <ul>
        {failures.map((f) => (
          <li key={f.file}>
            <span className="class-problem-file">{f.file}</span>: {problemText(t, f.problem)}
          </li>
        ))}
      </ul>
    </section>
  )
}
