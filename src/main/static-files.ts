/**
 * Serving the built renderer, for both shells (browser mode over HTTP, the desktop app over its
 * app:// protocol): only files inside its directory, with the right content types.
 */
import { readFile, realpath, stat } from 'node:fs/promises'
import { extname, resolve, sep } from 'node:path'
import { err, ok, type Result } from '../shared/result'

const CONTENT_TYPES: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.wasm': 'application/wasm',
}

/** The Content-Type for a file name; unknown kinds are plain bytes. */
export function contentTypeOf(file: string): string {
  return CONTENT_TYPES[extname(file).toLowerCase()] ?? 'application/octet-stream'
}

function isInside(root: string, target: string): boolean {
  return target.startsWith(root.endsWith(sep) ? root : root + sep)
}

/**
 * The file a URL path names inside `root`, or null when it names nothing there.
 *
 * The path is percent-decoded first, so `%2e%2e%2f` is caught like `../`; `/` is index.html.
 */
export function resolveInside(root: string, pathname: string): string | null {
  let decoded: string
  try {
    decoded = decodeURIComponent(pathname)
  } catch {
    return null
  }
  if (decoded.includes('\0')) return null
  const relative = decoded.endsWith('/') ? `${decoded}index.html` : decoded
  const target = resolve(root, `.${relative.startsWith('/') ? '' : '/'}${relative}`)
  return isInside(root, target) ? target : null
}

export interface StaticFile {
  body: Buffer
  contentType: string
}

/**
 * Why no file was served: nothing there to serve (404), or the OS could not read it just now
 * (503 with a retry): out of file descriptors (EMFILE, ENFILE), busy, or another I/O error.
 */
export type StaticFileProblem = { kind: 'not-found' } | { kind: 'unavailable'; code: string }

export type StaticFileResult = Result<StaticFile, StaticFileProblem>

/** The file system calls readStaticFile makes; tests pass failing ones. */
export interface StaticFs {
  readFile(path: string): Promise<Buffer>
  realpath(path: string): Promise<string>
  stat(path: string): Promise<{ isFile(): boolean }>
}

const NODE_FS: StaticFs = { readFile: (path) => readFile(path), realpath, stat }

/** Errors that say the path names nothing readable, now or on a retry. */
const ABSENT: ReadonlySet<string> = new Set([
  'ENOENT',
  'ENOTDIR',
  'EISDIR',
  'ENAMETOOLONG',
  'ELOOP',
])

function problemOf(error: unknown): StaticFileProblem {
  const code = (error as NodeJS.ErrnoException | null)?.code
  if (typeof code === 'string' && ABSENT.has(code)) return { kind: 'not-found' }
  return { kind: 'unavailable', code: typeof code === 'string' ? code : 'UNKNOWN' }
}

/**
 * Reads the file a URL path names under `root` (an absolute, symlink-free path).
 *
 * Symlinks are followed only if they stay inside `root`. A path outside it, a missing file or
 * something that is not a regular file is `not-found`; any other failure (EMFILE first of all) is
 * `unavailable`, for the caller to answer "try again" rather than "there is no such file".
 */
export async function readStaticFile(
  root: string,
  pathname: string,
  fs: StaticFs = NODE_FS,
): Promise<StaticFileResult> {
  const target = resolveInside(root, pathname)
  if (target === null) return err({ kind: 'not-found' })
  try {
    const real = await fs.realpath(target)
    if (!isInside(root, real) || !(await fs.stat(real)).isFile()) return err({ kind: 'not-found' })
    return ok({ body: await fs.readFile(real), contentType: contentTypeOf(real) })
  } catch (error) {
    return err(problemOf(error))
  }
}
