/**
 * What only the desktop app offers the renderer, beside the engine's Api: native Save and Open
 * dialogs, the clipboard, the system browser for documentation, and facts about the shell.
 *
 * Browser mode has none of it: there the renderer downloads files, reads them from a file input
 * and copies with navigator.clipboard. The preload's `window.socketLabDesktop` satisfies
 * {@link DesktopApi}; the main process validates every request with validate-desktop.ts against
 * the schemas here, before a dialog opens, a file is written or a link leaves the app. A
 * request's type is its schema's input (`v.InferInput`).
 */
import * as v from 'valibot'
import { isAllowedDocUrl, loopbackHttpPort } from './external-links'
import type { Result } from './result'
import { oneOf } from './schema/fields'
import { emptyObject, strictObject } from './schema/object'

/** Largest file the Save dialog writes in one request (a session with every capture, say). */
export const MAX_SAVE_BYTES = 512 * 1024 * 1024
/** Longest text the clipboard request takes. */
export const MAX_COPY_CHARS = 16 * 1024 * 1024
/** Longest suggested file name. */
export const MAX_FILE_NAME_LENGTH = 200

/** Facts about the running desktop app that the GUI shows. */
export interface DesktopInfo {
  /** False only when the user started the app with --no-sandbox on purpose. */
  isSandboxed: boolean
  /** The data folder: settings.json, the log file and the single-instance lock live there. */
  dataDir: string
  logFile: string
  /** An installed app (true) or one run from the project (`npm start`, `npm run dev`). */
  isPackaged: boolean
}

/** What is being saved, so the dialog offers the right file type. */
export type SaveKind = 'session' | 'progress' | 'csv' | 'pcap' | 'bytes' | 'text'

export const SAVE_KINDS: readonly SaveKind[] = [
  'session',
  'progress',
  'csv',
  'pcap',
  'bytes',
  'text',
]

/**
 * A name the Save dialog may offer: no folders (so a page cannot steer the default location), no
 * control characters, not `.` or `..`, at most MAX_FILE_NAME_LENGTH characters.
 */
export function isSafeFileName(name: unknown): name is string {
  if (typeof name !== 'string' || name.length === 0 || name.length > MAX_FILE_NAME_LENGTH)
    return false
  if (name === '.' || name === '..') return false
  // eslint-disable-next-line no-control-regex
  return !/[\u0000-\u001f\u007f/\\:*?"<>|]/.test(name)
}

export const saveFileSchema = strictObject({
  kind: oneOf(SAVE_KINDS),
  /** A file name without folders, offered in the dialog. */
  suggestedName: v.custom<string>(isSafeFileName, 'must be a plain file name'),
  content: v.pipe(
    v.custom<Uint8Array>((content) => content instanceof Uint8Array, 'must be a Uint8Array'),
    // Its size as the object says it: nothing is copied to count the bytes.
    v.check(
      (content) => content.byteLength <= MAX_SAVE_BYTES,
      `is larger than ${MAX_SAVE_BYTES} bytes`,
    ),
  ),
})
export type SaveFileRequest = v.InferInput<typeof saveFileSchema>

export interface SaveFileAnswer {
  /** Where the file was written, or null when the user cancelled the dialog. */
  path: string | null
}

/** What may be opened through the native dialog: saved sessions only. */
export type OpenKind = 'session'

export const OPEN_KINDS: readonly OpenKind[] = ['session']

export const openFileSchema = strictObject({ kind: oneOf(OPEN_KINDS) })
export type OpenFileRequest = v.InferInput<typeof openFileSchema>

export interface OpenedFile {
  /** The file's base name, as the GUI shows it. */
  name: string
  bytes: number
  /** Null when the file is larger than the kind allows (its size says by how much). */
  content: Uint8Array | null
}

export interface OpenFileAnswer {
  /** Null when the user cancelled the dialog. */
  file: OpenedFile | null
}

export const copyTextSchema = strictObject({
  text: v.pipe(
    v.string(`must be a string of at most ${MAX_COPY_CHARS} characters`),
    v.maxLength(MAX_COPY_CHARS, `must be a string of at most ${MAX_COPY_CHARS} characters`),
  ),
})
export type CopyTextRequest = v.InferInput<typeof copyTextSchema>

const LINK_MESSAGE = 'must be a documentation link the app knows, or a loopback http address'

export const openLinkSchema = strictObject({
  /**
   * One of the documentation links in external-links.ts, or a loopback http address on a port
   * one of Socket Lab's own listeners listens on (the lesson's "open it in a browser").
   */
  url: v.pipe(
    v.string(LINK_MESSAGE),
    v.check((url) => isAllowedDocUrl(url) || loopbackHttpPort(url) !== null, LINK_MESSAGE),
  ),
})
export type OpenLinkRequest = v.InferInput<typeof openLinkSchema>

export const emptyDesktopSchema = emptyObject()
export type EmptyDesktopRequest = v.InferInput<typeof emptyDesktopSchema>

/** Every desktop request: its channel, what it takes and what it answers. */
export interface DesktopRequestMap {
  'desktop:info': { request: EmptyDesktopRequest; response: DesktopInfo }
  'desktop:save-file': { request: SaveFileRequest; response: SaveFileAnswer }
  'desktop:open-file': { request: OpenFileRequest; response: OpenFileAnswer }
  'desktop:copy-text': { request: CopyTextRequest; response: null }
  'desktop:open-link': { request: OpenLinkRequest; response: null }
}

export type DesktopChannel = keyof DesktopRequestMap
export type DesktopRequestOf<C extends DesktopChannel> = DesktopRequestMap[C]['request']
export type DesktopResponseOf<C extends DesktopChannel> = DesktopRequestMap[C]['response']

/** The preload's method for each desktop channel. */
export const DESKTOP_METHOD_OF = {
  'desktop:info': 'info',
  'desktop:save-file': 'saveFile',
  'desktop:open-file': 'openFile',
  'desktop:copy-text': 'copyText',
  'desktop:open-link': 'openLink',
} as const satisfies Record<DesktopChannel, string>

export const DESKTOP_CHANNELS = Object.keys(DESKTOP_METHOD_OF) as DesktopChannel[]

export type DesktopApi = {
  [C in DesktopChannel as (typeof DESKTOP_METHOD_OF)[C]]: (
    request: DesktopRequestOf<C>,
  ) => Promise<Result<DesktopResponseOf<C>>>
}
