/**
 * Serving the built renderer, for both shells (browser mode over HTTP, the desktop app over its
 * app:// protocol): only files inside its directory, with the right content types.
 */
import { readFile, realpath, stat } from 'node:fs/promises'
import { extname, resolve, sep } from 'node:path'

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
 * Reads the file a URL path names under `root` (an absolute, symlink-free path), or null.
 *
 * Symlinks are followed only if they stay inside `root`.
 */
export async function readStaticFile(root: string, pathname: string): Promise<StaticFile | null> {
  const target = resolveInside(root, pathname)
  if (target === null) return null
  try {
    const real = await realpath(target)
    if (!isInside(root, real) || !(await stat(real)).isFile()) return null
    return { body: await readFile(real), contentType: contentTypeOf(real) }
  } catch {
    return null
  }
}
