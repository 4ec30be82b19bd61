/**
 * The composer: type text (with escapes) or hex, or pick a file, and send it to the selected
 * connection or to every open connection of its listener. Sent bytes come back from the engine as
 * 'out' chunks, so they show up in the conversation.
 */
import { useId, useMemo, useState, type ChangeEvent, type ReactNode } from 'react'
import { toBase64 } from '../../../../shared/byte-formats'
import {
  parseComposerHex,
  parseComposerText,
  type ComposeHexErrorCode,
  type ComposeTextErrorCode,
  type LineEnding,
} from '../../../../shared/compose'
import { MAX_SEND_BYTES, type ConnectionSnapshot } from '../../../../shared/contract'
import { assertNever } from '../../../../shared/result'
import { useI18n, type Translate } from '../../i18n/context'
import { selectConnections, selectListener } from '../../state/selectors'
import { useApi, useAppState } from '../../state/StoreContext'

type Mode = 'text' | 'hex'
type Target = 'this' | 'all'
type Status = { kind: 'ok'; text: string } | { kind: 'error'; text: string } | null

/** Whether we may still write to a connection (not closed, and we have not sent FIN). */
export function canSend(connection: ConnectionSnapshot): boolean {
  return connection.state === 'open' || connection.state === 'peer-ended'
}

function errorReason(t: Translate, code: ComposeTextErrorCode | ComposeHexErrorCode): string {
  switch (code) {
    case 'unknown-escape':
      return t('inspector.composer.code.unknown-escape')
    case 'bad-hex-escape':
      return t('inspector.composer.code.bad-hex-escape')
    case 'trailing-backslash':
      return t('inspector.composer.code.trailing-backslash')
    case 'odd-digits':
      return t('inspector.composer.code.odd-digits')
    case 'bad-hex':
      return t('inspector.composer.code.bad-hex')
    default:
      return assertNever(code)
  }
}

/** The composer form for `connection`. */
export function Composer({ connection }: { connection: ConnectionSnapshot }): ReactNode {
  const { t } = useI18n()
  const api = useApi()
  const id = useId()
  const connections = useAppState(selectConnections)
  const listenerSelector = useMemo(
    () => selectListener(connection.listenerId),
    [connection.listenerId],
  )
  const listener = useAppState(listenerSelector)
  const [message, setMessage] = useState('')
  const [mode, setMode] = useState<Mode>('text')
  const [lineEnding, setLineEnding] = useState<LineEnding>('crlf')
  const [target, setTarget] = useState<Target>('this')
  const [status, setStatus] = useState<Status>(null)
  const [isSending, setIsSending] = useState(false)

  const parsed = useMemo(
    () => (mode === 'hex' ? parseComposerHex(message) : parseComposerText(message, lineEnding)),
    [message, mode, lineEnding],
  )
  const openOfListener = connections.filter(
    (c) => c.listenerId === connection.listenerId && canSend(c),
  )
  const targets = target === 'all' ? openOfListener : canSend(connection) ? [connection] : []
  const canSubmit = parsed.ok && parsed.value.length > 0 && targets.length > 0 && !isSending

  const sendBase64 = async (base64: string, bytes: number): Promise<void> => {
    setIsSending(true)
    setStatus(null)
    try {
      const results = await Promise.all(
        targets.map((c) => api.send({ connectionId: c.id, base64 })),
      )
      const failed = results.find((r) => !r.ok)
      if (failed && !failed.ok)
        setStatus({
          kind: 'error',
          text: t('inspector.composer.failed', { message: failed.error.message }),
        })
      else
        setStatus({
          kind: 'ok',
          text:
            target === 'all'
              ? t('inspector.composer.sentAll', { count: results.length })
              : t('inspector.composer.sent', { count: bytes }),
        })
    } finally {
      setIsSending(false)
    }
  }

  const onSend = (): void => {
    if (!canSubmit || !parsed.ok) return
    void sendBase64(toBase64(parsed.value), parsed.value.length)
  }

  const onFile = async (e: ChangeEvent<HTMLInputElement>): Promise<void> => {
    const input = e.currentTarget
    const file = input.files?.[0]
    if (!file) return
    if (file.size > MAX_SEND_BYTES) {
      setStatus({
        kind: 'error',
        text: t('inspector.composer.tooBig', { size: file.size, max: MAX_SEND_BYTES }),
      })
      input.value = ''
      return
    }
    try {
      const bytes = new Uint8Array(await file.arrayBuffer())
      await sendBase64(toBase64(bytes), bytes.length)
    } catch {
      setStatus({ kind: 'error', text: t('inspector.composer.readFailed') })
    } finally {
      input.value = ''
    }
  }

  const errorId = `${id}-error`
  return (
    <form
      className="composer"
      aria-label={t('inspector.composer')}
      onSubmit={(e) => {
        e.preventDefault()
        onSend()
      }}
    >
      <div className="composer-row composer-message">
        <label htmlFor={`${id}-message`} className="composer-label">
          {t('inspector.composer.message')}
        </label>
        <textarea
          id={`${id}-message`}
          rows={2}
          value={message}
          spellCheck={false}
          aria-invalid={!parsed.ok}
          aria-describedby={parsed.ok ? undefined : errorId}
          onChange={(e) => setMessage(e.target.value)}
          onKeyDown={(e) => {
            if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) {
              e.preventDefault()
              onSend()
            }
          }}
        />
        <div className="composer-send">
          {parsed.ok && (
            <span className="muted">
              {t('inspector.composer.bytes', { count: parsed.value.length })}
            </span>
          )}
          <button type="submit" className="primary" disabled={!canSubmit}>
            {t('inspector.composer.send')}
          </button>
          <label className={`file-button${targets.length === 0 ? ' disabled' : ''}`}>
            {t('inspector.composer.sendFile')}
            <input
              type="file"
              className="visually-hidden"
              disabled={targets.length === 0 || isSending}
              onChange={(e) => void onFile(e)}
            />
          </label>
        </div>
      </div>
      {!parsed.ok && (
        <p id={errorId} role="alert" className="inline-error">
          {t('inspector.composer.error', {
            reason: errorReason(t, parsed.error.code),
            index: parsed.error.index + 1,
          })}
        </p>
      )}
      <div className="composer-row composer-options">
        <label>
          {t('inspector.composer.mode')}{' '}
          <select value={mode} onChange={(e) => setMode(e.target.value as Mode)}>
            <option value="text">{t('inspector.composer.mode.text')}</option>
            <option value="hex">{t('inspector.composer.mode.hex')}</option>
          </select>
        </label>
        {mode === 'text' && (
          <label>
            {t('inspector.composer.lineEnding')}{' '}
            <select
              value={lineEnding}
              onChange={(e) => setLineEnding(e.target.value as LineEnding)}
            >
              <option value="as-typed">{t('inspector.composer.lineEnding.as-typed')}</option>
              <option value="lf">{t('inspector.composer.lineEnding.lf')}</option>
              <option value="crlf">{t('inspector.composer.lineEnding.crlf')}</option>
            </select>
          </label>
        )}
        <label>
          {t('inspector.composer.target')}{' '}
          <select value={target} onChange={(e) => setTarget(e.target.value as Target)}>
            <option value="this">{t('inspector.composer.target.this')}</option>
            <option value="all">
              {t('inspector.composer.target.all', {
                count: openOfListener.length,
                number: listener?.number ?? '?',
              })}
            </option>
          </select>
        </label>
      </div>
      {targets.length === 0 && target === 'this' && (
        <p className="muted">{t('inspector.composer.cannotSend')}</p>
      )}
      {status && (
        <p role="status" className={status.kind === 'error' ? 'inline-error' : 'muted'}>
          {status.text}
        </p>
      )}
    </form>
  )
}
