/**
 * Save the session to a file, open a saved one (read-only), export the session as pcap.
 */
import { useRef, useState, type ReactNode } from 'react'
import { openSessionInWorker } from '../../class/worker-reader'
import { buildSessionPcap } from '../../session/pcap'
import { serializeSession, type Session } from '../../../../shared/session-file'
import { fileStamp } from '../../download'
import { useI18n } from '../../i18n/context'
import { collectSession } from '../../session/collect'
import { toPcapConversations } from '../../session/pcap-conversation'
import { useApi, useStore } from '../../state/StoreContext'
import { desktopApi, openSessionFile, saveFile } from '../../shell-io'
import { ClassView } from '../class'
import { SessionProblem, type OpenFailure } from './SessionProblem'

export interface SessionBarProps {
  /** A file was read and checked: show it. */
  onOpen: (session: Session, file: string) => void
}

/** The header's session buttons. */
export function SessionBar({ onOpen }: SessionBarProps): ReactNode {
  const { t } = useI18n()
  const api = useApi()
  const store = useStore()
  const input = useRef<HTMLInputElement>(null)
  const [busy, setBusy] = useState(false)
  const [status, setStatus] = useState<string | null>(null)
  const [failure, setFailure] = useState<OpenFailure | null>(null)
  const [isClassOpen, setClassOpen] = useState(false)
  /** The session file being read in the worker, or null. */
  const [opening, setOpening] = useState<string | null>(null)

  /** Runs a save; its answer is what to report (a path or a name), or null when cancelled. */
  const run = async (work: () => Promise<string | null>): Promise<void> => {
    setBusy(true)
    setStatus(null)
    try {
      const where = await work()
      if (where !== null) setStatus(t('session.saved', { file: where }))
    } catch (error) {
      setStatus(
        t('session.failed', { reason: error instanceof Error ? error.message : String(error) }),
      )
    } finally {
      setBusy(false)
    }
  }

  /** The student's name and progress, in the live app (a saved session's view has none). */
  const studentOf = (): Pick<Session, 'student' | 'progress'> => {
    const { settings, settingsStatus } = store.getState()
    return settingsStatus === 'loaded'
      ? { student: settings.studentName, progress: settings.progress }
      : {}
  }

  const save = () =>
    run(async () =>
      saveFile(
        serializeSession(await collectSession(api, studentOf())),
        `socket-lab-session-${fileStamp()}.json`,
        'session',
      ),
    )

  const exportPcap = () =>
    run(async () => {
      const session = await collectSession(api)
      return saveFile(
        buildSessionPcap(session.connections.flatMap(toPcapConversations)),
        `socket-lab-${fileStamp()}.pcap`,
        'pcap',
      )
    })

  /**
   * Reads and checks a file in the parsing worker (size, then nesting, then every field) and
   * shows it, or says why it cannot be shown. The page's thread never parses it.
   */
  const show = async (file: File): Promise<void> => {
    setOpening(file.name)
    try {
      const read = await openSessionInWorker(file)
      if (read.ok) onOpen(read.value, file.name)
      else setFailure({ file: file.name, problem: read.error })
    } finally {
      setOpening(null)
    }
  }

  /** Browser mode: the file input's choice. */
  const openPicked = async (files: FileList | null): Promise<void> => {
    const file = files?.[0]
    if (input.current) input.current.value = ''
    if (!file) return
    setFailure(null)
    setStatus(null)
    await show(file)
  }

  /** The desktop app: the native Open dialog; a browser: the file input. */
  const open = async (): Promise<void> => {
    const desktop = desktopApi()
    if (!desktop) {
      input.current?.click()
      return
    }
    setFailure(null)
    setStatus(null)
    try {
      const file = await openSessionFile(desktop)
      if (!file) return
      if (file.content === null) {
        setFailure({ file: file.name, problem: { kind: 'too-large', bytes: file.bytes } })
        return
      }
      // IPC's structured clone hands over the bytes on a plain ArrayBuffer, never a shared one.
      await show(new File([file.content as Uint8Array<ArrayBuffer>], file.name))
    } catch (error) {
      setStatus(
        t('session.openError', { reason: error instanceof Error ? error.message : String(error) }),
      )
    }
  }

  return (
    <div className="session-bar">
      <button type="button" onClick={() => void save()} disabled={busy}>
        {t('session.save')}
      </button>
      <button type="button" onClick={() => void open()} disabled={busy || opening !== null}>
        {t('session.open')}
      </button>
      <input
        ref={input}
        type="file"
        accept=".json,application/json"
        hidden
        data-testid="open-session-file"
        onChange={(e) => void openPicked(e.currentTarget.files)}
      />
      <button
        type="button"
        onClick={() => void exportPcap()}
        disabled={busy}
        title={t('session.exportPcapHint')}
      >
        {t('session.exportPcap')}
      </button>
      <button
        type="button"
        aria-haspopup="dialog"
        onClick={() => setClassOpen(true)}
        title={t('class.openHint')}
      >
        {t('class.open')}
      </button>
      <ClassView isOpen={isClassOpen} onClose={() => setClassOpen(false)} />
      {busy && <span role="status">{t('session.working')}</span>}
      {opening !== null && <span role="status">{t('session.opening', { file: opening })}</span>}
      {!busy && status && <span role="status">{status}</span>}
      {failure && <SessionProblem failure={failure} onDismiss={() => setFailure(null)} />}
    </div>
  )
}
