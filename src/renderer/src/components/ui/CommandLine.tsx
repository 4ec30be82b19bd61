/**
 * A command in a code block with a copy button (the clipboard may be unavailable: then no button).
 */
import { useState, type ReactNode } from 'react'
import { useI18n } from '../../i18n/context'
import { canCopy, copyText } from '../../shell-io'

/** One command, shown as typed, with a Copy button. */
export function CommandLine({ command }: { command: string }): ReactNode {
  const { t } = useI18n()
  const [isCopied, setCopied] = useState(false)
  const copy = (): void => {
    copyText(command).then(
      () => {
        setCopied(true)
        setTimeout(() => setCopied(false), 1500)
      },
      () => setCopied(false),
    )
  }
  return (
    <div className="command">
      <code>{command}</code>
      {canCopy() && (
        <button
          type="button"
          className="small"
          onClick={copy}
          aria-label={t('bind.copyLabel', { command })}
        >
          {isCopied ? t('bind.copied') : t('bind.copy')}
        </button>
      )}
    </div>
  )
}
