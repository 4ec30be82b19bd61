/**
 * Save the session to a file, open a saved one (read-only), export the session as pcap.
 */
import { useRef, useState, type ReactNode } from 'react'
import { buildSessionPcap } from '../../../shared/pcap'
import {
  MAX_SESSION_FILE_BYTES,
  parseSessionFile,
  serializeSession,
  type Session,
} from '../../../shared/session-file'
import { downloadFile, fileStamp } from '../download'
import { useI18n } from '../i18n/context'
import { collectSession, toPcapConversation } from '../session/collect'
import { useApi } from '../state/StoreContext'
import { SessionProblem, type OpenFailure } from './SessionProblem'

export interface SessionBarProps {
  /** A file was read and checked: show it. */
  onOpen: (session: Session, file: string) => void
}

/** The header's session buttons. */
export function SessionBar({ onOpen }: SessionBarProps): ReactNode {
  const { t } = useI18n()
  const api = useApi()
  const input = useRef<HTMLInputElement>(null)
  const [busy, setBusy] = useState(false)
  const [status, setStatus] = useState<string | null>(null)
  const [failure, setFailure] = useState<OpenFailure | null>(null)

  const run = async (work: () => Promise<string>): Promise<void> => {
    setBusy(true)
    setStatus(null)
    try {
      setStatus(t('session.saved', { file: await work() }))
    } catch (error) {
      setStatus(
        t('session.failed', { reason: error instanceof Error ? error.message : String(error) }),
      )
    } finally {
      setBusy(false)
    }
  }

  const save = () =>
    run(async () => {
      const file = `socket-lab-session-${fileStamp()}.json`
      downloadFile(serializeSession(await collectSession(api)), file, 'application/json')
      return file
    })

  const exportPcap = () =>
    run(async () => {
      const session = await collectSession(api)
      const file = `socket-lab-${fileStamp()}.pcap`
      downloadFile(
        buildSessionPcap(session.connections.map(toPcapConversation)),
        file,
        'application/vnd.tcpdump.pcap',
      )
      return file
    })

  const open = async (files: FileList | null): Promise<void> => {
    const file = files?.[0]
    if (input.current) input.current.value = ''
    if (!file) return
    setFailure(null)
    setStatus(null)
    if (file.size > MAX_SESSION_FILE_BYTES) {
      setFailure({ file: file.name, problem: { kind: 'too-large', bytes: file.size } })
      return
    }
    let text: string
    try {
      text = await file.text()
    } catch {
      setFailure({ file: file.name, problem: { kind: 'unreadable' } })
      return
    }
    const parsed = parseSessionFile(text)
    if (parsed.ok) onOpen(parsed.session, file.name)
    else setFailure({ file: file.name, problem: parsed.problem })
  }

  return (
    <div className="session-bar">
      <button type="button" onClick={() => void save()} disabled={busy}>
        {t('session.save')}
      </button>
      <button type="button" onClick={() => input.current?.click()} disabled={busy}>
        {t('session.open')}
      </button>
      <input
        ref={input}
        type="file"
        accept=".json,application/json"
        hidden
        data-testid="open-session-file"
        onChange={(e) => void open(e.currentTarget.files)}
      />
      <button
        type="button"
        onClick={() => void exportPcap()}
        disabled={busy}
        title={t('session.exportPcapHint')}
      >
        {t('session.exportPcap')}
      </button>
      {busy && <span role="status">{t('session.working')}</span>}
      {!busy && status && <span role="status">{status}</span>}
      {failure && <SessionProblem failure={failure} onDismiss={() => setFailure(null)} />}
    </div>
  )
}
