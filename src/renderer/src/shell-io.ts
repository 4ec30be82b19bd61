/**
 * Saving, opening and copying as the shell the page runs in does it: in the desktop app, native
 * dialogs and the main process's clipboard (the page itself has no permissions at all); in a
 * browser, a download, a file input and navigator.clipboard.
 */
import type { DesktopApi, OpenedFile, SaveKind } from '../../shared/desktop-contract'
import { downloadFile } from './download'

/** The desktop app's bridge, or null in browser mode. */
export function desktopApi(): DesktopApi | null {
  return typeof window !== 'undefined' ? (window.socketLabDesktop ?? null) : null
}

const MIME_TYPES: Record<SaveKind, string> = {
  session: 'application/json',
  progress: 'application/json',
  csv: 'text/csv',
  pcap: 'application/vnd.tcpdump.pcap',
  bytes: 'application/octet-stream',
  text: 'text/plain',
}

/**
 * Saves `content` under the suggested `name`: the desktop app asks where with a native dialog, a
 * browser downloads it. Resolves with what to tell the user (the path, or the file name), or null
 * when the dialog was cancelled; rejects with the OS's words when the file could not be written.
 */
export async function saveFile(
  content: Uint8Array | string,
  name: string,
  kind: SaveKind,
): Promise<string | null> {
  const desktop = desktopApi()
  if (!desktop) {
    downloadFile(content, name, MIME_TYPES[kind])
    return name
  }
  const bytes = typeof content === 'string' ? new TextEncoder().encode(content) : content
  const answer = await desktop.saveFile({ kind, suggestedName: name, content: bytes })
  if (!answer.ok) throw new Error(answer.error.message)
  return answer.value.path
}

/**
 * The desktop app's native Open dialog for a saved session: the file (content null when it is too
 * large to read), null when cancelled. Only for the desktop app: a browser uses a file input.
 */
export async function openSessionFile(desktop: DesktopApi): Promise<OpenedFile | null> {
  const answer = await desktop.openFile({ kind: 'session' })
  if (!answer.ok) throw new Error(answer.error.message)
  return answer.value.file
}

/** Whether copying can work here (a browser may have no clipboard outside a secure context). */
export function canCopy(): boolean {
  if (desktopApi()) return true
  return typeof navigator !== 'undefined' && typeof navigator.clipboard?.writeText === 'function'
}

/** Copies `text`; rejects when the clipboard is not available or refuses. */
export async function copyText(text: string): Promise<void> {
  const desktop = desktopApi()
  if (desktop) {
    const answer = await desktop.copyText({ text })
    if (!answer.ok) throw new Error(answer.error.message)
    return
  }
  if (typeof navigator === 'undefined' || !navigator.clipboard) throw new Error('no clipboard')
  await navigator.clipboard.writeText(text)
}

/**
 * Opens one of Socket Lab's own listeners in the system browser (the desktop app; only where a
 * listener really listens) or in a new tab (a browser).
 */
export async function openListenerUrl(url: string): Promise<void> {
  const desktop = desktopApi()
  if (!desktop) {
    window.open(url, '_blank', 'noopener,noreferrer')
    return
  }
  const answer = await desktop.openLink({ url })
  if (!answer.ok) throw new Error(answer.error.message)
}
