/**
 * Why a listen failed, for the OS it failed on: the code and Node's message, the explanation, the
 * commands that show more, what the book's Rust program would print, and one-click fixes.
 */
import type { ReactNode } from 'react'
import type { BindFailure, BindFix } from '../../../../shared/bind-failure'
import { assertNever } from '../../../../shared/result'
import { commandsTitle, explainBindFailure } from '../../bind-explain'
import { useI18n, type Translate } from '../../i18n/context'
import { CommandLine } from '../ui'
import { ExcludedPorts } from './ExcludedPorts'
import { WhoHoldsPort } from './WhoHoldsPort'

export interface BindErrorPanelProps {
  failure: BindFailure
  /** Applies the fix to the listener and starts it again. */
  onFix: (fix: BindFix) => void
  isBusy?: boolean
}

function fixLabel(t: Translate, fix: BindFix): string {
  switch (fix.kind) {
    case 'use-port-0':
      return t('bind.fix.port0')
    case 'use-port':
      return t('bind.fix.port', { port: String(fix.port) })
    case 'use-host':
      return t('bind.fix.host', { host: fix.host })
    default:
      return assertNever(fix)
  }
}

/** The red panel under a listener whose start failed with BIND_FAILED. */
export function BindErrorPanel({ failure, onFix, isBusy = false }: BindErrorPanelProps): ReactNode {
  const { t } = useI18n()
  const parts = explainBindFailure(failure)
  const os = t(`os.${failure.platform}`)
  return (
    <div role="alert" className="bind-error">
      <p className="bind-error-title">
        <strong className="error-code">{failure.rawCode}</strong>{' '}
        {t('bind.title', { address: failure.address })}
      </p>
      <p className="bind-error-raw">
        <span className="muted">{t('bind.nodeSays')}: </span>
        <code>{failure.message}</code>
      </p>

      <h4>{t('bind.why', { os })}</h4>
      {parts.map((part, i) =>
        part.kind === 'text' ? (
          <p key={i}>{t(part.key, part.params)}</p>
        ) : (
          <div key={i} className="commands">
            <p className="muted">{t(part.title)}</p>
            {part.commands.map((c) => (
              <CommandLine key={c} command={c} />
            ))}
          </div>
        ),
      )}

      {failure.commands.length > 0 && (
        <>
          <h4>{t(commandsTitle(failure))}</h4>
          <div className="commands">
            {failure.commands.map((c) => (
              <CommandLine key={c} command={c} />
            ))}
          </div>
        </>
      )}
      {failure.code === 'EADDRINUSE' && failure.port > 0 && <WhoHoldsPort port={failure.port} />}
      {failure.code === 'EACCES' && failure.platform === 'win32' && failure.port > 0 && (
        <ExcludedPorts port={failure.port} />
      )}

      <h4>{t('bind.rustTitle')}</h4>
      {failure.rust ? (
        <>
          <code className="block">{failure.rust.bindCall}</code>
          <pre className="rust-output">{failure.rust.panic.join('\n')}</pre>
          <p className="muted">{t('inspector.rust.threadId')}</p>
          <p className="muted">{t('bind.rustExit', { code: String(failure.rust.exitCode) })}</p>
        </>
      ) : (
        <p className="muted">{t('bind.rustUnknown')}</p>
      )}

      {failure.fixes.length > 0 && (
        <>
          <h4>{t('bind.fixes')}</h4>
          <div className="fixes">
            {failure.fixes.map((fix) => (
              <button
                key={JSON.stringify(fix)}
                type="button"
                disabled={isBusy}
                onClick={() => onFix(fix)}
              >
                {fixLabel(t, fix)}
              </button>
            ))}
          </div>
        </>
      )}
    </div>
  )
}
