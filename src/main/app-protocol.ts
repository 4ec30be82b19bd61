/**
 * The renderer's own origin, app://socket-lab: the built page served from out/renderer instead of
 * file://, so the page is a secure origin of its own (Vite's module scripts load, file:// gets no
 * extra privileges, every response carries the strict CSP).
 */
import { protocol } from 'electron'
import { productionCsp } from './csp'
import { assertNever } from '../shared/result'
import { readStaticFile, type StaticFileProblem, type StaticFs } from './static-files'

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

const PLAIN = { 'Content-Type': 'text/plain; charset=utf-8', 'X-Content-Type-Options': 'nosniff' }

function notFound(): Response {
  return new Response('Not found', { status: 404, headers: PLAIN })
}

/** 404 for nothing there; 503 with a retry for a file the OS could not read just now (EMFILE). */
function refusal(problem: StaticFileProblem): Response {
  switch (problem.kind) {
    case 'not-found':
      return notFound()
    case 'unavailable':
      return new Response(`Temporarily unavailable (${problem.code}): try again`, {
        status: 503,
        headers: { ...PLAIN, 'Retry-After': '1', 'Cache-Control': 'no-store' },
      })
    default:
      return assertNever(problem)
  }
}

/**
 * The answer to one app:// request: a file inside `rendererDir` (absolute, symlink-free), 404 for
 * anything else — another host, a path leaving the folder, a missing file — or 503 with
 * Retry-After when the file could not be read just now (`fs`: tests pass failing calls).
 */
export async function appResponse(
  url: string,
  rendererDir: string,
  fs?: StaticFs,
): Promise<Response> {
  let parsed: URL
  try {
    parsed = new URL(url)
  } catch {
    return notFound()
  }
  if (parsed.protocol !== `${APP_SCHEME}:` || parsed.host !== APP_HOST) return notFound()
  const read = await readStaticFile(rendererDir, parsed.pathname, fs)
  if (!read.ok) return refusal(read.error)
  const file = read.value
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
