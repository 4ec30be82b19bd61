/**
 * A stage's Rust code, folded by default, with a Copy button (none when there is no clipboard).
 */
import { useState, type ReactNode } from 'react'
import { useI18n } from '../../i18n/context'
import { canCopy, copyText } from '../../shell-io'

type CopyStatus = 'idle' | 'copied' | 'failed'

/** `<details>` holding the code in `<pre><code>`. */
export function LessonCode({ code }: { code: string }): ReactNode {
  const { t } = useI18n()
  const [status, setStatus] = useState<CopyStatus>('idle')
  const copy = (): void => {
    copyText(code).then(
      () => {
        setStatus('copied')
        setTimeout(() => setStatus('idle'), 1500)
      },
      () => setStatus('failed'),
    )
  }
  return (
    <details className="lesson-code">
      <summary>{t('lessons.code')}</summary>
      {canCopy() && (
        <button
          type="button"
          className="small lesson-copy"
          onClick={copy}
          aria-label={t('lessons.copyLabel')}
        >
          {status === 'copied' ? t('lessons.copied') : t('lessons.copy')}
        </button>
      )}
      {status === 'failed' && (
        <p role="alert" className="inline-error">
          {t('lessons.copyFailed')}
        </p>
      )}
      <pre>
        <code>{code}</code>
      </pre>
    </details>
  )
}
