/**
 * The desktop-only requests (desktop-contract.ts): native Save and Open dialogs, the clipboard,
 * documentation links in the system browser, and facts about the app.
 *
 * Electron's modules are passed in, so tests (unit and end-to-end) can stand in for the dialogs.
 * Every request is validated first; a cancelled dialog is an answer, not an error.
 */
import { readFile, stat, writeFile } from 'node:fs/promises'
import { basename, dirname, join } from 'node:path'
import type { BrowserWindow, FileFilter, OpenDialogOptions, SaveDialogOptions } from 'electron'
import type {
  DesktopInfo,
  OpenFileAnswer,
  OpenKind,
  SaveFileAnswer,
  SaveFileRequest,
  SaveKind,
} from '../shared/desktop-contract'
import { assertNever, fail, ok, type Result } from '../shared/result'
import { MAX_SESSION_FILE_BYTES } from '../shared/session-file'
import { isAllowedDocUrl, loopbackHttpPort } from '../shared/external-links'
import { validateDesktopRequest } from '../shared/validate-desktop'
import type { DesktopMessageKey, DesktopTranslate } from './desktop-messages'

/** The parts of Electron the services use. */
export interface DesktopDeps {
  dialog: {
    showSaveDialog(window: BrowserWindow, options: SaveDialogOptions): Promise<SaveResult>
    showOpenDialog(window: BrowserWindow, options: OpenDialogOptions): Promise<OpenResult>
  }
  clipboard: { writeText(text: string): void }
  shell: { openExternal(url: string): Promise<void> }
  /** The window the dialogs belong to; null once it is closed. */
  window: () => BrowserWindow | null
  info: DesktopInfo
  /** The ports Socket Lab's listeners listen on now: loopback links may only go there. */
  listeningPorts: () => Promise<ReadonlySet<number>>
  /** The translator for the app's language now (it can change while the app runs). */
  t: () => DesktopTranslate
  /** Where the first dialog of a run opens (the user's documents folder). */
  defaultDir: string
  log: (line: string) => void
}

interface SaveResult {
  canceled: boolean
  filePath?: string
}

interface OpenResult {
  canceled: boolean
  filePaths: string[]
}

export interface DesktopService {
  /** Validates and runs one desktop request. Never throws. */
  handle(channel: unknown, payload: unknown): Promise<Result<unknown>>
}

const SAVE_TEXT: Record<SaveKind, { title: DesktopMessageKey; filter: DesktopMessageKey }> = {
  session: { title: 'dialog.saveSession', filter: 'filter.session' },
  progress: { title: 'dialog.saveProgress', filter: 'filter.progress' },
  csv: { title: 'dialog.saveCsv', filter: 'filter.csv' },
  pcap: { title: 'dialog.savePcap', filter: 'filter.pcap' },
  bytes: { title: 'dialog.saveBytes', filter: 'filter.bytes' },
  text: { title: 'dialog.saveText', filter: 'filter.text' },
}

const EXTENSIONS: Record<SaveKind, string[]> = {
  session: ['json'],
  progress: ['json'],
  csv: ['csv'],
  pcap: ['pcap'],
  bytes: ['bin'],
  text: ['txt'],
}

/** Most bytes the Open dialog reads for each kind: beyond it the file is reported, not read. */
const OPEN_LIMITS: Record<OpenKind, number> = { session: MAX_SESSION_FILE_BYTES }

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error)
}

function fileFailed(message: string): Result<never> {
  return fail({ code: 'FILE_FAILED', message })
}

/** The services for the app's window. */
export function createDesktopService(deps: DesktopDeps): DesktopService {
  // The folder of the last file saved or opened: the next dialog starts there.
  let lastDir = deps.defaultDir

  const filters = (kind: SaveKind): FileFilter[] => {
    const t = deps.t()
    return [
      { name: t(SAVE_TEXT[kind].filter), extensions: EXTENSIONS[kind] },
      { name: t('filter.all'), extensions: ['*'] },
    ]
  }

  async function saveFile(request: SaveFileRequest): Promise<Result<SaveFileAnswer>> {
    const window = deps.window()
    if (!window) return fail({ code: 'BAD_STATE', message: 'The window is closed' })
    const chosen = await deps.dialog.showSaveDialog(window, {
      title: deps.t()(SAVE_TEXT[request.kind].title),
      defaultPath: join(lastDir, request.suggestedName),
      filters: filters(request.kind),
      properties: ['createDirectory', 'showOverwriteConfirmation'],
    })
    if (chosen.canceled || !chosen.filePath) return ok({ path: null })
    try {
      await writeFile(chosen.filePath, request.content)
    } catch (error) {
      deps.log(`Socket Lab: could not save ${chosen.filePath}: ${messageOf(error)}`)
      return fileFailed(messageOf(error))
    }
    lastDir = dirname(chosen.filePath)
    return ok({ path: chosen.filePath })
  }

  async function openFile(kind: OpenKind): Promise<Result<OpenFileAnswer>> {
    const window = deps.window()
    if (!window) return fail({ code: 'BAD_STATE', message: 'The window is closed' })
    const t = deps.t()
    const chosen = await deps.dialog.showOpenDialog(window, {
      title: t('dialog.openSession'),
      defaultPath: lastDir,
      filters: [
        { name: t('filter.session'), extensions: ['json'] },
        { name: t('filter.all'), extensions: ['*'] },
      ],
      properties: ['openFile'],
    })
    const path = chosen.filePaths[0]
    if (chosen.canceled || path === undefined) return ok({ file: null })
    try {
      const info = await stat(path)
      if (!info.isFile()) return fileFailed(`${basename(path)} is not a file`)
      lastDir = dirname(path)
      const name = basename(path)
      if (info.size > OPEN_LIMITS[kind])
        return ok({ file: { name, bytes: info.size, content: null } })
      const content = new Uint8Array(await readFile(path))
      return ok({ file: { name, bytes: content.byteLength, content } })
    } catch (error) {
      deps.log(`Socket Lab: could not open ${path}: ${messageOf(error)}`)
      return fileFailed(messageOf(error))
    }
  }

  async function run(channel: unknown, payload: unknown): Promise<Result<unknown>> {
    const valid = validateDesktopRequest(channel, payload)
    if (!valid.ok) return valid
    const r = valid.value
    switch (r.channel) {
      case 'desktop:info':
        return ok(deps.info)
      case 'desktop:save-file':
        return saveFile(r.request)
      case 'desktop:open-file':
        return openFile(r.request.kind)
      case 'desktop:copy-text':
        deps.clipboard.writeText(r.request.text)
        return ok(null)
      case 'desktop:open-link': {
        const { url } = r.request
        if (!isAllowedDocUrl(url)) {
          const port = loopbackHttpPort(url)
          if (port === null || !(await deps.listeningPorts()).has(port))
            return fail({ code: 'BAD_STATE', message: `No Socket Lab listener is on ${url}` })
        }
        await deps.shell.openExternal(url)
        return ok(null)
      }
      default:
        return assertNever(r)
    }
  }

  return {
    async handle(channel, payload) {
      try {
        return await run(channel, payload)
      } catch (error) {
        deps.log(`Socket Lab: ${String(channel).slice(0, 40)} failed: ${messageOf(error)}`)
        return fail({ code: 'INTERNAL', message: 'Internal error' })
      }
    },
  }
}
