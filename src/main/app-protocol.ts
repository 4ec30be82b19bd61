/**
 * The renderer's own origin, app://socket-lab: the built page served from out/renderer instead of
 * file://, so the page is a secure origin of its own (Vite's module scripts load, file:// gets no
 * extra privileges, every response carries the strict CSP).
 */
import { protocol } from 'electron'
import { productionCsp } from './csp'
import { readStaticFile } from './static-files'

export const APP_SCHEME = 'app'
export const APP_HOST = 'socket-lab'
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`
/** Where the built renderer is loaded from. */
export const APP_INDEX_URL = `${APP_ORIGIN}/index.html`

/**
 * Declares app:// a standard, secure scheme. Electron requires this before the app is ready.
 *
 * Not `corsEnabled`: that would let other origins read it without any CORS check, and the page
 * only ever loads its own origin's files.
 */
export function registerAppScheme(): void {
  protocol.registerSchemesAsPrivileged([
    {
      scheme: APP_SCHEME,
      privileges: { standard: true, secure: true, supportFetchAPI: true, codeCache: true },
    },
  ])
}

function notFound(): Response {
  return new Response('Not found', {
    status: 404,
    headers: { 'Content-Type': 'text/plain; charset=utf-8', 'X-Content-Type-Options': 'nosniff' },
  })
}

/**
 * The answer to one app:// request: a file inside `rendererDir` (absolute, symlink-free), or 404
 * for anything else — another host, a path leaving the folder, a missing file.
 */
export async function appResponse(url: string, rendererDir: string): Promise<Response> {
  let parsed: URL
  try {
    parsed = new URL(url)
  } catch {
    return notFound()
  }
  if (parsed.protocol !== `${APP_SCHEME}:` || parsed.host !== APP_HOST) return notFound()
  const file = await readStaticFile(rendererDir, parsed.pathname)
  if (!file) return notFound()
  return new Response(new Uint8Array(file.body), {
    status: 200,
    headers: {
      'Content-Type': file.contentType,
      // Narrows the page's meta policy: the desktop page opens no WebSocket at all.
      'Content-Security-Policy': productionCsp(),
      'X-Content-Type-Options': 'nosniff',
      'Cache-Control': 'no-store',
    },
  })
}

/** Serves app:// from `rendererDir`; call once the app is ready. */
export function handleAppProtocol(rendererDir: string): void {
  protocol.handle(APP_SCHEME, (request) => appResponse(request.url, rendererDir))
}
